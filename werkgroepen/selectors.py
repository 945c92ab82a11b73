"""Reads for the pact pages, the partner pages and the admin. Every query a view
needs lives here, with select_related/prefetch_related so a page runs a bounded
number of queries."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sociale_kaart.selectors import organisaties_van_gebruiker
from werkgroepen.models import (
    Aanmelding,
    AanmeldingStatus,
    Aansluitverzoek,
    AansluitverzoekStatus,
    Actiepunt,
    AgendaActiviteit,
    AgendaBijdrage,
    AgendaRonde,
    AgendaRondeStatus,
    Ambassadeurschap,
    Bijeenkomst,
    BijeenkomstSoort,
    Pijler,
    Voortgang,
)

# E-mail domains many unrelated organisations share: no duplicate signal.
GEDEELDE_DOMEINEN = {
    "gmail.com",
    "hotmail.com",
    "hotmail.nl",
    "outlook.com",
    "outlook.nl",
    "live.nl",
    "live.com",
    "icloud.com",
    "yahoo.com",
    "ziggo.nl",
    "kpnmail.nl",
    "planet.nl",
    "home.nl",
    "xs4all.nl",
    "hetnet.nl",
    "example.com",
}


def _organisatie_model():
    from sociale_kaart.models import Organisatie

    return Organisatie


# --- Pijlers, werkgroepen, actiepunten ------------------------------------------------


def _actiepunten_prefetch() -> Prefetch:
    return Prefetch(
        "actiepunten",
        queryset=Actiepunt.objects.select_related("trekker").prefetch_related(
            Prefetch("voortgang", queryset=Voortgang.objects.select_related("organisatie"))
        ),
    )


def pijlers_overzicht(*, vandaag: date | None = None) -> QuerySet:
    """The four pillars with werkgroep, members, current ambassadors and actiepunten."""
    vandaag = vandaag or timezone.localdate()
    huidig = Ambassadeurschap.objects.filter(termijn_start__lte=vandaag, termijn_eind__gte=vandaag).select_related(
        "organisatie"
    )
    return Pijler.objects.select_related("werkgroep").prefetch_related(
        "werkgroep__leden",
        Prefetch("werkgroep__ambassadeurschappen", queryset=huidig, to_attr="huidige_ambassadeurs"),
        _actiepunten_prefetch(),
    )


def pijler_get(*, slug: str) -> Pijler:
    pijler = pijlers_overzicht().filter(slug=slug).first()
    if pijler is None:
        raise Http404("Deze pijler bestaat niet.")
    return pijler


def ambassadeurschappen_bijna_afgelopen(*, dagen: int = 60, vandaag: date | None = None) -> QuerySet:
    vandaag = vandaag or timezone.localdate()
    return Ambassadeurschap.objects.filter(
        termijn_eind__gte=vandaag, termijn_eind__lte=vandaag + timedelta(days=dagen)
    ).select_related("werkgroep", "organisatie")


# --- Pactpartners ---------------------------------------------------------------------


def pactpartners() -> QuerySet:
    """Signatory organisations with the date they joined (archived ones left out)."""
    from sociale_kaart.models import Status

    return (
        _organisatie_model()
        .objects.filter(pactpartner=True)
        .exclude(status=Status.GEARCHIVEERD)
        .order_by("pactpartner_sinds", "naam")
    )


# --- Bijeenkomsten --------------------------------------------------------------------


def _bijeenkomsten() -> QuerySet:
    aangemeld = Aanmelding.objects.filter(status=AanmeldingStatus.AANGEMELD).select_related("organisatie")
    return (
        Bijeenkomst.objects.select_related("gastorganisatie", "werkgroep")
        .annotate(aantal_aangemeld=Count("aanmeldingen", filter=Q(aanmeldingen__status=AanmeldingStatus.AANGEMELD)))
        .prefetch_related(Prefetch("aanmeldingen", queryset=aangemeld, to_attr="aangemelde_aanmeldingen"))
    )


def bijeenkomsten_komend(*, nu: datetime | None = None, alleen_openbaar: bool = True) -> QuerySet:
    nu = nu or timezone.now()
    qs = _bijeenkomsten().filter(eind__gt=nu).order_by("start")
    return qs.filter(openbaar=True) if alleen_openbaar else qs


def bijeenkomsten_voorbij(*, nu: datetime | None = None) -> QuerySet:
    nu = nu or timezone.now()
    return _bijeenkomsten().filter(openbaar=True, eind__lte=nu).order_by("-start")


def bijeenkomst_openbaar_get(*, pk: int) -> Bijeenkomst:
    bijeenkomst = _bijeenkomsten().filter(openbaar=True, pk=pk).first()
    if bijeenkomst is None:
        raise Http404("Deze bijeenkomst bestaat niet.")
    return bijeenkomst


def bijeenkomst_voor_partner_get(*, pk: int) -> Bijeenkomst:
    """Any meeting (public or not) a partner may sign up for."""
    bijeenkomst = Bijeenkomst.objects.filter(pk=pk).first()
    if bijeenkomst is None:
        raise Http404("Deze bijeenkomst bestaat niet.")
    return bijeenkomst


def pactbijeenkomsten_in_jaar(*, jaar: int) -> int:
    return Bijeenkomst.objects.filter(soort=BijeenkomstSoort.PACTBIJEENKOMST, start__year=jaar).count()


def unieke_namen(aanmeldingen) -> list[str]:
    """Names of the organisations signed up, each once, in sign-up order."""
    namen: list[str] = []
    for aanmelding in aanmeldingen:
        if aanmelding.organisatie.naam not in namen:
            namen.append(aanmelding.organisatie.naam)
    return namen


# --- Aansluiten -----------------------------------------------------------------------


def _domein(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in (email or "") else ""


def _normaal(naam: str) -> str:
    return " ".join((naam or "").lower().split())


def aansluitverzoek_open_dubbel(*, organisatie_naam: str, email: str) -> bool:
    """An application from the same organisation (name or e-mail) still waits for the coordinator."""
    naam = _normaal(organisatie_naam)
    return Aansluitverzoek.objects.filter(
        Q(organisatie_naam__iexact=naam) | Q(email__iexact=(email or "").strip()),
        status=AansluitverzoekStatus.NIEUW,
    ).exists()


def mogelijke_dubbele_organisaties(*, organisatie_naam: str, email: str) -> QuerySet:
    """Existing organisations with the same name or the same (non-shared) e-mail domain."""
    filters = Q(naam__iexact=_normaal(organisatie_naam))
    domein = _domein(email)
    if domein and domein not in GEDEELDE_DOMEINEN:
        filters |= (
            Q(email__iendswith="@" + domein)
            | Q(website__icontains="://" + domein)
            | Q(website__icontains="www." + domein)
        )
    return _organisatie_model().objects.filter(filters).order_by("naam")


# --- Lokale Sociale Agenda -----------------------------------------------------------


def voortgang_recent(*, aantal: int = 5) -> QuerySet:
    return Voortgang.objects.select_related("actiepunt__pijler", "organisatie").order_by("-datum", "-aangemaakt_op")[
        :aantal
    ]


def agendarondes() -> QuerySet:
    return AgendaRonde.objects.annotate(aantal=Count("bijdragen")).order_by("-jaar")


def agendaronde_get(*, jaar: int) -> AgendaRonde:
    ronde = AgendaRonde.objects.filter(jaar=jaar).first()
    if ronde is None:
        raise Http404("Voor dit jaar is er geen agenda.")
    return ronde


def agendaronde_open() -> AgendaRonde | None:
    return AgendaRonde.objects.filter(status=AgendaRondeStatus.OPEN).order_by("-jaar").first()


@dataclass
class PijlerAgenda:
    pijler: Pijler
    activiteiten: list = field(default_factory=list)


def agenda_van_jaar(*, ronde: AgendaRonde) -> tuple[list[AgendaBijdrage], list[PijlerAgenda]]:
    """The contributions of one year, and all their activities grouped by pillar."""
    bijdragen = list(
        AgendaBijdrage.objects.filter(ronde=ronde)
        .select_related("organisatie")
        .prefetch_related(Prefetch("activiteiten", queryset=AgendaActiviteit.objects.select_related("pijler")))
        .order_by("organisatie__naam")
    )
    groepen = [PijlerAgenda(pijler=p) for p in Pijler.objects.order_by("volgorde")]
    per_pijler = {g.pijler.pk: g for g in groepen}
    for bijdrage in bijdragen:
        for activiteit in bijdrage.activiteiten.all():
            per_pijler[activiteit.pijler_id].activiteiten.append((bijdrage.organisatie, activiteit))
    return bijdragen, groepen


@dataclass
class PartnerOrganisatie:
    organisatie: object
    actiepunten: list
    bijdrage: AgendaBijdrage | None


@dataclass
class PartnerOverzicht:
    organisaties: list[PartnerOrganisatie]
    bijeenkomsten: list
    mijn_aanmeldingen: dict
    ronde: AgendaRonde | None


def partner_overzicht(*, user, nu: datetime | None = None) -> PartnerOverzicht:
    organisaties = list(organisaties_van_gebruiker(user=user).order_by("naam"))
    ronde = agendaronde_open()
    actiepunten = (
        Actiepunt.objects.filter(trekker__in=organisaties)
        .select_related("pijler")
        .prefetch_related(Prefetch("voortgang", queryset=Voortgang.objects.order_by("-datum", "-aangemaakt_op")))
    )
    per_org: dict[int, list] = {o.pk: [] for o in organisaties}
    for actiepunt in actiepunten:
        per_org[actiepunt.trekker_id].append(actiepunt)
    bijdragen = {}
    if ronde is not None:
        bijdragen = {
            b.organisatie_id: b
            for b in AgendaBijdrage.objects.filter(ronde=ronde, organisatie__in=organisaties).prefetch_related(
                "activiteiten__pijler"
            )
        }
    bijeenkomsten = list(bijeenkomsten_komend(nu=nu, alleen_openbaar=False)) if organisaties else []
    mijn = {
        a.bijeenkomst_id: a
        for a in Aanmelding.objects.filter(gebruiker=user, bijeenkomst__in=bijeenkomsten).select_related("organisatie")
    }
    for bijeenkomst in bijeenkomsten:
        aanmelding = mijn.get(bijeenkomst.pk)
        actief = aanmelding is not None and aanmelding.status != AanmeldingStatus.AFGEMELD
        bijeenkomst.mijn_aanmelding = aanmelding if actief else None
        bijeenkomst.vol = (
            bijeenkomst.max_plaatsen is not None and bijeenkomst.aantal_aangemeld >= bijeenkomst.max_plaatsen
        )
    return PartnerOverzicht(
        organisaties=[
            PartnerOrganisatie(organisatie=o, actiepunten=per_org[o.pk], bijdrage=bijdragen.get(o.pk))
            for o in organisaties
        ],
        bijeenkomsten=bijeenkomsten,
        mijn_aanmeldingen=mijn,
        ronde=ronde,
    )


def agendabijdrage_van(*, ronde: AgendaRonde, organisatie) -> AgendaBijdrage | None:
    return (
        AgendaBijdrage.objects.filter(ronde=ronde, organisatie=organisatie)
        .prefetch_related(Prefetch("activiteiten", queryset=AgendaActiviteit.objects.select_related("pijler")))
        .first()
    )
