"""The order of the search results and their pages: by rank or title
(Zoekvolgorde) or nearest first (AfstandGesorteerd), each a sequence that reads
only one page of ids from the narrow search index, and a paginator that counts
at most MAX_TELLEN results."""

from __future__ import annotations

import re
from functools import cached_property
from math import ceil

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from sociale_kaart.models import Aanbod, AanbodZoekindex, Kern, Voorrang
from sociale_kaart.selectors import aanbod_publiek
from sociale_kaart.zoeken import afstand as afst
from sociale_kaart.zoeken.tekst import STOPWOORDEN, Zoekvraag, tsquery_van, zoekwoorden

PER_PAGINA = 20
# Counting stops here: "meer dan 1000" is as useful to a resident as 16,512,
# and a capped count stays fast on a national data set (see docs/performance.md).
MAX_TELLEN = 1000


class BegrensdePaginator(Paginator):
    """A paginator over a Zoekvolgorde or AfstandGesorteerd: those count at most
    MAX_TELLEN + 1 results; the pages stop at MAX_TELLEN."""

    @cached_property
    def num_pages(self) -> int:
        return ceil(min(self.count, MAX_TELLEN) / self.per_page) if self.count else 1


def _aanbod_laden(aanbod_ids: list[int]) -> dict[int, Aanbod]:
    """The aanbod of one page with what a result card shows, its first step and
    phone number included (2 queries: aanbod with organisation, kernen).
    Filtered on public status again, so an aanbod archived between the search
    and this query never shows."""
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
            "hoe_aanvragen",
            "vertalingen",  # the card in the page's language, without a query per card
            "telefoon",
            "heel_de_gemeente",
            "op_afstand",
            "organisatie__id",
            "organisatie__naam",
            "organisatie__slug",
            "organisatie__telefoon",
            "organisatie__vertalingen",  # the organisation's name in the page's language
        )
    )
    per_id = {}
    for aanbod in queryset:
        # What the card shows to get people to act: a number to call (and the first
        # step of hoe_aanvragen, cut by the template filter korte_stap, translated).
        aanbod.contact_telefoon = aanbod.telefoon or aanbod.organisatie.telefoon
        per_id[aanbod.pk] = aanbod
    return per_id


_ZIN_EINDE = re.compile(r"(?<=[.!?])\s")
# A card's first step fits two lines on a phone (375 px) next to "Zo begint u:",
# so the first result's title, phone button and first step are on the first screen.
STAP_LENGTE = 48


def korte_stap(hoe_aanvragen: str, lengte: int = STAP_LENGTE) -> tuple[str, bool]:
    """The first step of 'hoe aanvragen' for a result card, and whether more follows.

    The first sentence of the first line; longer than `lengte`, it is cut at a word
    and ends in "…". More follows when the text was cut or has more sentences or lines."""
    tekst = (hoe_aanvragen or "").strip()
    if not tekst:
        return "", False
    regel = tekst.split("\n", 1)[0].strip()
    zin = _ZIN_EINDE.split(regel, 1)[0].strip()
    if len(zin) > lengte:
        zin = zin[: lengte - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return zin, zin != tekst


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


_VECTOR = "sociale_kaart_aanbodzoekindex.zoekvector"


# A word matches stemmed (Dutch: "schulden" finds "schuld") or as typed, as a
# prefix of a stemmed word ("huur" finds "huurwoning", whose stem "huurwon" the
# Dutch stem "hur" of "huur" is no prefix of).
_TSQUERY = "(to_tsquery('dutch', %s) || to_tsquery('simple', %s))"


def _score_sql(zoekvraag: Zoekvraag) -> tuple[str, list[str]]:
    """SQL that scores a row by the resident's words: per word (group) 1 when it
    matches at all, +2 when in the title, +1 when the word itself (or its
    spelling, or a compound with it) matches, +1 more when that is in the title.
    What the lexicon adds counts, but less than the word itself."""
    delen, params = [], []

    def deel(tsquery: str, factor: int = 1) -> None:
        delen.append(f"{factor} * ({_VECTOR} @@ {_TSQUERY})::int")
        params.extend([tsquery, tsquery])

    for groep in zoekvraag.groepen:
        alles = groep.direct + groep.ruim
        deel(tsquery_van(alles))
        deel(tsquery_van(alles, "A"), 2)
        if groep.direct:
            deel(tsquery_van(groep.direct))
            deel(tsquery_van(groep.direct, "A"))
    return " + ".join(delen) or "0", params


def _over_sql(onderwerpen: list) -> tuple[str, list[str]]:
    """1 when the title is about one of the thema's or levensgebeurtenissen (a word
    of its name in the title), else 0: those come before help that only touches it."""
    woorden = [w for o in onderwerpen for w in zoekwoorden(o.naam) if w not in STOPWOORDEN]
    if not woorden:
        return "0", []
    tsquery = tsquery_van(woorden, "A")
    return f"({_VECTOR} @@ {_TSQUERY})::int", [tsquery, tsquery]


class Zoekvolgorde(_BegrensdeReeks):
    """The filtered search index in its order, as a sequence for the paginator:
    one query finds the ids of a page in the narrow index table, then only those
    aanbod are read. The count ranks nothing.

    With a search text: by how many of the resident's words match and where
    (_score_sql), then by text rank. Without: the help the coordinator marked
    for the chosen thema's or levensgebeurtenissen first (Voorrang), then help
    whose title is about them, then by title. Ties by title."""

    def __init__(
        self,
        queryset: QuerySet[AanbodZoekindex],
        *,
        zoekquery: SearchQuery | None = None,
        zoekvraag: Zoekvraag | None = None,
        themas: list | None = None,
        levensgebeurtenissen: list | None = None,
    ):
        self.queryset = queryset
        self.zoekquery = zoekquery
        self.zoekvraag = zoekvraag
        self.themas = themas or []
        self.levensgebeurtenissen = levensgebeurtenissen or []

    def _geordend(self) -> QuerySet:
        volgorde: list = []
        qs = self.queryset
        if self.zoekquery is not None and self.zoekvraag:
            score_sql, score_params = _score_sql(self.zoekvraag)
            qs = qs.annotate(
                score=RawSQL(score_sql, score_params),  # noqa: S611 (every value is a parameter)
                rang=SearchRank(F("zoekvector"), self.zoekquery),
            )
            volgorde += ["-score", "-rang"]
        onderwerpen = self.themas + self.levensgebeurtenissen
        if onderwerpen:
            voorrang = (
                Voorrang.objects.filter(aanbod_id=OuterRef("pk"))
                .filter(
                    Q(thema_id__in=[t.pk for t in self.themas])
                    | Q(levensgebeurtenis_id__in=[lg.pk for lg in self.levensgebeurtenissen])
                )
                .order_by("volgorde")
                .values("volgorde")[:1]
            )
            over_sql, over_params = _over_sql(onderwerpen)
            qs = qs.annotate(
                voorrang=Coalesce(Subquery(voorrang), Value(32767)),
                over=RawSQL(over_sql, over_params),  # noqa: S611
            )
            volgorde += ["voorrang", "-over"]
        return qs.order_by(*volgorde, "titel", "pk")

    def __getitem__(self, deel):
        if not isinstance(deel, slice):
            raise TypeError("Zoekvolgorde only supports slices.")
        ids = list(self._geordend().values_list("pk", flat=True)[deel])
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
