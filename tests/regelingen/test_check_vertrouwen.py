"""Issue 15: the check keeps its promise. The answers are unreadable outside the
server, live in a browser-session cookie that also expires 30 minutes after the
last answer, and "Stoppen en alles wissen" really ends them (a copied cookie
shows nothing afterwards). The server keeps only a random id and a time."""

import base64
import binascii
import contextlib
import time
import zlib

from django.test import Client

from regelingen import check
from regelingen.voorbeeld import ALLEENSTAANDE_OUDER

INKOMEN = "1650"  # ALLEENSTAANDE_OUDER's income


def doorloop(client):
    for stap, data in ALLEENSTAANDE_OUDER:
        assert client.post(f"/check/{stap}/", data).status_code == 302
    assert client.post("/check/controleren/")["Location"] == "/check/uitslag/"


def _alles_wat_te_ontcijferen_is(waarde: str) -> str:
    """Every reading of a cookie value that needs no key: raw, base64, base64 + zlib
    (Django's signed cookies), piece by piece."""
    lezingen = [waarde]
    for stuk in [waarde, *waarde.replace(":", ".").split(".")]:
        stuk = stuk.lstrip(".")
        for vulling in ("", "=", "=="):
            try:
                ruw = base64.urlsafe_b64decode(stuk + vulling)
            except (binascii.Error, ValueError):
                continue
            lezingen.append(ruw.decode("latin-1"))
            with contextlib.suppress(zlib.error):
                lezingen.append(zlib.decompress(ruw).decode("latin-1"))
    return "\n".join(lezingen)


def _kopie(client) -> Client:
    ander = Client()
    for naam, morsel in client.cookies.items():
        ander.cookies[naam] = morsel.value
    return ander


def test_no_cookie_holds_the_answers_readably(client, demo_data):
    doorloop(client)
    assert "1.650,00" in client.get("/check/uitslag/").content.decode()
    assert client.cookies, "the check keeps its answers in a cookie"
    for naam, morsel in client.cookies.items():
        tekst = _alles_wat_te_ontcijferen_is(morsel.value)
        assert INKOMEN not in tekst, naam
        assert "netto_inkomen" not in tekst and "kinderen" not in tekst, naam


def test_the_answers_cookie_is_a_browser_session_cookie(client, demo_data):
    response = client.post("/check/woonplaats/", {"woont_in_gemeente": "ja"})
    gezet = [m for m in response.cookies.values() if m.value]
    assert gezet, "answering sets a cookie"
    for morsel in gezet:
        # No Max-Age and no Expires: the browser forgets it when it closes.
        assert not morsel["max-age"] and not morsel["expires"], morsel.output()
        assert morsel["httponly"] and morsel["samesite"] == "Lax"


def test_replaying_the_cookie_after_stoppen_shows_nothing(client, demo_data):
    doorloop(client)
    oud = _kopie(client)
    assert "1.650,00" in oud.get("/check/uitslag/").content.decode()  # the copy works while the check runs
    assert client.post("/check/stoppen/")["Location"] == "/check/"
    for pad in ("/check/uitslag/", "/check/uitslag/pdf/", "/check/meer-verdienen/", "/check/controleren/"):
        response = oud.get(pad, follow=True)
        html = response.content.decode(errors="replace")
        assert "1.650" not in html, pad
        assert response.redirect_chain and response.redirect_chain[-1][0] in ("/check/", "/check/woonplaats/"), pad


def test_answers_end_30_minutes_after_the_last_answer_also_for_a_copy(client, demo_data, monkeypatch):
    doorloop(client)
    oud = _kopie(client)
    nu = time.time()
    monkeypatch.setattr(check.time, "time", lambda: nu + 31 * 60)
    response = client.get("/check/uitslag/", follow=True)
    assert "langer dan 30 minuten" in response.content.decode()
    assert oud.get("/check/uitslag/")["Location"] == "/check/"


def test_reading_the_result_does_not_keep_the_answers_alive(client, demo_data, monkeypatch):
    doorloop(client)
    nu = time.time()
    monkeypatch.setattr(check.time, "time", lambda: nu + 20 * 60)
    assert client.get("/check/uitslag/").status_code == 200
    monkeypatch.setattr(check.time, "time", lambda: nu + 31 * 60)
    assert client.get("/check/uitslag/")["Location"] == "/check/"


def test_the_server_keeps_only_a_random_id_and_a_time(client, demo_data):
    from regelingen.models import CheckSessie

    doorloop(client)
    assert [f.name for f in CheckSessie._meta.get_fields()] == ["id", "laatst"]
    rij = CheckSessie.objects.get()
    assert len(rij.id) >= 32
    client.post("/check/stoppen/")
    assert not CheckSessie.objects.exists()


def test_a_forged_or_damaged_cookie_starts_over(client, demo_data):
    doorloop(client)
    naam = check.COOKIE_NAAM
    waarde = client.cookies[naam].value
    client.cookies[naam] = waarde[:-6] + ("AAAAAA" if not waarde.endswith("AAAAAA") else "BBBBBB")
    response = client.get("/check/uitslag/", follow=True)
    assert response.redirect_chain[-1][0] == "/check/"
    assert "konden uw antwoorden niet goed lezen" in response.content.decode()


def test_the_start_page_says_exactly_what_happens(client, demo_data):
    html = client.get("/check/").content.decode()
    assert "Niemand ziet uw antwoorden" not in html
    assert "Uw antwoorden staan versleuteld in uw eigen browser" in html
    assert "30 minuten na uw laatste antwoord" in html
    assert "als u de browser sluit" in html
    assert "Stoppen en alles wissen" in html
