"""Counts as residents' privacy allows: nothing below 5, and no total that gives
a hidden cell away.

A row of cells that add up to a total shown elsewhere (ja + misschien + nee =
the checks of that month) would give a hidden cell away by subtraction. So when
what the hidden cells of a row add up to is below 5 (0 included), the smallest
shown cells are hidden too ("verborgen"), until the hidden part is 5 or more or
the whole row is hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

KLEIN = 5  # counts below this are never shown
MINDER_DAN = "minder dan 5"
VERBORGEN = "verborgen"


def klein(aantal: int) -> str:
    """A count on its own: below 5 it says "minder dan 5"."""
    return MINDER_DAN if aantal < KLEIN else str(aantal)


def rij(aantallen: Sequence[int]) -> list[str]:
    """The cells of a row whose sum is known (shown as a total somewhere)."""
    teksten = [klein(a) for a in aantallen]
    verborgen = {i for i, a in enumerate(aantallen) if a < KLEIN}
    if not verborgen:
        return teksten
    while sum(aantallen[i] for i in verborgen) < KLEIN and len(verborgen) < len(aantallen):
        kleinste = min((i for i in range(len(aantallen)) if i not in verborgen), key=lambda i: aantallen[i])
        verborgen.add(kleinste)
        teksten[kleinste] = VERBORGEN
    return teksten
