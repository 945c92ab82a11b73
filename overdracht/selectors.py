"""Reads for the warm handover. Access functions raise Http404 both when the
request does not exist and when the user may not see it."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.http import Http404
from django.urls import reverse

from overdracht.models import Verzoek, VerzoekStatus, VerzoekTelling
from sociale_kaart.models import Aanbod, Organisatie, Status
from sociale_kaart.selectors import organisaties_van_gebruiker

# Counts under this number are hidden from the coordinator.
KLEINSTE_GETAL = 5


def organisaties_die_ontvangen(*, behalve: Organisatie | None = None) -> QuerySet:
    qs = Organisatie.objects.filter(ontvangt_verzoeken=True, status=Status.GEPUBLICEERD).order_by("naam")
    if behalve is not None:
        qs = qs.exclude(pk=behalve.pk)
    return qs


@dataclass(frozen=True)
class Onderwerp:
    """What the resident asks to be called about: an aanbod or a regeling
    (soort), the organisation that calls, its phone number and the page to go back to."""

    soort: str  # "aanbod" or "regeling"
    slug: str
    titel: str
    organisatie: Organisatie
    telefoon: str
    terug_url: str
    aanbod: Aanbod | None = None
    # The row whose title the pages show, and its field, so they show it in the
    # page's language (the vertaald tags); titel stays the Dutch text.
    bron: object = None
    bron_veld: str = "titel"


# The top floor passes in how a regeling is found (regelingen is a sibling: this
# app cannot import it): slug -> a Regeling-like object (naam, telefoon,
# uitvoerder) whose uitvoerder receives requests, or None.
_regeling_bron: Callable | None = None


def regeling_bron_aansluiten(bron: Callable) -> None:
    global _regeling_bron
    _regeling_bron = bron


def aanbod_voor_verzoek(*, slug: str) -> Aanbod:
    """A published aanbod of an organisation that receives requests, or 404."""
    aanbod = (
        Aanbod.objects.select_related("organisatie")
        .filter(
            slug=slug,
            status=Status.GEPUBLICEERD,
            organisatie__status=Status.GEPUBLICEERD,
            organisatie__ontvangt_verzoeken=True,
        )
        .first()
    )
    if aanbod is None:
        raise Http404("Deze organisatie neemt geen verzoeken aan via de website.")
    return aanbod


def onderwerp_voor_verzoek(*, soort: str, slug: str) -> Onderwerp:
    """The aanbod or regeling of a "Laat mij bellen" flow, or 404 when its
    organisation does not receive requests (or is not published)."""
    if soort == "regeling":
        regeling = _regeling_bron(slug) if _regeling_bron is not None else None
        organisatie = getattr(regeling, "uitvoerder", None)
        if (
            regeling is None
            or organisatie is None
            or not organisatie.ontvangt_verzoeken
            or organisatie.status != Status.GEPUBLICEERD
        ):
            raise Http404("Deze organisatie neemt geen verzoeken aan via de website.")
        return Onderwerp(
            soort="regeling",
            slug=slug,
            titel=regeling.naam,
            organisatie=organisatie,
            telefoon=regeling.telefoon or organisatie.telefoon,
            terug_url=reverse("regelingen:uitslag"),
            bron=regeling,
            bron_veld="naam",
        )
    aanbod = aanbod_voor_verzoek(slug=slug)
    return Onderwerp(
        soort="aanbod",
        slug=slug,
        titel=aanbod.titel,
        organisatie=aanbod.organisatie,
        telefoon=aanbod.telefoon or aanbod.organisatie.telefoon,
        terug_url=reverse("sociale_kaart:aanbod", kwargs={"slug": slug}),
        aanbod=aanbod,
        bron=aanbod,
    )


def _verzoeken() -> QuerySet:
    return Verzoek.objects.select_related("ontvanger", "afzender_organisatie", "aanbod")


def verzoek_voor_ontvanger(*, user, uuid) -> Verzoek:
    """A request to one of the user's organisations (they may read its details)."""
    verzoek = _verzoeken().filter(uuid=uuid, ontvanger__in=organisaties_van_gebruiker(user=user)).first()
    if verzoek is None:
        raise Http404("Verzoek niet gevonden")
    return verzoek


def verzoek_voor_gebruiker(*, user, uuid) -> tuple[Verzoek, bool]:
    """(request, is_receiver): the receiver's members or the sender's members, else 404."""
    eigen = organisaties_van_gebruiker(user=user)
    verzoek = _verzoeken().filter(uuid=uuid).first()
    if verzoek is None:
        raise Http404("Verzoek niet gevonden")
    ids = set(eigen.values_list("pk", flat=True))
    if verzoek.ontvanger_id in ids:
        return verzoek, True
    if verzoek.afzender_organisatie_id in ids:
        return verzoek, False
    raise Http404("Verzoek niet gevonden")


def verzoeken_ontvangen(*, organisatie: Organisatie) -> list[Verzoek]:
    return list(_verzoeken().filter(ontvanger=organisatie))


def verzoeken_verstuurd(*, organisatie: Organisatie) -> list[Verzoek]:
    return list(_verzoeken().filter(afzender_organisatie=organisatie))


def open_verzoeken_per_organisatie(*, organisaties) -> dict[int, int]:
    rijen = (
        Verzoek.objects.filter(ontvanger__in=organisaties, status=VerzoekStatus.NIEUW)
        .values_list("ontvanger_id")
        .order_by()
    )
    tellingen: dict[int, int] = {}
    for (pk,) in rijen:
        tellingen[pk] = tellingen.get(pk, 0) + 1
    return tellingen


@dataclass(frozen=True)
class Telrij:
    organisatie: str
    maand: datetime.date
    aantal: int | None  # None: fewer than KLEINSTE_GETAL, hidden


def tellingen() -> list[Telrij]:
    """Requests per organisation per month for the coordinator; small numbers hidden."""
    rijen = (
        VerzoekTelling.objects.values("organisatie__naam", "maand")
        .annotate(totaal=Sum("aantal"))
        .order_by("-maand", "organisatie__naam")
    )
    return [
        Telrij(r["organisatie__naam"], r["maand"], r["totaal"] if r["totaal"] >= KLEINSTE_GETAL else None)
        for r in rijen
    ]
