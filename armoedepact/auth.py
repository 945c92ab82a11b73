"""Log-in protection: django-axes per account *and* address, plus a slower
throttle per account.

* django-axes locks the combination of account and address after
  AXES_FAILURE_LIMIT failures (AXES_LOCKOUT_PARAMETERS = [["username",
  "ip_address"]]): wrong passwords from one machine lock that machine out of
  that account, never the owner at her own desk.
* A spread-out attack (many addresses, a few tries each) meets the throttle per
  account: after INLOG_POGINGEN_PER_ACCOUNT_PER_UUR failures in an hour, from
  all addresses together, that account cannot log in until the hour is over.
  The count is kept under a keyed hash of the typed name, for known and
  unknown names alike, so it tells nobody which accounts exist.
* The coordinator unlocks an account in /beheer/ (Gebruikers, action
  "Ontgrendelen"): `ontgrendelen` clears both.

django-axes needs the request to know the address. Log-ins without a request
(management commands, `Client.login` in tests) come from no remote address, so
there is nothing to lock out: we skip the check for them instead of failing.
"""

from __future__ import annotations

import math

from axes.backends import AxesStandaloneBackend
from django import forms
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver

from common import security

SOORT = "inlog-account"


def _sleutel(username) -> str:
    return security.tekst_sleutel(str(username or "").strip().lower())


def _limiet() -> int:
    return settings.INLOG_POGINGEN_PER_ACCOUNT_PER_UUR


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        wacht = security.wacht_nog(soort=SOORT, sleutel=_sleutel(username), limiet=_limiet())
        if wacht:
            request.inloggen_geremd = wacht
            raise PermissionDenied  # stops every backend: the right password does not help now
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed, dispatch_uid="armoedepact.auth.account_tellen")
def _account_tellen(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    security.te_vaak(soort=SOORT, sleutel=_sleutel(credentials.get("username")), limiet=_limiet(), seconden=3600)


def ontgrendelen(username: str) -> None:
    """The coordinator lets an account log in again: axes' attempts and the account throttle."""
    from axes.utils import reset

    reset(username=username)
    security.teller_wissen(soort=SOORT, sleutel=_sleutel(username))


class GeremdMelding:
    """For log-in forms: say so when the account throttle refused the attempt."""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            wacht = getattr(self.request, "inloggen_geremd", None) if self.request is not None else None
            if wacht:
                minuten = max(1, math.ceil(wacht / 60))
                raise forms.ValidationError(
                    "Voor dit account is te vaak een verkeerd wachtwoord gebruikt. Daarom kunt u even niet "
                    f"inloggen. Probeer het over {minuten} minuten opnieuw. Of bel de coördinator: "
                    f"{settings.CENTRAAL_TELEFOONNUMMER}.",
                    code="geremd",
                ) from None
            raise
