"""Fuzzing of every public form and query string: whatever a visitor (or a
bot) sends, the answer is never a server error.

Each test runs FUZZ_MAX_EXAMPLES examples (default 25, so the suite stays
fast). A longer nightly-style run: FUZZ_MAX_EXAMPLES=2000 pytest tests/fuzz
(see docs/security.md)."""

import os
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelingen.check import STAPPEN

MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

pytestmark = pytest.mark.django_db

# Text a person, a copy-paste accident or an attacker could send.
tekst = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "a & b | !c <-> d:*",
            "\x00",
            "€ 1.234,56",
            "-1",
            "9" * 400,
            "NaN",
            "1e309",
            "ja",
            "nee",
            "../../etc/passwd",
            "%",
            "😀",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
velden = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "thema",
            "kern",
            "doelgroep",
            "levensgebeurtenis",
            "gratis",
            "open",
            "pagina",
            "sortering",
            "afstand",
            "x",
        ]
    ),
    tekst,
    max_size=6,
)


def _geen_serverfout(response, wat):
    assert response.status_code < 500, (wat, response.status_code)


@pytest.fixture
def gegevens(db):
    from regelingen import demo as regelingen_demo
    from tests.sociale_kaart.factories import AanbodFactory, KernFactory, ThemaFactory

    thema = ThemaFactory(naam="Geld en schulden", slug="geld-en-schulden")
    AanbodFactory(titel="Schuldhulp", themas=[thema], kernen=[KernFactory(naam="Leek", slug="leek")])
    regelingen_demo.load(stdout=StringIO())


@FUZZ
@given(params=velden, herhaald=st.lists(st.tuples(st.sampled_from(["thema", "kern", "open"]), tekst), max_size=4))
def test_search_and_filters(gegevens, params, herhaald):
    client = Client()
    query = urlencode(list(params.items()) + herhaald)
    _geen_serverfout(client.get(f"/hulp/?{query}"), query)
    _geen_serverfout(client.get(f"/?{query}"), query)


@FUZZ
@given(pad=tekst)
def test_detail_paths(gegevens, pad):
    client = Client()
    for voorvoegsel in ("/hulp/", "/organisatie/", "/pact/pijlers/", "/open-data/hsds/services/"):
        _geen_serverfout(client.get(voorvoegsel + pad.replace("\x00", "") + "/"), pad)


@FUZZ
@given(stap=st.sampled_from([s.slug for s in STAPPEN]), data=st.dictionaries(tekst, tekst, max_size=4), echt=tekst)
def test_every_question_of_the_check(gegevens, stap, data, echt):
    client = Client()
    client.post("/check/woonplaats/", {"woont_in_gemeente": "ja"})
    velden_van_stap = list(STAPPEN[[s.slug for s in STAPPEN].index(stap)].form.base_fields)
    data = {**data, **dict.fromkeys(velden_van_stap, echt)}
    _geen_serverfout(client.post(f"/check/{stap}/", data), (stap, data))
    _geen_serverfout(client.get(f"/check/{stap}/?wijzigen={echt}"), stap)
    for pad in ("/check/controleren/", "/check/uitslag/", "/check/uitslag/pdf/", "/check/meer-verdienen/"):
        _geen_serverfout(client.get(pad), pad)
    _geen_serverfout(client.post("/check/controleren/", data), "controleren")


@FUZZ
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "organisatie_naam": tekst,
            "contactpersoon": tekst,
            "email": tekst,
            "wat_doet_u": tekst,
            "bijdrage": tekst,
            "telefoon": tekst,
            "pijlers": tekst,
        },
    )
)
def test_aansluiten(gegevens, data):
    _geen_serverfout(Client().post("/pact/aansluiten/", data), data)


@FUZZ
@given(username=tekst, password=tekst, email=tekst)
def test_log_in_and_password_reset(gegevens, username, password, email):
    client = Client()
    _geen_serverfout(client.post("/partner/inloggen/", {"username": username, "password": password}), username)
    _geen_serverfout(client.post("/partner/wachtwoord-vergeten/", {"email": email}), email)
    _geen_serverfout(client.get(f"/partner/wachtwoord/{username[:40]}/{password[:40]}/".replace("\x00", "")), "reset")
    _geen_serverfout(client.get(f"/partner/uitnodiging/{email[:60]}/".replace("\x00", "")), "uitnodiging")


@FUZZ
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "page",
                "per_page",
                "search",
                "taxonomy_term_id",
                "taxonomy_id",
                "organization_id",
                "modified_after",
                "full_service",
                "x",
            ]
        ),
        tekst,
        max_size=5,
    ),
    pad=st.sampled_from(["services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"]),
)
def test_open_data_api(gegevens, params, pad, settings):
    settings.HSDS_RATE_LIMIT = 0
    query = urlencode(params)
    _geen_serverfout(Client().get(f"/open-data/hsds/{pad}?{query}"), query)
    _geen_serverfout(Client().get(f"/open-data/?{query}"), query)
