"""One client address for every place that counts requests: the rate limits
(common.security.adres_sleutel) and the join form of the pact (werkgroepen)."""

import hashlib
import hmac

import pytest
from django.test import Client, RequestFactory

from common.security import adres_sleutel, client_adres
from werkgroepen import services as werkgroepen_services
from werkgroepen.models import Aansluitverzoek

PROXY = "10.0.0.2"
CLIENT = "203.0.113.7"
VERVALST = "198.51.100.99"  # what anyone can put in front of X-Forwarded-For

AANSLUITEN = {
    "organisatie_naam": "Buurtvereniging De Linde",
    "contactpersoon": "Joke Post",
    "email": "joke@delinde.nl",
    "wat_doet_u": "Wij organiseren activiteiten in het dorp.",
    "bijdrage": "Ons dorpshuis voor een bijeenkomst.",
    "website_adres": "",
}


def _sleutel(adres: str, secret: str) -> str:
    return hmac.new(secret.encode(), adres.encode(), hashlib.sha256).hexdigest()[:32]


def test_without_a_proxy_only_remote_addr_counts(settings):
    settings.AXES_IPWARE_PROXY_COUNT = None
    request = RequestFactory().get("/", REMOTE_ADDR=CLIENT, HTTP_X_FORWARDED_FOR=VERVALST)
    assert client_adres(request) == CLIENT
    assert adres_sleutel(request) == _sleutel(CLIENT, settings.SECRET_KEY)


def test_behind_a_proxy_the_entry_our_proxy_added_counts(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{VERVALST}, {CLIENT}")
    assert client_adres(request) == CLIENT
    assert adres_sleutel(request) == _sleutel(CLIENT, settings.SECRET_KEY)
    # No (or an empty) header: the proxy itself.
    assert client_adres(RequestFactory().get("/", REMOTE_ADDR=PROXY)) == PROXY
    assert client_adres(RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=" ")) == PROXY


@pytest.mark.django_db
@pytest.mark.parametrize(("proxy_count", "verwacht"), [(1, CLIENT), (None, PROXY)])
def test_the_join_form_and_the_rate_limits_agree_on_the_address(settings, proxy_count, verwacht):
    settings.AXES_IPWARE_PROXY_COUNT = proxy_count
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{VERVALST}, {CLIENT}"}

    response = Client(**meta).post("/pact/aansluiten/", AANSLUITEN)

    assert response.status_code == 302
    verzoek = Aansluitverzoek.objects.get()
    request = RequestFactory().get("/", **meta)
    assert client_adres(request) == verwacht
    assert verzoek.afzender_hash == werkgroepen_services.afzender_hash(adres=client_adres(request))
    assert adres_sleutel(request) == _sleutel(verwacht, settings.SECRET_KEY)
