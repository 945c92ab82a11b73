"""The link check: every external link of regelingen, aanbod and organisaties.

HEAD first (cheap), then GET when a server refuses HEAD; a timeout per request and a
bounded number of requests at the same time. Only http(s) links to public addresses
are fetched, redirects are followed one checked hop at a time, at most 3
(`common/veilige_url.py`): a partner's link never reaches our own network.
"""

from __future__ import annotations

import http.client
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from armoedepact.models import KapotteLink
from armoedepact.regie.services import LinkFout
from common import veilige_url
from regelingen.models import Regeling
from sociale_kaart.selectors import aanbod_publiek, organisatie_publiek

USER_AGENT = "Armoedepact-linkcontrole/1.0 (+https://armoedepact.example/)"


@dataclass(frozen=True)
class Link:
    soort: str
    object_id: int
    naam: str
    url: str


def links_verzamelen() -> list[Link]:
    """The links residents can click (3 queries): active regelingen, published aanbod and organisaties."""
    links = [
        Link(KapotteLink.Soort.REGELING, pk, naam, url)
        for pk, naam, url in Regeling.objects.filter(actief=True)
        .exclude(aanvraag_link="")
        .values_list("pk", "naam", "aanvraag_link")
    ]
    links += [
        Link(KapotteLink.Soort.AANBOD, pk, naam, url)
        for pk, naam, url in aanbod_publiek().exclude(website="").values_list("pk", "titel", "website")
    ]
    links += [
        Link(KapotteLink.Soort.ORGANISATIE, pk, naam, url)
        for pk, naam, url in organisatie_publiek().exclude(website="").values_list("pk", "naam", "website")
    ]
    return links


def controleer_url(url: str, *, timeout: float = 10.0) -> str | None:
    """None when the link works; otherwise what went wrong, in Dutch."""
    melding = None
    for methode in ("HEAD", "GET"):
        try:
            status = veilige_url.opvragen(url, methode=methode, timeout=timeout, headers={"User-Agent": USER_AGENT})
        except veilige_url.GeweigerdeLink as fout:
            return str(fout)
        except TimeoutError:
            return f"De website antwoordt niet binnen {timeout:g} seconden."
        except (OSError, ValueError, http.client.HTTPException):
            return veilige_url.ONBEREIKBAAR
        if status < 400:
            return None
        melding = f"De website antwoordt met foutcode {status}."  # some servers refuse HEAD: try GET
    return melding


def links_controleren(
    links: list[Link],
    *,
    timeout: float = 10.0,
    gelijktijdig: int = 8,
    controleer: Callable[..., str | None] = controleer_url,
) -> list[LinkFout]:
    """Check each distinct URL once, at most `gelijktijdig` at a time."""
    per_url: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        per_url[link.url].append(link)
    urls = list(per_url)
    with ThreadPoolExecutor(max_workers=max(1, gelijktijdig)) as pool:
        meldingen = list(pool.map(lambda url: controleer(url, timeout=timeout), urls))
    fouten = []
    for url, melding in zip(urls, meldingen, strict=True):
        if melding is not None:
            fouten += [LinkFout(link.soort, link.object_id, link.naam, url, melding) for link in per_url[url]]
    return fouten
