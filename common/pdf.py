"""HTML to PDF with WeasyPrint; anonymous PDFs stored once per content version.

The stylesheets are read from disk by the caller's paths; the document itself
fetches nothing: every URL it names (images, fonts, stylesheets, over the
network or not) is refused, so a PDF never depends on another server.

Every PDF is PDF/UA-1 (tagged: it carries a structure tree, /StructTreeRoot,
so a screen reader reads headings, lists and tables as such).

Rendering costs about half a second of CPU. The anonymous PDFs (the folder, the
agenda) are the same for everyone until the content changes, so `bewaard()`
keeps the bytes in PostgreSQL under the content version of common/paginacache.py
and the date: every worker serves them, one renders them. `beperkt` limits every
PDF endpoint per client address (a friendly 429 page). A personal PDF (the
check's result) is never stored.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from common import paginacache, security

# WeasyPrint reports every layout step at INFO; keep the logs quiet.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def geen_netwerk(url, *args, **kwargs):
    """Refuses every URL; WeasyPrint logs the refusal and renders without the resource."""
    raise ValueError(f"De PDF haalt niets van buiten op: {url}")


def _url_fetcher():
    """`geen_netwerk` in the form this WeasyPrint wants: a plain function for older
    versions, a URLFetcher (which carries the fail_on_errors flag) for newer ones,
    which would otherwise stop with an AttributeError on the first refused URL."""
    from weasyprint import urls

    if not hasattr(urls, "URLFetcher"):
        return geen_netwerk

    class GeenNetwerk(urls.URLFetcher):
        def fetch(self, url, headers=None):
            return geen_netwerk(url)

    return GeenNetwerk()


# How many PDFs this process rendered (for tests and the bench; never reset by a request).
STATISTIEK = {"gemaakt": 0}
_STATISTIEK_LOCK = threading.Lock()


def html_naar_pdf(html: str, *, stylesheets: Iterable[Path] = (), base_url: str | Path | None = None) -> bytes:
    """Render `html` as PDF with the CSS files in `stylesheets` (read as UTF-8).

    `base_url` is what relative URLs in the HTML resolve against (WeasyPrint's
    default when None); they are refused all the same."""
    from weasyprint import CSS, HTML

    css = [CSS(string=Path(pad).read_text(encoding="utf-8")) for pad in stylesheets]
    document = HTML(string=html, base_url=None if base_url is None else str(base_url), url_fetcher=_url_fetcher())
    # PDF/UA-1: tagged (a structure tree for screen readers), with the document's
    # language and title; WeasyPrint builds the tags from the HTML's own elements.
    with _STATISTIEK_LOCK:
        STATISTIEK["gemaakt"] += 1
    return document.write_pdf(stylesheets=css, pdf_variant="pdf/ua-1")


def paginanummers_css() -> SafeString:
    """CSS for a <style> element in the PDF's HTML: the page numbers in the footer in the
    active language ("Pagina 1 van 3"), overriding the Dutch line of the stylesheet."""
    zin = gettext("Pagina %(nummer)s van %(totaal)s")
    zin = zin.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    inhoud = zin % {"nummer": '" counter(page) "', "totaal": '" counter(pages) "'}
    # Safe: our own catalogue text, with quotes, backslashes and "<" escaped for CSS above.
    return mark_safe('@page { @bottom-center { content: "' + inhoud + '"; } }')  # noqa: S308


def bewaard(sleutel: str, maak: Callable[[], bytes]) -> bytes:
    """The PDF stored under `sleutel` for the current content version and date, or
    `maak()` (rendered once: an advisory lock makes other workers wait and reuse it).

    `sleutel` must name everything the PDF depends on besides the content (path,
    language, host). Off with settings.PDF_BEWAREN = False (tests of content changes)."""
    if not getattr(settings, "PDF_BEWAREN", False):
        return maak()
    sleutel = hashlib.sha256(sleutel.encode()).hexdigest()
    with transaction.atomic():
        versie = f"{paginacache.huidige_versie()}:{timezone.localdate().isoformat()}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [sleutel])
            cursor.execute(
                f"SELECT inhoud FROM {paginacache.PDF_TABEL} WHERE sleutel = %s AND versie = %s",  # noqa: S608
                [sleutel, versie],
            )
            rij = cursor.fetchone()
            if rij is not None:
                return bytes(rij[0])
            inhoud = maak()
            cursor.execute(
                f"""INSERT INTO {paginacache.PDF_TABEL} (sleutel, versie, inhoud) VALUES (%s, %s, %s)
                ON CONFLICT (sleutel) DO UPDATE SET versie = EXCLUDED.versie, inhoud = EXCLUDED.inhoud,
                gemaakt_op = now()""",  # noqa: S608
                [sleutel, versie, inhoud],
            )
    return inhoud


def te_vaak_antwoord(request, wachten: int):
    """The friendly Dutch 429 page, with Retry-After."""
    from django.shortcuts import render

    response = render(request, "429.html", {"wachten_minuten": max(1, -(-wachten // 60))}, status=429)
    response["Retry-After"] = str(wachten)
    response["Cache-Control"] = "no-store"
    return response


def beperkt(view):
    """At most settings.PDF_PER_MINUUT PDFs per client address per minute, for every PDF view."""

    @functools.wraps(view)
    def beperkte_view(request, *args, **kwargs):
        wachten = security.te_vaak(
            soort="pdf",
            sleutel=security.adres_sleutel(request),
            limiet=getattr(settings, "PDF_PER_MINUUT", 10),
            seconden=60,
        )
        if wachten:
            return te_vaak_antwoord(request, wachten)
        return view(request, *args, **kwargs)

    return beperkte_view
