"""Server-rendered SVG bar charts for the bereik page: plain numbers for the template.

Counts below 5 get no bar (the length would give the number away); their label
says "minder dan 5", as the table next to the chart does."""

from armoedepact.regie.selectors import KLEIN, klein

BREED = 640
LABEL_BREED = 220
RIJ = 28
MARGE = 8


def staafdiagram(items: list[tuple[str, int]]) -> dict | None:
    """Horizontal bars: one row per (label, count)."""
    if not items:
        return None
    hoogste = max((aantal for _, aantal in items), default=0) or 1
    ruimte = BREED - LABEL_BREED - 110
    rijen = []
    for index, (label, aantal) in enumerate(items):
        y = MARGE + index * RIJ
        lengte = 0 if aantal < KLEIN else max(2, round(aantal / hoogste * ruimte))
        rijen.append(
            {
                "label": label if len(label) <= 30 else label[:29] + "…",
                "tekst": klein(aantal),
                "y": y,
                "tekst_y": y + RIJ // 2 + 5,
                "lengte": lengte,
                "hoogte": RIJ - 8,
                "waarde_x": LABEL_BREED + lengte + 8,
            }
        )
    return {
        "breed": BREED,
        "hoog": MARGE * 2 + len(items) * RIJ,
        "label_x": LABEL_BREED - 8,
        "staaf_x": LABEL_BREED,
        "rijen": rijen,
    }
