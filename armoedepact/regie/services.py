"""Writes of the regie: anonymous search counts, link check results, TOTP devices."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from armoedepact.models import KapotteLink, Linkcontrole


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
