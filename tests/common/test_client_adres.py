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
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/", REMOTE_ADDR=CLIENT, HTTP_X_FORWARDED_FOR=VERVALST)
    assert client_adres(request) == CLIENT
    assert adres_sleutel(request) == _sleutel(CLIENT, settings.SECRET_KEY)


def test_behind_a_proxy_the_entry_our_proxy_added_counts(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{VERVALST}, {CLIENT}")
    assert client_adres(request) == CLIENT
    assert adres_sleutel(request) == _sleutel(CLIENT, settings.SECRET_KEY)
    # No (or an empty) header: the proxy itself.
    assert client_adres(RequestFactory().get("/", REMOTE_ADDR=PROXY)) == PROXY
    assert client_adres(RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=" ")) == PROXY


def test_the_header_counts_only_from_a_trusted_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/24"]
    # Someone who reaches gunicorn directly cannot choose their address with the header.
    direct = RequestFactory().get("/", REMOTE_ADDR=CLIENT, HTTP_X_FORWARDED_FOR=VERVALST)
    assert client_adres(direct) == CLIENT
    # Two proxies of ours (a network in the setting): the first entry that is not ours.
    twee = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{VERVALST}, {CLIENT}, {PROXY}")
    assert client_adres(twee) == CLIENT
    # A header that is not an address: the proxy itself, never the text.
    rommel = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="<script>")
    assert client_adres(rommel) == PROXY


def test_the_log_in_lock_uses_the_same_address(settings):
    from axes.helpers import get_client_ip_address

    settings.TRUSTED_PROXIES = [PROXY]
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{VERVALST}, {CLIENT}")
    assert get_client_ip_address(request) == client_adres(request) == CLIENT


@pytest.mark.django_db
@pytest.mark.parametrize(("proxies", "verwacht"), [([PROXY], CLIENT), ([], PROXY)])
def test_the_join_form_and_the_rate_limits_agree_on_the_address(settings, proxies, verwacht):
    settings.TRUSTED_PROXIES = proxies
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{VERVALST}, {CLIENT}"}

    response = Client(**meta).post("/pact/aansluiten/", AANSLUITEN)

    assert response.status_code == 302
    verzoek = Aansluitverzoek.objects.get()
    request = RequestFactory().get("/", **meta)
    assert client_adres(request) == verwacht
    assert verzoek.afzender_hash == werkgroepen_services.afzender_hash(adres=client_adres(request))
    assert adres_sleutel(request) == _sleutel(verwacht, settings.SECRET_KEY)
