"""Demo data for the potjeswijzer: norms, vermogensgrenzen, AOW-leeftijd and the
11 demo regelingen of spec section 7. Idempotent (update_or_create by key).

Called by `manage.py load_demo` after `sociale_kaart.demo`, which normally has
made the organisations already; a missing one gets a minimal published entry.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from regelingen.models import (
    BEDRAG_VELDEN,
    VOORWAARDE_VELDEN,
    AowLeeftijd,
    Normbedrag,
    Regeling,
    Testgeval,
    Toeslagparameter,
    Vermogensgrens,
)
from regelingen.toeslagen import rijen_uit_fixture
from sociale_kaart.models import Organisatie, Status

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
_VERTALINGEN_PAD = FIXTURES / "vertalingen_demo.json"
# English and Arabic for the demo regelingen (fixtures/vertalingen_demo.json).
VERTALINGEN = (
    json.loads(_VERTALINGEN_PAD.read_text(encoding="utf-8")).get("regelingen", {}) if _VERTALINGEN_PAD.exists() else {}
)
_VOORWAARDEN = (
    *VOORWAARDE_VELDEN,
    *BEDRAG_VELDEN,
    "actief",
    "korte_uitleg",
    "wat_u_krijgt",
    "hoe_aanvragen",
    "aanvraag_link",
    "meenemen",
    "voorbeeld_toelichting",
)
_STANDAARD = {
    "percentage": None,
    "percentage_met_kinderen": None,
    "vermogenstoets": False,
    "min_leeftijd": 18,
    "tot_aow_leeftijd": False,
    "kind_leeftijd_van": None,
    "kind_leeftijd_tot": None,
    "min_jaren_laag_inkomen": None,
    "niet_voor_studenten": False,
    "alleen_inwoners": True,
    "hooguit_misschien": False,
    "hooguit_misschien_reden": "",
    "bedrag_vast": None,
    "bedrag_per_volwassene": None,
    "bedrag_per_kind": None,
    "leefgeld_basis": None,
    "leefgeld_per_persoon": None,
    "actief": True,
    "hoe_aanvragen": "",
    "aanvraag_link": "",
    "meenemen": "",
    "voorbeeld_toelichting": "",
}
_GELD = {
    "percentage",
    "percentage_met_kinderen",
    "bedrag_vast",
    "bedrag_per_volwassene",
    "bedrag_per_kind",
    "leefgeld_basis",
    "leefgeld_per_persoon",
}


def _lees(naam: str) -> dict:
    return json.loads((FIXTURES / naam).read_text(encoding="utf-8"))


def load_normen() -> None:
    data = _lees("regelingen_normen.json")
    for datum, bedragen in data["normbedragen"].items():
        for huishoudtype, bedrag in bedragen.items():
            Normbedrag.objects.update_or_create(
                huishoudtype=huishoudtype,
                geldig_vanaf=date.fromisoformat(datum),
                defaults={"bedrag": Decimal(bedrag)},
            )
    for datum, grenzen in data["vermogensgrenzen"].items():
        for soort, bedrag in grenzen.items():
            Vermogensgrens.objects.update_or_create(
                soort=soort, geldig_vanaf=date.fromisoformat(datum), defaults={"bedrag": Decimal(bedrag)}
            )
    for row in data["aow_leeftijden"]:
        AowLeeftijd.objects.update_or_create(
            geldig_vanaf=date.fromisoformat(row["geldig_vanaf"]),
            defaults={"jaren": row["jaren"], "maanden": row["maanden"]},
        )


def load_testgevallen() -> int:
    """At least one 'ja' (or 'misschien' where a regeling gives no more) and one 'nee'
    per active demo regeling, on a fixed peildatum (fixtures/regelingen_testgevallen.json)."""
    data = _lees("regelingen_testgevallen.json")
    peildatum = date.fromisoformat(data["peildatum"])
    regelingen = {r.slug: r for r in Regeling.objects.all()}
    for row in data["testgevallen"]:
        velden = {k: v for k, v in row.items() if k not in ("regeling", "naam")}
        for veld in ("netto_inkomen", "vermogen", "vaste_lasten"):
            if veld in velden:
                velden[veld] = Decimal(velden[veld])
        testgeval, _ = Testgeval.objects.update_or_create(
            regeling=regelingen[row["regeling"]], naam=row["naam"], defaults={"peildatum": peildatum, **velden}
        )
        testgeval.full_clean()
    return len(data["testgevallen"])


def load_toeslagparameters() -> None:
    """fixtures/toeslagen.json into regelingen.Toeslagparameter (as the data migration does)."""
    for rij in rijen_uit_fixture(_lees("toeslagen.json")):
        sleutel = {k: rij.pop(k) for k in ("toeslag", "sleutel", "geldig_vanaf")}
        Toeslagparameter.objects.update_or_create(**sleutel, defaults=rij)


def _organisatie(slug: str, naam: str) -> Organisatie:
    organisatie, _ = Organisatie.objects.get_or_create(
        slug=slug,
        defaults={
            "naam": naam,
            "korte_omschrijving": f"{naam} helpt inwoners van de gemeente Westerkwartier.",
            "status": Status.GEPUBLICEERD,
        },
    )
    return organisatie


def load(*, stdout) -> list:
    load_normen()
    load_toeslagparameters()
    data = _lees("regelingen_demo.json")
    organisaties = {slug: _organisatie(slug, naam) for slug, naam in data["organisaties"].items()}
    vandaag = date.today()
    for row in data["regelingen"]:
        defaults = {
            "naam": row["naam"],
            "uitvoerder": organisaties[row["uitvoerder"]],
            "laatst_gecontroleerd": vandaag,
            "vertalingen": row.get("vertalingen") or VERTALINGEN.get(row["slug"], {}),
        }
        for veld in _VOORWAARDEN:
            waarde = row.get(veld, _STANDAARD.get(veld))
            if veld in _GELD and waarde is not None:
                waarde = Decimal(waarde)
            defaults[veld] = waarde
        regeling, _ = Regeling.objects.update_or_create(slug=row["slug"], defaults=defaults)
        regeling.full_clean()
        regeling.helpt_gratis.set([organisaties[slug] for slug in row.get("helpt_gratis", [])])
    testgevallen = load_testgevallen()
    stdout.write(
        f"Regelingen: {len(data['regelingen'])} regelingen, {testgevallen} testgevallen "
        "en de normen van 2025 en 2026 geladen."
    )
    return []
