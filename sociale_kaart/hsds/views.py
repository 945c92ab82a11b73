"""Read-only Open Referral HSDS 3.0 API over the published sociale kaart.

Thin views: parameters are checked by `api` (a bad one gives a 400 JSON error),
reads are in `selectors`, the HSDS shape in `mapping`. Every API response gets
open CORS, an ETag and Last-Modified (with 304 answers), and counts towards a
per-address rate limit (429 with Retry-After).
"""

from __future__ import annotations

import json
import math
from functools import cache

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from sociale_kaart.hsds import export, mapping, selectors
from sociale_kaart.hsds.api import (
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_PER_PAGE,
    OPENAPI_FILE,
    ApiError,
    api_view,
    cors,
    error_response,
    not_found,
    paginated,
    param_boolean,
    param_format,
    param_integer,
    param_modified_after,
    param_text,
    param_uuid,
    path_uuid,
    rate_limited,
    te_veel_verzoeken,
)
from sociale_kaart.selectors import aanbod_publiek, organisatie_publiek

# --- Endpoints ----------------------------------------------------------------------------


@cache
def _openapi_document() -> dict:
    return json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))


@api_view
def api_root(request):
    return (
        {
            "version": mapping.HSDS_VERSION,
            "profile": "https://docs.openreferral.org/en/v3.0/hsds/overview.html",
            "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
        },
        None,
    )


@api_view
def openapi(request):
    return _openapi_document(), None


def _service_filters(request) -> dict:
    param_format(request)
    return {
        "search": param_text(request, "search"),
        "organization_id": param_uuid(request, "organization_id"),
        "taxonomy_term_id": param_uuid(request, "taxonomy_term_id"),
        "taxonomy_id": param_uuid(request, "taxonomy_id"),
        "modified_after": param_modified_after(request),
    }


@api_view
def services(request):
    filters = _service_filters(request)
    full = param_boolean(request, "full")
    minimal = param_boolean(request, "minimal")
    queryset = selectors.service_list(**filters, full=full and not minimal)
    to_dict = mapping.service_minimal if minimal else (mapping.service if full else mapping.service_basic)
    return paginated(request, queryset, to_dict), selectors.dataset_last_modified()


@api_view
def service_detail(request, id):
    aanbod = selectors.service_get(service_id=path_uuid(id, "service"))
    if aanbod is None:
        raise not_found("service")
    return mapping.service(aanbod), mapping.last_modified(aanbod)


@api_view
def organizations(request):
    param_format(request)
    search = param_text(request, "search")
    full = param_boolean(request, "full")
    full_service = param_boolean(request, "full_service")
    queryset = selectors.organisation_list(search=search, with_services=full, full_service=full_service)
    if full:

        def to_dict(organisatie):
            return mapping.organization(organisatie, services=organisatie.public_aanbod, full_service=full_service)

    else:
        to_dict = mapping.organization_basic
    return paginated(request, queryset, to_dict), selectors.dataset_last_modified()


@api_view
def organization_detail(request, id):
    full_service = param_boolean(request, "full_service")
    organisatie = selectors.organisation_get(organization_id=path_uuid(id, "organization"), full_service=full_service)
    if organisatie is None:
        raise not_found("organization")
    data = mapping.organization(organisatie, services=organisatie.public_aanbod, full_service=full_service)
    return data, selectors.dataset_last_modified()


@api_view
def taxonomies(request):
    param_format(request)
    search = param_text(request, "search").lower()
    items = [mapping.taxonomy(kind) for kind in mapping.TAXONOMIES]
    if search:
        items = [item for item in items if search in item["name"].lower() or search in item["description"].lower()]
    return paginated(request, items, lambda item: item), None


@api_view
def taxonomy_detail(request, id):
    kind = selectors.taxonomy_kind(path_uuid(id, "taxonomy"))
    if kind is None:
        raise not_found("taxonomy")
    return mapping.taxonomy(kind), None


@api_view
def taxonomy_terms(request):
    param_format(request)
    search = param_text(request, "search").lower()
    wanted_taxonomy = param_uuid(request, "taxonomy_id")
    param_boolean(request, "top_only")  # all our terms are top-level terms
    parent_id = param_uuid(request, "parent_id")
    kind = selectors.taxonomy_kind(wanted_taxonomy) if wanted_taxonomy else None
    terms = [] if (wanted_taxonomy and kind is None) or parent_id else selectors.all_terms(kind=kind)
    items = [mapping.taxonomy_term(term.kind, term.term) for term in terms]
    if search:
        items = [item for item in items if search in item["name"].lower() or search in item["description"].lower()]
    return paginated(request, items, lambda item: item), None


@api_view
def taxonomy_term_detail(request, id):
    wanted = str(path_uuid(id, "taxonomy term"))
    for term in selectors.all_terms():
        if term.id == wanted:
            return mapping.taxonomy_term(term.kind, term.term, detail=True), None
    raise not_found("taxonomy term")


@api_view
def service_at_locations(request):
    filters = _service_filters(request)
    full = param_boolean(request, "full")
    postcode = param_text(request, "postcode", max_length=10).replace(" ", "").upper()
    if request.GET.get("proximity", "").strip():
        raise ApiError(
            400,
            "proximity is not supported: we have no postcode centroids. Use postcode to filter on an address.",
            "Zoeken op afstand kan hier niet. Gebruik postcode.",
            "proximity",
        )
    page = param_integer(request, "page", 1, 1, MAX_PAGE)
    per_page = param_integer(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    start = (page - 1) * per_page
    total, rows = selectors.service_at_location_page(start=start, stop=start + per_page, postcode=postcode, **filters)
    aanbod_by_pk = selectors.services_by_pk([pk for pk, _ in rows])
    items = []
    for aanbod_pk, location_id in rows:
        aanbod = aanbod_by_pk[aanbod_pk]
        for sal in mapping.service_at_locations(aanbod):
            is_virtual = sal["location"]["location_type"] == "virtual"
            if (location_id is None and is_virtual) or sal["location_id"] == location_id:
                items.append(mapping.service_at_location_full(aanbod, sal) if full else _sal_basic(sal))
    total_pages = max(1, math.ceil(total / per_page))
    body = {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
        "contents": items,
    }
    return body, selectors.dataset_last_modified()


def _sal_basic(sal: dict) -> dict:
    return {key: sal[key] for key in ("id", "service_id", "location_id")}


@api_view
def service_at_location_detail(request, id):
    wanted = str(path_uuid(id, "service_at_location"))
    found = selectors.service_at_location_find(wanted)
    if found is None:
        raise not_found("service_at_location")
    aanbod, sal = found
    return mapping.service_at_location_full(aanbod, sal), mapping.last_modified(aanbod)


# --- Bulk export and the public page -------------------------------------------------------


@csrf_exempt
def export_json(request):
    if request.method not in ("GET", "HEAD"):
        response = error_response(405, "Use GET.", "U kunt dit bestand alleen ophalen (GET).")
        response["Allow"] = "GET, HEAD"
        return cors(response)
    retry_after = rate_limited(request)
    if retry_after is not None:
        return te_veel_verzoeken(retry_after)
    last_modified = selectors.dataset_last_modified()
    timestamp = int(last_modified.timestamp()) if last_modified else None
    not_modified = get_conditional_response(request, last_modified=timestamp)
    if not_modified is not None:
        return cors(not_modified)
    response = StreamingHttpResponse(export.iter_export(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sociale-kaart-hsds.json"'
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=300)
    return cors(response)


def open_data_page(request):
    return render(
        request,
        "sociale_kaart/hsds/open_data.html",
        {
            "aantal_organisaties": organisatie_publiek().count(),
            "aantal_aanbod": aanbod_publiek().count(),
            "licentie_url": export.license_url(),
        },
    )
