"""The open evaluation set of the search (evaluatieset.json, beside this file):
everyday queries a resident types (typos, compound words, sentences, other
languages) and the home page tiles and life events, each with the help that
must be in the first five. `make bench` prints the same hit rate."""

import io
import json
from pathlib import Path

import pytest
from django.http import QueryDict

from sociale_kaart import demo
from sociale_kaart.zoeken.resultaten import aanbod_zoeken

EVALUATIESET = Path(__file__).with_name("evaluatieset.json")
MIN_TREFFERS = 0.95
VIJF = 5


def vragen() -> list[dict]:
    return json.loads(EVALUATIESET.read_text(encoding="utf-8"))["vragen"]


def eerste_vijf(vraag: dict) -> list[str]:
    params = QueryDict(mutable=True)
    for naam in ("zoekvraag", "thema", "levensgebeurtenis"):
        if naam in vraag:
            params["q" if naam == "zoekvraag" else naam] = vraag[naam]
    resultaat = aanbod_zoeken(params=params)
    return [aanbod.slug for aanbod in list(resultaat.pagina)[:VIJF]]


def geslaagd(vraag: dict, gevonden: list[str]) -> bool:
    return any(slug in gevonden for slug in vraag["verwacht"])


@pytest.fixture
def kaart(db):
    demo.load(stdout=io.StringIO())


def test_the_set_is_large_varied_and_names_only_existing_help(kaart):
    from sociale_kaart.models import Aanbod

    alle = vragen()
    assert sum(1 for v in alle if "zoekvraag" in v) >= 80
    assert {v["soort"] for v in alle} >= {"spelling", "samenstelling", "zin", "taal", "alledaags", "thema"}
    bestaand = set(Aanbod.objects.values_list("slug", flat=True))
    assert {slug for v in alle for slug in v["verwacht"]} <= bestaand


def test_at_least_95_percent_find_the_expected_help_in_the_first_five(kaart):
    alle = vragen()
    missers = [(v, eerste_vijf(v)) for v in alle]
    missers = [(v, gevonden) for v, gevonden in missers if not geslaagd(v, gevonden)]
    treffers = 1 - len(missers) / len(alle)
    # `make bench` runs this test and prints this line.
    print(f"\nEvaluatieset: {len(alle) - len(missers)} van {len(alle)} in de eerste vijf ({treffers:.1%})")
    uitleg = "\n".join(f"{v.get('zoekvraag') or v}: {gevonden}" for v, gevonden in missers)
    assert treffers >= MIN_TREFFERS, f"{treffers:.1%} in the first five; missed:\n{uitleg}"


@pytest.mark.parametrize("vraag", [v for v in vragen() if v.get("uit_issue")], ids=lambda v: v["zoekvraag"])
def test_every_query_residents_typed_finds_its_help_in_the_first_five(kaart, vraag):
    assert geslaagd(vraag, eerste_vijf(vraag)), eerste_vijf(vraag)


def test_the_money_tile_opens_with_debt_help_and_the_food_tile_with_the_voedselbank(kaart):
    geld = eerste_vijf({"thema": "geld-en-schulden"})
    assert "schuldhulpmaatje-hulp-bij-schulden" in geld
    assert "schuldhulpverlening-gemeente" in geld
    assert "voedselpakket-voedselbank" in eerste_vijf({"thema": "eten-en-kleding"})


@pytest.mark.parametrize(
    "vraag", [v for v in vragen() if "levensgebeurtenis" in v], ids=lambda v: v["levensgebeurtenis"]
)
def test_every_life_event_opens_with_help_that_fits_it(kaart, vraag):
    assert eerste_vijf(vraag)[0] in vraag["verwacht"]
