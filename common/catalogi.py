"""Compile the gettext catalogues (locale/<taal>/LC_MESSAGES/django.po -> .mo)
in Python, with Babel, so a fresh clone needs no system gettext.

`make install` (and so `make run` and `make test`) runs `python -m common.catalogi`;
the tests run it too (tests/conftest.py). Only .po files are in the repository;
a .mo is rewritten when its .po is newer. Fuzzy entries are left out, as msgfmt does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileParser

LOCALE = Path(__file__).resolve().parent.parent / "locale"


class DubbeleTekst(ValueError):
    """A .po file holds the same msgid twice: gettext would silently keep one of them."""


class _Catalogus(Catalog):
    """A catalogue that notes every msgid (with its context) it is given twice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dubbel: list[str] = []

    def __setitem__(self, id, message):
        sleutel = self._key_for(id, message.context)
        if sleutel in self._messages and id:
            self.dubbel.append(id if isinstance(id, str) else id[0])
        super().__setitem__(id, message)


def lees(po: Path) -> Catalog:
    """The catalogue of one .po file; a msgid that occurs twice raises DubbeleTekst."""
    catalogus = _Catalogus(locale=po.parent.parent.name)
    with po.open("rb") as bron:
        PoFileParser(catalogus, ignore_obsolete=True).parse(bron)
    if catalogus.dubbel:
        namen = ", ".join(repr(d[:60]) for d in catalogus.dubbel)
        raise DubbeleTekst(f"{po}: these texts are in the file twice, keep one: {namen}")
    return catalogus


def compileren(map_: Path = LOCALE, *, altijd: bool = False) -> list[Path]:
    """Compile every .po under `map_` whose .mo is missing or older. Returns the written .mo files."""
    geschreven = []
    for po in sorted(map_.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not altijd and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalogus = lees(po)
        tijdelijk = mo.with_suffix(".mo.tmp")
        with tijdelijk.open("wb") as doel:
            write_mo(doel, catalogus)
        tijdelijk.replace(mo)
        geschreven.append(mo)
    return geschreven


if __name__ == "__main__":
    for pad in compileren(altijd="--altijd" in sys.argv):
        print(f"compiled {pad.relative_to(LOCALE.parent)}")
