"""Writes of the regie: anonymous search counts, link check results, TOTP devices and the links to set them up."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from armoedepact.historie import versie_herstellen
from armoedepact.models import AppLink, DirectePublicatie, KapotteLink, Linkcontrole, Taalstatus
from armoedepact.partner.services import aanbod_status_zetten
from sociale_kaart.models import Aanbod, Organisatie, Status
from werkgroepen import services as werkgroepen_services


@dataclass(frozen=True)
class LinkFout:
    soort: str
    object_id: int
    naam: str
    url: str
    melding: str


@transaction.atomic
def linkcontrole_opslaan(*, aantal_links: int, fouten: Iterable[LinkFout]) -> Linkcontrole:
    """Keep the result of one link check; older runs are removed (only the latest counts)."""
    controle = Linkcontrole(aantal_links=aantal_links)
    controle.full_clean()
    controle.save()
    kapot = []
    for fout in fouten:
        link = KapotteLink(
            controle=controle,
            soort=fout.soort,
            object_id=fout.object_id,
            naam=fout.naam[:200],
            url=fout.url[:500],
            melding=fout.melding[:300],
        )
        link.full_clean(exclude=["controle"])
        kapot.append(link)
    KapotteLink.objects.bulk_create(kapot)
    Linkcontrole.objects.exclude(pk=controle.pk).delete()
    return controle


def totp_apparaat_voorbereiden(*, user) -> TOTPDevice:
    """The unconfirmed TOTP device a staff member sets up now (one at a time)."""
    apparaat = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if apparaat is None:
        apparaat = TOTPDevice(user=user, name="Authenticator-app", confirmed=False)
        apparaat.full_clean()
        apparaat.save()
    return apparaat


@transaction.atomic
def totp_apparaat_bevestigen(*, apparaat: TOTPDevice) -> TOTPDevice:
    """After the first correct code: this device counts, other unconfirmed ones are removed."""
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=apparaat.user, confirmed=False).exclude(pk=apparaat.pk).delete()
    return apparaat


def totp_apparaat_voor_demo(*, user, sleutel: str) -> TOTPDevice:
    """A confirmed device with a known key, for the demo coordinator only (load_demo)."""
    apparaat, _ = TOTPDevice.objects.update_or_create(
        user=user, name="Demo-app", defaults={"key": sleutel, "confirmed": True}
    )
    return apparaat


# --- Setting up the authenticator app: only with a link ----------------------------------

APP_LINK_GELDIG = timedelta(hours=72)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def app_link_maken(*, user, door=None) -> tuple[AppLink, str]:
    """A new one-time link for this staff member; older unused links stop working."""
    AppLink.objects.filter(user=user, gebruikt_op__isnull=True).delete()
    token = secrets.token_urlsafe(32)
    link = AppLink(user=user, token_hash=_hash(token), gemaakt_door=door, verloopt_op=timezone.now() + APP_LINK_GELDIG)
    link.full_clean()
    link.save()
    return link, token


def app_link_zoeken(*, token: str) -> AppLink | None:
    """The usable link for this token, or None (unknown, used or expired)."""
    if not token or len(token) > 100:
        return None
    link = AppLink.objects.select_related("user").filter(token_hash=_hash(token)).first()
    if link is None or link.gebruikt_op is not None or link.verloopt_op <= timezone.now():
        return None
    return link


def app_link_geldig(*, pk, user) -> AppLink | None:
    if not pk:
        return None
    link = AppLink.objects.filter(pk=pk, user=user, gebruikt_op__isnull=True, verloopt_op__gt=timezone.now()).first()
    return link


def app_link_gebruikt(*, link: AppLink) -> None:
    link.gebruikt_op = timezone.now()
    link.save(update_fields=["gebruikt_op"])


def app_link_url(*, token: str, basis_url: str) -> str:
    from django.urls import reverse

    return basis_url.rstrip("/") + reverse("admin:app_instellen", kwargs={"token": token})


def app_link_versturen(*, link: AppLink, token: str, basis_url: str) -> None:
    """E-mail the link (B1 Dutch) to the staff member."""
    from django.core.mail import send_mail

    url = app_link_url(token=token, basis_url=basis_url)
    send_mail(
        subject="Stel de app in voor het beheer van het Armoedepact",
        message=(
            "Hallo,\n\n"
            "Voor het beheer van het Armoedepact logt u in met uw wachtwoord en een code uit een app "
            "op uw telefoon. Met deze link stelt u die app in:\n\n"
            f"{url}\n\n"
            "De link werkt één keer en 3 dagen lang. Heeft u hier niet om gevraagd? "
            "Gebruik de link dan niet en bel de coördinator.\n"
        ),
        from_email=None,
        recipient_list=[link.user.email or link.user.get_username()],
    )


def taalstatus_bijwerken(*, status: Taalstatus, nagekeken: bool, opmerking: str, door) -> Taalstatus:
    """The coordinator marks a language as checked (who and when are recorded) or not checked."""
    was_nagekeken = bool(status.pk) and Taalstatus.objects.filter(pk=status.pk, nagekeken=True).exists()
    if nagekeken and not was_nagekeken:
        status.nagekeken_door, status.nagekeken_op = door, timezone.now()
    elif not nagekeken:
        status.nagekeken_door, status.nagekeken_op = None, None
    status.nagekeken = nagekeken
    status.opmerking = opmerking
    status.full_clean()
    status.save()
    return status


# --- Net gepubliceerd: direct publications of trusted organisations ----------------------


def directe_publicatie_gezien(*, publicatie: DirectePublicatie, door) -> None:
    """The coordinator looked at it: it leaves the list on the start page."""
    if publicatie.gezien_op is None:
        publicatie.gezien_op, publicatie.gezien_door = timezone.now(), door
        publicatie.save(update_fields=["gezien_op", "gezien_door"])


@transaction.atomic
def directe_publicatie_terugdraaien(*, publicatie: DirectePublicatie, door) -> None:
    """Undo a direct publication: a new aanbod goes offline (concept again), a change
    gets the version back that was public before; an agenda contribution or a progress
    update goes back to waiting for review (off the public pages, a progress update no
    longer moves its actiepunt). Only the newest publication of an entry can be undone,
    so no later change is lost unseen."""
    publicatie = DirectePublicatie.objects.select_for_update().get(pk=publicatie.pk)
    if publicatie.ongedaan_op is not None:
        raise ValidationError("Deze publicatie is al teruggedraaid.")
    Soort = DirectePublicatie.Soort
    zelfde = DirectePublicatie.objects.filter(soort=publicatie.soort, organisatie=publicatie.organisatie)
    if publicatie.soort == Soort.AANBOD:
        zelfde = DirectePublicatie.objects.filter(soort=publicatie.soort, aanbod=publicatie.aanbod)
    elif publicatie.soort == Soort.AGENDABIJDRAGE:
        zelfde = DirectePublicatie.objects.filter(soort=publicatie.soort, agendabijdrage=publicatie.agendabijdrage)
    elif publicatie.soort == Soort.VOORTGANG:
        zelfde = DirectePublicatie.objects.filter(soort=publicatie.soort, voortgang=publicatie.voortgang)
    if zelfde.filter(pk__gt=publicatie.pk, ongedaan_op__isnull=True).exists():
        raise ValidationError(
            "Na deze publicatie is er nog een wijziging gepubliceerd. Draai eerst die nieuwere wijziging terug."
        )
    if publicatie.soort == Soort.AGENDABIJDRAGE:
        werkgroepen_services.agendabijdrage_terug_naar_controle(bijdrage=publicatie.agendabijdrage)
    elif publicatie.soort == Soort.VOORTGANG:
        werkgroepen_services.voortgang_terug_naar_controle(
            voortgang=publicatie.voortgang,
            status_ervoor=publicatie.vorige_status,
            percentage_ervoor=publicatie.vorige_percentage or 0,
        )
    elif publicatie.nieuw:
        aanbod = Aanbod.objects.get(pk=publicatie.aanbod_id)
        if aanbod.status == Status.GEPUBLICEERD:
            aanbod_status_zetten(aanbod=aanbod, status=Status.CONCEPT, door=door)
    else:
        model = Aanbod if publicatie.soort == DirectePublicatie.Soort.AANBOD else Organisatie
        versie = model.history.get(history_id=publicatie.vorige_versie)
        versie_herstellen(versie=versie, door=door)
    publicatie.ongedaan_op, publicatie.ongedaan_door = timezone.now(), door
    if publicatie.gezien_op is None:
        publicatie.gezien_op, publicatie.gezien_door = publicatie.ongedaan_op, door
    publicatie.save(update_fields=["ongedaan_op", "ongedaan_door", "gezien_op", "gezien_door"])
