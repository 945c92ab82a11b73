"""Load and soak test: 50 residents search and do the full check against
gunicorn (several workers, like production) for about 20 seconds, while a
partner edits an aanbod over HTTP and the coordinator approves every edit.

Asserts: no server error and no failed connection, no lost edit (every
approved edit is on the public page at once, through the page cache of every
worker). Response times go to artifacts/load/soak.json and the test output.
Loopback only. Speed figures come from `make bench`, not from this test."""

import json
import logging
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection, connections

from armoedepact.models import Revisie, RevisieStatus
from armoedepact.partner import services as partner_services
from regelingen.voorbeeld import ALLEENSTAANDE_OUDER
from sociale_kaart.models import Lidmaatschap
from tests.sociale_kaart.factories import AanbodFactory, KernFactory, ThemaFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "load"
DUUR = float(os.environ.get("SOAK_SECONDS", "20"))
BEWONERS = int(os.environ.get("SOAK_RESIDENTS", "50"))
WORKERS = 3
WACHTWOORD = "Lang-en-Sterk-Wachtwoord-2026"
ZOEKTERMEN = ["schulden", "eten", "voedselbank", "zwemles", "geld", "taal", "huur", "qwerty"]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    """The test run's cluster (exported by settings) with this test's database."""
    deel = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(deel._replace(path="/" + connection.settings_dict["NAME"]))


@pytest.fixture
def gegevens(transactional_db):
    from regelingen import demo

    demo.load(stdout=StringIO())
    thema = ThemaFactory(naam="Geld en schulden", slug="geld-en-schulden")
    kern = KernFactory(naam="Leek", slug="leek")
    aanbod = [
        AanbodFactory(titel=f"{random.Random(i).choice(['Schuldhulp', 'Voedselbank', 'Zwemles'])} {i}", themas=[thema])
        for i in range(30)
    ]
    bewerkt = AanbodFactory(titel="Taalcafé Leek", kernen=[kern], themas=[thema])
    partner = get_user_model().objects.create_user(username="p@voorbeeld.nl", email="p@voorbeeld.nl")
    partner.password = PBKDF2PasswordHasher().encode(WACHTWOORD, "soaktestzout")
    partner.save()
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=bewerkt.organisatie)
    coordinator = get_user_model().objects.create_user(username="coordinator@voorbeeld.nl", is_staff=True)
    return {"aanbod": aanbod, "bewerkt": bewerkt, "coordinator": coordinator}


@pytest.fixture
def server(gegevens):
    poort = _vrije_poort()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DJANGO_DEBUG": "0",
        "DJANGO_PAGE_CACHE": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_CONN_MAX_AGE": "60",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = (ARTIFACTS / "gunicorn.log").open("w")
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "armoedepact.wsgi:application",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{poort}",
            "--timeout",
            "60",
            "--backlog",
            "512",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(150):
            try:
                if httpx.get(basis + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proces.poll() is not None:
                pytest.fail("gunicorn stopped; see artifacts/load/gunicorn.log")
            time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer within 30 seconds")
        yield basis
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        try:
            proces.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(5)
        log.close()


class Metingen:
    def __init__(self):
        self.lock = threading.Lock()
        self.tijden = defaultdict(list)
        self.fouten = []

    def vraag(self, client, soort, methode, url, **kwargs):
        start = time.perf_counter()
        try:
            response = client.request(methode, url, **kwargs)
        except httpx.HTTPError as fout:
            with self.lock:
                self.fouten.append(f"{soort} {url}: {type(fout).__name__} {fout}")
            return None
        duur = (time.perf_counter() - start) * 1000
        with self.lock:
            self.tijden[soort].append(duur)
            if response.status_code >= 500:
                self.fouten.append(f"{soort} {url}: {response.status_code}")
        return response


def _token(client) -> str:
    return client.cookies.get("csrftoken", "")


def _bewoner(basis, metingen, stop, nummer, aanbod_slugs):
    rnd = random.Random(nummer)
    with httpx.Client(base_url=basis, timeout=30, follow_redirects=False) as client:
        while not stop.is_set():
            if rnd.random() < 0.6:
                term = rnd.choice(ZOEKTERMEN)
                metingen.vraag(client, "home", "GET", "/")
                metingen.vraag(client, "zoeken", "GET", "/hulp/", params={"q": term})
                metingen.vraag(
                    client,
                    "zoeken met filters",
                    "GET",
                    "/hulp/",
                    params={"q": term, "thema": "geld-en-schulden", "kern": "leek", "gratis": "on"},
                )
                metingen.vraag(client, "aanbod", "GET", f"/hulp/{rnd.choice(aanbod_slugs)}/")
            else:
                client.cookies.clear()
                metingen.vraag(client, "check vraag", "GET", "/check/woonplaats/")
                for stap, data in ALLEENSTAANDE_OUDER:
                    r = metingen.vraag(
                        client,
                        "check vraag",
                        "POST",
                        f"/check/{stap}/",
                        data={**data, "csrfmiddlewaretoken": _token(client)},
                    )
                    if r is not None and r.status_code != 302:
                        with metingen.lock:
                            metingen.fouten.append(f"check {stap}: {r.status_code}")
                        break
                else:
                    metingen.vraag(
                        client,
                        "check vraag",
                        "POST",
                        "/check/controleren/",
                        data={"csrfmiddlewaretoken": _token(client)},
                    )
                    r = metingen.vraag(client, "check uitslag", "GET", "/check/uitslag/")
                    if r is not None and r.status_code != 200:
                        with metingen.lock:
                            metingen.fouten.append(f"check uitslag: {r.status_code}")


def _partner_en_coordinator(basis, metingen, stop, gegevens, verloren, bewerkingen):
    """The partner edits; the coordinator (another thread) approves; the
    partner checks the public page right after each approval."""
    bewerkt, coordinator = gegevens["bewerkt"], gegevens["coordinator"]
    goedgekeurd, klaar = threading.Event(), threading.Event()

    def coordinator_loop():
        try:
            while not klaar.is_set():
                for revisie in Revisie.objects.filter(status=RevisieStatus.WACHT, aanbod=bewerkt):
                    partner_services.revisie_goedkeuren(revisie=revisie, door=coordinator)
                    goedgekeurd.set()
                time.sleep(0.1)
        finally:
            connections.close_all()

    draad = threading.Thread(target=coordinator_loop)
    draad.start()
    try:
        with httpx.Client(base_url=basis, timeout=30) as partner, httpx.Client(base_url=basis, timeout=30) as publiek:
            metingen.vraag(partner, "partner", "GET", "/partner/inloggen/")
            r = metingen.vraag(
                partner,
                "partner",
                "POST",
                "/partner/inloggen/",
                data={"username": "p@voorbeeld.nl", "password": WACHTWOORD, "csrfmiddlewaretoken": _token(partner)},
            )
            assert r is not None and r.status_code == 302, "partner log-in failed"
            nummer = 0
            while not stop.is_set():
                nummer += 1
                titel = f"Taalcafé Leek versie {nummer}"
                metingen.vraag(partner, "partner", "GET", f"/partner/aanbod/{bewerkt.uuid}/bewerken/")
                goedgekeurd.clear()
                r = metingen.vraag(
                    partner,
                    "partner",
                    "POST",
                    f"/partner/aanbod/{bewerkt.uuid}/bewerken/",
                    data={
                        "titel": titel,
                        "wat_u_krijgt": f"U oefent Nederlands. Ronde {nummer}.",
                        "voor_wie": "Voor iedereen.",
                        "heel_de_gemeente": "on",
                        "kosten": "gratis",
                        "csrfmiddlewaretoken": _token(partner),
                    },
                )
                if r is None or r.status_code != 302:
                    verloren.append(f"edit {nummer}: {None if r is None else r.status_code}")
                    continue
                if not goedgekeurd.wait(10):
                    verloren.append(f"edit {nummer}: not approved within 10 s")
                    continue
                bewerkingen.append(titel)
                pagina = metingen.vraag(publiek, "aanbod", "GET", f"/hulp/{bewerkt.slug}/")
                if pagina is None or titel not in pagina.text:
                    verloren.append(f"edit {nummer}: approved but not on the public page at once")
                time.sleep(0.3)
    finally:
        klaar.set()
        draad.join()


def _p(tijden, q):
    return statistics.quantiles(tijden, n=100, method="inclusive")[q - 1] if len(tijden) > 1 else tijden[0]


def test_fifty_residents_while_a_partner_edits_and_the_coordinator_approves(server, gegevens):
    logging.getLogger("httpx").setLevel(logging.WARNING)
    metingen, stop = Metingen(), threading.Event()
    verloren, bewerkingen = [], []
    slugs = [a.slug for a in gegevens["aanbod"]]
    bewoners = [threading.Thread(target=_bewoner, args=(server, metingen, stop, n, slugs)) for n in range(BEWONERS)]
    for draad in bewoners:
        draad.start()
    partner = threading.Thread(
        target=_partner_en_coordinator, args=(server, metingen, stop, gegevens, verloren, bewerkingen)
    )
    partner.start()
    time.sleep(DUUR)
    stop.set()
    partner.join(60)
    for draad in bewoners:
        draad.join(60)

    samenvatting = {
        soort: {"n": len(t), "p50_ms": round(_p(t, 50), 1), "p95_ms": round(_p(t, 95), 1), "max_ms": round(max(t), 1)}
        for soort, t in sorted(metingen.tijden.items())
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "soak.json").write_text(
        json.dumps(
            {
                "seconds": DUUR,
                "residents": BEWONERS,
                "workers": WORKERS,
                "edits": len(bewerkingen),
                "requests": samenvatting,
                "errors": metingen.fouten[:50],
                "lost_edits": verloren,
            },
            indent=2,
        )
    )
    print(f"\nsoak: {BEWONERS} residents, {DUUR:.0f} s, {WORKERS} gunicorn workers, {len(bewerkingen)} approved edits")
    for soort, s in samenvatting.items():
        print(f"  {soort:<20} n={s['n']:>5}  p50={s['p50_ms']:>7} ms  p95={s['p95_ms']:>7} ms  max={s['max_ms']:>7} ms")

    assert metingen.fouten == []
    assert verloren == []
    assert len(bewerkingen) >= 3
    assert samenvatting["check uitslag"]["n"] >= BEWONERS // 2
    assert samenvatting["zoeken"]["n"] >= BEWONERS
    assert re.search(r"versie \d+", gegevens["bewerkt"].__class__.objects.get(pk=gegevens["bewerkt"].pk).titel)
