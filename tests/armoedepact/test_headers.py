"""Security headers, security.txt and `check --deploy` (docs/security.md)."""

import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/hulp/", "/check/", "/partner/inloggen/", "/bestaat-niet/"])
def test_every_page_sends_the_security_headers(client, url):
    response = client.get(url)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert len(response["X-Request-ID"]) == 32


def test_request_id_from_a_proxy_is_kept_but_garbage_is_replaced(client):
    assert client.get("/", headers={"X-Request-ID": "lb-1234abcd"})["X-Request-ID"] == "lb-1234abcd"
    vervangen = client.get("/", headers={"X-Request-ID": "<script>\n"})["X-Request-ID"]
    assert vervangen != "<script>\n" and len(vervangen) == 32


def test_security_txt_follows_rfc_9116(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    velden = dict(regel.split(": ", 1) for regel in response.content.decode().strip().splitlines())
    assert velden["Contact"].startswith(("mailto:", "https://"))
    verloopt = datetime.strptime(velden["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    # RFC 9116: in the future, and less than a year ahead.
    assert datetime.now(UTC) < verloopt < datetime.now(UTC) + timedelta(days=365)
    assert velden["Canonical"].endswith("/.well-known/security.txt")


def test_check_deploy_is_clean():
    # Without PYTEST_VERSION the settings are production settings; conftest sets the async flag.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    result = subprocess.run(
        ["scripts/check-deploy.sh"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
