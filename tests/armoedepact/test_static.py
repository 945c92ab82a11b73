"""Static files in production mode: fingerprinted names, compressed copies
and a one-year, immutable cache lifetime (whitenoise)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, os, sys
import django
from django.conf import settings
django.setup()
settings.STATIC_ROOT = sys.argv[1]
from django.core.management import call_command
call_command("collectstatic", interactive=False, verbosity=0)
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import Client
naam = staticfiles_storage.url("css/theme.css")
r = Client().get(naam, headers={"Accept-Encoding": "gzip, br"})
home = Client().get("/static/css/theme.css")
print(json.dumps({"url": naam, "status": r.status_code, "cache": r.get("Cache-Control", ""),
                  "encoding": r.get("Content-Encoding", ""), "plain_status": home.status_code}))
"""


def test_collectstatic_fingerprints_compresses_and_caches_for_a_year(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="static-test-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="testserver",
        EMAIL_HOST="smtp.example.invalid",
        VERSLEUTELING_SLEUTELS="AnvTCBxHssyBFiKXJcZsYvUmwzVAXi0-E-MCtcuZiDw=",  # a test-only key
        DJANGO_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="armoedepact.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stderr[-3000:]
    uitkomst = json.loads(result.stdout.strip().splitlines()[-1])
    assert uitkomst["url"].startswith("/static/css/theme.") and uitkomst["url"] != "/static/css/theme.css"
    assert uitkomst["status"] == 200
    assert "max-age=31536000" in uitkomst["cache"] and "immutable" in uitkomst["cache"]
    assert uitkomst["encoding"] in {"br", "gzip"}
    gecomprimeerd = list(tmp_path.joinpath("css").glob("theme.*.css.gz"))
    assert gecomprimeerd
