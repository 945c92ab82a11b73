"""p50/p95 of the /hulp/ search view (10 queries, with and without filters), the
detail page, and a trivial Django view in the same run, through Django's full
request stack (middleware, templates) with the test client."""

from __future__ import annotations

import statistics
import time

QUERIES = [
    "schulden",
    "eten",
    "huur",
    "zwemles kinderen",
    "voedselbank",
    "taal",
    "geld",
    "administratie",
    "energie besparen",
    "fiets",
]
HERHALINGEN = 20


def _meten(client, url: str, keer: int) -> list[float]:
    client.get(url)  # warm up
    tijden = []
    for _ in range(keer):
        start = time.perf_counter()
        response = client.get(url)
        tijden.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return tijden


def _p(tijden: list[float], q: int) -> float:
    return statistics.quantiles(tijden, n=100, method="inclusive")[q - 1]


def draaien(*, stdout=print, herhalingen: int = HERHALINGEN) -> dict[str, tuple[float, float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from bench import sociale_kaart_data
    from sociale_kaart.models import Aanbod, Kern, Status

    if not sociale_kaart_data.plekken_aanwezig():
        sociale_kaart_data.plekken_aanvullen(stdout=stdout)
    with connection.cursor() as cursor:
        cursor.execute("SELECT slug FROM sociale_kaart_kern ORDER BY id LIMIT 1 OFFSET 41")
        kern = cursor.fetchone()[0]
    detail_slugs = list(
        Aanbod.objects.filter(status=Status.GEPUBLICEERD, organisatie__status=Status.GEPUBLICEERD)
        .order_by("id")
        .values_list("slug", flat=True)[:10]
    )
    assert Kern.objects.filter(slug=kern).exists()
    filters = [
        f"thema=geld-en-schulden&kern={kern}",
        "gratis=on&levensgebeurtenis=ik-heb-schulden",
        "thema=kinderen-en-jongeren&open=woensdag",
        f"doelgroep=kinderen&kern={kern}&gratis=on",
        "thema=eten-en-kleding&thema=ontmoeten",
    ]
    groepen = {
        "search, text only": [f"/hulp/?q={q.replace(' ', '+')}" for q in QUERIES],
        "search, text + filters": [f"/hulp/?q={q.replace(' ', '+')}&{filters[n % 5]}" for n, q in enumerate(QUERIES)],
        "search, filters only": [f"/hulp/?{f}" for f in filters],
        "search, page 3": [f"/hulp/?q={q.replace(' ', '+')}&pagina=3" for q in QUERIES[:5]],
        # Nearest first: distance computed in PostgreSQL, radius from the filter (or 30 km).
        "search, by distance": [
            f"/hulp/?q={q.replace(' ', '+')}&kern={kern}&afstand={(5, 10, 25)[n % 3]}&sorteer=afstand"
            for n, q in enumerate(QUERIES)
        ]
        + [f"/hulp/?{f}&sorteer=afstand" for f in filters if "kern=" in f]
        + [f"/hulp/?kern={kern}&afstand=25&sorteer=afstand", f"/hulp/?kern={kern}&sorteer=afstand"],
        "aanbod detail": [f"/hulp/{slug}/" for slug in detail_slugs],
        "trivial view": ["/bench/trivial/"],
    }
    resultaten: dict[str, tuple[float, float, int]] = {}
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(ROOT_URLCONF="bench.urls", STORAGES=storages):
        client = Client()
        for naam, urls in groepen.items():
            keer = herhalingen * (10 if naam == "trivial view" else 1)
            tijden = [t for url in urls for t in _meten(client, url, keer)]
            resultaten[naam] = (_p(tijden, 50), _p(tijden, 95), len(tijden))
    basis = resultaten["trivial view"][1]
    stdout(f"{'view':<26}{'p50 ms':>9}{'p95 ms':>9}{'n':>6}{'p95 / trivial':>15}")
    for naam, (p50, p95, n) in resultaten.items():
        stdout(f"{naam:<26}{p50:>9.1f}{p95:>9.1f}{n:>6}{p95 / basis:>14.1f}x")
    return resultaten
