"""Every staff account needs a second factor (TOTP) for /beheer/."""

import time

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.armoedepact.regie.otp import otp_apparaat, otp_code, otp_verifieer

pytestmark = pytest.mark.django_db
WACHTWOORD = "Lang-genoeg-wachtwoord-2026"


@pytest.fixture
def staf(db):
    return get_user_model().objects.create_user(
        username="staf@voorbeeld.nl", email="staf@voorbeeld.nl", password=WACHTWOORD, is_staff=True, is_superuser=True
    )


def _wachtwoord(client):
    return client.post("/beheer/login/", {"username": "staf@voorbeeld.nl", "password": WACHTWOORD, "next": "/beheer/"})


def test_password_alone_does_not_open_beheer(client, staf):
    response = _wachtwoord(client)
    assert response.status_code == 302
    # The admin sends the half-logged-in user on to the second step.
    response = client.get("/beheer/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/beheer/tweestaps/")
    assert client.get("/beheer/regelingen/regeling/").status_code == 302


def test_force_login_without_second_factor_is_refused(client, staf):
    client.force_login(staf)
    assert client.get("/beheer/").status_code == 302
    assert client.get("/beheer/regie/bereik/").status_code == 302


def test_first_log_in_sets_up_the_app_with_a_qr_code(client, staf):
    from armoedepact.regie import services

    _, token = services.app_link_maken(user=staf)  # a colleague sent the link (test_app_koppeling.py)
    client.get(f"/beheer/app-instellen/{token}/")
    _wachtwoord(client)
    page = client.get("/beheer/tweestaps/?next=/beheer/regie/bereik/")
    html = page.content.decode()
    assert "Scan deze QR-code" in html
    assert 'src="data:image/svg+xml;base64,' in html
    apparaat = TOTPDevice.objects.get(user=staf)
    assert apparaat.confirmed is False

    fout = client.post("/beheer/tweestaps/", {"code": "000000" if otp_code(apparaat) != "000000" else "111111"})
    assert "Deze code klopt niet" in fout.content.decode()
    assert "<title>Fout: " in fout.content.decode()

    time.sleep(1.1)  # after a wrong code django-otp makes you wait a moment (1 s, doubling)
    code = f"{TOTP(apparaat.bin_key).token():06d}"
    response = client.post("/beheer/tweestaps/", {"code": code, "next": "/beheer/regie/bereik/"})
    assert response.status_code == 302 and response["Location"] == "/beheer/regie/bereik/"
    apparaat.refresh_from_db()
    assert apparaat.confirmed is True
    assert client.get("/beheer/").status_code == 200


def test_with_a_device_the_code_is_asked_and_no_new_qr(client, staf):
    apparaat = otp_apparaat(staf)
    _wachtwoord(client)
    html = client.get("/beheer/tweestaps/").content.decode()
    assert "QR-code" not in html and "Code uit uw app" in html
    response = client.post("/beheer/tweestaps/", {"code": otp_code(apparaat)})
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200
    assert TOTPDevice.objects.filter(user=staf).count() == 1


def test_a_code_cannot_be_used_twice(client, staf):
    apparaat = otp_apparaat(staf)
    code = otp_code(apparaat)
    _wachtwoord(client)
    assert client.post("/beheer/tweestaps/", {"code": code}).status_code == 302
    tweede = client.__class__()
    _wachtwoord(tweede)
    response = tweede.post("/beheer/tweestaps/", {"code": code})
    assert response.status_code == 200 and "Deze code klopt niet" in response.content.decode()


def test_next_to_another_site_is_ignored(client, staf):
    apparaat = otp_apparaat(staf)
    _wachtwoord(client)
    response = client.post("/beheer/tweestaps/", {"code": otp_code(apparaat), "next": "https://evil.example/"})
    assert response["Location"] == "/beheer/"


def test_anonymous_and_partner_users_cannot_reach_the_second_step(client, django_user_model):
    assert client.get("/beheer/tweestaps/")["Location"].startswith("/beheer/login/")
    partner = django_user_model.objects.create_user(username="p@voorbeeld.nl", password=WACHTWOORD)
    client.force_login(partner)
    assert client.get("/beheer/tweestaps/")["Location"].startswith("/beheer/login/")
    assert not TOTPDevice.objects.filter(user=partner).exists()


def test_verified_helper_opens_beheer(client, staf):
    client.force_login(staf)
    otp_verifieer(client, staf)
    assert client.get("/beheer/").status_code == 200


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(max_size=40))
def test_any_code_input_gives_a_clear_answer_never_a_server_error(client, staf, code):
    otp_apparaat(staf)
    client.force_login(staf)
    response = client.post("/beheer/tweestaps/", {"code": code})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Er is een probleem" in response.content.decode()


def test_demo_coordinator_gets_a_known_app_key(client):
    from io import StringIO

    from armoedepact import demo

    uit = StringIO()
    demo.load(stdout=uit)
    demo.load(stdout=StringIO())  # idempotent
    user = get_user_model().objects.get(username="coordinator@westerkwartier.example")
    apparaat = TOTPDevice.objects.get(user=user)
    assert apparaat.confirmed
    assert "otpauth://totp/" in uit.getvalue() and "sleutel:" in uit.getvalue()
    assert user.groups.filter(name="coördinator").exists()
    client.post("/beheer/login/", {"username": user.username, "password": demo.COORDINATOR[2]})
    assert client.post("/beheer/tweestaps/", {"code": otp_code(apparaat)}).status_code == 302
    assert client.get("/beheer/").status_code == 200
