"""Two-factor helpers for tests that use /beheer/ (staff need a verified TOTP device).

* `beheer_tweede_factor`: gives pytest-django's `admin_client` a verified second
  factor; import it and add `pytest.mark.usefixtures("beheer_tweede_factor")`.
* `admin_client`: the same, as a fixture of its own (used by tests/armoedepact/regie).
* `otp_verifieer(client, user)`: for a client that is already logged in with force_login.
* `beheer_inloggen(page, username, password)`: a browser log-in with password and code.
"""

import time

import pytest
from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def otp_apparaat(user) -> TOTPDevice:
    """The user's confirmed TOTP device (made when there is none)."""
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if apparaat is None:
        apparaat = TOTPDevice.objects.create(user=user, name="Test-app", confirmed=True)
    return apparaat


def otp_code(apparaat: TOTPDevice) -> str:
    """The current code of the device, as the authenticator app shows it.

    A code is accepted once (replay protection); when this time step was used
    already, wait for the next one."""
    apparaat.refresh_from_db()
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    while totp.t() <= apparaat.last_t:
        time.sleep(0.5)
    return f"{totp.token():0{apparaat.digits}d}"


def otp_verifieer(client, user) -> None:
    """Mark the (force-logged-in) client as having passed the second factor."""
    apparaat = otp_apparaat(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    otp_verifieer(client, admin_user)
    return client


@pytest.fixture
def beheer_tweede_factor(admin_client, admin_user):
    """Give pytest-django's `admin_client` its second factor. For modules that use
    `admin_client`: `pytestmark = pytest.mark.usefixtures("beheer_tweede_factor")`."""
    otp_verifieer(admin_client, admin_user)
    return admin_client


def beheer_inloggen(page, username: str, password: str, *, user=None) -> None:
    """Log in to /beheer/ in the browser: password, then the code of the app."""
    from django.contrib.auth import get_user_model

    user = user or get_user_model().objects.get(username=username)
    apparaat = otp_apparaat(user)
    page.goto("/beheer/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/beheer/tweestaps/**")
    page.fill("#id_code", otp_code(apparaat))
    page.click("input[type=submit]")
