"""The public application form never gives a server error, whatever is typed."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociale_kaart.models import Pijler
from werkgroepen.models import Aansluitverzoek

pytestmark = pytest.mark.django_db

VELDEN = [
    "organisatie_naam",
    "contactpersoon",
    "email",
    "wat_doet_u",
    "bijdrage",
    "vertegenwoordiger",
    "missie",
    "website_adres",
]
tekst = st.one_of(st.text(max_size=300), st.just(""), st.text(min_size=1990, max_size=2100), st.emails())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(VELDEN, tekst)), activiteit=st.one_of(st.none(), tekst))
def test_aansluiten_never_errors(client, data, activiteit):
    Aansluitverzoek.objects.all().delete()
    if activiteit is not None:  # an activity of the convenant, under the first pillar
        data = {**data, f"activiteit_{Pijler.objects.filter(actief=True).first().pk}": activiteit}
    response = client.post("/pact/aansluiten/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Er is een probleem" in response.content.decode()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=100))
def test_public_pages_ignore_any_query_string(client, query):
    for url in ["/pact/", "/pact/bijeenkomsten/", "/pact/aansluiten/"]:
        assert client.get(url, {"q": query}).status_code == 200
