"""Issue 15: a staff account without an authenticator app cannot enrol one with
the password alone. Enrolment needs a one-time link that another staff member
sends from /beheer/ (or that `manage.py app_link` prints for the very first account)."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401

WACHTWOORD = "Lang-genoeg-wachtwoord-2026"


@pytest.fixture
def staf(db):
    return get_user_model().objects.create_user(
        username="staf@voorbeeld.nl", email="staf@voorbeeld.nl", password=WACHTWOORD, is_staff=True, is_superuser=True
    )


def _wachtwoord(client, username="staf@voorbeeld.nl"):
    return client.post("/beheer/login/", {"username": username, "password": WACHTWOORD, "next": "/beheer/"})


def _code(user) -> str:
    apparaat = TOTPDevice.objects.get(user=user, confirmed=False)
    return f"{TOTP(apparaat.bin_key).token():06d}"


def test_the_password_alone_cannot_enrol_an_app(client, staf):
    _wachtwoord(client)
    html = client.get("/beheer/tweestaps/").content.decode()
    assert "Scan deze QR-code" not in html
    assert "Vraag een collega" in html
    assert not TOTPDevice.objects.filter(user=staf).exists()
    client.post("/beheer/tweestaps/", {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=staf, confirmed=True).exists()
    assert client.get("/beheer/").status_code == 302


def _link_uit_mail() -> str:
    assert len(mail.outbox) == 1
    return re.search(r"https?://[^\s]+/beheer/app-instellen/[^\s/]+/", mail.outbox[0].body).group(0)


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_a_colleague_sends_a_link_and_the_link_enrols_once(admin_client, staf):
    response = admin_client.post(
        "/beheer/auth/user/", {"action": "app_link_sturen", "_selected_action": [staf.pk]}, follow=True
    )
    assert "Link verstuurd naar staf@voorbeeld.nl" in response.content.decode()
    pad = "/" + _link_uit_mail().split("/", 3)[3]

    telefoon = Client()
    assert telefoon.get(pad)["Location"].startswith("/beheer/login/")
    _wachtwoord(telefoon)
    html = telefoon.get("/beheer/tweestaps/").content.decode()
    assert "Scan deze QR-code" in html
    response = telefoon.post("/beheer/tweestaps/", {"code": _code(staf)})
    assert response.status_code == 302
    assert telefoon.get("/beheer/").status_code == 200
    assert TOTPDevice.objects.filter(user=staf, confirmed=True).count() == 1

    # Used: the same link enrols nothing any more.
    assert Client().get(pad).status_code == 404


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_the_link_only_works_for_its_own_account(admin_client, staf, django_user_model):
    django_user_model.objects.create_user(
        username="ander@voorbeeld.nl", email="ander@voorbeeld.nl", password=WACHTWOORD, is_staff=True
    )
    admin_client.post("/beheer/auth/user/", {"action": "app_link_sturen", "_selected_action": [staf.pk]})
    pad = "/" + _link_uit_mail().split("/", 3)[3]
    ander = Client()
    ander.get(pad)
    _wachtwoord(ander, "ander@voorbeeld.nl")
    assert "Scan deze QR-code" not in ander.get("/beheer/tweestaps/").content.decode()


def test_the_first_account_gets_its_link_from_the_server(client, staf):
    uit = StringIO()
    call_command("app_link", "staf@voorbeeld.nl", stdout=uit)
    pad = "/" + re.search(r"https?://\S+", uit.getvalue()).group(0).split("/", 3)[3]
    client.get(pad)
    _wachtwoord(client)
    assert "Scan deze QR-code" in client.get("/beheer/tweestaps/").content.decode()
