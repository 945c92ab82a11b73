"""The settings the README documents are real: each is read from the environment
in armoedepact/settings.py and listed in .env.example, and settings.py reads
no variable that .env.example leaves out."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import override_settings

from armoedepact import backup

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
ENV_EXAMPLE = ROOT / ".env.example"
SETTINGS = ROOT / "armoedepact" / "settings.py"

NAAM = re.compile(r"`([A-Z][A-Z0-9_]+)`")
ENV_REGEL = re.compile(r"^\s*#?\s*([A-Z][A-Z0-9_]+)=", re.MULTILINE)
# os.environ.get("X"), os.environ["X"], env_bool("X"), env_list("X"), with any default.
ENV_LEZING = re.compile(r"""(?:os\.environ(?:\.get)?\s*[(\[]|env_bool\(|env_list\()\s*["']([A-Z][A-Z0-9_]+)["']""")


def readme_instellingen(tekst: str) -> set[str]:
    """Variable names in the first column of the table under '## Configuration (environment)'."""
    sectie = tekst.split("## Configuration (environment)", 1)[1].split("\n## ", 1)[0]
    namen: set[str] = set()
    for regel in sectie.splitlines():
        if not regel.startswith("|") or regel.startswith("|---"):
            continue
        eerste_kolom = regel.split("|")[1]
        namen.update(NAAM.findall(eerste_kolom))
    return namen


def env_example_namen(tekst: str) -> set[str]:
    """Names set in .env.example, commented-out examples (`# NAME=...`) included."""
    return set(ENV_REGEL.findall(tekst))


def gelezen_in_settings(tekst: str) -> set[str]:
    return set(ENV_LEZING.findall(tekst))


def ontbrekend(readme: str, env_example: str, settings_bron: str) -> dict[str, set[str]]:
    documenteerd = readme_instellingen(readme)
    return {
        "niet in .env.example": documenteerd - env_example_namen(env_example),
        "niet gelezen in settings.py": documenteerd - gelezen_in_settings(settings_bron),
    }


def test_readme_table_is_parsed():
    namen = readme_instellingen(README.read_text())
    # The cell "`EMAIL_HOST`, `EMAIL_PORT`, ..." holds several variables.
    assert {"DJANGO_DEBUG", "EMAIL_HOST", "EMAIL_USE_TLS", "HSDS_RATE_LIMIT", "PG_BIN_DIR"} <= namen
    assert len(namen) >= 20


def test_every_readme_setting_is_in_env_example_and_read_in_settings():
    fouten = ontbrekend(README.read_text(), ENV_EXAMPLE.read_text(), SETTINGS.read_text())
    assert fouten == {"niet in .env.example": set(), "niet gelezen in settings.py": set()}


def test_every_variable_settings_reads_is_in_env_example():
    assert gelezen_in_settings(SETTINGS.read_text()) - env_example_namen(ENV_EXAMPLE.read_text()) == set()


def test_check_fails_when_a_setting_is_missing():
    readme, env_example, settings_bron = README.read_text(), ENV_EXAMPLE.read_text(), SETTINGS.read_text()
    zonder_env = re.sub(r"^.*HSDS_RATE_LIMIT=.*$", "", env_example, flags=re.MULTILINE)
    zonder_lezing = settings_bron.replace('"HSDS_RATE_LIMIT"', '"IETS_ANDERS"')
    assert ontbrekend(readme, zonder_env, settings_bron)["niet in .env.example"] == {"HSDS_RATE_LIMIT"}
    assert ontbrekend(readme, env_example, zonder_lezing)["niet gelezen in settings.py"] == {"HSDS_RATE_LIMIT"}


def test_backup_uses_the_pg_bin_dir_setting(tmp_path):
    with override_settings(PG_BIN_DIR=str(tmp_path)):
        assert backup.programma("pg_dump") == str(tmp_path / "pg_dump")
