"""Issue 15: nobody can lock the coordinator out from another machine. django-axes
locks the combination of account and address after 5 failures; a slower throttle
per account (from every address together) stops a spread-out attack; the
coordinator can unlock an account in /beheer/."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401

PASSWORD = "Lang-en-Sterk-Wachtwoord-2026"
COORDINATOR = "coordinator@gemeente.nl"


@pytest.fixture
def coordinator(db):
    return get_user_model().objects.create_superuser(username=COORDINATOR, email=COORDINATOR, password=PASSWORD)


def _beheer_login(adres: str, password: str):
    return Client(REMOTE_ADDR=adres).post("/beheer/login/", {"username": COORDINATOR, "password": password})


def _partner_login(adres: str, password: str):
    return Client(REMOTE_ADDR=adres).post("/partner/inloggen/", {"username": COORDINATOR, "password": password})


def _is_binnen(response) -> bool:
    # The password was accepted (the second factor comes next).
    return response.status_code == 302 and "login" not in response["Location"]


def test_five_wrong_passwords_from_another_machine_do_not_lock_out_the_coordinator(coordinator):
    aanvaller = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(5):
        aanvaller.post("/beheer/login/", {"username": COORDINATOR, "password": "fout"})
    # The attacker's machine is locked for this account, even with the right password ...
    assert aanvaller.post("/beheer/login/", {"username": COORDINATOR, "password": PASSWORD}).status_code == 429
    # ... the coordinator at her own desk is not.
    assert _is_binnen(_beheer_login("192.0.2.10", PASSWORD))


def test_a_spread_out_attack_meets_the_slower_throttle_per_account(coordinator):
    limiet = settings.INLOG_POGINGEN_PER_ACCOUNT_PER_UUR
    for i in range(limiet):
        # A different address every 4 tries: axes alone would never lock anything.
        _partner_login(f"198.51.100.{i // 4 + 1}", "fout")
    response = _beheer_login("192.0.2.10", PASSWORD)
    html = response.content.decode()
    assert response.status_code == 200 and not _is_binnen(response)
    assert "te vaak een verkeerd wachtwoord" in html and "Probeer het over" in html
    # An unknown address gets the same answer: the throttle tells nobody which accounts exist.
    for i in range(limiet):
        Client(REMOTE_ADDR=f"198.51.100.{i // 4 + 1}").post(
            "/partner/inloggen/", {"username": "niemand@gemeente.nl", "password": "fout"}
        )
    onbekend = Client(REMOTE_ADDR="192.0.2.10").post(
        "/partner/inloggen/", {"username": "niemand@gemeente.nl", "password": "fout"}
    )
    assert "te vaak een verkeerd wachtwoord" in onbekend.content.decode()


def test_below_the_throttle_the_account_still_works(coordinator):
    for i in range(settings.INLOG_POGINGEN_PER_ACCOUNT_PER_UUR - 1):
        _partner_login(f"198.51.100.{i // 4 + 1}", "fout")
    assert _is_binnen(_beheer_login("192.0.2.10", PASSWORD))


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_the_coordinator_unlocks_an_account_in_beheer(admin_client, db):
    partner = get_user_model().objects.create_user(username="anna@voorbeeld.nl", email="anna@voorbeeld.nl")
    partner.set_password(PASSWORD)
    partner.save()
    for i in range(settings.INLOG_POGINGEN_PER_ACCOUNT_PER_UUR):
        Client(REMOTE_ADDR=f"198.51.100.{i // 4 + 1}").post(
            "/partner/inloggen/", {"username": "anna@voorbeeld.nl", "password": "fout"}
        )
    anna = Client(REMOTE_ADDR="198.51.100.1")
    assert anna.post("/partner/inloggen/", {"username": "anna@voorbeeld.nl", "password": PASSWORD}).status_code != 302
    response = admin_client.post(
        "/beheer/auth/user/",
        {"action": "ontgrendelen", "_selected_action": [partner.pk]},
        follow=True,
    )
    assert "Ontgrendeld: anna@voorbeeld.nl" in response.content.decode()
    response = anna.post("/partner/inloggen/", {"username": "anna@voorbeeld.nl", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/partner/"
