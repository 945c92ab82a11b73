"""The four national allowances (regelingen/toeslagen.py): one table per allowance,
cases around every limit, each with the source of the figure it tests. Every case
runs through the pure function and through `manage.py potjeswijzer` (key `landelijk`).

Sources (fixtures/toeslagen.json, docs/toeslagen.md):
- zorgtoeslag 2026: max € 129 / € 246 per month (Rijksoverheid via Metro 24-11-2025),
  inkomensgrens € 40.857 / € 51.142 and vermogensgrens € 141.896 / € 179.429 (overstappen.nl),
  afbouw 13,7% (Wet op de zorgtoeslag art. 2 lid 3).
- huurtoeslag 2026: huurgrens € 932,93, 18-20 € 498,20, vermogen € 38.479 (Dienst Toeslagen
  24-11-2025), € 76.958 with partner (Metro 25-11-2025); no 2026 basishuur: no amount.
- kinderbijslag 2026 Q1/Q2: € 295,07 / € 358,30 / € 421,53 per quarter (SVB via slimgeldbeheer.nl).
- kindgebonden budget 2026: amounts not found: "misschien" without an amount.
"""

import io
import json
import re
from datetime import date
from decimal import Decimal

import pytest

from regelingen import toeslagen as t
from regelingen.invoer import huishouden_uit_dict

BASIS = {
    "peildatum": "2026-03-01",
    "woont_in_gemeente": True,
    "leeftijd": 35,
    "partner": False,
    "kinderen": [],
    "netto_inkomen": "1500.00",
    "vermogen": "1000",
}

# (omschrijving, changes to BASIS, allowance, uitkomst, bedrag_per_jaar or None, a phrase in the reasons)
ZORGTOESLAG = [
    ("laag inkomen: het maximum van € 129", {"toetsingsinkomen": "20000"}, "ja", "1548.00", "€ 129,00 per maand"),
    ("net onder het drempelpunt: nog het maximum", {"toetsingsinkomen": "29557"}, "ja", "1548.00", "€ 129,00"),
    ("boven het drempelpunt: 13,7% minder", {"toetsingsinkomen": "30000"}, "ja", "1487.40", "€ 123,95"),
    ("precies op de grens € 40.857: € 0", {"toetsingsinkomen": "40857"}, "nee", None, "€ 0"),
    ("een euro boven de grens", {"toetsingsinkomen": "40858"}, "nee", None, "€ 40.857"),
    (
        "partner: grens € 51.142, max € 246",
        {"partner": True, "leeftijd_partner": 36, "toetsingsinkomen": "30000"},
        "ja",
        "2896.44",
        "€ 241,37",
    ),
    (
        "partner boven de grens",
        {"partner": True, "leeftijd_partner": 36, "toetsingsinkomen": "51143"},
        "nee",
        None,
        "€ 51.142",
    ),
    ("vermogen op de grens € 141.896", {"toetsingsinkomen": "20000", "vermogen": "141896"}, "ja", "1548.00", "€ 129"),
    ("vermogen een euro te veel", {"toetsingsinkomen": "20000", "vermogen": "141897"}, "nee", None, "€ 141.896"),
    ("vermogen onbekend", {"toetsingsinkomen": "20000", "vermogen": None}, "misschien", "1548.00", "spaargeld"),
    ("17 jaar", {"leeftijd": 17, "toetsingsinkomen": "20000"}, "nee", None, "vanaf 18 jaar"),
    ("geschat inkomen ver onder de grens", {"netto_inkomen": "1650.00"}, "ja", "1548.00", "ongeveer € 24.585"),
    ("geschat inkomen dicht bij de grens", {"netto_inkomen": "2600.00"}, "misschien", "290.04", "schatting"),
    # What you already get is still estimated (a scenario shows when it stops), marked as such.
    ("krijgt het al", {"ontvangt": ["zorgtoeslag"]}, "ja", "1548.00", "U krijgt dit al"),
    (
        "krijgt het al, maar boven de grens",
        {"ontvangt": ["zorgtoeslag"], "toetsingsinkomen": "45000"},
        "misschien",
        None,
        "past u misschien niet meer",
    ),
]
HUURTOESLAG = [
    ("huurder, € 750 huur: geen bedrag, proefberekening", {"huur": "750"}, "misschien", None, "€ 750,00 kale huur"),
    ("huur boven € 932,93: alleen het deel tot de grens", {"huur": "950"}, "misschien", None, "tot € 932,93"),
    ("19 jaar: grens € 498,20", {"leeftijd": 19, "huur": "600"}, "misschien", None, "tot € 498,20"),
    (
        "19 jaar met partner van 25: de oudste telt",
        {"leeftijd": 19, "partner": True, "leeftijd_partner": 25, "huur": "600"},
        "misschien",
        None,
        "€ 600,00 kale huur per maand.",
    ),
    ("koophuis (huur 0)", {"huur": "0"}, "nee", None, "alleen voor huurders"),
    ("huur onbekend", {}, "misschien", None, "weet niet of u huurt"),
    ("vermogen op de grens € 38.479", {"huur": "750", "vermogen": "38479"}, "misschien", None, "proefberekening"),
    ("vermogen een euro te veel", {"huur": "750", "vermogen": "38480"}, "nee", None, "€ 38.479"),
    (
        "partner: vermogensgrens € 76.958",
        {"partner": True, "leeftijd_partner": 40, "huur": "750", "vermogen": "76958"},
        "misschien",
        None,
        "proefberekening",
    ),
    (
        "partner: een euro te veel",
        {"partner": True, "leeftijd_partner": 40, "huur": "750", "vermogen": "76959"},
        "nee",
        None,
        "€ 76.958",
    ),
    (
        "servicekosten tellen niet mee (2026)",
        {"huur": "750", "servicekosten": "45"},
        "misschien",
        None,
        "Servicekosten tellen vanaf 2026 niet mee",
    ),
    ("17 jaar", {"leeftijd": 17, "huur": "500"}, "nee", None, "vanaf 18 jaar"),
    ("krijgt het al", {"huur": "750", "ontvangt": ["huurtoeslag"]}, "ja", None, "U krijgt dit al"),
]
KINDERBIJSLAG = [
    ("geen kinderen", {}, "nee", None, "geen kinderen"),
    ("baby van 0: € 295,07 per kwartaal", {"kinderen": [0]}, "ja", "1180.28", "€ 295,07 per kwartaal"),
    ("kind van 5: nog het laagste bedrag", {"kinderen": [5]}, "ja", "1180.28", "€ 295,07"),
    ("kind van 6: € 358,30", {"kinderen": [6]}, "ja", "1433.20", "€ 358,30"),
    ("kind van 11", {"kinderen": [11]}, "ja", "1433.20", "€ 358,30"),
    ("kind van 12: € 421,53", {"kinderen": [12]}, "ja", "1686.12", "€ 421,53"),
    ("kind van 17: school of niet te veel verdienen", {"kinderen": [17]}, "ja", "1686.12", "naar school"),
    ("twee kinderen, 7 en 12", {"kinderen": [7, 12]}, "ja", "3119.32", "€ 779,83 per kwartaal"),
    ("niet afhankelijk van inkomen", {"kinderen": [3], "netto_inkomen": "9000.00"}, "ja", "1180.28", "niet af"),
    ("krijgt het al", {"kinderen": [3], "ontvangt": ["kinderbijslag"]}, "ja", "1180.28", "U krijgt dit al"),
]
KINDGEBONDEN_BUDGET = [
    ("geen kinderen", {}, "nee", None, "geen kinderen"),
    (
        "alleenstaande ouder: geen bedrag 2026, proefberekening",
        {"kinderen": [7, 12]},
        "misschien",
        None,
        "alleenstaande ouder",
    ),
    ("ouders samen", {"partner": True, "leeftijd_partner": 36, "kinderen": [4]}, "misschien", None, "proefberekening"),
    ("kind van 0", {"kinderen": [0]}, "misschien", None, "onder de 18 jaar"),
    ("kind van 17", {"kinderen": [17]}, "misschien", None, "onder de 18 jaar"),
    (
        "hoog inkomen: toch misschien, het hangt af van het inkomen",
        {"kinderen": [5], "netto_inkomen": "4000.00"},
        "misschien",
        None,
        "hangt af van uw inkomen",
    ),
    ("krijgt het al", {"kinderen": [5], "ontvangt": ["kindgebonden-budget"]}, "ja", None, "U krijgt dit al"),
]
TABELLEN = {
    "zorgtoeslag": ZORGTOESLAG,
    "huurtoeslag": HUURTOESLAG,
    "kinderbijslag": KINDERBIJSLAG,
    "kindgebonden-budget": KINDGEBONDEN_BUDGET,
}
GEVALLEN = [(slug, *geval) for slug, tabel in TABELLEN.items() for geval in tabel]


def _huishouden(wijziging):
    return {**BASIS, **wijziging}


@pytest.fixture(scope="module")
def parameters():
    from regelingen.demo_invoer import demo_toeslagparameters

    return t.parameters_op(demo_toeslagparameters(), date(2026, 3, 1))


def test_each_table_has_at_least_six_cases():
    for slug, tabel in TABELLEN.items():
        assert len(tabel) >= 6, slug


@pytest.mark.parametrize(
    ("slug", "omschrijving", "wijziging", "uitkomst", "bedrag", "zin"),
    GEVALLEN,
    ids=[f"{g[0]}: {g[1]}" for g in GEVALLEN],
)
def test_through_the_function(parameters, slug, omschrijving, wijziging, uitkomst, bedrag, zin):
    huishouden = huishouden_uit_dict(_huishouden(wijziging))
    gevonden = {u.regeling: u for u in t.beoordeel_landelijk(huishouden, parameters)}[slug]
    assert gevonden.uitkomst == uitkomst, gevonden.redenen
    assert gevonden.bedrag_per_jaar == (None if bedrag is None else Decimal(bedrag)), gevonden.redenen
    assert any(zin in reden for reden in gevonden.redenen), gevonden.redenen
    assert gevonden.link.startswith("https://") and gevonden.bron


def test_through_the_command(demo_data, monkeypatch, capsys):
    from django.core.management import call_command

    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps([_huishouden(g[2]) for g in GEVALLEN]).encode()))
    )
    call_command("potjeswijzer")
    resultaten = json.loads(capsys.readouterr().out)
    assert len(resultaten) == len(GEVALLEN)
    for (slug, omschrijving, _, uitkomst, bedrag, zin), resultaat in zip(GEVALLEN, resultaten, strict=True):
        landelijk = {u["regeling"]: u for u in resultaat["landelijk"]}
        assert list(landelijk) == ["huurtoeslag", "zorgtoeslag", "kindgebonden-budget", "kinderbijslag"]
        u = landelijk[slug]
        assert (u["uitkomst"], u["bedrag_per_jaar"]) == (uitkomst, bedrag), (slug, omschrijving)
        assert any(zin in r for r in u["redenen"]) and u["link"].startswith("https://") and u["bron"]


def test_no_parameters_for_the_date_gives_no_national_estimates(parameters):
    from regelingen.demo_invoer import demo_toeslagparameters

    assert t.parameters_op(demo_toeslagparameters(), date(2025, 12, 31)) is None
    assert t.beoordeel_landelijk(huishouden_uit_dict(BASIS), None) == ()


def test_every_figure_in_the_data_names_its_source():
    from django.conf import settings

    data = json.loads((settings.BASE_DIR / "fixtures" / "toeslagen.json").read_text(encoding="utf-8"))
    for jaar in data["jaren"]:
        for blok in jaar.values():
            if isinstance(blok, dict):
                for waarde in blok.values():
                    if isinstance(waarde, dict):
                        assert waarde["bron"] and waarde["gelezen"], waarde


def test_bad_new_fields_give_dutch_messages():
    from regelingen.invoer import InvoerFout

    for wijziging, melding in [
        ({"huur": "-5"}, "'huur' kan niet negatief"),
        ({"ontvangt": "zorgtoeslag"}, "'ontvangt' moet een lijst"),
        ({"ontvangt": ["loterij"]}, "'ontvangt' kent"),
        ({"servicekosten": "veel"}, "'servicekosten' moet een bedrag"),
    ]:
        with pytest.raises(InvoerFout) as fout:
            huishouden_uit_dict(_huishouden(wijziging))
        assert any(melding in f for f in fout.value.fouten), fout.value.fouten


@pytest.mark.parametrize("taal", ["en", "ar"])
def test_a_national_allowance_explains_itself_in_the_residents_language_with_its_money_format(parameters, taal):
    """Issue 18: the zorgtoeslag's reasons on /en/ and /ar/ are in that language, and
    the amounts (monthly, with cents; the yearly limit, whole euros) in its format."""
    from babel.numbers import format_currency
    from django.utils import translation

    huishouden = huishouden_uit_dict(_huishouden({}))
    with translation.override(taal):
        uitkomst = t.zorgtoeslag(huishouden, parameters)
        kinderbijslag = t.kinderbijslag(huishouden_uit_dict(_huishouden({"kinderen": [4]})), parameters)
    tekst = " ".join(uitkomst.redenen)
    per_maand = format_currency(uitkomst.bedrag_per_maand, "EUR", locale=taal)
    assert per_maand in tekst
    assert "Uw inkomen" not in tekst and "per maand" not in tekst and "per jaar" not in tekst
    if taal == "en":
        assert "You then get about " + per_maand + " per month." in tekst
        assert re.search(r"The limit for you alone is €\d{2},\d{3} per year\.", tekst)
        assert "You have 1 child under 18 at home." in kinderbijslag.redenen[0]
    else:
        assert "في الشهر" in tekst
        assert re.search(r"الحد لك وحدك هو \u200f\d{2},\d{3}\xa0€ في السنة", tekst)
        assert "إعانة الأطفال" in kinderbijslag.redenen[0]
