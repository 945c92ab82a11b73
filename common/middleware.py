"""Site-wide middleware: security headers and a request id (first in the
list), and the cache of public pages for visitors without a session."""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
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
    from django.shortcuts import render

    response = render(request, "413.html", {"limiet_mb": max(1, limiet // 1_000_000)}, status=413)
    response["Connection"] = "close"
    return response


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
        sleutel = f"p:{paginacache.huidige_versie()}:{timezone.localdate().isoformat()}:{pad}"
        bewaard = cache.get(sleutel)
        if bewaard is not None:
            return self._uit_cache(request, bewaard)
        response = self.get_response(request)
        if self._bewaarbaar(request, response):
            cache.set(sleutel, self._voor_cache(request, response), settings.PAGINA_CACHE_SECONDEN)
        return response

    @staticmethod
    def _bewaarbaar(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(woord in cache_control for woord in ("private", "no-cache", "no-store"))

    @staticmethod
    def _voor_cache(request, response) -> tuple[bytes, list[tuple[str, str]], bool]:
        inhoud = response.content
        nonce = getattr(request, "_csp_nonce", None)
        met_nonce = bool(nonce)
        if met_nonce:
            inhoud = inhoud.replace(str(nonce).encode(), NONCE_PLEK.encode())
        headers = [(k, v) for k, v in response.items() if k.lower() not in _NIET_BEWAREN]
        return inhoud, headers, met_nonce

    @staticmethod
    def _uit_cache(request, bewaard) -> HttpResponse:
        inhoud, headers, met_nonce = bewaard
        if met_nonce:
            inhoud = inhoud.replace(NONCE_PLEK.encode(), str(request._csp_nonce).encode())
        response = HttpResponse(inhoud if request.method == "GET" else b"")
        for naam, waarde in headers:
            response[naam] = waarde
        if request.method == "HEAD":
            response["Content-Length"] = str(len(inhoud))
        response["X-Pagina-Cache"] = "hit"
        return response
