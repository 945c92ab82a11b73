"""Site-wide middleware: security headers and a request id (first in the
list), the cache of public pages for visitors without a session, and a
friendly 503 page while PostgreSQL is away."""

from __future__ import annotations

import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils import timezone

from common import paginacache, security
from common.talen import zonder_taal

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "sync-xhr",
        "usb",
        "xr-spatial-tracking",
        "interest-cohort",
    )
)


def te_groot(request) -> HttpResponse | None:
    """A 413 page for a body larger than allowed, before anything reads it (no
    temporary file, no CSRF parsing). /beheer/ (the imports) may send more."""
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        lengte = 0
    beheer = request.path_info.startswith("/beheer/")
    limiet = settings.VERZOEK_MAX_BYTES_BEHEER if beheer else settings.VERZOEK_MAX_BYTES
    if lengte <= limiet:
        return None
    response = render_in_taal_van_pad(request, "413.html", {"limiet_mb": max(1, limiet // 1_000_000)}, status=413)
    return response


def render_in_taal_van_pad(request, template: str, context: dict | None = None, *, status: int) -> HttpResponse:
    """Render a page for a middleware that answers before LocaleMiddleware ran: in the
    language of the path (/en/..., /ar/...), Dutch for every other path."""
    from django.shortcuts import render
    from django.utils import translation

    taal = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(taal):
        return render(request, template, context, status=status)


class BeveiligingMiddleware:
    """Gives every request an id (from a trusted proxy's X-Request-ID or new),
    makes it available to the logs, and adds the headers Django does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = security.geldig_request_id(request.headers.get(security.REQUEST_ID_HEADER)) or uuid.uuid4().hex
        request.request_id = rid
        tokens = security.huidige_request_zetten(request, rid)
        try:
            response = te_groot(request) or self.get_response(request)
        finally:
            security.huidige_request_wissen(tokens)
        response.headers.setdefault(security.REQUEST_ID_HEADER, rid)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


# --- Page cache ----------------------------------------------------------------------

NONCE_PLEK = "__armoedepact_csp_nonce__"
_NIET_BEWAREN = {"set-cookie", "content-length", "content-security-policy", "content-security-policy-report-only"}


logger = logging.getLogger(__name__)
DATABASE_FOUTEN = (OperationalError, InterfaceError)
# The content version this process saw last: the key of cached pages while PostgreSQL is away.
_laatst_gezien = {"versie": None}


def parameters_bekend(request) -> None:
    """A view says: every query parameter of this request is a value I know, so the
    page may be cached. A page with a query string is only cached after this
    (random or unknown filter values would fill the cache with pages nobody asks twice)."""
    request._pagina_parameters_bekend = True


def _mag_gecachet(request) -> bool:
    if not getattr(settings, "PAGINA_CACHE", False) or request.method not in {"GET", "HEAD"}:
        return False
    # A session (a log-in), the check's answers or a pending message makes a page personal.
    persoonlijk = (settings.SESSION_COOKIE_NAME, *getattr(settings, "PAGINA_CACHE_PERSOONLIJKE_COOKIES", ()))
    if any(naam in request.COOKIES for naam in persoonlijk):
        return False
    pad = zonder_taal(request.path_info)
    if any(pad.startswith(p) for p in settings.PAGINA_CACHE_NOOIT):
        return False
    return pad == "/" or any(pad.startswith(p) for p in settings.PAGINA_CACHE_PADEN)


class PaginaCacheMiddleware:
    """Caches public GET pages per process, keyed by the content version in
    PostgreSQL (see common/paginacache.py), the path with its query string
    and the date. Sits inside the CSP middleware: a cached page gets this
    request's nonce, and the CSP header is built fresh for every request.

    Never cached: requests with a session or message cookie, paths in
    PAGINA_CACHE_NOOIT (the check, the partner portal, the admin, forms),
    responses that set a cookie (a CSRF token), that are not 200, or that
    say private/no-cache/no-store."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _mag_gecachet(request):
            return self.get_response(request)
        cache = caches[settings.PAGINA_CACHE_ALIAS]
        pad = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        dag = timezone.localdate().isoformat()
        try:
            versie = paginacache.huidige_versie()
        except DATABASE_FOUTEN:
            return self._zonder_database(request, cache, dag, pad)
        _laatst_gezien["versie"] = versie
        sleutel = f"p:{versie}:{dag}:{pad}"
        bewaard = cache.get(sleutel)
        if bewaard is not None and time.time() - bewaard[3] <= settings.PAGINA_CACHE_SECONDEN:
            return self._uit_cache(request, bewaard)
        response = self.get_response(request)
        if self._bewaarbaar(request, response):
            bewaren = max(settings.PAGINA_CACHE_SECONDEN, _zonder_database_seconden())
            cache.set(sleutel, self._voor_cache(request, response), bewaren)
        return response

    def _zonder_database(self, request, cache, dag, pad):
        """PostgreSQL is away: the page as this process last rendered it, when it is
        not older than PAGINA_CACHE_ZONDER_DATABASE_SECONDEN; otherwise the 503 page."""
        versie = _laatst_gezien["versie"]
        bewaard = cache.get(f"p:{versie}:{dag}:{pad}") if versie else None
        if bewaard is not None and time.time() - bewaard[3] <= _zonder_database_seconden():
            response = self._uit_cache(request, bewaard)
            response["X-Pagina-Cache"] = "hit-zonder-database"
            return response
        return database_weg_antwoord(request)

    @staticmethod
    def _bewaarbaar(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        if request.META.get("QUERY_STRING") and not getattr(request, "_pagina_parameters_bekend", False):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(woord in cache_control for woord in ("private", "no-cache", "no-store"))

    @staticmethod
    def _voor_cache(request, response) -> tuple[bytes, list[tuple[str, str]], bool, float]:
        inhoud = response.content
        nonce = getattr(request, "_csp_nonce", None)
        met_nonce = bool(nonce)
        if met_nonce:
            inhoud = inhoud.replace(str(nonce).encode(), NONCE_PLEK.encode())
        headers = [(k, v) for k, v in response.items() if k.lower() not in _NIET_BEWAREN]
        return inhoud, headers, met_nonce, time.time()

    @staticmethod
    def _uit_cache(request, bewaard) -> HttpResponse:
        inhoud, headers, met_nonce, _gemaakt = bewaard
        if met_nonce:
            inhoud = inhoud.replace(NONCE_PLEK.encode(), str(request._csp_nonce).encode())
        response = HttpResponse(inhoud if request.method == "GET" else b"")
        for naam, waarde in headers:
            response[naam] = waarde
        if request.method == "HEAD":
            response["Content-Length"] = str(len(inhoud))
        response["X-Pagina-Cache"] = "hit"
        return response


# --- PostgreSQL away ------------------------------------------------------------------


def _zonder_database_seconden() -> int:
    return int(getattr(settings, "PAGINA_CACHE_ZONDER_DATABASE_SECONDEN", 600))


def database_weg_antwoord(request) -> HttpResponse:
    """The friendly Dutch 503 page ("even niet beschikbaar", with the phone number).
    Rendered without touching the database; plain HTML when even that fails."""
    telefoon = settings.CENTRAAL_TELEFOONNUMMER
    try:
        response = render_in_taal_van_pad(request, "503.html", status=503)
    except Exception:  # the template itself needs something that is away  # noqa: BLE001
        logger.exception("503 page could not be rendered")
        response = HttpResponse(
            '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Even niet beschikbaar</title></head>'
            f"<body><main><h1>Even niet beschikbaar</h1><p>De website werkt even niet. Probeer het over een paar "
            f"minuten opnieuw. Of bel de gemeente: {telefoon}.</p></main></body></html>",
            status=503,
        )
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


def is_database_fout(fout: BaseException | None) -> bool:
    return isinstance(fout, DATABASE_FOUTEN)


class DatabaseWegMiddleware:
    """A view that meets a database that is away (OperationalError, InterfaceError)
    answers with the 503 page instead of a 500. Errors in other middleware reach
    the 500 handler, which asks `is_database_fout` and answers the same way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_fout(exception):
            return None
        logger.warning("database unavailable: %s", type(exception).__name__, exc_info=True)
        return database_weg_antwoord(request)
