"""Numbers for the server-rendered SVG chart of "Ik ga meer verdienen".

The chart shows the total per year (income plus regelingen plus national
estimates, `regelingen.scenario.Totaal`) against net income per month, as a
step line, with every cliff (where the total drops) marked. Plain numbers and
strings; the template draws the SVG (no JavaScript).
"""

from decimal import Decimal

from regelingen.eligibility import euro_rond

BREED = 640
HOOG = 320
LINKS = 96
RECHTS = 44  # room for the last income label, centred on the right edge of the axis
BOVEN = 24
ONDER = 50


def _kort(bedrag: float) -> str:
    return euro_rond(Decimal(round(bedrag)))


def grafiek(punten: list, *, huidig: Decimal, kliffen: list[Decimal] = ()) -> dict | None:
    """A step line of `totaal_per_jaar` (y) against `netto_inkomen` per month (x)."""
    if len(punten) < 2:
        return None
    x_min = float(punten[0].netto_inkomen)
    x_max = float(punten[-1].netto_inkomen)
    waarden = [float(p.totaal_per_jaar) for p in punten]
    # The axis starts at a round number below the lowest total, so a drop is visible;
    # the labels say where it starts.
    y_min = max(0.0, (min(waarden) * 0.9) // 1000 * 1000)
    y_max = max(waarden) * 1.05
    breedte = BREED - LINKS - RECHTS
    hoogte = HOOG - BOVEN - ONDER

    def x(waarde: float) -> float:
        return round(LINKS + (waarde - x_min) / ((x_max - x_min) or 1) * breedte, 1)

    def y(waarde: float) -> float:
        return round(BOVEN + hoogte - (waarde - y_min) / ((y_max - y_min) or 1) * hoogte, 1)

    delen = [f"M {x(x_min)} {y(waarden[0])}"]
    for punt, waarde in zip(punten[1:], waarden[1:], strict=True):
        delen.append(f"H {x(float(punt.netto_inkomen))} V {y(waarde)}")
    midden = (punten[0].netto_inkomen + punten[-1].netto_inkomen) / 2
    x_ticks = [
        {"x": x(float(w)), "label": _kort(float(w))}
        for w in (punten[0].netto_inkomen, midden, punten[-1].netto_inkomen)
    ]
    y_ticks = [{"y": y(w), "label": _kort(w)} for w in (y_min, (y_min + y_max) / 2, y_max)]
    totalen = {p.netto_inkomen: float(p.totaal_per_jaar) for p in punten}
    markeringen = [{"x": x(float(k)), "y": y(totalen[k])} for k in kliffen if k in totalen]
    return {
        "breed": BREED,
        "hoog": HOOG,
        "pad": " ".join(delen),
        "x_ticks": x_ticks,
        "y_ticks": y_ticks,
        "kliffen": markeringen,
        "huidig_x": x(float(huidig)),
        "as_y": BOVEN + hoogte,
        "links": LINKS,
        "rechts": BREED - RECHTS,
        "boven": BOVEN,
    }
