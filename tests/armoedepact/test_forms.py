"""CSRF on every form, no user enumeration, rate limits (docs/security.md)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

ROOT = Path(settings.BASE_DIR)
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.DOTALL | re.IGNORECASE)
WACHTWOORD = "Lang-en-Sterk-Wachtwoord-2026"


def _post_formulieren():
    for template in sorted((ROOT / "templates").rglob("*.html")):
        tekst = template.read_text(encoding="utf-8")
        for attributen, inhoud in FORM.findall(tekst):
            methode = re.search(r'method="([^"{]+)"', attributen)
            post = (methode.group(1).lower() == "post") if methode else "form_method|default:'post'" in attributen
            if post:
                yield template.relative_to(ROOT).as_posix(), inhoud


def test_there_are_post_forms_to_check():
    assert len(list(_post_formulieren())) >= 10


@pytest.mark.parametrize("template,inhoud", list(_post_formulieren()), ids=lambda v: v if "/" in str(v) else "")
def test_every_post_form_in_a_template_carries_a_csrf_token(template, inhoud):
    assert "csrf_token" in inhoud, f"{template}: a POST form without {{% csrf_token %}}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/pact/aansluiten/", "/partner/inloggen/", "/partner/wachtwoord-vergeten/"])
def test_public_forms_render_a_token_and_refuse_a_post_without_it(url):
    client = Client(enforce_csrf_checks=True)
    assert 'name="csrfmiddlewaretoken"' in client.get(url).content.decode()
    assert client.post(url, {"username": "x", "email": "a@b.nl"}).status_code == 403


@pytest.mark.django_db
def test_the_check_refuses_a_post_without_token(settings):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/check/woonplaats/", {"woont_in_gemeente": "ja"}).status_code == 403


# --- No user enumeration ---------------------------------------------------------


def _zonder_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", re.sub(r'nonce="[^"]+"', "", html))


@pytest.fixture
def partner(db):
    return get_user_model().objects.create_user(username="p@voorbeeld.nl", email="p@voorbeeld.nl", password=WACHTWOORD)


def test_login_answers_the_same_for_an_unknown_address_and_a_wrong_password(partner):
    bekend = Client().post("/partner/inloggen/", {"username": "p@voorbeeld.nl", "password": "fout-fout-fout"})
    onbekend = Client().post("/partner/inloggen/", {"username": "niemand@voorbeeld.nl", "password": "fout-fout-fout"})
    assert bekend.status_code == onbekend.status_code == 200
    assert _zonder_token(bekend.content.decode()).replace("p@voorbeeld.nl", "X") == _zonder_token(
        onbekend.content.decode()
    ).replace("niemand@voorbeeld.nl", "X")


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(partner):
    bekend = Client().post("/partner/wachtwoord-vergeten/", {"email": "p@voorbeeld.nl"})
    onbekend = Client().post("/partner/wachtwoord-vergeten/", {"email": "niemand@voorbeeld.nl"})
    assert bekend.status_code == onbekend.status_code == 302
    assert bekend["Location"] == onbekend["Location"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["p@voorbeeld.nl"]


# --- Rate limits -------------------------------------------------------------------


def test_password_reset_is_limited_per_address_and_says_when_to_try_again(partner, settings):
    settings.WACHTWOORD_HERSTEL_PER_UUR = 3
    client = Client(REMOTE_ADDR="192.0.2.10")
    statussen = [
        client.post("/partner/wachtwoord-vergeten/", {"email": "p@voorbeeld.nl"}).status_code for _ in range(3)
    ]
    geweigerd = client.post("/partner/wachtwoord-vergeten/", {"email": "p@voorbeeld.nl"})
    assert statussen == [302, 302, 302]
    assert geweigerd.status_code == 429
    assert 0 < int(geweigerd["Retry-After"]) <= 3600
    tekst = geweigerd.content.decode()
    assert "Probeer het over een uur opnieuw" in tekst and "tel:" in tekst
    assert len(mail.outbox) == 3
    # Another address is not affected.
    anders = Client(REMOTE_ADDR="192.0.2.11").post("/partner/wachtwoord-vergeten/", {"email": "p@voorbeeld.nl"})
    assert anders.status_code == 302


def test_the_rate_limit_counter_is_shared_and_starts_again_after_its_window(db):
    from common import security

    for _ in range(2):
        assert security.te_vaak(soort="t", sleutel="k", limiet=2, seconden=60) is None
    assert security.te_vaak(soort="t", sleutel="k", limiet=2, seconden=60) > 0
    assert security.te_vaak(soort="t", sleutel="ander", limiet=2, seconden=60) is None
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("UPDATE armoedepact_teller SET tot = now() - interval '1 second'")
    assert security.te_vaak(soort="t", sleutel="k", limiet=2, seconden=60) is None


def test_login_is_locked_after_five_failures(partner):
    client = Client(REMOTE_ADDR="192.0.2.20")
    for _ in range(5):
        client.post("/partner/inloggen/", {"username": "p@voorbeeld.nl", "password": "fout"})
    response = client.post("/partner/inloggen/", {"username": "p@voorbeeld.nl", "password": WACHTWOORD})
    assert response.status_code == 429
