"""The /hulp/ search: from request parameters to a filtered queryset on the
search index (zoekopdracht, shared with the map) and a page of results."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import QueryDict
from django.utils.translation import gettext as _

from sociale_kaart.models import AanbodZoekindex, Kern
from sociale_kaart.selectors import zoekindex_publiek
from sociale_kaart.zoeken import afstand as afst
from sociale_kaart.zoeken import ranking
from sociale_kaart.zoeken.filters import (
    HANGT_AF_VAN_PLAATS,
    AanbodFilter,
    ActiefFilter,
    FilterKeuzes,
    actieve_filters,
    filter_keuzes_laden,
    parameters_opschonen,
    querystring,
)
from sociale_kaart.zoeken.ranking import AfstandGesorteerd, BegrensdePaginator, Zoekvolgorde
from sociale_kaart.zoeken.tekst import Lexicon, lexicon_laden, zoektekst_opschonen


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
    # Corrected spellings and compounds we searched for too ("voedselbank"), and
    # the address of the search for exactly what was typed.
    ook_gezocht: list[str] = field(default_factory=list)
    precies_url: str = ""

    @property
    def afstand_keuzes(self) -> list[tuple[str, str]]:
        return [(waarde, _("Binnen %(km)s km") % {"km": km}) for waarde, km in ((str(k), k) for k in afst.AFSTANDEN_KM)]

    @property
    def heeft_plaats(self) -> bool:
        return self.plaats is not None

    @property
    def bevat_plaats(self) -> bool:
        """True when the page shows where the resident lives: it must not be cached."""
        return self.plaats is not None or bool(self.postcode_invoer)

    @property
    def meer_dan_maximum(self) -> bool:
        return self.aantal > ranking.MAX_TELLEN

    @property
    def maximum(self) -> int:
        return ranking.MAX_TELLEN


def zoekopdracht(params) -> tuple[Zoekresultaat, QuerySet[AanbodZoekindex]]:
    """Clean the parameters and build the filtered queryset (not yet evaluated)."""
    keuzes = filter_keuzes_laden()
    data, meldingen = parameters_opschonen(params, keuzes)

    postcode_invoer = zoektekst_opschonen(params.get("postcode", "") or "")[:20]
    postcode_fout = ""
    doorsturen_naar = None
    if postcode_invoer:
        kern, postcode_fout = afst.postcode_opzoeken(postcode_invoer)
        if kern is not None:
            # The postcode leaves the address at once: from here on only its kern is used.
            data = {**{n: ws for n, ws in data.items() if n != "kern"}, "kern": [kern.slug]}
            doorsturen_naar = "?" + querystring(data)
        else:
            meldingen.append(postcode_fout)

    plaats = next((k for k in keuzes.kernen if k.slug == data.get("kern", [""])[0]), None)
    punt = afst.punt_van_kern(plaats)
    if plaats is None:
        if any(n in data for n in HANGT_AF_VAN_PLAATS):
            meldingen.append(
                _('Kies eerst bij "Waar woont u?" uw plaats of typ uw postcode. Dan kunnen wij de afstand laten zien.')
            )
        data = {n: ws for n, ws in data.items() if n not in HANGT_AF_VAN_PLAATS}
    elif punt is None and any(n in data for n in HANGT_AF_VAN_PLAATS):
        meldingen.append(
            _("Wij weten niet precies waar %(plaats)s ligt. Daarom laten wij geen afstanden zien.")
            % {"plaats": plaats.naam}
        )
        data = {n: ws for n, ws in data.items() if n not in HANGT_AF_VAN_PLAATS}

    lexicon = lexicon_laden() if "q" in data and doorsturen_naar is None else Lexicon()
    afstand = data.get("afstand", [""])[0]
    bound = QueryDict(mutable=True)
    for naam, waarden in data.items():
        # With a distance filter, nearby villages count too: the kern is a point, not a filter.
        if not (naam == "kern" and afstand):
            bound.setlist(naam, waarden)
    # Filter, rank and count on the narrow search index; only a page's aanbod is read.
    queryset = zoekindex_publiek().order_by("titel", "pk")
    filterset = AanbodFilter(bound, queryset=queryset, keuzes=keuzes, lexicon=lexicon, precies="precies" in data)
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
        meldingen.append(_("Typ een woord waar u hulp bij zoekt, bijvoorbeeld schulden of eten."))
    resultaat = Zoekresultaat(
        filterset=filterset,
        pagina=None,
        aantal=0,
        zoektekst=data.get("q", [""])[0],
        zoekwoorden=filterset.zoekwoorden,
        keuzes=keuzes,
        meldingen=meldingen,
        actieve_filters=actieve_filters(data, keuzes),
        querystring=querystring(data),
        plaats=plaats,
        afstand=afstand,
        sorteer=data.get("sorteer", [""])[0],
        postcode_invoer=postcode_invoer if postcode_fout else "",
        postcode_fout=postcode_fout,
        doorsturen_naar=doorsturen_naar,
    )
    if filterset.zoekvraag is not None and filterset.zoekvraag.ook_gezocht:
        resultaat.ook_gezocht = filterset.zoekvraag.ook_gezocht
        resultaat.precies_url = "?" + querystring({**data, "precies": ["1"]})
    resultaat.punt = punt
    resultaat.data = data
    return resultaat, qs


def aanbod_zoeken(*, params) -> Zoekresultaat:
    """The /hulp/ search. params is request.GET (a QueryDict); anything in it is safe.

    Queries: 2 for the taxonomy lists, 1 lexicon and 1 vocabulary (only with a
    search text), 1 count and 1 page of ids (both on the narrow search index),
    1 aanbod of the page, 1 prefetch of kernen, 1 distances (only with a place):
    at most 9.
    A postcode costs one lookup and ends in a redirect (no search)."""
    resultaat, qs = zoekopdracht(params)
    if resultaat.doorsturen_naar is not None:
        return resultaat
    punt = resultaat.punt
    gekozen = resultaat.data
    if punt is not None and resultaat.sorteer == "afstand":
        straal = int(resultaat.afstand) if resultaat.afstand else afst.MAX_AFSTAND_KM
        paginator = BegrensdePaginator(AfstandGesorteerd(qs, punt=punt, straal_km=straal), ranking.PER_PAGINA)
    else:
        volgorde = Zoekvolgorde(
            qs,
            zoekquery=resultaat.filterset.zoekquery,
            zoekvraag=resultaat.filterset.zoekvraag,
            themas=[t for t in resultaat.keuzes.themas if t.slug in gekozen.get("thema", [])],
            levensgebeurtenissen=[
                lg for lg in resultaat.keuzes.levensgebeurtenissen if lg.slug in gekozen.get("levensgebeurtenis", [])
            ],
        )
        paginator = BegrensdePaginator(volgorde, ranking.PER_PAGINA)
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


def _paginanummer(waarde) -> int:
    try:
        nummer = int(str(waarde or "1").strip()[:9])
    except ValueError:
        return 1
    return max(nummer, 1)
