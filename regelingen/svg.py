"""Numbers for the server-rendered SVG chart of "Wat als ik meer ga verdienen?".

Returns plain numbers and strings; the template draws the SVG (no JavaScript).
"""

from decimal import Decimal

from regelingen.eligibility import euro

BREED = 640
HOOG = 320
LINKS = 90
RECHTS = 44  # room for the last income label, centred on the right edge of the axis
BOVEN = 20
ONDER = 50


def grafiek(punten: list[dict], *, huidig: Decimal) -> dict | None:
    """A step line: total known amount per year (y) against net income per month (x)."""
    if len(punten) < 2:
        return None
    x_min = float(punten[0]["inkomen"])
    x_max = float(punten[-1]["inkomen"])
    y_max = max(float(p["bedrag"]) for p in punten) or 100.0
    y_max = y_max * 1.1
    breedte = BREED - LINKS - RECHTS
    hoogte = HOOG - BOVEN - ONDER

    def x(waarde: float) -> float:
        return round(LINKS + (waarde - x_min) / ((x_max - x_min) or 1) * breedte, 1)

    def y(waarde: float) -> float:
        return round(BOVEN + hoogte - waarde / y_max * hoogte, 1)

    delen = [f"M {x(x_min)} {y(float(punten[0]['bedrag']))}"]
    for punt in punten[1:]:
        delen.append(f"H {x(float(punt['inkomen']))} V {y(float(punt['bedrag']))}")
    x_ticks = [
        {"x": x(float(w)), "label": euro(Decimal(w)).replace(",00", "")}
        for w in (punten[0]["inkomen"], (punten[0]["inkomen"] + punten[-1]["inkomen"]) / 2, punten[-1]["inkomen"])
    ]
    y_ticks = [{"y": y(w), "label": euro(Decimal(round(w))).replace(",00", "")} for w in (0.0, y_max / 2, y_max / 1.1)]
    return {
        "breed": BREED,
        "hoog": HOOG,
        "pad": " ".join(delen),
        "x_ticks": x_ticks,
        "y_ticks": y_ticks,
        "huidig_x": x(float(huidig)),
        "as_y": BOVEN + hoogte,
        "links": LINKS,
        "rechts": BREED - RECHTS,
        "boven": BOVEN,
    }
