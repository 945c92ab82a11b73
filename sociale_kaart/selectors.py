"""Reads for the sociale kaart: the public search, detail pages and the lists
the home page shows. Every function runs a fixed, small number of queries."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property
from math import ceil
from pathlib import Path
from urllib.parse import urlencode

import django_filters
from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, QueryDict
from django.templatetags.static import static
from django.utils import timezone

from sociale_kaart.models import (
    Aanbod,
    Doelgroep,
    Kern,
    Kosten,
    Levensgebeurtenis,
    Locatie,
    Openingstijd,
    Organisatie,
    Status,
    Synoniem,
    Thema,
    Weekdag,
)

MAX_ZOEKTEKST = 200
PER_PAGINA = 20
MAX_WOORDEN = 10
# Counting stops here: "meer dan 1000" is as useful to a resident as 16,512,
# and a capped count stays fast on a national data set (see docs/performance.md).
MAX_TELLEN = 1000
VEROUDERD_NA_MAANDEN = 18

# Letters and digits only: nothing a resident types can change the tsquery syntax.
_WOORD = re.compile(r"[^\W_]+")
_DAGEN = {dag.label: dag.value for dag in Weekdag}


# --- Public visibility ---------------------------------------------------------------


def aanbod_publiek() -> QuerySet[Aanbod]:
    """Published aanbod of published organisations: the only aanbod residents see."""
    return Aanbod.objects.filter(status=Status.GEPUBLICEERD, organisatie__status=Status.GEPUBLICEERD)


def is_verouderd(datum: datetime.date | None, *, vandaag: datetime.date | None = None) -> bool:
    """True when nobody confirmed the entry in the last 18 months (or ever)."""
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


# --- Search ---------------------------------------------------------------------------


def zoektekst_opschonen(tekst: str) -> str:
    """Remove control characters (NUL and friends) and squeeze white space."""
    schoon = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in tekst)
    return " ".join(schoon.split())


def zoekwoorden(tekst: str) -> list[str]:
    """The words of a search text, lower case, letters and digits only."""
    woorden = []
    for woord in _WOORD.findall(tekst.lower()):
        if len(woord) >= 2 and woord not in woorden:
            woorden.append(woord[:50])
    return woorden[:MAX_WOORDEN]


def synoniemen_laden() -> dict[str, list[str]]:
    """Everyday word -> the words it should also find (one query)."""
    resultaat: dict[str, list[str]] = {}
    for woord, zoekt_ook in Synoniem.objects.values_list("woord", "zoekt_ook"):
        for sleutel in zoekwoorden(woord):
            resultaat.setdefault(sleutel, [])
            resultaat[sleutel] += [w for w in zoekwoorden(zoekt_ook) if w not in resultaat[sleutel]]
    return resultaat


def tsquery_bouwen(woorden: list[str], synoniemen: dict[str, list[str]], *, operator: str = "&") -> str:
    """A raw to_tsquery text: every word as a prefix, or one of its synonyms.

    "geld schuld" with geld -> inkomen becomes "(geld:* | inkomen:*) & (schuld:*)".
    The words come from zoekwoorden(), so they hold letters and digits only."""
    groepen = []
    for woord in woorden:
        alternatieven = [woord] + [s for s in synoniemen.get(woord, []) if s != woord]
        groepen.append("(" + " | ".join(f"{a}:*" for a in alternatieven) + ")")
    return f" {operator} ".join(groepen)


class AanbodFilter(django_filters.FilterSet):
    """The filters of /hulp/. Choices come from lists the caller already loaded,
    so validating and rendering the form costs no queries."""

    q = django_filters.CharFilter(method="filter_zoektekst", label="Waar zoekt u hulp bij?")
    thema = django_filters.MultipleChoiceFilter(method="filter_thema", label="Onderwerp")
    doelgroep = django_filters.MultipleChoiceFilter(method="filter_doelgroep", label="Voor wie")
    levensgebeurtenis = django_filters.MultipleChoiceFilter(
        method="filter_levensgebeurtenis", label="Wat gebeurt er in uw leven?"
    )
    kern = django_filters.ChoiceFilter(method="filter_kern", label="Waar woont u?", empty_label="Alle plaatsen")
    gratis = django_filters.BooleanFilter(
        method="filter_gratis", label="Alleen gratis hulp", widget=django_filters.widgets.forms.CheckboxInput
    )
    open = django_filters.ChoiceFilter(
        method="filter_open",
        label="Open op",
        empty_label="Elke dag",
        choices=[(dag.label, dag.label) for dag in Weekdag],
    )

    class Meta:
        model = Aanbod
        fields: list[str] = []

    def __init__(self, *args, keuzes: FilterKeuzes, synoniemen: dict[str, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.keuzes = keuzes
        self.synoniemen = synoniemen
        self.zoekwoorden: list[str] = []
        for naam in ("thema", "doelgroep", "levensgebeurtenis", "kern"):
            self.filters[naam].extra["choices"] = [(item.slug, item.naam) for item in keuzes.lijst(naam)]

    def filter_zoektekst(self, queryset, name, value):
        self.zoekwoorden = zoekwoorden(value)
        if not self.zoekwoorden:
            return queryset.none()
        query = SearchQuery(tsquery_bouwen(self.zoekwoorden, self.synoniemen), search_type="raw", config="dutch")
        return (
            queryset.filter(zoekvector=query)
            .annotate(rang=SearchRank(F("zoekvector"), query))
            .order_by("-rang", "titel", "id")
        )

    def _ids(self, naam, slugs):
        per_slug = {item.slug: item.pk for item in self.keuzes.lijst(naam)}
        return [per_slug[slug] for slug in slugs if slug in per_slug]

    def filter_thema(self, queryset, name, value):
        through = Aanbod.themas.through.objects.filter(aanbod_id=OuterRef("pk"), thema_id__in=self._ids(name, value))
        return queryset.filter(Exists(through))

    def filter_doelgroep(self, queryset, name, value):
        through = Aanbod.doelgroepen.through.objects.filter(
            aanbod_id=OuterRef("pk"), doelgroep_id__in=self._ids(name, value)
        )
        return queryset.filter(Exists(through))

    def filter_levensgebeurtenis(self, queryset, name, value):
        through = Aanbod.levensgebeurtenissen.through.objects.filter(
            aanbod_id=OuterRef("pk"), levensgebeurtenis_id__in=self._ids(name, value)
        )
        return queryset.filter(Exists(through))

    def filter_kern(self, queryset, name, value):
        through = Aanbod.kernen.through.objects.filter(aanbod_id=OuterRef("pk"), kern_id__in=self._ids(name, [value]))
        return queryset.filter(Exists(through) | Q(heel_de_gemeente=True))

    def filter_gratis(self, queryset, name, value):
        return queryset.filter(kosten=Kosten.GRATIS) if value else queryset

    def filter_open(self, queryset, name, value):
        dag = _DAGEN[value]
        return queryset.filter(Exists(Openingstijd.objects.filter(aanbod_id=OuterRef("pk"), weekdag=dag)))


@dataclass(frozen=True)
class FilterKeuzes:
    themas: list[Thema]
    doelgroepen: list[Doelgroep]
    levensgebeurtenissen: list[Levensgebeurtenis]
    kernen: list[Kern]

    def lijst(self, naam: str) -> list:
        return {
            "thema": self.themas,
            "doelgroep": self.doelgroepen,
            "levensgebeurtenis": self.levensgebeurtenissen,
            "kern": self.kernen,
        }[naam]


def filter_keuzes_laden() -> FilterKeuzes:
    return FilterKeuzes(
        themas=list(Thema.objects.only("id", "naam", "slug")),
        doelgroepen=list(Doelgroep.objects.only("id", "naam", "slug")),
        levensgebeurtenissen=list(Levensgebeurtenis.objects.only("id", "naam", "slug")),
        kernen=list(Kern.objects.only("id", "naam", "slug")),
    )


_MEERKEUZE = ("thema", "doelgroep", "levensgebeurtenis")
_ENKELKEUZE = ("kern", "open")
_FILTER_NAMEN = {
    "thema": "onderwerp",
    "doelgroep": "groep",
    "levensgebeurtenis": "situatie",
    "kern": "plaats",
    "open": "dag",
    "gratis": "keuze",
}


class BegrensdePaginator(Paginator):
    """A paginator that counts at most MAX_TELLEN results (LIMIT inside the count)."""

    @cached_property
    def count(self) -> int:
        return min(self.object_list.order_by()[: MAX_TELLEN + 1].count(), MAX_TELLEN + 1)

    @cached_property
    def num_pages(self) -> int:
        return ceil(min(self.count, MAX_TELLEN) / self.per_page) if self.count else 1


@dataclass
class ActiefFilter:
    label: str
    weghalen_url: str


@dataclass
class Zoekresultaat:
    filterset: AanbodFilter
    pagina: Page
    aantal: int
    zoektekst: str
    zoekwoorden: list[str]
    keuzes: FilterKeuzes
    meldingen: list[str] = field(default_factory=list)
    actieve_filters: list[ActiefFilter] = field(default_factory=list)
    querystring: str = ""

    @property
    def meer_dan_maximum(self) -> bool:
        return self.aantal > MAX_TELLEN

    @property
    def maximum(self) -> int:
        return MAX_TELLEN

    @property
    def heeft_filters(self) -> bool:
        return bool(self.actieve_filters)


def _parameters_opschonen(params, keuzes: FilterKeuzes) -> tuple[dict[str, list[str]], list[str]]:
    """Keep the known values of every filter; say which values we did not know."""
    meldingen: list[str] = []
    schoon: dict[str, list[str]] = {}

    tekst = zoektekst_opschonen(params.get("q", "") or "")
    if len(tekst) > MAX_ZOEKTEKST:
        tekst = tekst[:MAX_ZOEKTEKST].rstrip()
        meldingen.append(f"Uw zoekvraag was erg lang. Wij zoeken met de eerste {MAX_ZOEKTEKST} tekens.")
    if tekst:
        schoon["q"] = [tekst]

    onbekend = False
    bekend = {naam: {item.slug for item in keuzes.lijst(naam)} for naam in (*_MEERKEUZE, "kern")}
    bekend["open"] = set(_DAGEN)
    for naam in (*_MEERKEUZE, *_ENKELKEUZE):
        waarden = []
        for waarde in params.getlist(naam):
            waarde = zoektekst_opschonen(waarde)
            if not waarde:
                continue
            if waarde in bekend[naam] and waarde not in waarden:
                waarden.append(waarde)
            else:
                onbekend = True
        if naam in _ENKELKEUZE and len(waarden) > 1:
            onbekend = True
            waarden = waarden[:1]
        if waarden:
            schoon[naam] = waarden

    gratis = params.getlist("gratis")
    if gratis:
        if all(waarde in {"on", "1", "ja", "true"} for waarde in gratis):
            schoon["gratis"] = ["on"]
        else:
            onbekend = True
    if onbekend:
        meldingen.append("Een of meer filters kennen wij niet. Die hebben wij weggelaten.")
    return schoon, meldingen


def _querystring(data: dict[str, list[str]]) -> str:
    return urlencode([(naam, waarde) for naam, waarden in data.items() for waarde in waarden])


def _actieve_filters(data: dict[str, list[str]], keuzes: FilterKeuzes) -> list[ActiefFilter]:
    namen = {naam: {item.slug: item.naam for item in keuzes.lijst(naam)} for naam in (*_MEERKEUZE, "kern")}
    namen["open"] = {dag: f"open op {dag}" for dag in _DAGEN}
    actief = []
    for naam, waarden in data.items():
        for waarde in waarden:
            zonder = {n: [w for w in ws if not (n == naam and w == waarde)] for n, ws in data.items()}
            zonder = {n: ws for n, ws in zonder.items() if ws}
            if naam == "q":
                label = f"zoekwoord: {waarde}"
            elif naam == "gratis":
                label = "alleen gratis"
            else:
                label = namen[naam][waarde]
            actief.append(ActiefFilter(label=label, weghalen_url="?" + _querystring(zonder) if zonder else "?"))
    return actief


def aanbod_zoeken(*, params) -> Zoekresultaat:
    """The /hulp/ search. params is request.GET (a QueryDict); anything in it is safe.

    Queries: 4 taxonomy lists, 1 synonyms (only with a search text), 1 count,
    1 page of results, 1 prefetch of kernen: at most 8."""
    keuzes = filter_keuzes_laden()
    data, meldingen = _parameters_opschonen(params, keuzes)
    synoniemen = synoniemen_laden() if "q" in data else {}

    bound = QueryDict(mutable=True)
    for naam, waarden in data.items():
        bound.setlist(naam, waarden)
    queryset = (
        aanbod_publiek()
        .select_related("organisatie")
        .prefetch_related(Prefetch("kernen", queryset=Kern.objects.only("id", "naam", "slug")))
        .only(
            "id",
            "titel",
            "slug",
            "wat_u_krijgt",
            "kosten",
            "kosten_toelichting",
            "heel_de_gemeente",
            "op_afstand",
            "organisatie__id",
            "organisatie__naam",
            "organisatie__slug",
        )
        .order_by("titel", "id")
    )
    filterset = AanbodFilter(bound, queryset=queryset, keuzes=keuzes, synoniemen=synoniemen)
    qs = filterset.qs
    paginator = BegrensdePaginator(qs, PER_PAGINA)
    pagina = paginator.get_page(_paginanummer(params.get("pagina")))
    querystring = _querystring(data)
    if "q" in data and not filterset.zoekwoorden:
        meldingen.append("Typ een woord waar u hulp bij zoekt, bijvoorbeeld schulden of eten.")
    return Zoekresultaat(
        filterset=filterset,
        pagina=pagina,
        aantal=paginator.count,
        zoektekst=data.get("q", [""])[0],
        zoekwoorden=filterset.zoekwoorden,
        keuzes=keuzes,
        meldingen=meldingen,
        actieve_filters=_actieve_filters(data, keuzes),
        querystring=querystring,
    )


def _paginanummer(waarde) -> int:
    try:
        nummer = int(str(waarde or "1").strip()[:9])
    except ValueError:
        return 1
    return max(nummer, 1)


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
                Prefetch("locaties", queryset=Locatie.objects.select_related("kern")),
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
            Organisatie.objects.filter(status=Status.GEPUBLICEERD)
            .prefetch_related(
                Prefetch("locaties", queryset=Locatie.objects.select_related("kern")),
                Prefetch(
                    "aanbod",
                    queryset=Aanbod.objects.filter(status=Status.GEPUBLICEERD)
                    .defer("zoekvector")
                    .prefetch_related("kernen")
                    .order_by("titel"),
                    to_attr="publiek_aanbod",
                ),
            )
            .get(slug=slug)
        )
    except Organisatie.DoesNotExist:
        raise Http404("Deze organisatie bestaat niet of is niet openbaar.") from None
    organisatie.verouderd = is_verouderd(organisatie.laatst_gecontroleerd)
    return organisatie
