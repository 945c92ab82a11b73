"""Reads for the pact pages, the partner pages and the admin. Every query a view
needs lives here, with select_related/prefetch_related so a page runs a bounded
number of queries."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from sociale_kaart.selectors import organisaties_van_gebruiker
from werkgroepen.grafiek import grafiek
from werkgroepen.models import (
    Aanmelding,
    AanmeldingStatus,
    Aansluitverzoek,
    AansluitverzoekStatus,
    Actiepunt,
    ActiepuntStatus,
    AgendaActiviteit,
    AgendaBijdrage,
    AgendaRonde,
    AgendaRondeStatus,
    Ambassadeurschap,
    Beoordeling,
    Bijeenkomst,
    BijeenkomstSoort,
    Doel,
    GastStatus,
    Indicator,
    IndicatorWaarde,
    Pact,
    Pijler,
    Thematafel,
    VerslagStatus,
    Voortgang,
    Werkgroep,
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


def pact_instellingen() -> Pact:
    """The pact's one settings row, or its defaults (unsaved) when the coordinator
    never saved it. A read never writes: a write would change the page cache's
    content version on every first visit."""
    return Pact.objects.filter(pk=1).first() or Pact(pk=1)


def _actiepunten_prefetch() -> Prefetch:
    return Prefetch(
        "actiepunten",
        queryset=Actiepunt.objects.select_related("trekker", "thematafel__bijeenkomst").prefetch_related(
            "organisaties",
            Prefetch(
                "voortgang",
                queryset=Voortgang.objects.filter(beoordeling=Beoordeling.GOEDGEKEURD).select_related("organisatie"),
            ),
        ),
    )


def _gewogen(paren: list[tuple[int, int]]) -> int | None:
    """The weighted mean of (weight, percentage) pairs, rounded; None without weight."""
    totaal = sum(gewicht for gewicht, _ in paren)
    if not totaal:
        return None
    return round(sum(gewicht * percentage for gewicht, percentage in paren) / totaal)


def actiepunt_voortgang(actiepunt: Actiepunt) -> int:
    return 100 if actiepunt.status == ActiepuntStatus.AFGEROND else actiepunt.percentage


def voortgang_oprollen(pijler: Pijler) -> Pijler:
    """Roll progress up from the action points (prefetched) to the goals and the pillar.

    A goal is the weighted mean of its action points; the pillar is the weighted
    mean of its goals and of the action points that have no goal. Stopped action
    points do not count. Sets `.voortgang` on every item and `.doelen_met_punten`
    and `.losse_actiepunten` on the pillar."""
    per_doel: dict[int, list] = {}
    losse = []
    for actiepunt in pijler.actiepunten.all():
        actiepunt.voortgang_procent = actiepunt_voortgang(actiepunt)
        (per_doel.setdefault(actiepunt.doel_id, []) if actiepunt.doel_id else losse).append(actiepunt)
    doelen = list(pijler.doelen.all())
    paren = []
    for doel in doelen:
        doel.punten = per_doel.get(doel.pk, [])
        doel.voortgang = _gewogen(
            [(a.gewicht, a.voortgang_procent) for a in doel.punten if a.status != ActiepuntStatus.GESTOPT]
        )
        if doel.voortgang is not None:
            paren.append((doel.gewicht, doel.voortgang))
    paren += [(a.gewicht, a.voortgang_procent) for a in losse if a.status != ActiepuntStatus.GESTOPT]
    pijler.doelen_met_punten = doelen
    pijler.losse_actiepunten = losse
    pijler.voortgang = _gewogen(paren)
    return pijler


def pijlers_overzicht(*, vandaag: date | None = None, ook_gestopt: bool = False) -> QuerySet:
    """The pact's active pillars with their groups, current members, goals and actiepunten."""
    vandaag = vandaag or timezone.localdate()
    huidig = Ambassadeurschap.objects.filter(termijn_start__lte=vandaag, termijn_eind__gte=vandaag).select_related(
        "organisatie"
    )
    groepen = Werkgroep.objects.prefetch_related(
        "leden", Prefetch("ambassadeurschappen", queryset=huidig, to_attr="huidige_ambassadeurs")
    )
    qs = Pijler.objects.prefetch_related(
        Prefetch("groepen", queryset=groepen),
        Prefetch("doelen", queryset=Doel.objects.order_by("volgorde", "titel")),
        _actiepunten_prefetch(),
    ).order_by("volgorde", "naam")
    return qs if ook_gestopt else qs.filter(actief=True)


def pijlers_actief() -> QuerySet:
    """The pact's active pillars in their order (e.g. for the convenant's activities)."""
    return Pijler.objects.filter(actief=True).order_by("volgorde", "naam")


def pijlers_met_voortgang(**kwargs) -> list[Pijler]:
    return [voortgang_oprollen(p) for p in pijlers_overzicht(**kwargs)]


def pijler_get(*, slug: str) -> Pijler:
    pijler = pijlers_overzicht().filter(slug=slug).first()
    if pijler is None:
        raise Http404("Deze pagina bestaat niet.")
    return voortgang_oprollen(pijler)


def pact_groepen(*, vandaag: date | None = None) -> QuerySet:
    """Groups of the whole pact (no pillar), e.g. a klankbordgroep, with their current members."""
    vandaag = vandaag or timezone.localdate()
    huidig = Ambassadeurschap.objects.filter(termijn_start__lte=vandaag, termijn_eind__gte=vandaag).select_related(
        "organisatie"
    )
    return Werkgroep.objects.filter(pijler__isnull=True).prefetch_related(
        "leden", Prefetch("ambassadeurschappen", queryset=huidig, to_attr="huidige_ambassadeurs")
    )


def ambassadeurschappen_bijna_afgelopen(*, dagen: int = 60, vandaag: date | None = None) -> QuerySet:
    vandaag = vandaag or timezone.localdate()
    return Ambassadeurschap.objects.filter(
        termijn_eind__gte=vandaag, termijn_eind__lte=vandaag + timedelta(days=dagen)
    ).select_related("werkgroep", "organisatie")


# --- Pactpartners ---------------------------------------------------------------------


def pactpartners() -> QuerySet:
    """Signatory organisations with the date they joined (archived ones left out)."""
    from sociale_kaart.models import Status

    # The representative from the organisation's latest agenda contribution (the convenant).
    laatste = AgendaBijdrage.objects.filter(organisatie=OuterRef("pk")).exclude(vertegenwoordiger="")
    return (
        _organisatie_model()
        .objects.filter(pactpartner=True)
        .exclude(status=Status.GEARCHIVEERD)
        .annotate(vertegenwoordiger=Subquery(laatste.order_by("-ronde__jaar").values("vertegenwoordiger")[:1]))
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
    tafels = Prefetch(
        "thematafels", queryset=Thematafel.objects.select_related("pijler").prefetch_related("actiepunten__pijler")
    )
    bijeenkomst = (
        _bijeenkomsten()
        .prefetch_related(tafels, "aanwezige_organisaties", "besproken_actiepunten__pijler")
        .filter(openbaar=True, pk=pk)
        .first()
    )
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
    return Bijeenkomst.objects.filter(soort__in=PACT_SOORTEN, start__year=jaar).count()


# Meetings of the whole network: they count for the rhythm and the hosts.
PACT_SOORTEN = [BijeenkomstSoort.PACTBIJEENKOMST, BijeenkomstSoort.WERKCONFERENTIE]


@dataclass(frozen=True)
class Planningsstand:
    """Is the next meeting of the pact planned in time? (The pact sets how often.)"""

    per_jaar: int
    vorige: Bijeenkomst | None
    volgende: Bijeenkomst | None
    uiterlijk: date | None  # the latest date the next meeting should take place
    te_laat: bool  # nothing planned, and the time to plan it has come

    @property
    def melding(self) -> str:
        keer = "één keer" if self.per_jaar == 1 else f"{self.per_jaar} keer"
        if self.uiterlijk:
            return (
                f"Plan de volgende pactbijeenkomst. Het pact komt {keer} per jaar bij elkaar, "
                f"dus de volgende hoort uiterlijk op {self.uiterlijk:%d-%m-%Y} te zijn."
            )
        return f"Plan de eerste pactbijeenkomst. Het pact komt {keer} per jaar bij elkaar."


def planningsstand(*, vandaag: date | None = None) -> Planningsstand:
    vandaag = vandaag or timezone.localdate()
    pact = pact_instellingen()
    begin_vandaag = timezone.make_aware(datetime.combine(vandaag, datetime.min.time()))
    netwerk = Bijeenkomst.objects.filter(soort__in=PACT_SOORTEN).select_related("gastorganisatie")
    volgende = netwerk.filter(start__gte=begin_vandaag).order_by("start").first()
    vorige = netwerk.filter(start__lt=begin_vandaag).order_by("-start").first()
    uiterlijk = None
    te_laat = False
    if volgende is None:
        if vorige is None:
            te_laat = True
        else:
            uiterlijk = timezone.localtime(vorige.start).date() + timedelta(
                days=round(365 / pact.bijeenkomsten_per_jaar)
            )
            te_laat = vandaag >= uiterlijk - timedelta(weeks=pact.plannen_weken_vooraf)
    return Planningsstand(
        per_jaar=pact.bijeenkomsten_per_jaar, vorige=vorige, volgende=volgende, uiterlijk=uiterlijk, te_laat=te_laat
    )


def gastheer_voorstel() -> list:
    """The willing organisations, the one that hosted longest ago (or never) first."""
    from django.db.models import Max

    pact = pact_instellingen()
    return list(
        pact.gastorganisaties.annotate(
            laatst_gastheer=Max(
                "gehoste_bijeenkomsten__start",
                filter=Q(gehoste_bijeenkomsten__soort__in=PACT_SOORTEN)
                & ~Q(gehoste_bijeenkomsten__gast_status=GastStatus.AFGEWEZEN),
            )
        ).order_by(F("laatst_gastheer").asc(nulls_first=True), "naam")
    )


def gastverzoeken_voor(*, organisaties) -> QuerySet:
    """Meetings that ask one of these organisations to host and wait for its answer."""
    return Bijeenkomst.objects.filter(
        gastorganisatie__in=organisaties, gast_status=GastStatus.GEVRAAGD, eind__gt=timezone.now()
    ).select_related("gastorganisatie")


def gastverzoek_get(*, organisatie, pk: int) -> Bijeenkomst:
    """A meeting this organisation is asked to host (or has answered), or 404."""
    bijeenkomst = (
        Bijeenkomst.objects.filter(pk=pk, gastorganisatie=organisatie)
        .exclude(gast_status=GastStatus.GEEN)
        .select_related("gastorganisatie")
        .first()
    )
    if bijeenkomst is None:
        raise Http404("Uw organisatie is niet gevraagd voor deze bijeenkomst.")
    return bijeenkomst


def bijeenkomsten_te_sluiten(*, nu: datetime | None = None) -> QuerySet:
    """Meetings that are over and not closed yet (no verslag with attendance)."""
    nu = nu or timezone.now()
    return (
        Bijeenkomst.objects.filter(eind__lte=nu, verslag_status=VerslagStatus.GEEN)
        .select_related("organisator")
        .order_by("eind")
    )


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
    """The latest progress updates on actiepunten of active pillars."""
    return (
        Voortgang.objects.filter(actiepunt__pijler__actief=True, beoordeling=Beoordeling.GOEDGEKEURD)
        .select_related("actiepunt__pijler", "organisatie")
        .order_by("-datum", "-aangemaakt_op")[:aantal]
    )


def agendarondes() -> QuerySet:
    publiek = Q(bijdragen__beoordeling=Beoordeling.GOEDGEKEURD)
    return AgendaRonde.objects.annotate(aantal=Count("bijdragen", filter=publiek)).order_by("-jaar")


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
    """The approved contributions of one year, and all their activities grouped by pillar."""
    bijdragen = list(
        AgendaBijdrage.objects.filter(ronde=ronde, beoordeling=Beoordeling.GOEDGEKEURD)
        .select_related("organisatie")
        .prefetch_related(Prefetch("activiteiten", queryset=AgendaActiviteit.objects.select_related("pijler")))
        .order_by("organisatie__naam")
    )
    groepen = [PijlerAgenda(pijler=p) for p in Pijler.objects.order_by("volgorde", "naam")]
    per_pijler = {g.pijler.pk: g for g in groepen}
    for bijdrage in bijdragen:
        for activiteit in bijdrage.activiteiten.all():
            per_pijler[activiteit.pijler_id].activiteiten.append((bijdrage.organisatie, activiteit))
    # A retired pillar stays in an old agenda only where it has activities.
    return bijdragen, [g for g in groepen if g.pijler.actief or g.activiteiten]


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
    gastverzoeken: list = field(default_factory=list)


def partner_overzicht(*, user, nu: datetime | None = None) -> PartnerOverzicht:
    organisaties = list(organisaties_van_gebruiker(user=user).order_by("naam"))
    ronde = agendaronde_open()
    actiepunten = (
        Actiepunt.objects.filter(Q(trekker__in=organisaties) | Q(organisaties__in=organisaties))
        .distinct()
        .select_related("pijler")
        .prefetch_related(
            "organisaties", Prefetch("voortgang", queryset=Voortgang.objects.order_by("-datum", "-aangemaakt_op"))
        )
    )
    per_org: dict[int, list] = {o.pk: [] for o in organisaties}
    for actiepunt in actiepunten:
        betrokken = {actiepunt.trekker_id} | {o.pk for o in actiepunt.organisaties.all()}
        for pk in betrokken & per_org.keys():
            per_org[pk].append(actiepunt)
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
        gastverzoeken=list(gastverzoeken_voor(organisaties=organisaties)) if organisaties else [],
    )


def agendabijdrage_van(*, ronde: AgendaRonde, organisatie) -> AgendaBijdrage | None:
    return (
        AgendaBijdrage.objects.filter(ronde=ronde, organisatie=organisatie)
        .prefetch_related(Prefetch("activiteiten", queryset=AgendaActiviteit.objects.select_related("pijler")))
        .first()
    )


# --- Indicatoren ------------------------------------------------------------------------


def indicatoren(*, pijler: Pijler | None = None, vandaag: date | None = None) -> list:
    """The indicators of one pillar (or, without a pillar, of the whole pact), each with its
    values oldest first, the last value, `verouderd` when that is more than a year old, and
    the numbers of its chart."""
    lijst = list(Indicator.objects.filter(pijler=pijler) if pijler else Indicator.objects.filter(pijler__isnull=True))
    return _met_waarden(lijst, vandaag=vandaag or timezone.localdate())


def indicatoren_per_pijler(*, vandaag: date | None = None) -> dict:
    """Every indicator in two queries, by pillar id (None: the whole pact), each with its
    values, the last value and `verouderd` as `indicatoren()` gives them."""
    per_pijler: dict = {}
    for indicator in _met_waarden(list(Indicator.objects.all()), vandaag=vandaag or timezone.localdate()):
        per_pijler.setdefault(indicator.pijler_id, []).append(indicator)
    return per_pijler


def _met_waarden(lijst: list, *, vandaag: date) -> list:
    waarden = _indicator_waarden(lijst)
    for indicator in lijst:
        indicator.lijst = waarden.get(indicator.pk, [])
        indicator.laatste = indicator.lijst[-1] if indicator.lijst else None
        indicator.verouderd = bool(indicator.laatste and indicator.laatste.datum < vandaag - timedelta(days=365))
        indicator.grafiek = grafiek([(w.datum, w.waarde) for w in indicator.lijst], streefwaarde=indicator.streefwaarde)
    return lijst


def _indicator_waarden(lijst) -> dict:
    per_indicator: dict = {}
    for waarde in IndicatorWaarde.objects.filter(indicator__in=lijst).order_by("datum"):
        per_indicator.setdefault(waarde.indicator_id, []).append(waarde)
    return per_indicator


# --- Datumprikker -----------------------------------------------------------------------


def peilingen_open() -> QuerySet:
    from werkgroepen.models import DatumPeiling, DatumPeilingStatus

    return DatumPeiling.objects.filter(status=DatumPeilingStatus.OPEN).order_by("aangemaakt_op")


def peiling_voor_partner_get(*, pk: int):
    """A poll with its dates and every organisation's answer (partners see each other's names)."""
    from werkgroepen.models import DatumPeiling, PeilingAntwoord, PeilingDatum

    antwoorden = PeilingAntwoord.objects.select_related("organisatie")
    datums = PeilingDatum.objects.prefetch_related(Prefetch("antwoorden", queryset=antwoorden))
    peiling = DatumPeiling.objects.prefetch_related(Prefetch("datums", queryset=datums)).filter(pk=pk).first()
    if peiling is None:
        raise Http404("Deze datumprikker bestaat niet.")
    return peiling
