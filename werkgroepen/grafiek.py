"""Numbers for the small server-rendered SVG chart of an indicator (the house way of
regelingen/svg.py): plain numbers and strings; the template draws the SVG, no JavaScript.

The line joins the dated values; the target is a dashed line. The table under the
chart gives the same figures as text."""

from datetime import date
from decimal import Decimal

from babel.numbers import format_decimal
from django.conf import settings
from django.utils.translation import get_language

BREED = 320
HOOG = 160
LINKS = 56
RECHTS = 16
BOVEN = 16
ONDER = 28


def _getal(waarde: float) -> str:
    """The axis label in the page's language, like the table under the chart: 2.150 and 2,5 in Dutch."""
    taal = (get_language() or settings.LANGUAGE_CODE).replace("-", "_")
    return format_decimal(waarde, format="#,##0" if abs(waarde) >= 100 else "#,##0.#", locale=taal)


def grafiek(waarden: list[tuple[date, Decimal]], *, streefwaarde: Decimal | None = None) -> dict | None:
    """A line through (datum, waarde), oldest first; None with fewer than two values."""
    if len(waarden) < 2:
        return None
    dagen = [d.toordinal() for d, _ in waarden]
    getallen = [float(w) for _, w in waarden]
    alle = getallen + ([float(streefwaarde)] if streefwaarde is not None else [])
    y_min, y_max = min(0.0, min(alle)), max(alle) * 1.1 or 1.0
    breedte, hoogte = BREED - LINKS - RECHTS, HOOG - BOVEN - ONDER

    def x(dag: int) -> float:
        return round(LINKS + (dag - dagen[0]) / ((dagen[-1] - dagen[0]) or 1) * breedte, 1)

    def y(waarde: float) -> float:
        return round(BOVEN + hoogte - (waarde - y_min) / ((y_max - y_min) or 1) * hoogte, 1)

    punten = [{"x": x(d), "y": y(w)} for d, w in zip(dagen, getallen, strict=True)]
    return {
        "breed": BREED,
        "hoog": HOOG,
        "lijn": " ".join(f"{p['x']},{p['y']}" for p in punten),
        "punten": punten,
        "streef_y": y(float(streefwaarde)) if streefwaarde is not None else None,
        "y_ticks": [{"y": y(w), "label": _getal(w)} for w in (y_min, y_max)],
        "x_ticks": [{"x": x(dagen[0]), "label": waarden[0][0].year}, {"x": x(dagen[-1]), "label": waarden[-1][0].year}],
        "links": LINKS,
        "rechts": BREED - RECHTS,
        "as_y": BOVEN + hoogte,
    }
