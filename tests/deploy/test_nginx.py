"""The production recipe: Debian's nginx with deploy/'s settings in front of gunicorn
(deploy/gunicorn.conf.py, on 127.0.0.1 only). Slow-header clients hang on at nginx,
while a normal request still answers within a second. gunicorn alone (the old way)
does not: the same slow clients hold its workers.

nginx runs with a config in a temporary folder, as a process this test stops.
`make test` installs nginx as root (scripts/ensure-nginx.sh)."""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.deploy.support import ARTIFACTS, ROOT, database_url, gunicorn, stoppen, vrije_poort, wacht_op

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True)]

SITE = ROOT / "deploy" / "nginx-armoedepact.conf"
PROXY_SNIPPET = ROOT / "deploy" / "armoedepact-proxy.conf"
TRAGE_KLANTEN = 8
WORKERS = 2
# The site's settings for slow clients and bodies, taken from the real file.
_SERVER_REGELS = re.compile(
    r"^\s*((client_header_timeout|client_body_timeout|send_timeout|keepalive_timeout|large_client_header_buffers"
    r"|client_max_body_size)\s[^;]+;)",
    re.MULTILINE,
)


def _nginx_pad() -> str:
    pad = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if pad is None:
        pytest.fail("nginx is missing: run scripts/ensure-nginx.sh (as root it installs Debian's nginx-light)")
    return pad


def _config(map_: Path, poort: int, gunicorn_poort: int) -> Path:
    per_naam: dict[str, str] = {}
    for m in _SERVER_REGELS.finditer(SITE.read_text()):
        per_naam.setdefault(m.group(2), m.group(1))  # the server level; a location may repeat one
    instellingen = "\n        ".join(per_naam.values())
    assert "client_header_timeout" in instellingen and "client_max_body_size" in instellingen
    gebruiker = "user root;" if os.geteuid() == 0 else ""
    tekst = f"""
{gebruiker}
worker_processes 1;
pid {map_}/nginx.pid;
error_log {map_}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {map_}/access.log;
    client_body_temp_path {map_}/body;
    proxy_temp_path {map_}/proxy;
    fastcgi_temp_path {map_}/fastcgi;
    uwsgi_temp_path {map_}/uwsgi;
    scgi_temp_path {map_}/scgi;
    upstream armoedepact {{ server 127.0.0.1:{gunicorn_poort}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{poort};
        server_name 127.0.0.1;
        {instellingen}
        location / {{
            proxy_pass http://armoedepact;
            include {PROXY_SNIPPET};
        }}
    }}
}}
"""
    pad = map_ / "nginx.conf"
    pad.write_text(tekst)
    return pad


class TrageKlanten:
    """Connections that send their request headers one line per second, never ending them."""

    def __init__(self, poort: int, aantal: int):
        self.stop = threading.Event()
        self.sockets = []
        for _ in range(aantal):
            s = socket.create_connection(("127.0.0.1", poort), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            self.sockets.append(s)
        self.thread = threading.Thread(target=self._druppelen, daemon=True)
        self.thread.start()

    def _druppelen(self):
        n = 0
        while not self.stop.wait(1):
            n += 1
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.sendall(f"X-Traag-{n}: ja\r\n".encode())

    def sluiten(self):
        self.stop.set()
        self.thread.join(5)
        for s in self.sockets:
            s.close()


def _duur(url: str) -> float:
    start = time.perf_counter()
    try:
        response = httpx.get(url, timeout=3)
    except httpx.TimeoutException:
        return 99.0
    assert response.status_code == 200
    return time.perf_counter() - start


def test_slow_header_clients_do_not_block_a_normal_request_behind_nginx(transactional_db, tmp_path):
    nginx = _nginx_pad()
    map_ = tmp_path / "nginx"
    map_.mkdir()
    map_.chmod(0o755)
    with gunicorn(naam="nginx", database=database_url(), workers=WORKERS) as basis:
        gunicorn_poort = int(basis.rsplit(":", 1)[1])
        # gunicorn listens on loopback only.
        assert basis.startswith("http://127.0.0.1:")
        poort = vrije_poort()
        config = _config(map_, poort, gunicorn_poort)
        check = subprocess.run(
            [nginx, "-t", "-p", str(map_), "-c", str(config), "-e", str(map_ / "error.log")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stderr
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        proces = subprocess.Popen(
            [nginx, "-p", str(map_), "-c", str(config), "-e", str(map_ / "error.log"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wacht_op(f"http://127.0.0.1:{poort}/privacy/", proces, map_ / "error.log")

            # Behind nginx: the slow clients hang on, a normal request answers at once.
            traag = TrageKlanten(poort, TRAGE_KLANTEN)
            try:
                time.sleep(1.5)
                duren = [_duur(f"http://127.0.0.1:{poort}/privacy/") for _ in range(3)]
                assert max(duren) < 1.0, duren
                assert all(s.fileno() != -1 for s in traag.sockets)
            finally:
                traag.sluiten()

            # gunicorn exposed directly (the old recipe): the same slow clients hold every worker.
            traag = TrageKlanten(gunicorn_poort, TRAGE_KLANTEN)
            try:
                time.sleep(1.5)
                assert _duur(f"{basis}/privacy/") > 1.0
            finally:
                traag.sluiten()
        finally:
            stoppen(proces)
            shutil.copy(map_ / "error.log", ARTIFACTS / "nginx-error.log")
