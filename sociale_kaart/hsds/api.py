"""The machinery of the HSDS API: JSON errors, the per-address rate limit, the
`api_view` decorator (CORS, ETag/Last-Modified, 304) and checked parameters.
The endpoints are in `views`."""

from __future__ import annotations

import datetime
import hashlib
import math
import uuid
from functools import wraps
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from common.security import adres_sleutel, te_vaak
from sociale_kaart.hsds import mapping

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PAGE = 100_000
MAX_SEARCH = 200
OPENAPI_FILE = Path(__file__).with_name("openapi.json")


class ApiError(Exception):
    def __init__(self, status: int, detail: str, melding: str, parameter: str | None = None):
        super().__init__(detail)
        self.status, self.detail, self.melding, self.parameter = status, detail, melding, parameter


def error_response(status: int, detail: str, melding: str, parameter: str | None = None) -> JsonResponse:
    body = {"status": status, "detail": detail, "melding": melding}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def not_found(what: str) -> ApiError:
    return ApiError(404, f"No published {what} with this id.", "Dit staat niet (meer) in de sociale kaart.")


def cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
    return response


# --- Rate limit ----------------------------------------------------------------------------


def rate_limited(request) -> int | None:
    """Seconds to wait when this address made too many requests this minute, else None.

    Counted in PostgreSQL (common.security.te_vaak), so the limit holds
    across every worker and server, like the other rate limits of the portal."""
    limit = settings.HSDS_RATE_LIMIT  # requests per address per minute; 0 = off
    return te_vaak(soort="hsds", sleutel=adres_sleutel(request), limiet=limit, seconden=60)


def te_veel_verzoeken(retry_after: int) -> HttpResponse:
    response = error_response(
        429,
        f"Too many requests from your address. Try again in {retry_after} seconds.",
        f"U heeft te veel verzoeken gedaan. Probeer het over {retry_after} seconden opnieuw.",
    )
    response["Retry-After"] = str(retry_after)
    return cors(response)


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
            return cors(response)
        if request.method not in ("GET", "HEAD"):
            response = error_response(
                405, "This API is read-only: use GET.", "U kunt hier alleen gegevens ophalen (GET)."
            )
            response["Allow"] = "GET, HEAD, OPTIONS"
            return cors(response)
        retry_after = rate_limited(request)
        if retry_after is not None:
            return te_veel_verzoeken(retry_after)
        try:
            result = view(request, *args, **kwargs)
        except ApiError as error:
            return cors(error_response(error.status, error.detail, error.melding, error.parameter))
        if isinstance(result, HttpResponse):
            return cors(result)
        body, last_modified = result
        response = JsonResponse(body, safe=False, json_dumps_params={"ensure_ascii": False})
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        timestamp = int(last_modified.timestamp()) if last_modified else None
        if timestamp is not None:
            response["Last-Modified"] = http_date(timestamp)
        patch_cache_control(response, public=True, max_age=60)
        conditional = get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
        return cors(conditional)

    return wrapper


# --- Parameters ---------------------------------------------------------------------------


def param_text(request, name: str, max_length: int = MAX_SEARCH) -> str:
    value = request.GET.get(name, "").replace("\x00", "").strip()
    if len(value) > max_length:
        raise ApiError(
            400,
            f"{name} is too long: use at most {max_length} characters.",
            f"Gebruik voor {name} hoogstens {max_length} tekens.",
            name,
        )
    return value


def param_integer(request, name: str, default: int, minimum: int, maximum: int) -> int:
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


def param_boolean(request, name: str) -> bool:
    raw = request.GET.get(name, "").strip().lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise ApiError(400, f"{name} must be true or false.", f"Vul bij {name} true of false in.", name)


def param_uuid(request, name: str) -> uuid.UUID | None:
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


def param_modified_after(request) -> datetime.datetime | None:
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


def param_format(request) -> None:
    value = request.GET.get("format", "").strip().lower()
    if value not in ("", "json"):
        raise ApiError(
            400,
            "Only format=json is supported; use /open-data/hsds/export.json for everything at once.",
            "Alleen format=json kan. Wilt u alles in één keer? Gebruik dan het exportbestand.",
            "format",
        )


def path_uuid(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise not_found(what) from None


def paginated(request, queryset, to_dict):
    """HSDS page envelope around one page of a queryset (or list)."""
    page = param_integer(request, "page", 1, 1, MAX_PAGE)
    per_page = param_integer(request, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
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
