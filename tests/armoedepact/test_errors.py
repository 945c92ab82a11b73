"""Friendly error pages, and server errors logged with a request id but
without what the visitor typed (docs/security.md)."""

import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

GEHEIM = "Zeldzame-Invoer-7731-Kwartier"


@pytest.fixture
def fout_urls(settings):
    settings.ROOT_URLCONF = "tests.armoedepact.foutpagina_urls"
    settings.DEBUG = False


def _tekst(response) -> str:
    return response.content.decode()


def test_404_is_friendly_with_a_phone_number(client, fout_urls):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in _tekst(response)
    assert "tel:" in _tekst(response)


def test_400_is_friendly(client, fout_urls):
    response = client.get("/test/verdacht/")
    assert response.status_code == 400
    assert "Dit verzoek klopt niet" in _tekst(response)
    assert "tel:" in _tekst(response)


def test_unknown_host_gets_400_not_a_server_error(client, fout_urls):
    response = client.get("/", headers={"Host": "aanvaller.example"})
    assert response.status_code == 400


def test_403_is_friendly(client, fout_urls):
    response = client.get("/test/verboden/")
    assert response.status_code == 403
    assert "U kunt deze pagina niet openen" in _tekst(response)


def test_form_without_csrf_token_explains_what_to_do(fout_urls):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/pact/aansluiten/", {"organisatie_naam": "Test"})
    assert response.status_code == 403
    assert "Uw formulier is niet verstuurd" in _tekst(response)
    assert "laad de pagina opnieuw" in _tekst(response)


def test_500_is_friendly_and_shows_a_code_to_mention(fout_urls):
    client = Client(raise_request_exception=False)
    response = client.post("/test/kapot/", {"naam": GEHEIM})
    assert response.status_code == 500
    tekst = _tekst(response)
    assert "Dit ligt aan ons, niet aan u" in tekst
    assert response["X-Request-ID"][:8] in tekst
    assert GEHEIM not in tekst


def test_server_error_is_logged_with_request_id_and_without_form_data(fout_urls, caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR):
        response = client.post("/test/kapot/", {"naam": GEHEIM, "ja": "ja"})
    assert response.status_code == 500
    fouten = [r for r in caplog.records if r.name == "django.request"]
    assert fouten, "the server error was not logged"
    formatter = logging.Formatter("%(message)s %(request_id)s")
    for record in fouten:
        regel = formatter.format(record)
        assert GEHEIM not in regel
        assert record.request_id == response["X-Request-ID"]
        assert "ZeroDivisionError" in regel  # the traceback itself is kept
    assert GEHEIM not in caplog.text


def test_form_values_are_removed_even_when_a_message_repeats_them(fout_urls, caplog, rf):
    from common import security

    request = rf.post("/x/", {"inkomen": GEHEIM})
    tokens = security.huidige_request_zetten(request, "abc12345")
    try:
        with caplog.at_level(logging.ERROR, logger="django.request"):
            logging.getLogger("django.request").error("Fout bij %s", GEHEIM)
    finally:
        security.huidige_request_wissen(tokens)
    record = caplog.records[-1]
    assert GEHEIM not in record.getMessage()
    assert record.request_id == "abc12345"
