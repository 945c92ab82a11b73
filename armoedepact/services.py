"""Writes about partner accounts: invitations and memberships."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from armoedepact.models import Lidmaatschap, Rol, Uitnodiging

UITNODIGING_GELDIG = timedelta(days=14)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def uitnodiging_maken(*, email: str, organisatie, rol: str = Rol.BEHEERDER, door=None) -> tuple[Uitnodiging, str]:
    """Create an invitation; returns it with the plain token (only ever sent by e-mail)."""
    token = secrets.token_urlsafe(32)
    uitnodiging = Uitnodiging(
        email=email.strip().lower(),
        organisatie=organisatie,
        rol=rol,
        token_hash=_hash(token),
        uitgenodigd_door=door,
        verloopt_op=timezone.now() + UITNODIGING_GELDIG,
    )
    uitnodiging.full_clean()
    uitnodiging.save()
    return uitnodiging, token


def uitnodiging_zoeken(*, token: str) -> Uitnodiging | None:
    """A usable invitation for this token, or None (unknown, used or expired)."""
    if not token or len(token) > 100:
        return None
    uitnodiging = Uitnodiging.objects.select_related("organisatie").filter(token_hash=_hash(token)).first()
    if uitnodiging is None or uitnodiging.gebruikt_op is not None or uitnodiging.verloopt_op <= timezone.now():
        return None
    return uitnodiging


@transaction.atomic
def uitnodiging_accepteren(*, token: str, wachtwoord: str, voornaam: str = "", achternaam: str = ""):
    """Turn an invitation into a user and a membership. Single use."""
    uitnodiging = Uitnodiging.objects.select_for_update().filter(token_hash=_hash(token)).first()
    if uitnodiging is None or uitnodiging.gebruikt_op is not None or uitnodiging.verloopt_op <= timezone.now():
        raise ValidationError("Deze uitnodiging is niet meer geldig.")
    User = get_user_model()
    user = User.objects.filter(username__iexact=uitnodiging.email).first()
    if user is None:
        user = User(username=uitnodiging.email, email=uitnodiging.email, first_name=voornaam, last_name=achternaam)
        user.set_password(wachtwoord)
        user.full_clean()
        user.save()
    Lidmaatschap.objects.get_or_create(
        gebruiker=user, organisatie=uitnodiging.organisatie, defaults={"rol": uitnodiging.rol}
    )
    uitnodiging.gebruikt_op = timezone.now()
    uitnodiging.save(update_fields=["gebruikt_op"])
    return user


def lidmaatschap_toevoegen(*, gebruiker, organisatie, rol: str = Rol.MEDEWERKER) -> Lidmaatschap:
    lidmaatschap, _ = Lidmaatschap.objects.get_or_create(
        gebruiker=gebruiker, organisatie=organisatie, defaults={"rol": rol}
    )
    return lidmaatschap
