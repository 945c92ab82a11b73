"""The demo norms and regelingen straight from the fixture files, as the
engine's input: no database, no Django. For engine tests and the engine
benchmark; the website and the command read the same data from the database."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from regelingen import eligibility as e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_GELD = {
    "percentage",
    "percentage_met_kinderen",
    "bedrag_vast",
    "bedrag_per_volwassene",
    "bedrag_per_kind",
    "leefgeld_basis",
    "leefgeld_per_persoon",
}


def demo_normen() -> e.Normen:
    data = json.loads((FIXTURES / "regelingen_normen.json").read_text(encoding="utf-8"))
    return e.Normen(
        normbedragen=tuple(
            e.Normbedrag(code, Decimal(bedrag), date.fromisoformat(datum))
            for datum, rows in data["normbedragen"].items()
            for code, bedrag in rows.items()
        ),
        vermogensgrenzen=tuple(
            e.Vermogensgrens(soort, Decimal(bedrag), date.fromisoformat(datum))
            for datum, rows in data["vermogensgrenzen"].items()
            for soort, bedrag in rows.items()
        ),
        aow_leeftijden=tuple(
            e.AowLeeftijd(date.fromisoformat(r["geldig_vanaf"]), r["jaren"], r["maanden"])
            for r in data["aow_leeftijden"]
        ),
    )


def demo_regels() -> tuple[e.RegelingRegels, ...]:
    data = json.loads((FIXTURES / "regelingen_demo.json").read_text(encoding="utf-8"))
    velden = set(e.RegelingRegels.__dataclass_fields__)
    return tuple(
        e.RegelingRegels(
            **{k: (Decimal(v) if k in _GELD else v) for k, v in row.items() if k in velden and v is not None}
        )
        for row in data["regelingen"]
    )


def demo_toeslagparameters() -> tuple:
    """The national allowances' parameters of fixtures/toeslagen.json (the data migration
    loads the same file into regelingen.Toeslagparameter)."""
    from regelingen.toeslagen import parameters_uit_dict

    data = json.loads((FIXTURES / "toeslagen.json").read_text(encoding="utf-8"))
    return tuple(parameters_uit_dict(jaar) for jaar in data["jaren"])
