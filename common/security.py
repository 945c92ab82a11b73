"""Request ids in the logs, logs without form data, and rate limits shared by
all gunicorn workers (counted in PostgreSQL, see common/paginacache.py)."""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import ipaddress
import logging
import math
import re

from django.conf import settings
from django.db import connection

from common.paginacache import TELLER_TABEL

_request = contextvars.ContextVar("armoedepact_request", default=None)
_request_id = contextvars.ContextVar("armoedepact_request_id", default="-")

REQUEST_ID_HEADER = "X-Request-ID"
_GELDIG_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
VERWIJDERD = "[verwijderd]"
# Form values shorter than this (yes/no, a number of children) say nothing on
# their own and would blank out ordinary words of a traceback.
MIN_LENGTE = 4


def request_id() -> str:
    return _request_id.get()


def huidige_request_zetten(request, rid: str):
    return _request.set(request), _request_id.set(rid)


def huidige_request_wissen(tokens) -> None:
    _request.reset(tokens[0])
    _request_id.reset(tokens[1])


def geldig_request_id(waarde: str | None) -> str | None:
    """A request id from the proxy in front of us, when it looks like one."""
    return waarde if waarde and _GELDIG_ID.match(waarde) else None


def _formulierwaarden() -> list[str]:
    request = _request.get()
    if request is None or request.method not in {"POST", "PUT", "PATCH"}:
        return []
    waarden: set[str] = set()
    try:
        for _, lijst in request.POST.lists():
            waarden.update(w for w in lijst if len(w.strip()) >= MIN_LENGTE)
        body = request.body.decode("utf-8", "replace") if not request.POST else ""
    except Exception:  # an unreadable body: nothing to compare with  # noqa: BLE001
        return []
    if body and len(body) >= MIN_LENGTE:
        waarden.add(body)
    # Longest first, so a value that contains another is removed whole.
    return sorted(waarden, key=len, reverse=True)


class RequestLogFilter(logging.Filter):
    """Adds `request_id` to every record and removes the form values of the
    current request from its message and traceback.

    Installed on the `django` loggers (so records are clean before any handler,
    including test capture, sees them) and on the console handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id()
        waarden = _formulierwaarden()
        if not waarden:
            return True
        bericht = record.getMessage()
        uitzondering = record.exc_text or (
            logging.Formatter().formatException(record.exc_info) if record.exc_info else ""
        )
        for waarde in waarden:
            bericht = bericht.replace(waarde, VERWIJDERD)
            uitzondering = uitzondering.replace(waarde, VERWIJDERD)
        record.msg, record.args = bericht, None
        if uitzondering:
            record.exc_text = uitzondering
        return True


# --- Rate limits --------------------------------------------------------------------


def _vertrouwde_proxies() -> list:
    netten = []
    for waarde in getattr(settings, "TRUSTED_PROXIES", ()) or ():
        try:
            netten.append(ipaddress.ip_network(str(waarde).strip(), strict=False))
        except ValueError:
            continue
    return netten


def _is_vertrouwd(adres: str, netten: list) -> bool:
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return False
    return any(ip in net for net in netten)


def client_adres(request) -> str:
    """The client's address, the same for every rate limit, the log-in lock and the join form.

    REMOTE_ADDR, unless it is one of settings.TRUSTED_PROXIES (addresses or
    networks of our own reverse proxy, deploy/nginx): then X-Forwarded-For is read
    from the right, skipping our own proxies, and the first other entry is the
    client (the entries before it can be set by anyone). Falls back to
    REMOTE_ADDR when that header is missing, empty or not an address. A header
    from anyone else is ignored."""
    adres = request.META.get("REMOTE_ADDR", "")
    netten = _vertrouwde_proxies()
    if not netten or not _is_vertrouwd(adres, netten):
        return adres
    for deel in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        deel = deel.strip()
        if not deel:
            continue
        try:
            ipaddress.ip_address(deel)
        except ValueError:
            return adres
        if not _is_vertrouwd(deel, netten):
            return deel
    return adres


def axes_client_adres(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: django-axes locks on the same address as the rate limits."""
    return client_adres(request)


def adres_sleutel(request) -> str:
    """A keyed hash of the client's address: enough to count, never the address."""
    adres = client_adres(request)
    return hmac.new(settings.SECRET_KEY.encode(), adres.encode(), hashlib.sha256).hexdigest()[:32]


def te_vaak(*, soort: str, sleutel: str, limiet: int, seconden: int) -> int | None:
    """Count one attempt; seconds to wait when there were more than `limiet`
    attempts in the current window, else None. One atomic query, shared by
    every worker and server."""
    if limiet <= 0:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {TELLER_TABEL} AS t (sleutel, aantal, tot)
            VALUES (%s, 1, now() + make_interval(secs => %s))
            ON CONFLICT (sleutel) DO UPDATE SET
                aantal = CASE WHEN t.tot < now() THEN 1 ELSE t.aantal + 1 END,
                tot = CASE WHEN t.tot < now() THEN EXCLUDED.tot ELSE t.tot END
            RETURNING aantal, extract(epoch FROM t.tot - now())
            """,  # noqa: S608 (a constant table name)
            [f"{soort}:{sleutel}", seconden],
        )
        aantal, resterend = cursor.fetchone()
    if aantal > limiet:
        return max(1, math.ceil(float(resterend)))
    return None


def wacht_nog(*, soort: str, sleutel: str, limiet: int) -> int | None:
    """Seconds to wait when `te_vaak` counted more than `limiet` attempts in the
    current window; None otherwise. Only reads, counts nothing."""
    if limiet <= 0:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT aantal, extract(epoch FROM tot - now()) FROM {TELLER_TABEL} WHERE sleutel = %s AND tot > now()",  # noqa: S608
            [f"{soort}:{sleutel}"],
        )
        rij = cursor.fetchone()
    if rij is None or rij[0] < limiet:
        return None
    return max(1, math.ceil(float(rij[1])))


def teller_wissen(*, soort: str, sleutel: str) -> None:
    """Start a counter again (the coordinator unlocks an account)."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TELLER_TABEL} WHERE sleutel = %s", [f"{soort}:{sleutel}"])  # noqa: S608


def tekst_sleutel(tekst: str) -> str:
    """A keyed hash of a text (an account name): enough to count, never the text."""
    return hmac.new(settings.SECRET_KEY.encode(), tekst.encode(), hashlib.sha256).hexdigest()[:32]
