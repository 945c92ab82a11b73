"""Property tests: nothing in a query string makes the search page fail."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociale_kaart.zoeken.tekst import tsquery_bouwen, zoekwoorden
from tests.sociale_kaart.factories import AanbodFactory, KernFactory, SynoniemFactory, ThemaFactory

NAMEN = ["q", "thema", "doelgroep", "levensgebeurtenis", "kern", "gratis", "open", "pagina", "iets"]
tekst = st.text(max_size=300)
params = st.lists(st.tuples(st.sampled_from(NAMEN), tekst), max_size=8)


@pytest.fixture
def kaart(db):
    ThemaFactory(naam="Geld en schulden")
    KernFactory(naam="Leek")
    SynoniemFactory(woord="eten", zoekt_ook="voedselbank & | ! :* ( )")
    AanbodFactory(titel="Schuldhulp")


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=params)
def test_search_never_fails(client, kaart, params):
    response = client.get("/hulp/", params)
    assert response.status_code == 200
    assert "Hulp zoeken" in response.content.decode()


@pytest.mark.django_db
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_raw_query_strings_never_fail(client, kaart, raw):
    response = client.get("/hulp/?" + raw)
    assert response.status_code == 200


@given(text=tekst)
def test_tsquery_only_holds_words_and_operators(text):
    query = tsquery_bouwen(zoekwoorden(text), {"eten": ["voedselbank"]})
    stripped = query.replace(":*", "").replace("(", "").replace(")", "").replace("|", "").replace("&", "")
    assert all(ch.isalnum() or ch == " " for ch in stripped)
