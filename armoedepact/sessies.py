"""Server-side sessions for log-ins (SESSION_ENGINE = "armoedepact.sessies").

The browser holds a random key only; the session itself is a row of
armoedepact.Sessie with the account it belongs to. So:

* log-out deletes the row: a copied cookie stops working at once;
* a password change (set_password + save, wherever it happens) deletes every
  session of that account; Django's update_session_auth_hash then gives the
  device where the change was made a fresh session;
* "Log uit op alle apparaten" deletes them all (`alle_beeindigen`).

Residents doing the check get no session at all (their answers travel in an
encrypted cookie of their own, regelingen/check.py).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone


class SessionStore(DatabaseSessionStore):
    @classmethod
    def get_model_class(cls):
        from armoedepact.models import Sessie

        return Sessie

    def create_model_instance(self, data):
        sessie = super().create_model_instance(data)
        try:
            sessie.user_id = int(data.get("_auth_user_id"))
        except (TypeError, ValueError):
            sessie.user_id = None
        return sessie


def alle_beeindigen(user) -> int:
    """End every session of this account; the number ended."""
    from armoedepact.models import Sessie

    aantal, _ = Sessie.objects.filter(user=user).delete()
    return aantal


@receiver(post_save, sender=get_user_model(), dispatch_uid="armoedepact.sessies.wachtwoord_gewijzigd")
def _wachtwoord_gewijzigd(sender, instance, created, **kwargs):
    # set_password() keeps the new password in _password until save() is done.
    if not created and getattr(instance, "_password", None) is not None:
        alle_beeindigen(instance)


@receiver(user_logged_in, dispatch_uid="armoedepact.sessies.opruimen")
def _opruimen(sender, request, user, **kwargs):
    # Expired sessions are of no use to anyone; tidy them at each log-in (no cron needed).
    from armoedepact.models import Sessie

    Sessie.objects.filter(expire_date__lt=timezone.now()).delete()
