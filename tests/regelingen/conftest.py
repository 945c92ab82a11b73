import json
from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings

from regelingen import eligibility as e

VOORBEELDEN_PAD = Path(settings.BASE_DIR).parent / "shared" / "spec" / "voorbeelden.json"
FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def voorbeelden() -> list[dict]:
    return json.loads(VOORBEELDEN_PAD.read_text(encoding="utf-8"))


def demo_normen() -> e.Normen:
    """The spec's norms straight from the fixture file, without a database."""
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
    """The demo regelingen straight from the fixture file, without a database."""
    data = json.loads((FIXTURES / "regelingen_demo.json").read_text(encoding="utf-8"))
    velden = set(e.RegelingRegels.__dataclass_fields__)
    regels = []
    for row in data["regelingen"]:
        kwargs = {k: v for k, v in row.items() if k in velden and v is not None}
        for k in ("percentage", "percentage_met_kinderen", "bedrag_vast", "bedrag_per_volwassene", "bedrag_per_kind"):
            if k in kwargs:
                kwargs[k] = Decimal(kwargs[k])
        regels.append(e.RegelingRegels(**kwargs))
    return tuple(regels)


@pytest.fixture
def demo_data(db):
    from regelingen import demo

    demo.load(stdout=StringIO())
