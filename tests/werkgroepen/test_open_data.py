"""Open data of the pact (issue 19): /pact/open-data.zip holds one CSV per table,
linked from the pact pages; formula-like text stays text; private meetings and
retired pillars stay out."""

import csv
import io
import zipfile
from datetime import date

import pytest

from werkgroepen import services
from werkgroepen.models import ActiepuntStatus

from . import factories as f

pytestmark = pytest.mark.django_db


def _tabellen(client) -> dict[str, list[dict]]:
    response = client.get("/pact/open-data.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "open-data-pact.zip" in response["Content-Disposition"]
    archief = zipfile.ZipFile(io.BytesIO(response.content))
    return {
        naam: list(csv.DictReader(io.StringIO(archief.read(naam).decode("utf-8"))))
        for naam in archief.namelist()
        if naam.endswith(".csv")
    } | {"LEESMIJ.txt": archief.read("LEESMIJ.txt").decode("utf-8")}


def test_the_zip_holds_pillars_goals_action_points_progress_meetings_and_signatories(client):
    pad = f.PijlerFactory(slug="werk", naam="Werk en inkomen")
    f.PijlerFactory(slug="oud", naam="Oude pijler", actief=False)
    doel = f.DoelFactory(pijler=pad, titel="Meer mensen aan het werk")
    humanitas = f.OrganisatieFactory(naam="Humanitas", pactpartner=True, pactpartner_sinds=date(2024, 5, 1))
    kwaad = f.OrganisatieFactory(naam='=HYPERLINK("http://kwaad.example")', pactpartner=True)
    zwaar = f.ActiepuntFactory(
        pijler=pad,
        doel=doel,
        titel="Banenmarkt",
        gewicht=3,
        periode_van=date(2026, 3, 1),
        periode_tot=date(2026, 6, 30),
    )
    zwaar.organisaties.add(humanitas, kwaad)
    f.ActiepuntFactory(pijler=pad, doel=doel, titel="Budgetcursus", gewicht=1)
    services.voortgang_toevoegen(
        actiepunt=zwaar,
        tekst="-1 werkgever haakte af",
        door=None,
        organisatie=humanitas,
        percentage=80,
        status=ActiepuntStatus.BEZIG,
        direct=True,
    )
    f.BijeenkomstFactory(titel="Netwerkbijeenkomst", gastorganisatie=humanitas)
    f.BijeenkomstFactory(titel="Besloten overleg", openbaar=False)

    tabellen = _tabellen(client)

    onderdelen = {r["naam"]: r["voortgang_procent"] for r in tabellen["onderdelen.csv"]}
    assert onderdelen["Werk en inkomen"] == "60"  # (3 x 80 + 1 x 0) / 4
    assert "Oude pijler" not in onderdelen  # retired: not on the website, not in the data
    assert [(r["titel"], r["voortgang_procent"]) for r in tabellen["doelen.csv"]] == [
        ("Meer mensen aan het werk", "60")
    ]
    banenmarkt = next(r for r in tabellen["actiepunten.csv"] if r["titel"] == "Banenmarkt")
    assert banenmarkt["voortgang_procent"] == "80"
    assert banenmarkt["status"] == "Bezig"
    assert (banenmarkt["wanneer_van"], banenmarkt["wanneer_tot"]) == ("2026-03-01", "2026-06-30")
    assert {naam.lstrip("'") for naam in banenmarkt["wie"].split("; ")} == {
        "Humanitas",
        '=HYPERLINK("http://kwaad.example")',
    }
    assert banenmarkt["wie"][0] not in "=+-@"
    # Text a spreadsheet would run as a formula starts with an apostrophe.
    [update] = tabellen["voortgang.csv"]
    assert update["tekst"] == "'-1 werkgever haakte af"
    assert update["procent"] == "80" and update["organisatie"] == "Humanitas"
    assert [r["titel"] for r in tabellen["bijeenkomsten.csv"]] == ["Netwerkbijeenkomst"]
    assert tabellen["bijeenkomsten.csv"][0]["gastorganisatie"] == "Humanitas"
    ondertekenaars = {r["organisatie"]: r["partner_sinds"] for r in tabellen["ondertekenaars.csv"]}
    assert ondertekenaars["Humanitas"] == "2024-05-01"
    assert '\'=HYPERLINK("http://kwaad.example")' in ondertekenaars
    assert "pijlers" in tabellen["LEESMIJ.txt"]


def test_the_pact_pages_link_to_the_zip(client):
    for pagina in ("/pact/", "/pact/partners/"):
        assert 'href="/pact/open-data.zip"' in client.get(pagina).content.decode()
