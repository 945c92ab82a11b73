"""Potjeswijzer engine throughput: household checks per second on one core.

Runs the pure engine against the demo regelingen and norms (read from the
fixture files, no database) over a fixed set of random households. Time is
CPU time of this process (`time.process_time`), so other load on a shared
machine does not distort the figure.

    python -m bench.bench_engine            # prints the figure
Goal: at least 20,000 checks per second.
"""

import random
import time
from datetime import date
from decimal import Decimal

from regelingen import eligibility as e
from regelingen.demo_invoer import demo_normen, demo_regels

DOEL = 20_000


def _huishoudens(n: int, seed: int = 4) -> list[e.Huishouden]:
    rnd = random.Random(seed)
    result = []
    for _ in range(n):
        partner = rnd.random() < 0.4
        result.append(
            e.Huishouden(
                peildatum=date(2026, 3, 1),
                woont_in_gemeente=rnd.random() < 0.95,
                leeftijd=rnd.randint(18, 90),
                partner=partner,
                leeftijd_partner=rnd.randint(18, 90) if partner else None,
                kinderen=tuple(rnd.randint(0, 17) for _ in range(rnd.choice([0, 0, 1, 2, 3]))),
                netto_inkomen=Decimal(rnd.randint(0, 400_000)) / 100,
                vermogen=None if rnd.random() < 0.2 else Decimal(rnd.randint(0, 3_000_000)) / 100,
                jaren_laag_inkomen=None if rnd.random() < 0.3 else rnd.randint(0, 10),
                student=rnd.random() < 0.05,
            )
        )
    return result


def run(n: int = 50_000) -> float:
    regels, normen, huishoudens = demo_regels(), demo_normen(), _huishoudens(n)
    e.beoordeel(huishoudens[0], regels, normen)  # warm the per-date caches
    start = time.process_time()
    for h in huishoudens:
        e.beoordeel(h, regels, normen)
    return n / (time.process_time() - start)


def run_met_landelijk(n: int = 50_000) -> float:
    """The engine plus the four national estimates (regelingen/toeslagen.py) per household."""
    import json
    from pathlib import Path

    from regelingen import toeslagen as t

    data = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "toeslagen.json").read_text("utf-8"))
    jaren = tuple(t.parameters_uit_dict(j) for j in data["jaren"])
    regels, normen, huishoudens = demo_regels(), demo_normen(), _huishoudens(n)
    parameters = t.parameters_op(jaren, huishoudens[0].peildatum)
    e.beoordeel(huishoudens[0], regels, normen)
    start = time.process_time()
    for h in huishoudens:
        e.beoordeel(h, regels, normen)
        t.beoordeel_landelijk(h, parameters)
    return n / (time.process_time() - start)


def main() -> None:
    regels = sum(1 for r in demo_regels() if r.actief)
    for naam, meting in (("engine", run), ("engine + national estimates", run_met_landelijk)):
        per_seconde = max(meting() for _ in range(3))
        status = "OK" if per_seconde >= DOEL else "BELOW GOAL"
        print(
            f"potjeswijzer {naam}: {per_seconde:,.0f} checks/s on one core ({regels} active regelingen), "
            f"goal {DOEL:,}/s: {status}"
        )


if __name__ == "__main__":
    main()
