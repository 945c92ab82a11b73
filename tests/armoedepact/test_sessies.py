"""Issue 15: log-ins live in server-side sessions. A log-out, a password change
and "Log uit op alle apparaten" end them, so a copied cookie stops working;
the check keeps working for anonymous residents without any session row."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from regelingen.voorbeeld import ALLEENSTAANDE_OUDER
from tests.armoedepact.regie.otp import otp_apparaat, otp_code
from tests.regelingen.conftest import demo_data  # noqa: F401

PASSWORD = "Lang-en-Sterk-Wachtwoord-2026"


@pytest.fixture
def partner(db):
    return get_user_model().objects.create_user(
        username="anna@voorbeeld.nl", email="anna@voorbeeld.nl", password=PASSWORD
    )


@pytest.fixture
def coordinator(db):
    return get_user_model().objects.create_superuser(
        username="coordinator@gemeente.nl", email="coordinator@gemeente.nl", password=PASSWORD
    )


def _inloggen(client, username=" anna@voorbeeld.nl", password=PASSWORD):
    response = client.post("/partner/inloggen/", {"username": username.strip(), "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def _kopie(client) -> Client:
    ander = Client()
    ander.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return ander


def _ingelogd(client) -> bool:
    return client.get("/partner/").status_code == 200


def test_a_copied_cookie_stops_working_at_log_out(client, partner):
    _inloggen(client)
    kopie = _kopie(client)
    assert _ingelogd(kopie)
    client.post("/partner/uitloggen/")
    assert not _ingelogd(kopie)


def test_the_coordinators_copied_cookie_stops_working_at_log_out(client, coordinator):
    client.post("/beheer/login/", {"username": coordinator.username, "password": PASSWORD})
    apparaat = otp_apparaat(coordinator)
    client.post("/beheer/tweestaps/", {"code": otp_code(apparaat)})
    assert client.get("/beheer/").status_code == 200
    kopie = _kopie(client)
    assert kopie.get("/beheer/").status_code == 200
    # The cookie is only a random key: no device id, no user id in it.
    assert "otp" not in kopie.cookies[settings.SESSION_COOKIE_NAME].value
    client.post("/beheer/logout/")
    assert kopie.get("/beheer/").status_code == 302


def test_a_password_change_ends_every_session_of_the_account(partner):
    from armoedepact.models import Sessie

    laptop, telefoon = _inloggen(Client()), _inloggen(Client())
    assert Sessie.objects.filter(user=partner).count() == 2
    partner.set_password("Een-Heel-Ander-Wachtwoord-2027")
    partner.save()
    assert not Sessie.objects.filter(user=partner).exists()
    assert not _ingelogd(laptop) and not _ingelogd(telefoon)


def test_changing_the_own_password_in_beheer_keeps_only_this_device(coordinator):
    from armoedepact.models import Sessie

    def beheer_client():
        c = Client()
        c.post("/beheer/login/", {"username": coordinator.username, "password": PASSWORD})
        c.post("/beheer/tweestaps/", {"code": otp_code(otp_apparaat(coordinator))})
        assert c.get("/beheer/").status_code == 200
        return c

    hier, elders = beheer_client(), beheer_client()
    nieuw = "Een-Heel-Ander-Wachtwoord-2027"
    response = hier.post(
        "/beheer/password_change/",
        {"old_password": PASSWORD, "new_password1": nieuw, "new_password2": nieuw},
    )
    assert response.status_code == 302
    assert hier.get("/beheer/").status_code == 200
    assert elders.get("/beheer/").status_code == 302
    assert Sessie.objects.filter(user=coordinator).count() == 1


def test_log_out_on_all_devices(partner):
    laptop, telefoon = _inloggen(Client()), _inloggen(Client())
    html = laptop.get("/partner/").content.decode()
    assert "Log uit op alle apparaten" in html
    response = laptop.post("/partner/uitloggen-overal/", follow=True)
    assert "U bent uitgelogd op alle apparaten" in response.content.decode()
    assert not _ingelogd(laptop) and not _ingelogd(telefoon)
    assert laptop.get("/partner/uitloggen-overal/").status_code == 405


@pytest.mark.usefixtures("demo_data")
def test_the_check_needs_no_session_row(client):
    from armoedepact.models import Sessie

    for stap, data in ALLEENSTAANDE_OUDER:
        assert client.post(f"/check/{stap}/", data).status_code == 302
    assert client.post("/check/controleren/")["Location"] == "/check/uitslag/"
    assert "1.650,00" in client.get("/check/uitslag/").content.decode()
    assert not Sessie.objects.exists()
    assert settings.SESSION_COOKIE_NAME not in client.cookies
