"""Compile the gettext catalogues (locale/<taal>/LC_MESSAGES/django.po -> .mo)
in Python, with Babel, so a fresh clone needs no system gettext.

`make install` (and so `make run` and `make test`) runs `python -m common.catalogi`;
the tests run it too (tests/conftest.py). Only .po files are in the repository;
a .mo is rewritten when its .po is newer. Fuzzy entries are left out, as msgfmt does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def compileren(map_: Path = LOCALE, *, altijd: bool = False) -> list[Path]:
    """Compile every .po under `map_` whose .mo is missing or older. Returns the written .mo files."""
    geschreven = []
    for po in sorted(map_.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not altijd and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as bron:
            catalogus = read_po(bron, locale=po.parent.parent.name)
        tijdelijk = mo.with_suffix(".mo.tmp")
        with tijdelijk.open("wb") as doel:
            write_mo(doel, catalogus)
        tijdelijk.replace(mo)
        geschreven.append(mo)
    return geschreven


if __name__ == "__main__":
    for pad in compileren(altijd="--altijd" in sys.argv):
        print(f"compiled {pad.relative_to(LOCALE.parent)}")
