import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_runs_on_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("select version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL 18")


@pytest.mark.django_db
def test_test_run_uses_its_own_temporary_cluster():
    host = connection.settings_dict["HOST"]
    assert "armoedepact-testdb-" in host
    assert str(ROOT / ".pgdata") not in host


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "privacy", "toegankelijkheid"])
def test_site_pages_render_in_dutch(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert 'href="#inhoud"' in html and '<main id="inhoud"' in html
    assert html.count("<main") == 1
    assert reverse("privacy") in html and reverse("toegankelijkheid") in html


@pytest.mark.django_db
def test_home_has_the_main_navigation(client):
    html = client.get("/").content.decode()
    for label in ["Hulp zoeken", "Check waar u recht op heeft", "Over het pact", "Inloggen voor partners"]:
        assert label in html


@pytest.mark.django_db
def test_csp_header_with_nonce_and_no_unsafe_inline(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"script-src 'self' 'nonce-{nonce}'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.django_db
def test_unknown_page_gives_friendly_404(client, settings):
    settings.DEBUG = False
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def _run_manage(args, env_overrides, unset=()):
    env = {k: v for k, v in os.environ.items() if k not in unset and k != "PYTEST_VERSION"}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_debug_off_without_secret_key_gives_clear_message():
    result = _run_manage(
        ["check"], {"DJANGO_DEBUG": "0", "DATABASE_URL": "postgresql://x@127.0.0.1:1/x"}, unset={"DJANGO_SECRET_KEY"}
    )
    assert result.returncode == 2
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_database_gives_clear_message():
    result = _run_manage(
        ["migrate", "--noinput"],
        {"DJANGO_DEBUG": "1", "DATABASE_URL": "postgresql://nobody:x@127.0.0.1:1/nothing"},
    )
    assert result.returncode == 2
    assert "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr


def test_non_postgresql_database_url_is_refused():
    result = _run_manage(["check"], {"DJANGO_DEBUG": "1", "DATABASE_URL": "mysql://u:p@localhost/x"})
    assert result.returncode == 2
    assert "must point to PostgreSQL" in result.stderr


def test_makefile_refuses_python_older_than_312(tmp_path):
    old = tmp_path / "python3"
    old.write_text("#!/bin/sh\nexit 1\n")
    old.chmod(0o755)
    env = {"PATH": f"{tmp_path}:/usr/bin:/bin", "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path / "nopyenv")}
    result = subprocess.run(["scripts/find-python.sh"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "No Python 3.12 or newer found" in result.stderr
