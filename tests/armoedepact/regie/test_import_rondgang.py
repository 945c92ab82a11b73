"""Spreadsheets that round-trip (issue 20): the coordinator exports regelingen or norms
as XLSX from /beheer/, changes one cell in a real spreadsheet file (openpyxl), and reads
it back in with a dry run and for real. A broken row names its row and column in Dutch
and changes nothing; a regeling import runs the testgevallen first."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from regelingen.models import Normbedrag, Regeling, Testgeval
from regelingen.resources import NormbedragResource, RegelingResource
from tests.armoedepact.regie.otp import otp_verifieer

pytestmark = pytest.mark.django_db

REGELINGEN = "/beheer/regelingen/regeling/"
NORMEN = "/beheer/regelingen/normbedrag/"
XLSX = "1"  # the second format of CsvXlsxImportExportMixin


@pytest.fixture
def coordinator(client, django_user_model, regelingen_demo):
    user = django_user_model.objects.create_user(
        username="coordinator@voorbeeld.nl", password="x" * 20, is_staff=True, first_name="Cora"
    )
    user.groups.add(Group.objects.get(name="coördinator"))
    client.force_login(user)
    otp_verifieer(client, user)
    return client


def _exporteer(client, url: str, resource) -> openpyxl.Workbook:
    velden = {f"{resource.__name__.lower()}_{veld}": "on" for veld in resource().get_export_order()}
    response = client.post(f"{url}export/", {"format": XLSX, "resource": "0", **velden})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _cel(werkboek, sleutel: str, kolom: str, waarde) -> int:
    """Set one cell of the row whose first column is `sleutel`; returns the data row number."""
    blad = werkboek.active
    kop = [cel.value for cel in blad[1]]
    for nummer, rij in enumerate(blad.iter_rows(min_row=2), start=1):
        if rij[0].value == sleutel:
            rij[kop.index(kolom)].value = waarde
            return nummer
    raise AssertionError(f"{sleutel} is not in the export")


def _inlezen(client, url: str, werkboek):
    inhoud = io.BytesIO()
    werkboek.save(inhoud)
    bestand = SimpleUploadedFile("bestand.xlsx", inhoud.getvalue())
    return client.post(f"{url}import/", {"format": XLSX, "import_file": bestand})


def _bevestigen(client, url: str, response):
    form = response.context["confirm_form"]
    data = {naam: form.initial[naam] for naam in ("import_file_name", "original_file_name", "format", "resource")}
    return client.post(f"{url}process_import/", data)


def _stand():
    return [{k: v for k, v in r.items() if k != "gewijzigd_op"} for r in Regeling.objects.order_by("slug").values()]


def test_regelingen_xlsx_one_changed_cell_dry_run_then_real(coordinator):
    werkboek = _exporteer(coordinator, REGELINGEN, RegelingResource)
    _cel(werkboek, "leergeld", "naam", "Stichting Leergeld (nieuw)")
    voor = _stand()

    response = _inlezen(coordinator, REGELINGEN, werkboek)
    html = response.content.decode()
    assert response.status_code == 200
    assert "process_import" in html  # the confirm button
    assert "violates" not in html and "null value" not in html
    assert _stand() == voor  # the dry run changed nothing

    response = _bevestigen(coordinator, REGELINGEN, response)
    assert response.status_code == 302
    assert Regeling.objects.get(slug="leergeld").naam == "Stichting Leergeld (nieuw)"
    # Only that one cell changed: every other row and column is as it was.
    na = {r["slug"]: r for r in _stand()}
    for rij in voor:
        verwacht = {**rij, "naam": "Stichting Leergeld (nieuw)"} if rij["slug"] == "leergeld" else rij
        assert na[rij["slug"]] == verwacht


def test_norms_xlsx_one_changed_cell_round_trips(coordinator):
    werkboek = _exporteer(coordinator, NORMEN, NormbedragResource)
    blad = werkboek.active
    rij = next(r for r in blad.iter_rows(min_row=2) if r[0].value == "samen_21" and r[2].value == "2026-01-01")
    rij[1].value = "2010,00"
    response = _bevestigen(coordinator, NORMEN, _inlezen(coordinator, NORMEN, werkboek))
    assert response.status_code == 302
    assert Normbedrag.objects.get(huishoudtype="samen_21", geldig_vanaf="2026-01-01").bedrag == Decimal("2010.00")


@pytest.mark.parametrize(
    ("kolom", "waarde", "reden"),
    [
        ("naam", None, "Dit veld kan niet leeg zijn"),
        ("laatst_gecontroleerd", "15 maart 2026", "De datum '15 maart 2026' kunnen we niet lezen"),
        ("percentage", "veel", "'veel' is geen getal"),
        ("min_leeftijd", "achttien", "'achttien' is geen heel getal"),
        ("actief", "misschien", "Schrijf ja of nee"),
        ("uitvoerder", "bestaat-niet", "Er is geen organisatie met de slug 'bestaat-niet'"),
    ],
)
def test_broken_regeling_row_names_row_and_column_and_changes_nothing(coordinator, kolom, waarde, reden):
    werkboek = _exporteer(coordinator, REGELINGEN, RegelingResource)
    _cel(werkboek, "participatiefonds", "naam", "Dit zou ook veranderen")
    rij = _cel(werkboek, "leergeld", kolom, waarde)
    voor = _stand()

    html = _inlezen(coordinator, REGELINGEN, werkboek).content.decode()
    assert f"Rij {rij}, kolom {kolom}: {reden}" in html.replace("&#x27;", "'")
    assert "Er is niets veranderd" in html
    assert "process_import" not in html  # nothing to confirm
    assert "violates" not in html and "null value" not in html
    assert _stand() == voor


def test_broken_norm_row_unknown_household_type(coordinator):
    werkboek = _exporteer(coordinator, NORMEN, NormbedragResource)
    blad = werkboek.active
    blad.append(["alleen_met_hond", "1000", "2026-07-01"])
    voor = list(Normbedrag.objects.values_list("huishoudtype", "bedrag", "geldig_vanaf"))
    html = _inlezen(coordinator, NORMEN, werkboek).content.decode().replace("&#x27;", "'")
    assert f"Rij {blad.max_row - 1}, kolom huishoudtype: Waarde 'alleen_met_hond' is geen geldige keuze" in html
    assert list(Normbedrag.objects.values_list("huishoudtype", "bedrag", "geldig_vanaf")) == voor


def _testgeval(verwacht: str) -> Testgeval:
    """A single adult of 40 with an income of 107% of the 2026 norm: 'ja' at 120%."""
    return Testgeval.objects.create(
        regeling=Regeling.objects.get(slug="collectieve-zorgverzekering"),
        naam=f"Alleenstaande, 1500 euro (verwacht {verwacht})",
        leeftijd=40,
        netto_inkomen=Decimal("1500"),
        vermogen=Decimal("0"),
        verwachte_uitkomst=verwacht,
    )


def test_regeling_import_shows_changed_testgeval_outcomes_before_it_is_applied(coordinator):
    _testgeval("nee")  # fails today; the file makes it pass
    werkboek = _exporteer(coordinator, REGELINGEN, RegelingResource)
    _cel(werkboek, "collectieve-zorgverzekering", "percentage", "90")

    response = _inlezen(coordinator, REGELINGEN, werkboek)
    html = response.content.decode()
    assert "Testgevallen met een andere uitkomst na opslaan (1)" in html
    assert "Alleenstaande, 1500 euro (verwacht nee)" in html
    assert "process_import" in html
    assert Regeling.objects.get(slug="collectieve-zorgverzekering").percentage == Decimal("120")

    assert _bevestigen(coordinator, REGELINGEN, response).status_code == 302
    assert Regeling.objects.get(slug="collectieve-zorgverzekering").percentage == Decimal("90")


def test_regeling_import_that_breaks_a_testgeval_is_refused(coordinator):
    _testgeval("ja")  # passes today
    werkboek = _exporteer(coordinator, REGELINGEN, RegelingResource)
    _cel(werkboek, "collectieve-zorgverzekering", "percentage", "90")
    _cel(werkboek, "leergeld", "naam", "Dit zou ook veranderen")
    voor = _stand()

    html = _inlezen(coordinator, REGELINGEN, werkboek).content.decode()
    assert "Het bestand is niet ingelezen" in html
    assert "klopt de uitkomst van 1 testgeval(len) niet meer" in html
    assert "Alleenstaande, 1500 euro (verwacht ja)" in html
    assert "(klopt dan niet)" in html
    assert "process_import" not in html
    assert _stand() == voor


def test_testgeval_that_breaks_between_dry_run_and_confirm_stops_the_real_import(coordinator):
    werkboek = _exporteer(coordinator, REGELINGEN, RegelingResource)
    _cel(werkboek, "collectieve-zorgverzekering", "percentage", "90")
    response = _inlezen(coordinator, REGELINGEN, werkboek)
    assert "process_import" in response.content.decode()
    _testgeval("ja")  # added by a colleague before the coordinator confirms
    voor = _stand()

    response = _bevestigen(coordinator, REGELINGEN, response)
    assert response.status_code == 302 and response["Location"].endswith(f"{REGELINGEN}import/")
    melding = coordinator.get(response["Location"]).content.decode()
    assert "Er is niets ingelezen en niets veranderd" in melding
    assert _stand() == voor
