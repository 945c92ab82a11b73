"""Where a resident lives: a village or a postcode, clear messages for bad input,
and nothing of it stored, cached or logged."""

import logging

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociale_kaart.models import Synoniem, ZoektermZonderResultaat

pytestmark = pytest.mark.django_db
URL = "/hulp/"


def titels(response):
    return [a.titel for a in response.context["resultaat"].pagina]


def test_a_postcode_becomes_its_village_and_leaves_the_address(client, westerkwartier):
    response = client.get(URL, {"postcode": "9351 AB", "afstand": "5", "sorteer": "afstand", "q": "hulp"})
    assert response.status_code == 302
    assert "9351" not in response["Location"]
    assert "kern=leek" in response["Location"] and "afstand=5" in response["Location"]
    assert "private" in response["Cache-Control"]
    response = client.get(response["Location"])
    assert response.context["resultaat"].plaats.naam == "Leek"


@pytest.mark.parametrize(
    ("postcode", "melding"),
    [
        ("93", "Vul de 4 cijfers van uw postcode in, bijvoorbeeld 9351."),
        ("abcd", "Vul de 4 cijfers van uw postcode in, bijvoorbeeld 9351."),
        ("93511", "Vul de 4 cijfers van uw postcode in, bijvoorbeeld 9351."),
        ("1012", "Postcode 1012 ligt niet in de gemeente Westerkwartier. Kies uw plaats uit de lijst."),
    ],
)
def test_a_bad_postcode_gets_a_clear_message_and_the_list_still_works(client, westerkwartier, postcode, melding):
    response = client.get(URL, {"postcode": postcode})
    assert response.status_code == 200
    html = response.content.decode()
    assert melding in html
    assert 'aria-invalid="true"' in html
    assert response.content.decode().count('class="zk-resultaat"') == 10  # every aanbod, no place
    assert "<title>Fout: " in html


def test_an_unknown_village_gets_a_clear_message(client, westerkwartier):
    response = client.get(URL, {"kern": "atlantis", "afstand": "5"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wij kennen de plaats &quot;atlantis&quot; niet. Kies uw plaats uit de lijst" in html
    assert len(titels(response)) == 10


def test_pages_with_a_place_are_never_kept_in_the_page_cache(client, westerkwartier, settings):
    settings.PAGINA_CACHE = True
    cache = caches[settings.PAGINA_CACHE_ALIAS]
    cache.clear()
    for url in ("/hulp/?kern=leek", "/hulp/?kern=leek&afstand=10&sorteer=afstand", "/hulp/kaart/?kern=leek"):
        eerste, tweede = client.get(url), client.get(url)
        assert "private" in eerste["Cache-Control"]
        assert "X-Pagina-Cache" not in tweede
    assert len(cache._cache) == 0
    # Without a place the list is cached as before.
    client.get("/hulp/?thema=geld-en-schulden")
    assert client.get("/hulp/?thema=geld-en-schulden").get("X-Pagina-Cache") == "hit"


def test_searches_without_results_keep_no_place(client, westerkwartier):
    Synoniem.objects.create(woord="zeilboot", zoekt_ook="watersport")  # kept words are words of the lexicon
    client.get(URL, {"q": "zeilboot", "kern": "leek", "afstand": "5"})
    client.get(URL, {"q": "zeilboot 9351"})
    assert list(ZoektermZonderResultaat.objects.values_list("zoekterm", flat=True)) == ["zeilboot"]


def test_the_development_server_log_drops_the_query_string(caplog):
    caplog.set_level(logging.INFO, logger="django.server")
    logging.getLogger("django.server").info(
        '"%s" %s %s', "GET /hulp/kaart/?kern=leek&postcode=9351 HTTP/1.1", "302", "0"
    )
    assert "/hulp/kaart/?[weggelaten]" in caplog.text
    assert "leek" not in caplog.text and "9351" not in caplog.text


def test_csp_allows_images_from_exactly_the_tile_host(client, westerkwartier):
    csp = client.get("/hulp/kaart/").headers["Content-Security-Policy"]
    img_src = next(d for d in csp.split(";") if d.strip().startswith("img-src")).split()
    assert img_src == ["img-src", "'self'", "data:", "https://service.pdok.nl"]


NAMEN = ["q", "kern", "postcode", "afstand", "sorteer", "thema", "pagina", "gratis"]
waarden = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["leek", "zuidhorn", "9351", "9351AB", "1012", "5", "10", "25", "afstand", "-1", "1e9"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.lists(st.tuples(st.sampled_from(NAMEN), waarden), max_size=8))
@pytest.mark.parametrize("url", ["/hulp/", "/hulp/kaart/"])
def test_any_place_parameters_never_fail(client, westerkwartier, url, params):
    response = client.get(url, params)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code == 200
