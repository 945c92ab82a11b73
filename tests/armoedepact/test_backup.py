"""Back-up and restore: the demo database is backed up, wiped, restored, and
every row comes back (docs/security.md)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client

from common import paginacache

pytestmark = pytest.mark.django_db(transaction=True)

CONTROLE_TABELLEN = ["sociale_kaart_aanbod", "sociale_kaart_organisatie", "regelingen_regeling", "sociale_kaart_pijler"]


def _tellingen() -> dict[str, int]:
    with connection.cursor() as cursor:
        result = {}
        for tabel in sorted(connection.introspection.table_names()):
            cursor.execute(f'SELECT count(*) FROM "{tabel}"')  # noqa: S608 (names from the catalogue)
            result[tabel] = cursor.fetchone()[0]
        return result


def _controlesom(tabel: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM {tabel} t")  # noqa: S608
        return cursor.fetchone()[0]


def test_backup_wipe_restore_brings_every_row_back(tmp_path):
    call_command("load_demo", verbosity=0)
    voor = _tellingen()
    sommen = {tabel: _controlesom(tabel) for tabel in CONTROLE_TABELLEN}
    assert voor["sociale_kaart_aanbod"] > 50 and voor["regelingen_regeling"] > 5

    bestand = tmp_path / "demo.dump"
    call_command("backup", output=str(bestand), verbosity=0)
    assert bestand.stat().st_size > 10_000

    with connection.cursor() as cursor:
        tabellen = ", ".join(f'"{t}"' for t in connection.introspection.table_names())
        cursor.execute(f"TRUNCATE {tabellen} CASCADE")
    assert _tellingen()["sociale_kaart_aanbod"] == 0

    call_command("restore", str(bestand), interactive=False, verbosity=0)

    assert _tellingen() == voor
    assert {tabel: _controlesom(tabel) for tabel in CONTROLE_TABELLEN} == sommen
    # The site works on the restored data, and the page cache still hears about changes.
    assert Client().get("/hulp/?q=voedselbank").status_code == 200
    versie = paginacache.huidige_versie()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE sociale_kaart_organisatie SET naam = naam")
    assert paginacache.huidige_versie() != versie


def test_restore_of_a_missing_or_broken_file_changes_nothing(tmp_path):
    call_command("load_demo", verbosity=0)
    voor = _tellingen()
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("restore", str(tmp_path / "bestaat-niet.dump"), interactive=False)
    kapot = tmp_path / "kapot.dump"
    kapot.write_bytes(b"PGDMP" + b"\x00" * 100)
    with pytest.raises(CommandError, match="niet veranderd"):
        call_command("restore", str(kapot), interactive=False)
    assert _tellingen() == voor
