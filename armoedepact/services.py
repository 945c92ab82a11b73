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


def uitnodiging_versturen(*, uitnodiging: Uitnodiging, token: str, basis_url: str) -> None:
    """E-mail the invitation link (B1 Dutch). basis_url: scheme and host, e.g. https://armoedepact.nl."""
    from django.core.mail import send_mail
    from django.urls import reverse

    link = basis_url.rstrip("/") + reverse("uitnodiging_accepteren", kwargs={"token": token})
    send_mail(
        subject=f"Uitnodiging: werk mee aan het Armoedepact voor {uitnodiging.organisatie.naam}",
        message=(
            "Beste partner,\n\n"
            f"U bent uitgenodigd om de gegevens van {uitnodiging.organisatie.naam} bij te houden "
            "op het portaal van het Armoedepact.\n\n"
            f"Klik op deze link om uw account te maken:\n{link}\n\n"
            "De link werkt 14 dagen en maar 1 keer.\n\n"
            "Met vriendelijke groet,\nDe coördinator van het Armoedepact"
        ),
        from_email=None,
        recipient_list=[uitnodiging.email],
    )
