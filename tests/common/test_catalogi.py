"""The translation catalogues: a text that is in a .po file twice makes gettext
keep one of its translations silently (an English page said "Have me called"
where the translator's newer line said "Ask them to call me")."""

from pathlib import Path

import pytest

from common.catalogi import LOCALE, DubbeleTekst, compileren, lees


@pytest.mark.parametrize("po", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=lambda p: p.parent.parent.name)
def test_no_catalogue_holds_a_text_twice(po):
    lees(po)


def test_a_text_twice_stops_the_compilation_with_its_name(tmp_path: Path):
    map_ = tmp_path / "en" / "LC_MESSAGES"
    map_.mkdir(parents=True)
    (map_ / "django.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Laat mij bellen"\nmsgstr "Have me called"\n\n'
        'msgid "Bel"\nmsgstr "Call"\n\n'
        'msgid "Laat mij bellen"\nmsgstr "Ask them to call me"\n',
        encoding="utf-8",
    )
    with pytest.raises(DubbeleTekst, match="Laat mij bellen"):
        compileren(tmp_path, altijd=True)
    assert not (map_ / "django.mo").exists()
