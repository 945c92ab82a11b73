"""The filters of the search: the FilterSet on the search index, its choices,
cleaning the request parameters and the list of active filters."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.vertalingen import vertaling
from sociale_kaart.models import (
    Aanbod,
    AanbodZoekindex,
    Doelgroep,
    Kern,
    Kosten,
    Levensgebeurtenis,
    Openingstijd,
    Thema,
    Weekdag,
)
from sociale_kaart.zoeken.afstand import AFSTANDEN_KM
from sociale_kaart.zoeken.tekst import (
    MAX_ZOEKTEKST,
    Lexicon,
    Zoekvraag,
    tsquery_van,
    zoektekst_opschonen,
    zoekvraag_ontleden,
)

_DAGEN = {dag.label: dag.value for dag in Weekdag}


class AanbodFilter(django_filters.FilterSet):
    """The filters of /hulp/. Choices come from lists the caller already loaded,
    so validating and rendering the form costs no queries."""

    q = django_filters.CharFilter(method="filter_zoektekst", label=gettext_lazy("Waar zoekt u hulp bij?"))
    thema = django_filters.MultipleChoiceFilter(method="filter_thema", label=gettext_lazy("Onderwerp"))
    doelgroep = django_filters.MultipleChoiceFilter(method="filter_doelgroep", label=gettext_lazy("Voor wie"))
    levensgebeurtenis = django_filters.MultipleChoiceFilter(
        method="filter_levensgebeurtenis", label=gettext_lazy("Wat gebeurt er in uw leven?")
    )
    kern = django_filters.ChoiceFilter(
        method="filter_kern", label=gettext_lazy("Waar woont u?"), empty_label=gettext_lazy("Alle plaatsen")
    )
    gratis = django_filters.BooleanFilter(
        method="filter_gratis",
        label=gettext_lazy("Alleen gratis hulp"),
        widget=django_filters.widgets.forms.CheckboxInput,
    )
    open = django_filters.ChoiceFilter(
        method="filter_open",
        label=gettext_lazy("Open op"),
        empty_label=gettext_lazy("Elke dag"),
        # The value stays the Dutch day name (it is in links); the label is translated.
        choices=[(dag.label, gettext_lazy(dag.label)) for dag in Weekdag],  # noqa: INT001
    )

    class Meta:
        model = AanbodZoekindex
        fields: list[str] = []

    def __init__(self, *args, keuzes: FilterKeuzes, lexicon: Lexicon, precies: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.keuzes = keuzes
        self.lexicon = lexicon
        self.precies = precies
        self.zoekwoorden: list[str] = []
        self.zoekvraag: Zoekvraag | None = None
        self.zoekquery: SearchQuery | None = None
        for naam in ("thema", "doelgroep", "levensgebeurtenis", "kern"):
            self.filters[naam].extra["choices"] = [
                (item.slug, vertaling(item, "naam")[0]) for item in keuzes.lijst(naam)
            ]

    def filter_zoektekst(self, queryset, name, value):
        self.zoekvraag = zoekvraag_ontleden(value, self.lexicon, precies=self.precies)
        self.zoekwoorden = self.zoekvraag.woorden
        if not self.zoekvraag:
            return queryset.none()
        # Only the match here (any meaningful word): the count needs no rank. Zoekvolgorde ranks the page.
        alles = [w for groep in self.zoekvraag.groepen for w in groep.direct + groep.ruim]
        # Stemmed ("schulden" finds "schuld") or as typed ("huur" finds "huurwoning"): see ranking._TSQUERY.
        tsquery = tsquery_van(alles)
        self.zoekquery = SearchQuery(tsquery, search_type="raw", config="dutch") | SearchQuery(
            tsquery, search_type="raw", config="simple"
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
_AFSTANDEN = {str(km): f"binnen {km} km" for km in AFSTANDEN_KM}
_SORTERINGEN = {"afstand": "dichtstbij eerst"}
# Filters that only mean something with a place to measure from.
HANGT_AF_VAN_PLAATS = ("afstand", "sorteer")


@dataclass
class ActiefFilter:
    label: str
    weghalen_url: str


def parameters_opschonen(params, keuzes: FilterKeuzes) -> tuple[dict[str, list[str]], list[str]]:
    """Keep the known values of every filter; say which values we did not know."""
    meldingen: list[str] = []
    schoon: dict[str, list[str]] = {}

    tekst = zoektekst_opschonen(params.get("q", "") or "")
    if len(tekst) > MAX_ZOEKTEKST:
        tekst = tekst[:MAX_ZOEKTEKST].rstrip()
        meldingen.append(
            _("Uw zoekvraag was erg lang. Wij zoeken met de eerste %(aantal)s tekens.") % {"aantal": MAX_ZOEKTEKST}
        )
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
                _('Wij kennen de plaats "%(plaats)s" niet. Kies uw plaats uit de lijst bij "Waar woont u?".')
                % {"plaats": kern_waarden[0][:50]}
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
    # "Zoek alleen naar wat ik typte": no spelling correction.
    if tekst and params.get("precies") == "1":
        schoon["precies"] = ["1"]
    if onbekend:
        meldingen.append(_("Een of meer filters kennen wij niet. Die hebben wij weggelaten."))
    return schoon, meldingen


def querystring(data: dict[str, list[str]]) -> str:
    return urlencode([(naam, waarde) for naam, waarden in data.items() for waarde in waarden])


def actieve_filters(data: dict[str, list[str]], keuzes: FilterKeuzes) -> list[ActiefFilter]:
    namen = {
        naam: {item.slug: vertaling(item, "naam")[0] for item in keuzes.lijst(naam)} for naam in (*_MEERKEUZE, "kern")
    }
    namen["open"] = {dag: _("open op %(dag)s") % {"dag": _(dag)} for dag in _DAGEN}  # noqa: INT001
    namen["afstand"] = {waarde: _("binnen %(km)s km") % {"km": waarde} for waarde in _AFSTANDEN}
    namen["sorteer"] = {"afstand": _("dichtstbij eerst")}
    actief = []
    for naam, waarden in data.items():
        if naam == "precies":
            continue
        for waarde in waarden:
            zonder = {n: [w for w in ws if not (n == naam and w == waarde)] for n, ws in data.items()}
            if naam == "q":
                zonder.pop("precies", None)
            if naam == "kern":  # without a place, a distance means nothing
                zonder = {n: ws for n, ws in zonder.items() if n not in HANGT_AF_VAN_PLAATS}
            zonder = {n: ws for n, ws in zonder.items() if ws}
            if naam == "q":
                label = _("zoekwoord: %(woord)s") % {"woord": waarde}
            elif naam == "gratis":
                label = _("alleen gratis")
            else:
                label = namen[naam][waarde]
            actief.append(ActiefFilter(label=label, weghalen_url="?" + querystring(zonder) if zonder else "?"))
    return actief
