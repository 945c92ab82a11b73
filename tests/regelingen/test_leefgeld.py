"""The leefgeld test (a second kind of income test), used by the demo Voedselbank:
net income per month plus toeslagen, minus fixed costs, must be lower than a base
amount plus an amount per person.

Figures: Voedselbanken Nederland's national criteria from 1 January 2024, € 200 per
household plus € 115 per person per month (as summarised by Voedselbank Lelystad,
voedselbanklelystad.nl/voedselhulp/regels-en-criteria); 2026 figures not found, so
the demo marks them as a voorbeeld. Income counts toeslagen but not kinderbijslag;
"lager dan" the norm passes (the source's words), so exactly at the norm does not.
"""

import dataclasses
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from regelingen import eligibility as e
from regelingen.demo_invoer import demo_normen, demo_regels

VOEDSELBANK = dataclasses.replace(next(r for r in demo_regels() if r.slug == "voedselbank"), actief=True)


def _huishouden(**wijziging):
    basis = {
        "peildatum": date(2026, 3, 1),
        "woont_in_gemeente": True,
        "leeftijd": 35,
        "partner": False,
        "leeftijd_partner": None,
        "kinderen": (),
        "netto_inkomen": Decimal("1400"),
        "vermogen": None,
        "jaren_laag_inkomen": None,
        "student": False,
    }
    return e.Huishouden(**(basis | wijziging))


# (omschrijving, household, uitkomst, phrase in the reasons). Norm: 200 + 115 x persons.
GEVALLEN = [
    ("1 persoon, 314,99 over: net onder € 315", {"vaste_lasten": Decimal("1085.01")}, "ja", "€ 314,99"),
    ("1 persoon, precies € 315 over: niet lager", {"vaste_lasten": Decimal("1085.00")}, "nee", "€ 315,00"),
    ("1 persoon, ruim genoeg over", {"vaste_lasten": Decimal("600")}, "nee", "€ 800,00"),
    (
        "alleenstaande ouder, 2 kinderen: grens € 545",
        {"kinderen": (7, 12), "vaste_lasten": Decimal("856")},
        "ja",
        "3 personen is € 545,00",
    ),
    (
        "alleenstaande ouder, 2 kinderen, € 545 over",
        {"kinderen": (7, 12), "vaste_lasten": Decimal("855")},
        "nee",
        "€ 545,00",
    ),
    (
        "stel met 3 kinderen: grens € 775",
        {
            "partner": True,
            "leeftijd_partner": 36,
            "kinderen": (1, 4, 9),
            "netto_inkomen": Decimal("2200"),
            "vaste_lasten": Decimal("1430"),
        },
        "ja",
        "5 personen is € 775,00",
    ),
    (
        "toeslagen tellen mee als inkomen",
        {"vaste_lasten": Decimal("1085.01"), "toeslagen_per_maand": Decimal("129")},
        "nee",
        "plus toeslagen € 129,00",
    ),
    (
        "vaste lasten onbekend: misschien",
        {"vaste_lasten_gevraagd": True},
        "misschien",
        "We weten uw vaste lasten niet",
    ),
    ("schulden: meer lasten dan inkomen", {"vaste_lasten": Decimal("1500")}, "ja", "€ -100,00"),
]


@pytest.mark.parametrize(("omschrijving", "wijziging", "uitkomst", "zin"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_leefgeld_table(omschrijving, wijziging, uitkomst, zin):
    resultaat = e.beoordeel(_huishouden(**wijziging), (VOEDSELBANK,), demo_normen())
    u = resultaat.uitkomsten[0]
    assert u.uitkomst == uitkomst, u.redenen
    assert any(zin in r for r in u.redenen), u.redenen
    assert u.inkomensgrens is None  # no percentage test beside it


def test_the_command_counts_the_estimated_toeslagen(demo_data, monkeypatch, capsys):
    from django.core.management import call_command

    from regelingen.models import Regeling

    Regeling.objects.filter(slug="voedselbank").update(actief=True)
    huishouden = {
        "peildatum": "2026-03-01",
        "woont_in_gemeente": True,
        "leeftijd": 35,
        "partner": False,
        "kinderen": [],
        "netto_inkomen": "1400.00",
        "vermogen": "0",
        "vaste_lasten": "1200",
    }
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(huishouden).encode())))
    call_command("potjeswijzer")
    uit = json.loads(capsys.readouterr().out)
    voedselbank = next(u for u in uit["uitkomsten"] if u["regeling"] == "voedselbank")
    # 1400 + zorgtoeslag 129 (1400 x 14.9 = 20.860, the maximum) - 1200 = 329: not lower than 315.
    assert voedselbank["uitkomst"] == "nee"
    assert any("plus toeslagen € 129,00" in r for r in voedselbank["redenen"])


def test_the_check_asks_fixed_costs_only_when_a_leefgeld_regeling_is_active(client, demo_data):
    from regelingen.models import Regeling
    from regelingen.voorbeeld import ALLEENSTAANDE_OUDER
    from tests.regelingen.test_check_views import doorloop

    Regeling.objects.filter(slug="voedselbank").update(actief=False)
    doorloop(client, [s for s in ALLEENSTAANDE_OUDER if s[0] != "vaste-lasten"], tot_uitslag=False)
    assert client.get("/check/vaste-lasten/")["Location"] == "/check/controleren/"  # not asked

    Regeling.objects.filter(slug="voedselbank").update(actief=True)  # as in the demo
    assert client.get("/check/controleren/")["Location"] == "/check/vaste-lasten/"
    assert "Hoeveel vaste lasten heeft u per maand?" in client.get("/check/vaste-lasten/").content.decode()
    assert client.post("/check/vaste-lasten/", {"vaste_lasten": "1400 euro"}).status_code == 302
    doorloop(client, ALLEENSTAANDE_OUDER[-1:])
    html = client.get("/check/uitslag/").content.decode()
    # 1650 + zorgtoeslag 129 (kinderbijslag does not count) - 1400 = 379, lower than 200 + 3 x 115 = 545.
    assert "U houdt per maand ongeveer € 379,00 over" in html
    assert "(voorbeeld)" in html
