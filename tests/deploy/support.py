"""gunicorn started the production way (deploy/gunicorn.conf.py, debug off) on a free
port, against this test's database; and a TCP relay in front of PostgreSQL that a
test can cut and restore (PostgreSQL "away" without stopping the test run's cluster)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "deploy"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(*, poort: int | None = None) -> str:
    """The test run's cluster with this test's database (optionally through another port)."""
    deel = urlsplit(os.environ["DATABASE_URL"])
    deel = deel._replace(path="/" + connection.settings_dict["NAME"])
    if poort is not None:
        netloc = deel.netloc.rsplit("@", 1)
        gebruiker = netloc[0] + "@" if len(netloc) == 2 else ""
        deel = deel._replace(netloc=f"{gebruiker}127.0.0.1:{poort}")
    return urlunsplit(deel)


def postgres_socket() -> str:
    """The Unix socket of the test run's PostgreSQL (its URL names the socket folder)."""
    from urllib.parse import unquote

    host = connection.settings_dict.get("HOST") or unquote(urlsplit(os.environ["DATABASE_URL"]).hostname or "")
    poort = connection.settings_dict.get("PORT") or "5432"
    pad = Path(unquote(host)) / f".s.PGSQL.{poort}"
    if not pad.exists():
        gevonden = sorted(Path(unquote(host)).glob(".s.PGSQL.*"))
        gevonden = [g for g in gevonden if not g.name.endswith(".lock")]
        assert gevonden, f"no PostgreSQL socket in {host}"
        pad = gevonden[0]
    return str(pad)


def wacht_op(url: str, proces: subprocess.Popen, log: Path, *, seconden: float = 30) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.TransportError:
            pass
        if proces.poll() is not None:
            pytest.fail(f"process stopped; see {log}")
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {seconden} seconds; see {log}")


def stoppen(proces: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proces.pid, signal.SIGTERM)
    try:
        proces.wait(15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proces.pid, signal.SIGKILL)
        proces.wait(5)


@contextlib.contextmanager
def gunicorn(*, naam: str, database: str, workers: int = 2, **extra_env: str):
    """gunicorn -c deploy/gunicorn.conf.py; yields its base URL (always 127.0.0.1)."""
    poort = vrije_poort()
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_DEBUG": "0",
        "DJANGO_PAGE_CACHE": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_CONN_MAX_AGE": "60",
        "ARMOEDEPACT_PORT": str(poort),
        "GUNICORN_WORKERS": str(workers),
        **extra_env,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    logpad = ARTIFACTS / f"{naam}-gunicorn.log"
    with logpad.open("w") as log:
        proces = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "armoedepact.wsgi:application"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        basis = f"http://127.0.0.1:{poort}"
        try:
            wacht_op(basis + "/privacy/", proces, logpad)
            yield basis
        finally:
            stoppen(proces)


class Doorgeefluik:
    """A TCP relay 127.0.0.1:poort -> PostgreSQL. `weg()` closes every connection and
    refuses new ones (the database is away); `terug()` accepts again on the same port."""

    def __init__(self, doel: str):
        self.doel = doel  # the path of PostgreSQL's Unix socket
        self.poort = vrije_poort()
        self._lock = threading.Lock()
        self._open: list[socket.socket] = []
        self._luisteraar: socket.socket | None = None
        self.terug()

    def terug(self) -> None:
        luisteraar = socket.socket()
        luisteraar.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        luisteraar.bind(("127.0.0.1", self.poort))
        luisteraar.listen(64)
        self._luisteraar = luisteraar
        threading.Thread(target=self._aannemen, args=(luisteraar,), daemon=True).start()

    def _aannemen(self, luisteraar: socket.socket) -> None:
        while True:
            try:
                klant, _ = luisteraar.accept()
            except OSError:
                return
            try:
                server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                server.connect(self.doel)
            except OSError:
                klant.close()
                continue
            with self._lock:
                self._open += [klant, server]
            for van, naar in ((klant, server), (server, klant)):
                threading.Thread(target=self._pompen, args=(van, naar), daemon=True).start()

    @staticmethod
    def _pompen(van: socket.socket, naar: socket.socket) -> None:
        try:
            while data := van.recv(65536):
                naar.sendall(data)
        except OSError:
            pass
        finally:
            for s in (van, naar):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def verbindingen_verbreken(self) -> None:
        """Every open connection ends (a database restart), new ones are accepted."""
        with self._lock:
            open_, self._open = self._open, []
        for s in open_:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def weg(self) -> None:
        if self._luisteraar is not None:
            # shutdown wakes the thread blocked in accept(); close alone would leave it listening.
            with contextlib.suppress(OSError):
                self._luisteraar.shutdown(socket.SHUT_RDWR)
            self._luisteraar.close()
            self._luisteraar = None
        self.verbindingen_verbreken()

    def sluiten(self) -> None:
        self.weg()
