"""The page cache cannot grow without bound: it is bounded by bytes (least
recently used out first), and a page with unknown filter values or unknown
query parameters is never kept."""

import pytest
from django.core.cache import caches
from django.test import Client

from tests.sociale_kaart.factories import AanbodFactory, KernFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def _hit(response) -> bool:
    return response.get("X-Pagina-Cache") == "hit"


def _bytes(cache) -> int:
    # What the cache holds, measured the same way for any local-memory backend.
    return sum(len(k) + len(v) for k, v in cache._cache.items())


@pytest.fixture
def cache_aan(settings):
    settings.PAGINA_CACHE = True
    caches[settings.PAGINA_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGINA_CACHE_ALIAS].clear()


@pytest.fixture
def kleine_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "paginas": {**settings.CACHES["paginas"], "LOCATION": "paginas-klein", "OPTIONS": {"MAX_BYTES": 400_000}},
    }
    settings.PAGINA_CACHE = True
    caches["paginas"].clear()
    yield caches["paginas"]
    caches["paginas"].clear()


def test_many_different_searches_stay_within_the_byte_limit(kleine_cache):
    AanbodFactory(titel="Voedselbank Leek")
    bezoeker = Client()
    paginas = [f"/hulp/?q=voedselbank&pagina={n}" for n in range(1, 80)]
    for url in paginas:
        assert bezoeker.get(url).status_code == 200
        assert _bytes(kleine_cache) <= 400_000
    assert _bytes(kleine_cache) > 200_000  # it does keep pages, up to the limit
    # The most recent pages are kept, the oldest went first.
    assert _hit(bezoeker.get(paginas[-1]))
    assert not _hit(bezoeker.get(paginas[0]))


def test_a_page_that_is_read_again_stays_longest(kleine_cache):
    AanbodFactory(titel="Voedselbank Leek")
    bezoeker = Client()
    bezoeker.get("/hulp/?q=voedselbank&pagina=1")
    for n in range(2, 80):
        bezoeker.get(f"/hulp/?q=voedselbank&pagina={n}")
        assert _hit(bezoeker.get("/hulp/?q=voedselbank&pagina=1"))  # read again: recently used


@pytest.mark.parametrize(
    "url",
    [
        "/hulp/?thema=bestaat-niet-8f3a",
        "/hulp/?kern=nergensdorp",
        "/hulp/?doelgroep=x1&doelgroep=x2",
        "/hulp/?open=zondagmiddag",
        "/hulp/?q=eten&onzin=7c1e",
        "/hulp/?q=eten&pagina=abc",
        "/hulp/kaart/?thema=bestaat-niet-8f3a",
        "/privacy/?utm_source=3b9d",
        "/pact/?x=1",
    ],
)
def test_pages_with_unknown_filter_values_are_not_cached(cache_aan, url):
    ThemaFactory(naam="Geld en schulden", slug="geld-en-schulden")
    bezoeker = Client()
    eerste, tweede = bezoeker.get(url), bezoeker.get(url)
    assert eerste.status_code == tweede.status_code == 200, url
    assert not _hit(tweede), url
    assert _bytes(caches["paginas"]) == 0


def test_pages_with_known_filter_values_are_still_cached(cache_aan):
    ThemaFactory(naam="Geld en schulden", slug="geld-en-schulden")
    KernFactory(naam="Leek", slug="leek")
    AanbodFactory(titel="Voedselbank Leek")
    bezoeker = Client()
    for url in ("/hulp/?thema=geld-en-schulden", "/hulp/?q=voedselbank&gratis=on&pagina=1", "/privacy/"):
        bezoeker.get(url)
        assert _hit(bezoeker.get(url)), url
