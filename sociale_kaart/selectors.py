"""Reads for the sociale kaart outside the search: what is public, what is
verouderd, the home page lists and the detail pages. The search and the map
live in sociale_kaart.zoeken. Every function runs a fixed, small number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Least, TruncDate
from django.http import Http404
from django.templatetags.static import static
from django.utils import timezone

from sociale_kaart.models import (
    VERIFICATIE_VELDEN,
    Aanbod,
    AanbodZoekindex,
    Levensgebeurtenis,
    Lidmaatschap,
    Locatie,
    Organisatie,
    Rol,
    Status,
    Thema,
    Uitnodiging,
)
from sociale_kaart.zoeken.plekken import plekken_van_locaties, route_url

# Two meanings of "old", two names:
# - verouderd: residents see a warning on aanbod and organisaties nobody confirmed
#   for this many months (is_verouderd);
# - herinnering: partners are reminded (and the coordinator sees it) earlier, after
#   11 months, so an entry is confirmed before residents see the warning
#   (herinnering_nodig).
VEROUDERD_NA_MAANDEN = 18
HERINNEREN_NA = datetime.timedelta(days=335)  # 11 months


# --- Public visibility ---------------------------------------------------------------


def organisatie_publiek() -> QuerySet[Organisatie]:
    """Published organisations: the only organisations residents see."""
    return Organisatie.objects.filter(status=Status.GEPUBLICEERD)


def aanbod_publiek() -> QuerySet[Aanbod]:
    """Published aanbod of published organisations, not hidden by the verification
    routine: the only aanbod residents see (the search index's `publiek` agrees)."""
    return Aanbod.objects.filter(
        status=Status.GEPUBLICEERD, organisatie__status=Status.GEPUBLICEERD, verborgen_wegens_verificatie=False
    )


# --- Verification: when each critical field was last confirmed --------------------------


def maanden_terug(vandaag: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` months earlier (the last day of a shorter month)."""
    totaal = vandaag.year * 12 + vandaag.month - 1 - maanden
    jaar, maand = divmod(totaal, 12)
    maand += 1
    for dag in range(vandaag.day, 27, -1):
        try:
            return datetime.date(jaar, maand, dag)
        except ValueError:
            continue
    return datetime.date(jaar, maand, min(vandaag.day, 28))


def verificatie_grens(*, vandaag: datetime.date | None = None) -> datetime.date:
    """A field confirmed before this day is out of date (VERIFICATIE_MAANDEN months)."""
    return maanden_terug(vandaag or timezone.localdate(), settings.VERIFICATIE_MAANDEN)


def bevestigd_op(aanbod: Aanbod, veld: str) -> datetime.date:
    """When a critical field was last confirmed: its own date (set by "Alles klopt nog",
    a partial confirmation, or an approved edit that changed the field); for a field
    never confirmed on its own, the last check of the whole entry; else the day it was made."""
    datum = getattr(aanbod, veld) or aanbod.laatst_gecontroleerd
    return datum if datum is not None else timezone.localdate(aanbod.aangemaakt_op)


def aanbod_met_oudste_bevestiging() -> QuerySet[Aanbod]:
    """Published aanbod (also hidden ones) with `oudste_bevestiging`: the oldest
    confirmation among its critical fields, as `bevestigd_op` reads them."""
    gemaakt = TruncDate("aangemaakt_op", tzinfo=timezone.get_current_timezone())
    # The field's own date first, as bevestigd_op reads it.
    datums = [Coalesce(veld, "laatst_gecontroleerd", gemaakt) for _, _, veld in VERIFICATIE_VELDEN]
    return Aanbod.objects.filter(status=Status.GEPUBLICEERD).annotate(oudste_bevestiging=Least(*datums))


@dataclass(frozen=True)
class VerificatieRegel:
    aanbod: Aanbod
    velden: tuple[tuple[str, datetime.date, bool], ...]  # label, confirmed on, out of date
    oudste: datetime.date
    verouderd: bool


def verificatie_werklijst(*, vandaag: datetime.date | None = None, limiet: int = 200) -> list[VerificatieRegel]:
    """The coordinator's work list: published aanbod, most out of date first (1 query)."""
    grens = verificatie_grens(vandaag=vandaag)
    rijen = aanbod_met_oudste_bevestiging().select_related("organisatie").order_by("oudste_bevestiging", "titel")
    result = []
    for aanbod in rijen[:limiet]:
        velden = []
        for _, label, veld in VERIFICATIE_VELDEN:
            datum = bevestigd_op(aanbod, veld)
            velden.append((label, datum, datum < grens))
        result.append(
            VerificatieRegel(
                aanbod=aanbod,
                velden=tuple(velden),
                oudste=aanbod.oudste_bevestiging,
                verouderd=aanbod.oudste_bevestiging < grens,
            )
        )
    return result


def zoekindex_publiek() -> QuerySet[AanbodZoekindex]:
    """The search index rows of public aanbod (kept by PostgreSQL triggers, see
    AanbodZoekindex): what the search filters, ranks and counts, without reading
    the wide aanbod table or joining organisaties."""
    return AanbodZoekindex.objects.filter(publiek=True)


def herinnering_nodig(datum: datetime.date | None, *, vandaag: datetime.date | None = None) -> bool:
    """True when the partner should be reminded to confirm the entry: nobody did in the last 11 months (or ever)."""
    vandaag = vandaag or timezone.localdate()
    return datum is None or vandaag - datum > HERINNEREN_NA


def organisaties_herinnering_nodig(*, vandaag: datetime.date | None = None) -> QuerySet[Organisatie]:
    """Organisations (not archived) that nobody confirmed in 11 months, or with
    published aanbod nobody confirmed in 11 months; `verouderd_aanbod` counts the
    latter. One definition for the partners' reminder and the coordinator's list."""
    grens = (vandaag or timezone.localdate()) - HERINNEREN_NA
    oud_aanbod = Q(aanbod__status=Status.GEPUBLICEERD) & (
        Q(aanbod__laatst_gecontroleerd__lt=grens) | Q(aanbod__laatst_gecontroleerd__isnull=True)
    )
    return (
        Organisatie.objects.exclude(status=Status.GEARCHIVEERD)
        .annotate(verouderd_aanbod=Count("aanbod", filter=oud_aanbod, distinct=True))
        .filter(Q(verouderd_aanbod__gt=0) | Q(laatst_gecontroleerd__lt=grens) | Q(laatst_gecontroleerd__isnull=True))
    )


def is_verouderd(datum: datetime.date | None, *, vandaag: datetime.date | None = None) -> bool:
    """True when nobody confirmed the entry in the last VEROUDERD_NA_MAANDEN (18) months (or ever)."""
    if datum is None:
        return True
    vandaag = vandaag or timezone.localdate()
    maanden = (vandaag.year - datum.year) * 12 + (vandaag.month - datum.month)
    if vandaag.day < datum.day:
        maanden -= 1
    return maanden >= VEROUDERD_NA_MAANDEN


# --- Icons ----------------------------------------------------------------------------


@cache
def _beschikbare_iconen() -> frozenset[str]:
    folder = Path(settings.BASE_DIR) / "static" / "icons"
    return frozenset(p.stem for p in folder.glob("*.svg"))


def thema_icoon_url(thema: Thema) -> str:
    """URL of a thema's icon: its own icon name, else one named after its slug
    ("geld-en-schulden" -> thema-geld), else a neutral default."""
    beschikbaar = _beschikbare_iconen()
    icoon = (thema.icoon or "").removesuffix(".svg")
    eerste_woord = thema.slug.split("-", 1)[0]
    for naam in (icoon, f"thema-{icoon}", f"thema-{thema.slug}", f"thema-{eerste_woord}"):
        if naam in beschikbaar:
            return static(f"icons/{naam}.svg")
    return static("icons/thema-standaard.svg")


# --- Home page --------------------------------------------------------------------------


@dataclass(frozen=True)
class HomeTaxonomie:
    themas: list[Thema]
    levensgebeurtenissen: list[Levensgebeurtenis]


def home_taxonomie() -> HomeTaxonomie:
    """Themes (with their icon URL) and life events for the home page: two queries."""
    themas = list(Thema.objects.all())
    for thema in themas:
        thema.icoon_url = thema_icoon_url(thema)
    return HomeTaxonomie(themas=themas, levensgebeurtenissen=list(Levensgebeurtenis.objects.all()))


# --- Detail pages ------------------------------------------------------------------------


def _regels(tekst: str) -> list[str]:
    return [regel.strip(" -*\t") for regel in (tekst or "").splitlines() if regel.strip(" -*\t")]


def aanbod_detail(*, slug: str) -> Aanbod:
    """One public aanbod with everything its page shows (7 queries), or Http404."""
    try:
        aanbod = (
            aanbod_publiek()
            .select_related("organisatie")
            .prefetch_related(
                "themas",
                "doelgroepen",
                "levensgebeurtenissen",
                "kernen",
                "openingstijden",
                Prefetch(
                    "locaties", queryset=Locatie.objects.select_related("kern").prefetch_related("openingstijden")
                ),
            )
            .defer("zoekvector")
            .get(slug=slug)
        )
    except Aanbod.DoesNotExist:
        raise Http404("Dit aanbod bestaat niet of is niet openbaar.") from None
    aanbod.stappen = _regels(aanbod.hoe_aanvragen)
    aanbod.meenemen_lijst = _regels(aanbod.meenemen)
    aanbod.verouderd = is_verouderd(aanbod.laatst_gecontroleerd)
    aanbod.contact_telefoon = aanbod.telefoon or aanbod.organisatie.telefoon
    aanbod.contact_email = aanbod.email or aanbod.organisatie.email
    aanbod.contact_website = aanbod.website or aanbod.organisatie.website
    aanbod.plekken = plekken_van_locaties(aanbod.locaties.all(), organisatie=aanbod.organisatie.naam)
    for locatie in aanbod.locaties.all():
        locatie.route_url = route_url(locatie.latitude, locatie.longitude) if locatie.latitude is not None else ""
    return aanbod


def aanbod_gerelateerd(*, aanbod: Aanbod, aantal: int = 4) -> list[Aanbod]:
    """Other public aanbod on the same themes nearby: in one of the same kernen, or
    (when it has no kernen) of the same organisation. Uses the prefetched themas
    and kernen; one query that starts from the kern index, so it stays fast on a
    national data set."""
    thema_ids = [thema.pk for thema in aanbod.themas.all()]
    kern_ids = [kern.pk for kern in aanbod.kernen.all()]
    if not thema_ids:
        return []
    zelfde_thema = Aanbod.themas.through.objects.filter(aanbod_id=OuterRef("pk"), thema_id__in=thema_ids)
    if kern_ids:
        dichtbij = Q(pk__in=Aanbod.kernen.through.objects.filter(kern_id__in=kern_ids).values("aanbod_id"))
    else:
        dichtbij = Q(organisatie_id=aanbod.organisatie_id)
    return list(
        aanbod_publiek()
        .filter(dichtbij, Exists(zelfde_thema))
        .exclude(pk=aanbod.pk)
        .select_related("organisatie")
        .only("id", "titel", "slug", "wat_u_krijgt", "organisatie__id", "organisatie__naam")
        .order_by("titel", "id")[:aantal]
    )


def organisatie_detail(*, slug: str) -> Organisatie:
    """One published organisation with its locations and public aanbod (4 queries), or Http404."""
    try:
        organisatie = (
            organisatie_publiek()
            .prefetch_related(
                Prefetch(
                    "locaties", queryset=Locatie.objects.select_related("kern").prefetch_related("openingstijden")
                ),
                Prefetch(
                    "aanbod",
                    queryset=aanbod_publiek().defer("zoekvector").prefetch_related("kernen").order_by("titel"),
                    to_attr="publiek_aanbod",
                ),
            )
            .get(slug=slug)
        )
    except Organisatie.DoesNotExist:
        raise Http404("Deze organisatie bestaat niet of is niet openbaar.") from None
    organisatie.verouderd = is_verouderd(organisatie.laatst_gecontroleerd)
    organisatie.plekken = plekken_van_locaties(organisatie.locaties.all(), organisatie=organisatie.naam)
    for locatie in organisatie.locaties.all():
        locatie.route_url = route_url(locatie.latitude, locatie.longitude) if locatie.latitude is not None else ""
    return organisatie


def organisaties_van_gebruiker(*, user) -> QuerySet:
    """The organisations a user may act for (none for anonymous users)."""
    if not user.is_authenticated:
        return Organisatie.objects.none()
    return Organisatie.objects.filter(lidmaatschappen__gebruiker=user).distinct()


def organisatie_van_gebruiker(*, user, **sleutel) -> Organisatie:
    """One of the user's own organisations, found by slug or pk; 404 also when it
    exists but the user does not belong to it (nobody learns it exists)."""
    organisatie = organisaties_van_gebruiker(user=user).filter(**sleutel).first()
    if organisatie is None:
        raise Http404("Deze organisatie bestaat niet of u hoort er niet bij.")
    return organisatie


def is_beheerder(*, user, organisatie: Organisatie) -> bool:
    """Does the user manage this organisation (its details and its people)?"""
    return (
        user.is_authenticated
        and Lidmaatschap.objects.filter(gebruiker=user, organisatie=organisatie, rol=Rol.BEHEERDER).exists()
    )


def organisatie_als_beheerder(*, user, **sleutel) -> Organisatie:
    """One of the user's own organisations that the user manages: 404 as organisatie_van_gebruiker,
    403 for a medewerker (who edits aanbod, not the organisation or its people)."""
    organisatie = organisatie_van_gebruiker(user=user, **sleutel)
    if not is_beheerder(user=user, organisatie=organisatie):
        raise PermissionDenied("Alleen een beheerder van de organisatie kan dit. Vraag een beheerder.")
    return organisatie


def collegas(*, organisatie: Organisatie) -> dict:
    """The members of an organisation and its open invitations."""
    return {
        "leden": list(
            Lidmaatschap.objects.filter(organisatie=organisatie)
            .select_related("gebruiker")
            .order_by("gebruiker__first_name", "gebruiker__email")
        ),
        "uitnodigingen": list(
            Uitnodiging.objects.filter(organisatie=organisatie, gebruikt_op=None, verloopt_op__gt=timezone.now())
        ),
    }


def collegas_van(*, organisatie: Organisatie, behalve) -> list:
    """The other active members of an organisation (users), by name."""
    return collegas_per_organisatie(organisaties=[organisatie], behalve=behalve).get(organisatie.pk, [])


def collegas_per_organisatie(*, organisaties, behalve) -> dict[int, list]:
    """organisation id -> its other active members (users), by name; one query for all."""
    per_organisatie: dict[int, list] = {}
    lidmaatschappen = (
        Lidmaatschap.objects.filter(organisatie__in=organisaties, gebruiker__is_active=True)
        .exclude(gebruiker=behalve)
        .select_related("gebruiker")
        .order_by("gebruiker__first_name", "gebruiker__email")
    )
    for lid in lidmaatschappen:
        per_organisatie.setdefault(lid.organisatie_id, []).append(lid.gebruiker)
    return per_organisatie
