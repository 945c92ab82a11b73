"""HTTP benchmark: gunicorn as in production (several workers, persistent
database connections, DEBUG off, manifest static files) on the benchmark
database, driven from a second process over loopback by an asyncio/httpx
client with N connections. For each page: requests/s, p50, p95, p99, errors,
and throughput relative to a trivial Django view in the same run; then the
peak memory per worker.

    python -m bench.run --only http        # after the data set exists
Two rounds: with the page cache (production) and without it (the views)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from regelingen.voorbeeld import ALLEENSTAANDE_OUDER

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "bench" / "data" / "static"
WORKERS = int(os.environ.get("BENCH_WORKERS", str(max(2, (os.cpu_count() or 1) + 1))))
VERBINDINGEN = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SECONDEN = float(os.environ.get("BENCH_SECONDS", "8"))


def maak_app():
    """gunicorn factory: the site plus the trivial baseline view (bench/urls.py),
    static files from the collected, fingerprinted set."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armoedepact.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.STATIC_ROOT = str(STATIC)
    settings.ROOT_URLCONF = "bench.urls"
    from django.core.wsgi import get_wsgi_application

    return get_wsgi_application()


def _static_verzamelen() -> None:
    from django.conf import settings
    from django.core.management import call_command

    if (STATIC / "staticfiles.json").exists():
        return
    print("  collectstatic (once, into bench/data/static)...")
    settings.STATIC_ROOT = str(STATIC)
    call_command("collectstatic", interactive=False, verbosity=0)


def _regelingen_aanwezig() -> None:
    from io import StringIO

    from regelingen.models import Regeling

    if not Regeling.objects.exists():
        from regelingen import demo

        demo.load(stdout=StringIO())


def _urls() -> dict[str, list[str]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT slug FROM sociale_kaart_kern ORDER BY id LIMIT 1 OFFSET 41")
        kern = cursor.fetchone()[0]
        cursor.execute(
            "SELECT a.slug FROM sociale_kaart_aanbod a JOIN sociale_kaart_organisatie o ON o.id = a.organisatie_id"
            " WHERE a.status = 'gepubliceerd' AND o.status = 'gepubliceerd' ORDER BY a.id LIMIT 50"
        )
        slugs = [r[0] for r in cursor.fetchall()]
    termen = ["schulden", "eten", "huur", "zwemles+kinderen", "voedselbank", "taal", "geld", "energie+besparen"]
    return {
        "trivial view (baseline)": ["/bench/trivial/"],
        "home": ["/"],
        "search, text": [f"/hulp/?q={t}" for t in termen],
        "search, text + filters": [f"/hulp/?q={t}&thema=geld-en-schulden&kern={kern}&gratis=on" for t in termen],
        "search, filters only": [f"/hulp/?thema=kinderen-en-jongeren&kern={kern}", "/hulp/?gratis=on&open=woensdag"],
        "aanbod detail": [f"/hulp/{s}/" for s in slugs],
        "check result": ["/check/uitslag/"],
    }


async def _rijden(basis: str, urls: list[str], verbindingen: int, seconden: float, cookies: dict) -> dict:
    import httpx

    tijden: list[float] = []
    fouten = 0
    einde = time.perf_counter() + seconden
    limits = httpx.Limits(max_connections=verbindingen, max_keepalive_connections=verbindingen)
    async with httpx.AsyncClient(base_url=basis, limits=limits, timeout=30, cookies=cookies) as client:

        async def verbinding(n: int) -> None:
            nonlocal fouten
            i = n
            while time.perf_counter() < einde:
                start = time.perf_counter()
                try:
                    r = await client.get(urls[i % len(urls)])
                    if r.status_code != 200:
                        fouten += 1
                except httpx.HTTPError:
                    fouten += 1
                tijden.append((time.perf_counter() - start) * 1000)
                i += 1

        begin = time.perf_counter()
        await asyncio.gather(*(verbinding(n) for n in range(verbindingen)))
        duur = time.perf_counter() - begin
    q = statistics.quantiles(tijden, n=100, method="inclusive") if len(tijden) > 1 else [tijden[0]] * 99
    return {"rps": len(tijden) / duur, "p50": q[49], "p95": q[94], "p99": q[98], "n": len(tijden), "errors": fouten}


def _driver(basis, urls, verbindingen, seconden, cookies) -> dict:
    """Runs in a second process, so the client does not share the interpreter with the server's parent."""
    asyncio.run(_rijden(basis, urls, 2, 1.0, cookies))  # warm up every worker's caches
    return asyncio.run(_rijden(basis, urls, verbindingen, seconden, cookies))


def _check_cookie(basis: str) -> dict:
    import httpx

    with httpx.Client(base_url=basis, timeout=30) as client:
        client.get("/check/woonplaats/")
        for stap, data in ALLEENSTAANDE_OUDER:
            r = client.post(f"/check/{stap}/", data={**data, "csrfmiddlewaretoken": client.cookies.get("csrftoken")})
            assert r.status_code == 302, (stap, r.status_code)
        client.post("/check/controleren/", data={"csrfmiddlewaretoken": client.cookies.get("csrftoken")})
        assert client.get("/check/uitslag/").status_code == 200
        return dict(client.cookies.items())


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ronde(*, paginacache: bool, urls: dict[str, list[str]], stdout) -> None:
    import httpx
    import psutil

    poort = _vrije_poort()
    env = {
        **os.environ,
        "DJANGO_PAGE_CACHE": "1" if paginacache else "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_CONN_MAX_AGE": "600",
    }
    proces = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench.http_load:maak_app()", "--workers", str(WORKERS),
         "--bind", f"127.0.0.1:{poort}", "--backlog", "1024", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    piek: dict[int, int] = {}
    stop = threading.Event()

    def geheugen_meten() -> None:
        while not stop.is_set():
            try:
                for kind in psutil.Process(proces.pid).children():
                    piek[kind.pid] = max(piek.get(kind.pid, 0), kind.memory_info().rss)
            except psutil.Error:
                pass
            time.sleep(0.2)

    meter = threading.Thread(target=geheugen_meten, daemon=True)
    try:
        for _ in range(200):
            try:
                if httpx.get(basis + "/bench/trivial/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        meter.start()
        cookies = _check_cookie(basis)
        resultaten = {}
        with ProcessPoolExecutor(1) as pool:
            for naam, lijst in urls.items():
                resultaten[naam] = pool.submit(
                    _driver, basis, lijst, VERBINDINGEN, SECONDEN, cookies if naam == "check result" else {}
                ).result()
    finally:
        stop.set()
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(20)
    basislijn = resultaten["trivial view (baseline)"]["rps"]
    stdout(f"{'page':<26}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs baseline':>13}")
    for naam, r in resultaten.items():
        stdout(
            f"{naam:<26}{r['rps']:>8.0f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8}"
            f"{r['rps'] / basislijn:>12.0%}"
        )
    if piek:
        mb = sorted(v / 2**20 for v in piek.values())
        stdout(f"peak memory per worker: {', '.join(f'{m:.0f}' for m in mb)} MB (RSS, {len(mb)} workers)")


def draaien(*, stdout=print) -> None:
    """Call after bench.setup.django_opzetten() and the data set exists."""
    _static_verzamelen()
    _regelingen_aanwezig()
    urls = _urls()
    stdout(f"gunicorn: {WORKERS} sync workers; client: {VERBINDINGEN} connections, {SECONDEN:.0f} s per page, loopback")
    for paginacache in (True, False):
        stdout(f"\nHTTP, page cache {'on (as in production)' if paginacache else 'off (the views themselves)'}:")
        _ronde(paginacache=paginacache, urls=urls, stdout=stdout)


def main() -> None:
    from bench.setup import django_opzetten

    django_opzetten()
    draaien()


if __name__ == "__main__":
    main()
