"""The order of the search results and their pages: by rank or title
(Zoekvolgorde) or nearest first (AfstandGesorteerd), each a sequence that reads
only one page of ids from the narrow search index, and a paginator that counts
at most MAX_TELLEN results."""

from __future__ import annotations

from functools import cached_property
from math import ceil

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Prefetch, QuerySet

from sociale_kaart.models import Aanbod, AanbodZoekindex, Kern
from sociale_kaart.selectors import aanbod_publiek
from sociale_kaart.zoeken import afstand as afst

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
