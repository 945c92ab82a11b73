"""Reads for the HSDS open data API and export.

Only published aanbod of published organisations is public; concept and
archived entries never leave through here. Every queryset prefetches what
`sociale_kaart.hsds.mapping` touches, so a page costs a fixed number of queries.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db.models import F, Max, Prefetch, Q, QuerySet, UUIDField, Value
from django.db.models.functions import Replace, Upper

from sociale_kaart.hsds import mapping
from sociale_kaart.models import Aanbod, Doelgroep, Levensgebeurtenis, Locatie, Organisatie, Thema
from sociale_kaart.selectors import aanbod_publiek, organisatie_publiek

TAXONOMY_MODELS = {"thema": Thema, "doelgroep": Doelgroep, "levensgebeurtenis": Levensgebeurtenis}


def _locaties() -> QuerySet[Locatie]:
    return Locatie.objects.select_related("organisatie", "kern")


def with_service_data(queryset: QuerySet[Aanbod]) -> QuerySet[Aanbod]:
    """Everything a fully nested service needs, in a fixed number of queries."""
    return queryset.select_related("organisatie").prefetch_related(
        "themas",
        "doelgroepen",
        "levensgebeurtenissen",
        "kernen",
        "openingstijden",
        Prefetch("locaties", queryset=_locaties()),
    )


def filter_services(
    *,
    search: str = "",
    organization_id: uuid.UUID | None = None,
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    modified_after: datetime.datetime | None = None,
) -> QuerySet[Aanbod]:
    """Public aanbod matching the API filters: one row per aanbod (no joins that multiply rows)."""
    queryset = aanbod_publiek()
    if search:
        query = SearchQuery(search, config="dutch", search_type="websearch")
        queryset = queryset.filter(Q(zoekvector=query) | Q(titel__icontains=search))
    if organization_id:
        queryset = queryset.filter(organisatie__uuid=organization_id)
    if taxonomy_term_id:
        term = term_for_id(taxonomy_term_id)
        if term is None:
            return queryset.none()
        kind, pk = term
        queryset = queryset.filter(pk__in=Aanbod.objects.filter(**{mapping.TAXONOMIES[kind][0]: pk}).values("pk"))
    if taxonomy_id:
        kind = taxonomy_kind(taxonomy_id)
        if kind is None:
            return queryset.none()
        linked = Aanbod.objects.filter(**{f"{mapping.TAXONOMIES[kind][0]}__isnull": False}).values("pk")
        queryset = queryset.filter(pk__in=linked)
    if modified_after:
        changed = Q(gewijzigd_op__gte=modified_after) | Q(organisatie__gewijzigd_op__gte=modified_after)
        queryset = queryset.filter(changed)
    return queryset


def service_list(*, full: bool = False, **filters) -> QuerySet[Aanbod]:
    queryset = filter_services(**filters).order_by("titel", "uuid")
    return with_service_data(queryset) if full else queryset.select_related("organisatie")


def service_get(*, service_id: uuid.UUID) -> Aanbod | None:
    return with_service_data(aanbod_publiek()).filter(uuid=service_id).first()


def organisation_list(*, search: str = "", with_services: bool = False, full_service: bool = False):
    queryset = organisatie_publiek()
    if search:
        queryset = queryset.filter(Q(naam__icontains=search) | Q(korte_omschrijving__icontains=search))
    queryset = queryset.order_by("naam", "uuid")
    if with_services:
        services = aanbod_publiek().order_by("titel", "uuid")
        services = with_service_data(services) if full_service else services.select_related("organisatie")
        queryset = queryset.prefetch_related(
            Prefetch("locaties", queryset=_locaties()),
            Prefetch("aanbod", queryset=services, to_attr="public_aanbod"),
        )
    return queryset


def organisation_get(*, organization_id: uuid.UUID, full_service: bool = False) -> Organisatie | None:
    return organisation_list(with_services=True, full_service=full_service).filter(uuid=organization_id).first()


def taxonomy_kind(taxonomy_id: uuid.UUID) -> str | None:
    for kind in mapping.TAXONOMIES:
        if mapping.taxonomy_id(kind) == str(taxonomy_id):
            return kind
    return None


@dataclass(frozen=True)
class Term:
    kind: str
    term: Thema | Doelgroep | Levensgebeurtenis

    @property
    def id(self) -> str:
        return mapping.taxonomy_term_id(self.kind, self.term.slug)


def all_terms(*, kind: str | None = None) -> list[Term]:
    """All taxonomy terms (three small tables), in taxonomy order."""
    terms = []
    for term_kind, model in TAXONOMY_MODELS.items():
        if kind is None or kind == term_kind:
            terms.extend(Term(term_kind, term) for term in model.objects.order_by("volgorde", "naam", "slug"))
    return terms


def term_for_id(term_id: uuid.UUID) -> tuple[str, int] | None:
    for term in all_terms():
        if term.id == str(term_id):
            return term.kind, term.term.pk
    return None


def dataset_last_modified() -> datetime.datetime | None:
    """Newest change to any aanbod or organisation, in any status (archiving counts as a change)."""
    newest = [
        Aanbod.objects.aggregate(newest=Max("gewijzigd_op"))["newest"],
        Organisatie.objects.aggregate(newest=Max("gewijzigd_op"))["newest"],
    ]
    newest = [value for value in newest if value is not None]
    return max(newest) if newest else None


# --- service_at_location ----------------------------------------------------------------


def service_at_location_page(
    *, start: int, stop: int, postcode: str = "", **filters
) -> tuple[int, list[tuple[int, str | None]]]:
    """(total, [(aanbod pk, location uuid or None for the virtual location)]) for one page.

    One row per (service, location) plus one per service without a fixed place;
    counted and sliced in SQL, ordered by service title, service id, location id.
    """
    aanbod_ids = filter_services(**filters).values("pk")
    Through = Aanbod.locaties.through
    physical = Through.objects.filter(aanbod_id__in=aanbod_ids)
    if postcode:
        physical = physical.annotate(postcode_plain=Replace(Upper("locatie__postcode"), Value(" "), Value(""))).filter(
            postcode_plain=postcode
        )
    rows = physical.annotate(
        sort_titel=F("aanbod__titel"), sort_uuid=F("aanbod__uuid"), location_uuid=F("locatie__uuid")
    ).values_list("aanbod_id", "sort_titel", "sort_uuid", "location_uuid")
    if not postcode:
        virtual = (
            Aanbod.objects.filter(pk__in=aanbod_ids, op_afstand=True)
            .annotate(
                sort_titel=F("titel"),
                sort_uuid=F("uuid"),
                location_uuid=Value(None, output_field=UUIDField()),
            )
            .values_list("pk", "sort_titel", "sort_uuid", "location_uuid")
        )
        rows = rows.union(virtual, all=True)
    rows = rows.order_by("sort_titel", "sort_uuid", "location_uuid")
    total = rows.count()
    if start >= total:
        return total, []
    page = [(pk, str(location) if location else None) for pk, _, _, location in rows[start:stop]]
    return total, page


def services_by_pk(pks: list[int]) -> dict[int, Aanbod]:
    return {aanbod.pk: aanbod for aanbod in with_service_data(aanbod_publiek().filter(pk__in=pks))}


def service_at_location_find(sal_id: str) -> tuple[Aanbod, dict] | None:
    """Find a service_at_location by its derived id (one pass over the public links)."""
    public = aanbod_publiek()
    links = Aanbod.locaties.through.objects.filter(aanbod__in=public)
    candidates = list(links.values_list("aanbod_id", "aanbod__uuid", "locatie__uuid"))
    candidates += [
        (pk, aanbod_uuid, uuid.UUID(mapping.derived_id("virtual_location", aanbod_uuid)))
        for pk, aanbod_uuid in public.filter(op_afstand=True).values_list("pk", "uuid")
    ]
    for pk, aanbod_uuid, location_uuid in candidates:
        if mapping.derived_id("service_at_location", aanbod_uuid, location_uuid) == sal_id:
            aanbod = services_by_pk([pk])[pk]
            for sal in mapping.service_at_locations(aanbod):
                if sal["id"] == sal_id:
                    return aanbod, sal
    return None
