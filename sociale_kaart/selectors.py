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
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404, QueryDict
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from sociale_kaart import afstand as afst
from sociale_kaart.models import (
    Aanbod,
    AanbodZoekindex,
    Doelgroep,
    Kern,
    Kosten,
    Levensgebeurtenis,
    Locatie,
    Openingstijd,
    Organisatie,
    Postcodegebied,
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


def zoekindex_publiek() -> QuerySet[AanbodZoekindex]:
    """The search index rows of public aanbod (kept by PostgreSQL triggers, see
    AanbodZoekindex): what the search filters, ranks and counts, without reading
    the wide aanbod table or joining organisaties."""
    return AanbodZoekindex.objects.filter(publiek=True)


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
        model = AanbodZoekindex
        fields: list[str] = []

    def __init__(self, *args, keuzes: FilterKeuzes, synoniemen: dict[str, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.keuzes = keuzes
        self.synoniemen = synoniemen
        self.zoekwoorden: list[str] = []
        self.zoekquery: SearchQuery | None = None
        for naam in ("thema", "doelgroep", "levensgebeurtenis", "kern"):
            self.filters[naam].extra["choices"] = [(item.slug, item.naam) for item in keuzes.lijst(naam)]

    def filter_zoektekst(self, queryset, name, value):
        self.zoekwoorden = zoekwoorden(value)
        if not self.zoekwoorden:
            return queryset.none()
        # Only the match here: the count needs no rank. Zoekvolgorde ranks the page.
        self.zoekquery = SearchQuery(
            tsquery_bouwen(self.zoekwoorden, self.synoniemen), search_type="raw", config="dutch"
        )
        return queryset.filter(zoekvector=self.zoekquery)

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


_TAXONOMIEEN = {"thema": Thema, "doelgroep": Doelgroep, "levensgebeurtenis": Levensgebeurtenis}


def filter_keuzes_laden() -> FilterKeuzes:
    """The filter choices; the three taxonomies in one query (the search page has a query budget)."""
    sql = " UNION ALL ".join(
        f"SELECT '{soort}', id, naam, slug, icoon, volgorde FROM {model._meta.db_table}"  # noqa: S608 (constants)
        for soort, model in _TAXONOMIEEN.items()
    )
    lijsten: dict[str, list] = {soort: [] for soort in _TAXONOMIEEN}
    with connection.cursor() as cursor:
        cursor.execute(sql + " ORDER BY 1, 6, 3")
        for soort, pk, naam, slug, icoon, volgorde in cursor.fetchall():
            lijsten[soort].append(_TAXONOMIEEN[soort](id=pk, naam=naam, slug=slug, icoon=icoon, volgorde=volgorde))
    return FilterKeuzes(
        themas=lijsten["thema"],
        doelgroepen=lijsten["doelgroep"],
        levensgebeurtenissen=lijsten["levensgebeurtenis"],
        kernen=list(Kern.objects.only("id", "naam", "slug", "latitude", "longitude")),
    )


_MEERKEUZE = ("thema", "doelgroep", "levensgebeurtenis")
_ENKELKEUZE = ("open", "afstand", "sorteer")
_AFSTANDEN = {str(km): f"binnen {km} km" for km in afst.AFSTANDEN_KM}
_SORTERINGEN = {"afstand": "dichtstbij eerst"}
# Filters that only mean something with a place to measure from.
_HANGT_AF_VAN_PLAATS = ("afstand", "sorteer")


class BegrensdePaginator(Paginator):
    """A paginator that counts at most MAX_TELLEN results (LIMIT inside the count)."""

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, QuerySet):  # Zoekvolgorde, AfstandGesorteerd: already capped
            return self.object_list.count()
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
    pagina: Page | None
    aantal: int
    zoektekst: str
    zoekwoorden: list[str]
    keuzes: FilterKeuzes
    meldingen: list[str] = field(default_factory=list)
    actieve_filters: list[ActiefFilter] = field(default_factory=list)
    querystring: str = ""
    # Where the resident lives (a kern, chosen or found from a postcode), and the
    # distance filter and sort order that need it. Never stored, never logged.
    plaats: Kern | None = None
    afstand: str = ""
    sorteer: str = ""
    postcode_invoer: str = ""
    postcode_fout: str = ""
    # A valid postcode is replaced by its kern in the address (see views.zoeken).
    doorsturen_naar: str | None = None

    @property
    def afstand_keuzes(self) -> list[tuple[str, str]]:
        return [(waarde, f"Binnen {km} km") for waarde, km in ((str(k), k) for k in afst.AFSTANDEN_KM)]

    @property
    def heeft_plaats(self) -> bool:
        return self.plaats is not None

    @property
    def bevat_plaats(self) -> bool:
        """True when the page shows where the resident lives: it must not be cached."""
        return self.plaats is not None or bool(self.postcode_invoer)

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
    bekend = {naam: {item.slug for item in keuzes.lijst(naam)} for naam in _MEERKEUZE}
    bekend["open"] = set(_DAGEN)
    bekend["afstand"] = set(_AFSTANDEN)
    bekend["sorteer"] = set(_SORTERINGEN)

    kernen = {item.slug for item in keuzes.lijst("kern")}
    kern_waarden = [w for w in (zoektekst_opschonen(w) for w in params.getlist("kern")) if w]
    if kern_waarden:
        if kern_waarden[0] in kernen:
            schoon["kern"] = [kern_waarden[0]]
        else:
            meldingen.append(
                f'Wij kennen de plaats "{kern_waarden[0][:50]}" niet. Kies uw plaats uit de lijst bij "Waar woont u?".'
            )
        if len(set(kern_waarden)) > 1:
            onbekend = True

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
    namen["afstand"] = _AFSTANDEN
    namen["sorteer"] = _SORTERINGEN
    actief = []
    for naam, waarden in data.items():
        for waarde in waarden:
            zonder = {n: [w for w in ws if not (n == naam and w == waarde)] for n, ws in data.items()}
            if naam == "kern":  # without a place, a distance means nothing
                zonder = {n: ws for n, ws in zonder.items() if n not in _HANGT_AF_VAN_PLAATS}
            zonder = {n: ws for n, ws in zonder.items() if ws}
            if naam == "q":
                label = f"zoekwoord: {waarde}"
            elif naam == "gratis":
                label = "alleen gratis"
            else:
                label = namen[naam][waarde]
            actief.append(ActiefFilter(label=label, weghalen_url="?" + _querystring(zonder) if zonder else "?"))
    return actief


_POSTCODE = re.compile(r"^\s*([0-9]{4})\s*(?:[a-zA-Z]{2})?\s*$")


def postcode_opzoeken(invoer: str) -> tuple[Kern | None, str]:
    """The kern of a postcode a resident typed ("9351", "9351 AB"), or a message
    that says what to do. Only the 4 digits are looked up; the letters are dropped."""
    tekst = zoektekst_opschonen(invoer)[:20]
    gevonden = _POSTCODE.match(tekst)
    if not gevonden:
        return None, "Vul de 4 cijfers van uw postcode in, bijvoorbeeld 9351. Of kies uw plaats uit de lijst."
    cijfers = gevonden.group(1)
    gebied = Postcodegebied.objects.select_related("kern").filter(postcode=cijfers).first()
    if gebied is None:
        return None, (
            f"Postcode {cijfers} ligt niet in de gemeente {settings.GEMEENTE_NAAM}. Kies uw plaats uit de lijst. "
            "Woont u ergens anders? Bel ons, dan zoeken wij samen met u."
        )
    return gebied.kern, ""


def _punt(kern: Kern | None) -> afst.Punt | None:
    if kern is None or kern.latitude is None or kern.longitude is None:
        return None
    return afst.Punt(float(kern.latitude), float(kern.longitude))


def _aanbod_laden(aanbod_ids: list[int]) -> dict[int, Aanbod]:
    """The aanbod of one page with what a result shows (2 queries: aanbod with
    organisation, kernen). Filtered on public status again, so an aanbod archived
    between the search and this query never shows."""
    if not aanbod_ids:
        return {}
    queryset = (
        aanbod_publiek()
        .filter(pk__in=aanbod_ids)
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
    )
    return {aanbod.pk: aanbod for aanbod in queryset}


class _BegrensdeReeks:
    """A sequence of search results for the paginator that counts at most MAX_TELLEN + 1."""

    queryset: QuerySet

    @cached_property
    def _aantal(self) -> int:
        return min(self.queryset.order_by()[: MAX_TELLEN + 1].count(), MAX_TELLEN + 1)

    def count(self) -> int:
        return self._aantal

    def __len__(self) -> int:
        return self.count()


class Zoekvolgorde(_BegrensdeReeks):
    """The filtered search index in its order (rank with a search text, else
    title), as a sequence for the paginator: one query finds the ids of a page
    in the narrow index table, then only those aanbod are read. The count ranks
    nothing."""

    def __init__(self, queryset: QuerySet[AanbodZoekindex], *, zoekquery: SearchQuery | None = None):
        self.queryset = queryset
        self.zoekquery = zoekquery

    def __getitem__(self, deel):
        if not isinstance(deel, slice):
            raise TypeError("Zoekvolgorde only supports slices.")
        if self.zoekquery is None:
            geordend = self.queryset.order_by("titel", "pk")
        else:
            geordend = self.queryset.annotate(rang=SearchRank(F("zoekvector"), self.zoekquery)).order_by(
                "-rang", "titel", "pk"
            )
        ids = list(geordend.values_list("pk", flat=True)[deel])
        per_id = _aanbod_laden(ids)
        return [per_id[aanbod_id] for aanbod_id in ids if aanbod_id in per_id]


class AfstandGesorteerd(_BegrensdeReeks):
    """The filtered aanbod, nearest first, as a sequence for the paginator.

    A page starts from the distances within the radius (index range scans on the
    coordinates), keeps those that pass the filters and orders them by distance.
    Aanbod without a distance (heel de gemeente, op afstand, further away) follows
    by title; that second query runs only for pages past the nearby part. Then
    one query loads the page's aanbod."""

    def __init__(self, queryset: QuerySet[AanbodZoekindex], *, punt: afst.Punt, straal_km: float):
        self.queryset = queryset
        self.punt = punt
        self.straal_km = straal_km

    def __getitem__(self, deel):
        if not isinstance(deel, slice):
            raise TypeError("AfstandGesorteerd only supports slices.")
        start = deel.start or 0
        aantal = max(0, (deel.stop if deel.stop is not None else start + PER_PAGINA) - start)
        try:
            kandidaten = self.queryset.order_by().values("aanbod_id", "titel")
            kandidaat_sql, kandidaat_params = kandidaten.query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing (e.g. only unknown values)
            return []
        afstand_sql, afstand_params = afst.afstanden_sql(self.punt, self.straal_km)
        # 1. The nearby part, driven by the (small) set of distances within the radius.
        #    Row 1 always comes along: it carries how many nearby results there are.
        dichtbij_sql = f"""
            SELECT x.id, x.km, x.totaal FROM (
                SELECT k.aanbod_id AS id, a.km, count(*) OVER () AS totaal,
                       row_number() OVER (ORDER BY a.km, k.titel, k.aanbod_id) AS rij
                FROM ({afstand_sql}) a
                JOIN ({kandidaat_sql}) k ON k.aanbod_id = a.aanbod_id
            ) x
            WHERE x.rij = 1 OR (x.rij > %s AND x.rij <= %s)
            ORDER BY x.rij
        """  # noqa: S608 (both parts are built by the ORM and afstand.py with parameters)
        with connection.cursor() as cursor:
            cursor.execute(dichtbij_sql, [*afstand_params, *kandidaat_params, start, start + aantal])
            rijen = cursor.fetchall()
            totaal_dichtbij = rijen[0][2] if rijen else 0
            if start > 0 and rijen:
                rijen = rijen[1:]
            rijen = [(aanbod_id, km) for aanbod_id, km, _ in rijen]
            # 2. Only when the page runs past the nearby part: the rest (whole gemeente,
            #    by phone, further away) by title.
            if len(rijen) < aantal and (start + len(rijen)) < self.count():
                rest_start = max(0, start - totaal_dichtbij)
                rest_sql = f"""
                    SELECT k.aanbod_id FROM ({kandidaat_sql}) k
                    WHERE k.aanbod_id NOT IN (SELECT a.aanbod_id FROM ({afstand_sql}) a)
                    ORDER BY k.titel, k.aanbod_id
                    LIMIT %s OFFSET %s
                """  # noqa: S608
                cursor.execute(rest_sql, [*kandidaat_params, *afstand_params, aantal - len(rijen), rest_start])
                rijen += [(aanbod_id, None) for (aanbod_id,) in cursor.fetchall()]
        per_id = _aanbod_laden([r[0] for r in rijen])
        pagina = []
        for aanbod_id, km in rijen:
            obj = per_id.get(aanbod_id)
            if obj is not None:
                obj.afstand_km = None if km is None else float(km)
                pagina.append(obj)
        return pagina


class AfstandPaginator(BegrensdePaginator):
    @cached_property
    def count(self) -> int:
        return self.object_list.count()


def _zoekopdracht(params) -> tuple[Zoekresultaat, QuerySet[AanbodZoekindex]]:
    """Clean the parameters and build the filtered queryset (not yet evaluated)."""
    keuzes = filter_keuzes_laden()
    data, meldingen = _parameters_opschonen(params, keuzes)

    postcode_invoer = zoektekst_opschonen(params.get("postcode", "") or "")[:20]
    postcode_fout = ""
    doorsturen_naar = None
    if postcode_invoer:
        kern, postcode_fout = postcode_opzoeken(postcode_invoer)
        if kern is not None:
            # The postcode leaves the address at once: from here on only its kern is used.
            data = {**{n: ws for n, ws in data.items() if n != "kern"}, "kern": [kern.slug]}
            doorsturen_naar = "?" + _querystring(data)
        else:
            meldingen.append(postcode_fout)

    plaats = next((k for k in keuzes.kernen if k.slug == data.get("kern", [""])[0]), None)
    punt = _punt(plaats)
    if plaats is None:
        if any(n in data for n in _HANGT_AF_VAN_PLAATS):
            meldingen.append(
                'Kies eerst bij "Waar woont u?" uw plaats of typ uw postcode. Dan kunnen wij de afstand laten zien.'
            )
        data = {n: ws for n, ws in data.items() if n not in _HANGT_AF_VAN_PLAATS}
    elif punt is None and any(n in data for n in _HANGT_AF_VAN_PLAATS):
        meldingen.append(f"Wij weten niet precies waar {plaats.naam} ligt. Daarom laten wij geen afstanden zien.")
        data = {n: ws for n, ws in data.items() if n not in _HANGT_AF_VAN_PLAATS}

    synoniemen = synoniemen_laden() if "q" in data and doorsturen_naar is None else {}
    afstand = data.get("afstand", [""])[0]
    bound = QueryDict(mutable=True)
    for naam, waarden in data.items():
        # With a distance filter, nearby villages count too: the kern is a point, not a filter.
        if not (naam == "kern" and afstand):
            bound.setlist(naam, waarden)
    # Filter, rank and count on the narrow search index; only a page's aanbod is read.
    queryset = zoekindex_publiek().order_by("titel", "pk")
    filterset = AanbodFilter(bound, queryset=queryset, keuzes=keuzes, synoniemen=synoniemen)
    qs = filterset.qs
    if afstand and punt is not None:
        binnen_sql, binnen_params = afst.afstanden_sql(punt, int(afstand))
        # Help in the whole gemeente or by phone stays in the list, whatever the distance.
        qs = qs.filter(
            Q(pk__in=RawSQL(f"SELECT b.aanbod_id FROM ({binnen_sql}) b", binnen_params))  # noqa: S608, S611
            | Q(heel_de_gemeente=True)
            | Q(op_afstand=True)
        )
    if "q" in data and not filterset.zoekwoorden:
        meldingen.append("Typ een woord waar u hulp bij zoekt, bijvoorbeeld schulden of eten.")
    resultaat = Zoekresultaat(
        filterset=filterset,
        pagina=None,
        aantal=0,
        zoektekst=data.get("q", [""])[0],
        zoekwoorden=filterset.zoekwoorden,
        keuzes=keuzes,
        meldingen=meldingen,
        actieve_filters=_actieve_filters(data, keuzes),
        querystring=_querystring(data),
        plaats=plaats,
        afstand=afstand,
        sorteer=data.get("sorteer", [""])[0],
        postcode_invoer=postcode_invoer if postcode_fout else "",
        postcode_fout=postcode_fout,
        doorsturen_naar=doorsturen_naar,
    )
    resultaat.punt = punt
    return resultaat, qs


def aanbod_zoeken(*, params) -> Zoekresultaat:
    """The /hulp/ search. params is request.GET (a QueryDict); anything in it is safe.

    Queries: 2 for the taxonomy lists, 1 synonyms (only with a search text),
    1 count and 1 page of ids (both on the narrow search index), 1 aanbod of
    the page, 1 prefetch of kernen, 1 distances (only with a place): at most 8.
    A postcode costs one lookup and ends in a redirect (no search)."""
    resultaat, qs = _zoekopdracht(params)
    if resultaat.doorsturen_naar is not None:
        return resultaat
    punt = resultaat.punt
    if punt is not None and resultaat.sorteer == "afstand":
        straal = int(resultaat.afstand) if resultaat.afstand else afst.MAX_AFSTAND_KM
        paginator = AfstandPaginator(AfstandGesorteerd(qs, punt=punt, straal_km=straal), PER_PAGINA)
    else:
        paginator = BegrensdePaginator(Zoekvolgorde(qs, zoekquery=resultaat.filterset.zoekquery), PER_PAGINA)
    pagina = paginator.get_page(_paginanummer(params.get("pagina")))
    if punt is not None:
        zonder = [a.pk for a in pagina if not hasattr(a, "afstand_km")]
        afstanden = afst.afstanden_voor(punt, zonder) if zonder else {}
        for aanbod in pagina:
            if not hasattr(aanbod, "afstand_km"):
                aanbod.afstand_km = afstanden.get(aanbod.pk)
    for aanbod in pagina:
        aanbod.afstand_tekst = afst.km_tekst(getattr(aanbod, "afstand_km", None))
    resultaat.pagina = pagina
    resultaat.aantal = paginator.count
    return resultaat


# --- The map ------------------------------------------------------------------------------

MAX_PLEKKEN = 500
_MAX_KOPPELINGEN = 2000
ROUTEPLANNER = "https://www.openstreetmap.org/directions?to={latitude},{longitude}"


@dataclass
class Plek:
    """A place with an address and coordinates: one pin on the map."""

    id: int
    naam: str
    organisatie: str
    straat: str
    postcode: str
    plaats: str
    latitude: float
    longitude: float
    aanbod: list[tuple[str, str]] = field(default_factory=list)  # (titel, url)
    afstand_km: float | None = None

    @property
    def titel(self) -> str:
        if self.naam and self.organisatie and self.organisatie not in self.naam:
            return f"{self.organisatie}, {self.naam}"
        return self.naam or self.organisatie

    @property
    def adres(self) -> list[str]:
        regels = [self.straat, " ".join(d for d in (self.postcode, self.plaats) if d)]
        return [r for r in regels if r]

    @property
    def afstand_tekst(self) -> str:
        return afst.km_tekst(self.afstand_km)

    @property
    def route_url(self) -> str:
        return route_url(self.latitude, self.longitude)

    def als_json(self, *, met_links: bool = True) -> dict:
        return {
            "lat": self.latitude,
            "lon": self.longitude,
            "naam": self.titel,
            "adres": self.adres,
            "links": [{"tekst": titel, "url": url} for titel, url in self.aanbod] if met_links else [],
            "route": self.route_url,
        }


def route_url(latitude, longitude) -> str:
    """A plain link to a route planner (OpenStreetMap); no third-party script on our pages."""
    return ROUTEPLANNER.format(latitude=f"{float(latitude):.6f}", longitude=f"{float(longitude):.6f}")


@dataclass
class Kaartresultaat:
    zoek: Zoekresultaat
    plekken: list[Plek]
    meer_dan_maximum: bool = False


def kaart_zoeken(*, params) -> Kaartresultaat:
    """The places of the filtered aanbod for /hulp/kaart/: the same filters as the list.

    Aanbod without a fixed place (op afstand) is never a pin. Queries: 4 taxonomy
    lists, 1 synonyms (only with a search text), 1 for every place with its aanbod."""
    resultaat, qs = _zoekopdracht(params)
    if resultaat.doorsturen_naar is not None:
        return Kaartresultaat(zoek=resultaat, plekken=[])
    koppelingen = (
        Aanbod.locaties.through.objects.filter(
            aanbod_id__in=qs.filter(op_afstand=False).order_by().values("pk"),
            locatie__latitude__isnull=False,
            locatie__longitude__isnull=False,
        )
        .order_by("locatie_id", "aanbod__titel")
        .values_list(
            "locatie_id",
            "locatie__naam",
            "locatie__organisatie__naam",
            "locatie__straat",
            "locatie__postcode",
            "locatie__plaats",
            "locatie__kern__naam",
            "locatie__latitude",
            "locatie__longitude",
            "aanbod__titel",
            "aanbod__slug",
        )[: _MAX_KOPPELINGEN + 1]
    )
    plekken: dict[int, Plek] = {}
    rijen = list(koppelingen)
    for locatie_id, naam, organisatie, straat, postcode, plaats, kern, lat, lon, titel, slug in rijen:
        plek = plekken.get(locatie_id)
        if plek is None:
            plek = plekken[locatie_id] = Plek(
                id=locatie_id,
                naam=naam,
                organisatie=organisatie,
                straat=straat,
                postcode=postcode,
                plaats=plaats or kern or "",
                latitude=float(lat),
                longitude=float(lon),
            )
        plek.aanbod.append((titel, reverse("sociale_kaart:aanbod", args=[slug])))
    lijst = list(plekken.values())
    punt = resultaat.punt
    if punt is not None:
        for plek in lijst:
            plek.afstand_km = afst.haversine_km(punt, afst.Punt(plek.latitude, plek.longitude))
        lijst.sort(key=lambda p: (p.afstand_km, p.titel))
    else:
        lijst.sort(key=lambda p: (p.plaats, p.titel))
    meer = len(rijen) > _MAX_KOPPELINGEN or len(lijst) > MAX_PLEKKEN
    return Kaartresultaat(zoek=resultaat, plekken=lijst[:MAX_PLEKKEN], meer_dan_maximum=meer)


def plekken_van_locaties(locaties, *, organisatie: str, aanbod: list[tuple[str, str]] | None = None) -> list[Plek]:
    """Pins for a detail page, from locaties already loaded (no query)."""
    plekken = []
    for locatie in locaties:
        if locatie.latitude is None or locatie.longitude is None:
            continue
        plekken.append(
            Plek(
                id=locatie.pk,
                naam=locatie.naam,
                organisatie=organisatie,
                straat=locatie.straat,
                postcode=locatie.postcode,
                plaats=locatie.plaats or (locatie.kern.naam if locatie.kern_id else ""),
                latitude=float(locatie.latitude),
                longitude=float(locatie.longitude),
                aanbod=list(aanbod or []),
            )
        )
    return plekken


def kaart_gegevens(plekken: list[Plek], *, met_links: bool = True) -> dict:
    """What static/js/kaart.js needs, passed as JSON in a non-executed script block."""
    return {
        "tegels": settings.KAART_TEGELS_URL,
        "attributie": "Kaart: Kadaster (PDOK)",
        "icoon": {
            "url": static("leaflet/images/marker-icon.png"),
            "url2x": static("leaflet/images/marker-icon-2x.png"),
            "schaduw": static("leaflet/images/marker-shadow.png"),
        },
        "plekken": [plek.als_json(met_links=met_links) for plek in plekken],
    }


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
    organisatie.plekken = plekken_van_locaties(organisatie.locaties.all(), organisatie=organisatie.naam)
    for locatie in organisatie.locaties.all():
        locatie.route_url = route_url(locatie.latitude, locatie.longitude) if locatie.latitude is not None else ""
    return organisatie
