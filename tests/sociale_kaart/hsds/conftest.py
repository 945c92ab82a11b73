"""Fixtures for the HSDS open data tests: a small sociale kaart with every
status and every field filled, and validators for the HSDS 3.0 schemas in
tests/sociale_kaart/hsds/hsds-3.0/ (a copy of Open Referral's schemas, CC BY-SA 4.0; see its README)."""

from __future__ import annotations

import copy
import datetime
import json
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from sociale_kaart import services
from sociale_kaart.models import (
    Aanbod,
    Doelgroep,
    Kern,
    Kosten,
    Levensgebeurtenis,
    Locatie,
    Openingstijd,
    Organisatie,
    Status,
    Thema,
)

HSDS_DIR = Path(__file__).resolve().parent / "hsds-3.0"


def _inline_refs(schema, base: Path):
    """Replace relative $refs ("metadata.json") by the file they point to."""
    if isinstance(schema, list):
        return [_inline_refs(item, base) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if isinstance(schema.get("$ref"), str) and not schema["$ref"].startswith(("#", "http")):
        target = json.loads((base / schema["$ref"]).read_text())
        rest = {key: value for key, value in schema.items() if key != "$ref"}
        return _inline_refs(target, base) | rest
    return {key: _inline_refs(value, base) for key, value in schema.items()}


@cache
def hsds_schema(name: str) -> dict:
    """A schema by file name: "compiled/service.json", "taxonomy_term.json", ...
    The large compiled object schemas (over 2 MB each) are not kept: they are the
    per-object schema with every $ref inlined, which is what this builds."""
    path = HSDS_DIR / name
    if not path.exists() and name.startswith("compiled/"):
        path = HSDS_DIR / name.removeprefix("compiled/")
    return _inline_refs(json.loads(path.read_text()), path.parent)


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(hsds_schema(name), format_checker=FormatChecker())


def assert_valid(instance, name: str) -> None:
    errors = sorted(_validator(name).iter_errors(instance), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def hsds_openapi() -> dict:
    return copy.deepcopy(json.loads((HSDS_DIR / "openapi.json").read_text()))


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.HSDS_RATE_LIMIT = 0


def make_kaart() -> dict:
    """Published, concept and archived entries, with every field we export filled somewhere."""
    leek = Kern.objects.get_or_create(naam="Leek", defaults={"slug": "leek"})[0]
    zuidhorn = Kern.objects.get_or_create(naam="Zuidhorn", defaults={"slug": "zuidhorn"})[0]
    geld = Thema.objects.create(naam="Geld en schulden", slug="geld-en-schulden", omschrijving="Hulp bij geld.")
    eten = Thema.objects.create(naam="Eten", slug="eten", volgorde=2)
    gezinnen = Doelgroep.objects.create(naam="Gezinnen met kinderen", slug="gezinnen-met-kinderen")
    baan = Levensgebeurtenis.objects.create(naam="Baan kwijt", slug="baan-kwijt")

    leergeld = Organisatie.objects.create(
        naam="Stichting Leergeld",
        slug="stichting-leergeld",
        korte_omschrijving="Wij helpen kinderen meedoen.",
        website="https://leergeld.example",
        telefoon="0594 - 12 34 56",
        email="info@leergeld.example",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=datetime.date(2025, 3, 1),
    )
    kantoor = Locatie.objects.create(
        organisatie=leergeld,
        naam="Kantoor Leek",
        straat="Tolberterstraat 1",
        postcode="9351 AB",
        plaats="Leek",
        kern=leek,
        latitude="53.162300",
        longitude="6.378900",
    )
    zonder_adres = Locatie.objects.create(organisatie=leergeld, naam="", plaats="Zuidhorn", kern=zuidhorn)

    fiets = Aanbod.objects.create(
        organisatie=leergeld,
        titel="Een fiets voor school",
        slug="een-fiets-voor-school",
        wat_u_krijgt="Uw kind krijgt een fiets om naar school te gaan.",
        voor_wie="Kinderen van 4 tot 18 jaar in een gezin met weinig geld.",
        heel_de_gemeente=True,
        op_afstand=True,
        kosten=Kosten.EIGEN_BIJDRAGE,
        kosten_toelichting="U betaalt 5 euro.",
        hoe_aanvragen="Bel ons.\nWij komen bij u thuis.",
        meenemen="Uw bankafschrift\nUw ID-kaart",
        telefoon="0594 - 65 43 21",
        email="fiets@leergeld.example",
        website="https://leergeld.example/fiets",
        openingstijden_toelichting="Niet in de schoolvakanties.",
        talen=["Nederlands", "Engels", "Gronings"],
        rolstoeltoegankelijk=True,
        min_leeftijd=4,
        max_leeftijd=18,
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=datetime.date(2025, 2, 14),
    )
    fiets.themas.set([geld, eten])
    fiets.doelgroepen.set([gezinnen])
    fiets.levensgebeurtenissen.set([baan])
    fiets.kernen.set([leek, zuidhorn])
    fiets.locaties.set([kantoor, zonder_adres])
    Openingstijd.objects.create(aanbod=fiets, weekdag=0, van="09:00", tot="12:00")
    Openingstijd.objects.create(aanbod=fiets, weekdag=3, van="13:30", tot="16:00")

    spreekuur = Aanbod.objects.create(
        organisatie=leergeld,
        titel="Spreekuur",
        slug="spreekuur",
        wat_u_krijgt="U praat met iemand over uw vragen.",
        status=Status.GEPUBLICEERD,
    )
    spreekuur.locaties.set([kantoor])

    concept = Aanbod.objects.create(
        organisatie=leergeld, titel="Geheim concept", slug="geheim-concept", wat_u_krijgt="Nog niet klaar."
    )
    archief = Aanbod.objects.create(
        organisatie=leergeld,
        titel="Oud archief",
        slug="oud-archief",
        wat_u_krijgt="Bestaat niet meer.",
        status=Status.GEARCHIVEERD,
    )
    verborgen_org = Organisatie.objects.create(
        naam="Concept Stichting", slug="concept-stichting", korte_omschrijving="Nog niet klaar."
    )
    verborgen_aanbod = Aanbod.objects.create(
        organisatie=verborgen_org,
        titel="Aanbod van concept organisatie",
        slug="aanbod-van-concept-organisatie",
        wat_u_krijgt="Niet zichtbaar.",
        status=Status.GEPUBLICEERD,
    )
    gearchiveerde_org = Organisatie.objects.create(
        naam="Gesloten Stichting",
        slug="gesloten-stichting",
        korte_omschrijving="Gestopt.",
        status=Status.GEARCHIVEERD,
    )
    services.aanbod_zoekvector_bijwerken()
    return {
        "leergeld": leergeld,
        "kantoor": kantoor,
        "fiets": fiets,
        "spreekuur": spreekuur,
        "hidden_services": [concept, archief, verborgen_aanbod],
        "hidden_organisations": [verborgen_org, gearchiveerde_org],
        "geld": geld,
    }


@pytest.fixture
def kaart(db):
    return make_kaart()


def make_more_services(kaart: dict, count: int) -> None:
    """Extra published aanbod with locations, times and terms, for query-count tests."""
    for number in range(count):
        aanbod = Aanbod.objects.create(
            organisatie=kaart["leergeld"],
            titel=f"Extra hulp {number}",
            slug=f"extra-hulp-{number}",
            wat_u_krijgt="Nog meer hulp.",
            op_afstand=number % 2 == 0,
            status=Status.GEPUBLICEERD,
        )
        aanbod.themas.set([kaart["geld"]])
        aanbod.locaties.set([kaart["kantoor"]])
        Openingstijd.objects.create(aanbod=aanbod, weekdag=number % 7, van="09:00", tot="10:00")
