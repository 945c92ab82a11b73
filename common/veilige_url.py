"""Fetching a link a partner typed without letting it reach our own network.

A link is only fetched when it is http or https and every address its host
resolves to is a public one: loopback, private, link-local (cloud metadata at
169.254.169.254), multicast, reserved and unspecified addresses are refused.
The check runs after resolving, and the connection goes to exactly the address
that was checked (no second lookup that a DNS trick could answer differently).
Redirects are followed here, one hop at a time, each hop checked the same way,
at most `MAX_DOORVERWIJZINGEN` of them.

`settings.LINKCONTROLE_LOOPBACK_TOESTAAN` lets loopback through; only tests
set it (to test redirects against a local server). Private and link-local
addresses stay refused even then.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_DOORVERWIJZINGEN = 3
DOORVERWIJZING = {301, 302, 303, 307, 308}

GEEN_WEBSITE = "Dit is geen link naar een website (http of https)."
EIGEN_NETWERK = "Deze link wijst naar een intern of lokaal netwerkadres. Gebruik het adres van een openbare website."
TE_VAAK_DOOR = f"De website stuurt meer dan {MAX_DOORVERWIJZINGEN} keer door naar een ander adres."
ONBEREIKBAAR = "De website is niet te bereiken."


class GeweigerdeLink(Exception):
    """A link we do not fetch; the message is Dutch and fit for a partner or the coordinator."""


def _loopback_toegestaan() -> bool:
    return bool(getattr(settings, "LINKCONTROLE_LOOPBACK_TOESTAAN", False))


def adres_is_openbaar(adres: str) -> bool:
    """True for a public unicast address; also unwraps IPv4 inside IPv6 (::ffff:10.0.0.1)."""
    try:
        ip = ipaddress.ip_address(adres.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return _loopback_toegestaan()
    return not (
        ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )


@dataclass(frozen=True)
class Doel:
    schema: str
    host: str
    poort: int
    pad: str
    adres: str  # the checked address the connection goes to


def _delen(url: str) -> tuple[str, str, int, str]:
    try:
        deel = urlsplit(url.strip())
        poort = deel.port
    except ValueError as fout:
        raise GeweigerdeLink(ONBEREIKBAAR) from fout
    if deel.scheme not in {"http", "https"}:
        raise GeweigerdeLink(GEEN_WEBSITE)
    host = (deel.hostname or "").rstrip(".")
    if not host:
        raise GeweigerdeLink(GEEN_WEBSITE)
    pad = deel.path or "/"
    if deel.query:
        pad += "?" + deel.query
    return deel.scheme, host, poort or (443 if deel.scheme == "https" else 80), pad


def _adressen(host: str, poort: int) -> list[str]:
    """Every address `host` resolves to; GeweigerdeLink when none or when one is not public."""
    try:
        gevonden = socket.getaddrinfo(host, poort, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as fout:
        raise GeweigerdeLink(ONBEREIKBAAR) from fout
    adressen = list(dict.fromkeys(info[4][0] for info in gevonden))
    if not adressen:
        raise GeweigerdeLink(ONBEREIKBAAR)
    if not all(adres_is_openbaar(a) for a in adressen):
        raise GeweigerdeLink(EIGEN_NETWERK)
    return adressen


def doel_controleren(url: str) -> Doel:
    """Scheme and every resolved address checked; the address to connect to."""
    schema, host, poort, pad = _delen(url)
    return Doel(schema, host, poort, pad, _adressen(host, poort)[0])


def mag_opslaan(url: str) -> str | None:
    """For partner forms: a Dutch reason when the link points at an address we never fetch.

    A host that does not resolve (yet) is allowed; the daily link check reports it."""
    if not url:
        return None
    try:
        schema, host, poort, _pad = _delen(url)
    except GeweigerdeLink as fout:
        return str(fout)
    if host.lower() == "localhost" or host.lower().endswith((".localhost", ".local", ".internal")):
        return EIGEN_NETWERK
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return None if adres_is_openbaar(host) else EIGEN_NETWERK
    try:
        _adressen(host, poort)
    except GeweigerdeLink as fout:
        return None if str(fout) == ONBEREIKBAAR else str(fout)
    return None


class _HTTP(http.client.HTTPConnection):
    def __init__(self, doel: Doel, timeout: float):
        super().__init__(doel.host, doel.poort, timeout=timeout)
        self._adres = doel.adres

    def connect(self):
        self.sock = socket.create_connection((self._adres, self.port), self.timeout)


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, doel: Doel, timeout: float):
        super().__init__(doel.host, doel.poort, timeout=timeout, context=ssl.create_default_context())
        self._adres = doel.adres

    def connect(self):
        sock = socket.create_connection((self._adres, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def opvragen(url: str, *, methode: str, timeout: float, headers: dict[str, str] | None = None) -> int:
    """The final status code after at most MAX_DOORVERWIJZINGEN checked redirects.

    Raises GeweigerdeLink for a refused scheme, address or too many redirects;
    OSError/TimeoutError/http.client.HTTPException when the site does not answer well."""
    for _hop in range(MAX_DOORVERWIJZINGEN + 1):
        doel = doel_controleren(url)
        verbinding = (_HTTPS if doel.schema == "https" else _HTTP)(doel, timeout)
        try:
            verbinding.request(methode, doel.pad, headers=headers or {})
            response = verbinding.getresponse()
            if methode == "GET":
                response.read(1024)
            status, locatie = response.status, response.getheader("Location")
        finally:
            verbinding.close()
        if status not in DOORVERWIJZING or not locatie:
            return status
        url = urljoin(url, locatie)
    raise GeweigerdeLink(TE_VAAK_DOOR)
