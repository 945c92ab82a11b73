"""Read-only Open Referral HSDS 3.0 API over the published sociale kaart.

Thin views: parameters are checked here (a bad one gives a 400 JSON error),
reads are in `selectors`, the HSDS shape in `mapping`. Every API response gets
open CORS, an ETag and Last-Modified (with 304 answers), and counts towards a
per-address rate limit (429 with Retry-After).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import uuid
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from common.security import adres_sleutel, te_vaak
from sociale_kaart.hsds import export, mapping, selectors
from sociale_kaart.selectors import aanbod_publiek, organisatie_publiek

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PAGE = 100_000
MAX_SEARCH = 200
OPENAPI_FILE = Path(__file__).with_name("openapi.json")


class ApiError(Exception):
    def __init__(self, status: int, detail: str, melding: str, parameter: str | None = None):
        super().__init__(detail)
        self.status, self.detail, self.melding, self.parameter = status, detail, melding, parameter


def _error_response(status: int, detail: str, melding: str, parameter: str | None = None) -> JsonResponse:
    body = {"status": status, "detail": detail, "melding": melding}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _not_found(what: str) -> ApiError:
    return ApiError(404, f"No published {what} with this id.", "Dit staat niet (meer) in de sociale kaart.")


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


# --- Rate limit ----------------------------------------------------------------------------


def _rate_limited(request) -> int | None:
    """Seconds to wait when this address made too many requests this minute, else None.

    Counted in PostgreSQL (common.security.te_vaak), so the limit holds
    across every worker and server, like the other rate limits of the portal."""
    limit = settings.HSDS_RATE_LIMIT  # requests per address per minute; 0 = off
    return te_vaak(soort="hsds", sleutel=adres_sleutel(request), limiet=limit, seconden=60)


def _te_veel_verzoeken(retry_after: int) -> HttpResponse:
    response = _error_response(
        429,
        f"Too many requests from your address. Try again in {retry_after} seconds.",
        f"U heeft te veel verzoeken gedaan. Probeer het over {retry_after} seconden opnieuw.",
    )
    response["Retry-After"] = str(retry_after)
    return _cors(response)


# --- The API decorator ---------------------------------------------------------------------


def api_view(view):
    """GET/HEAD/OPTIONS only; JSON errors; CORS; rate limit; ETag + Last-Modified with 304."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            return _cors(response)
        if request.method not in ("GET", "HEAD"):
            response = _error_response(
                405, "This API is read-only: use GET.", "U kunt hier alleen gegevens ophalen (GET)."
            )
            response["Allow"] = "GET, HEAD, OPTIONS"
            return _cors(response)
        retry_after = _rate_limited(request)
        if retry_after is not None:
            return _te_veel_verzoeken(retry_after)
        try:
            result = view(request, *args, **kwargs)
        except ApiError as error:
            return _cors(_error_response(error.status, error.detail, error.melding, error.parameter))
        if isinstance(result, HttpResponse):
            return _cors(result)
        body, last_modified = result
        response = JsonResponse(body, safe=False, json_dumps_params={"ensure_ascii": False})
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        timestamp = int(last_modified.timestamp()) if last_modified else None
        if timestamp is not None:
            response["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, public=True, max_age=60)
        conditional = get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
        return _cors(conditional)

    return wrapper


# --- Parameters ---------------------------------------------------------------------------


def _text(request, name: str, max_length: int = MAX_SEARCH) -> str:
    value = request.GET.get(name, "").replace("\x00", "").strip()
    if len(value) > max_length:
        raise ApiError(
            400,
            f"{name} is too long: use at most {max_length} characters.",
            f"Gebruik voor {name} hoogstens {max_length} tekens.",
            name,
        )
    return value


def _integer(request, name: str, default: int, minimum: int, maximum: int) -> int:
    raw = request.GET.get(name, "").strip()
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not minimum <= value <= maximum:
        raise ApiError(
            400,
            f"{name} must be a whole number from {minimum} to {maximum}.",
            f"Vul bij {name} een heel getal in van {minimum} tot en met {maximum}, bijvoorbeeld {default}.",
            name,
        )
    return value


def _boolean(request, name: str) -> bool:
    raw = request.GET.get(name, "").strip().lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise ApiError(400, f"{name} must be true or false.", f"Vul bij {name} true of false in.", name)


def _uuid(request, name: str) -> uuid.UUID | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ApiError(
            400,
            f"{name} must be a UUID, for example 3f7b145d-84af-42d7-8fae-eaca714b02b2.",
            f"Vul bij {name} een UUID in, bijvoorbeeld 3f7b145d-84af-42d7-8fae-eaca714b02b2.",
            name,
        ) from None


def _modified_after(request) -> datetime.datetime | None:
    raw = request.GET.get("modified_after", "").strip()
    if not raw:
        return None
    error = ApiError(
        400,
        "modified_after must be an ISO 8601 date or date-time, for example 2025-01-31T09:00:00Z.",
        "Vul bij modified_after een datum in, bijvoorbeeld 2025-01-31 of 2025-01-31T09:00:00Z.",
        "modified_after",
    )
    try:
        value = parse_datetime(raw.replace(" ", "+"))
        if value is None:
            day = parse_date(raw)
            if day is None:
                raise error
            value = datetime.datetime.combine(day, datetime.time.min)
        if timezone.is_naive(value):
            value = value.replace(tzinfo=mapping.AMSTERDAM)
        value.astimezone(datetime.UTC)  # out-of-range dates fail here, not in the database
    except (ValueError, OverflowError):
        raise error from None
    return value


def _format(request) -> None:
    value = request.GET.get("format", "").strip().lower()
    if value not in ("", "json"):
        raise ApiError(
            400,
            "Only format=json is supported; use /open-data/hsds/export.json for everything at once.",
            "Alleen format=json kan. Wilt u alles in één keer? Gebruik dan het exportbestand.",
            "format",
        )


def _path_uuid(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise _not_found(what) from None


def _page(request, queryset, to_dict):
    """HSDS page envelope around one page of a queryset (or list)."""
    page = _integer(request, "page", 1, 1, MAX_PAGE)
    per_page = _integer(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    total = queryset.count() if hasattr(queryset, "count") and not isinstance(queryset, list) else len(queryset)
    start = (page - 1) * per_page
    items = [to_dict(item) for item in queryset[start : start + per_page]] if start < total else []
    total_pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": len(items) == 0,
        "contents": items,
    }


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
    _format(request)
    return {
        "search": _text(request, "search"),
        "organization_id": _uuid(request, "organization_id"),
        "taxonomy_term_id": _uuid(request, "taxonomy_term_id"),
        "taxonomy_id": _uuid(request, "taxonomy_id"),
        "modified_after": _modified_after(request),
    }


@api_view
def services(request):
    filters = _service_filters(request)
    full = _boolean(request, "full")
    minimal = _boolean(request, "minimal")
    queryset = selectors.service_list(**filters, full=full and not minimal)
    to_dict = mapping.service_minimal if minimal else (mapping.service if full else mapping.service_basic)
    return _page(request, queryset, to_dict), selectors.dataset_last_modified()


@api_view
def service_detail(request, id):
    aanbod = selectors.service_get(service_id=_path_uuid(id, "service"))
    if aanbod is None:
        raise _not_found("service")
    return mapping.service(aanbod), mapping.last_modified(aanbod)


@api_view
def organizations(request):
    _format(request)
    search = _text(request, "search")
    full = _boolean(request, "full")
    full_service = _boolean(request, "full_service")
    queryset = selectors.organisation_list(search=search, with_services=full, full_service=full_service)
    if full:

        def to_dict(organisatie):
            return mapping.organization(organisatie, services=organisatie.public_aanbod, full_service=full_service)

    else:
        to_dict = mapping.organization_basic
    return _page(request, queryset, to_dict), selectors.dataset_last_modified()


@api_view
def organization_detail(request, id):
    full_service = _boolean(request, "full_service")
    organisatie = selectors.organisation_get(organization_id=_path_uuid(id, "organization"), full_service=full_service)
    if organisatie is None:
        raise _not_found("organization")
    data = mapping.organization(organisatie, services=organisatie.public_aanbod, full_service=full_service)
    return data, selectors.dataset_last_modified()


@api_view
def taxonomies(request):
    _format(request)
    search = _text(request, "search").lower()
    items = [mapping.taxonomy(kind) for kind in mapping.TAXONOMIES]
    if search:
        items = [item for item in items if search in item["name"].lower() or search in item["description"].lower()]
    return _page(request, items, lambda item: item), None


@api_view
def taxonomy_detail(request, id):
    kind = selectors.taxonomy_kind(_path_uuid(id, "taxonomy"))
    if kind is None:
        raise _not_found("taxonomy")
    return mapping.taxonomy(kind), None


@api_view
def taxonomy_terms(request):
    _format(request)
    search = _text(request, "search").lower()
    wanted_taxonomy = _uuid(request, "taxonomy_id")
    _boolean(request, "top_only")  # all our terms are top-level terms
    parent_id = _uuid(request, "parent_id")
    kind = selectors.taxonomy_kind(wanted_taxonomy) if wanted_taxonomy else None
    terms = [] if (wanted_taxonomy and kind is None) or parent_id else selectors.all_terms(kind=kind)
    items = [mapping.taxonomy_term(term.kind, term.term) for term in terms]
    if search:
        items = [item for item in items if search in item["name"].lower() or search in item["description"].lower()]
    return _page(request, items, lambda item: item), None


@api_view
def taxonomy_term_detail(request, id):
    wanted = str(_path_uuid(id, "taxonomy term"))
    for term in selectors.all_terms():
        if term.id == wanted:
            return mapping.taxonomy_term(term.kind, term.term, detail=True), None
    raise _not_found("taxonomy term")


@api_view
def service_at_locations(request):
    filters = _service_filters(request)
    full = _boolean(request, "full")
    postcode = _text(request, "postcode", max_length=10).replace(" ", "").upper()
    if request.GET.get("proximity", "").strip():
        raise ApiError(
            400,
            "proximity is not supported: we have no postcode centroids. Use postcode to filter on an address.",
            "Zoeken op afstand kan hier niet. Gebruik postcode.",
            "proximity",
        )
    page = _integer(request, "page", 1, 1, MAX_PAGE)
    per_page = _integer(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
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
    wanted = str(_path_uuid(id, "service_at_location"))
    found = selectors.service_at_location_find(wanted)
    if found is None:
        raise _not_found("service_at_location")
    aanbod, sal = found
    return mapping.service_at_location_full(aanbod, sal), mapping.last_modified(aanbod)


# --- Bulk export and the public page -------------------------------------------------------


@csrf_exempt
def export_json(request):
    if request.method not in ("GET", "HEAD"):
        response = _error_response(405, "Use GET.", "U kunt dit bestand alleen ophalen (GET).")
        response["Allow"] = "GET, HEAD"
        return _cors(response)
    retry_after = _rate_limited(request)
    if retry_after is not None:
        return _te_veel_verzoeken(retry_after)
    last_modified = selectors.dataset_last_modified()
    timestamp = int(last_modified.timestamp()) if last_modified else None
    not_modified = get_conditional_response(request, last_modified=timestamp)
    if not_modified is not None:
        return _cors(not_modified)
    response = StreamingHttpResponse(export.iter_export(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sociale-kaart-hsds.json"'
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=300)
    return _cors(response)


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
