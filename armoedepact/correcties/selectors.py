"""Reads for corrections from the public."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.urls import reverse

from armoedepact.models import Correctie
from regelingen.models import Regeling
from sociale_kaart.models import Aanbod, Organisatie
from sociale_kaart.selectors import aanbod_publiek, organisatie_publiek


@dataclass(frozen=True)
class Pagina:
    """The public page a correction is about."""

    onderwerp: str  # Correctie.Onderwerp
    naam: str
    terug_url: str
    organisatie: Organisatie | None
    aanbod: Aanbod | None = None
    regeling: Regeling | None = None


def pagina_voor_correctie(*, onderwerp: str, slug: str) -> Pagina:
    """The public aanbod, organisatie or (active) regeling with this slug, or 404."""
    if onderwerp == Correctie.Onderwerp.AANBOD:
        aanbod = aanbod_publiek().select_related("organisatie").filter(slug=slug).first()
        if aanbod is not None:
            return Pagina(
                onderwerp=onderwerp,
                naam=aanbod.titel,
                terug_url=reverse("sociale_kaart:aanbod", kwargs={"slug": slug}),
                organisatie=aanbod.organisatie,
                aanbod=aanbod,
            )
    elif onderwerp == Correctie.Onderwerp.ORGANISATIE:
        organisatie = organisatie_publiek().filter(slug=slug).first()
        if organisatie is not None:
            return Pagina(
                onderwerp=onderwerp,
                naam=organisatie.naam,
                terug_url=reverse("sociale_kaart:organisatie", kwargs={"slug": slug}),
                organisatie=organisatie,
            )
    elif onderwerp == Correctie.Onderwerp.REGELING:
        regeling = Regeling.objects.filter(slug=slug, actief=True).select_related("uitvoerder").first()
        if regeling is not None:
            return Pagina(
                onderwerp=onderwerp,
                naam=regeling.naam,
                terug_url=reverse("regelingen:uitslag"),
                organisatie=regeling.uitvoerder,
                regeling=regeling,
            )
    raise Http404("Deze pagina bestaat niet (meer).")


def correcties_van_organisatie(*, organisatie: Organisatie) -> QuerySet[Correctie]:
    """What visitors reported about this organisation, its aanbod and the regelingen it carries out."""
    return Correctie.objects.filter(organisatie=organisatie)


def open_correcties_van_organisatie(*, organisatie: Organisatie) -> list[Correctie]:
    return list(correcties_van_organisatie(organisatie=organisatie).filter(afgehandeld_op=None))


def correctie_van_gebruiker(*, user, pk: int) -> Correctie:
    """A correction of an organisation the user belongs to, or 404 (also when it does not exist)."""
    if not user.is_authenticated:
        raise Http404
    correctie = (
        Correctie.objects.filter(pk=pk, organisatie__lidmaatschappen__gebruiker=user)
        .select_related("organisatie")
        .first()
    )
    if correctie is None:
        raise Http404
    return correctie


def correcties_per_maand(*, van: date) -> list[tuple[date, int, int]]:
    """(month, received, of which done) since `van`, newest first. Counts only."""
    return [
        (rij["maand"].date() if hasattr(rij["maand"], "date") else rij["maand"], rij["aantal"], rij["klaar"])
        for rij in Correctie.objects.filter(ingediend_op__gte=van)
        .annotate(maand=TruncMonth("ingediend_op"))
        .values("maand")
        .annotate(aantal=Count("pk"), klaar=Count("pk", filter=Q(afgehandeld_op__isnull=False)))
        .order_by("-maand")
    ]
