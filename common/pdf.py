"""HTML to PDF with WeasyPrint, made on the fly and never stored.

The stylesheets are read from disk by the caller's paths; the document itself
fetches nothing: every URL it names (images, fonts, stylesheets, over the
network or not) is refused, so a PDF never depends on another server.

Every PDF is PDF/UA-1 (tagged: it carries a structure tree, /StructTreeRoot,
so a screen reader reads headings, lists and tables as such).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

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


def html_naar_pdf(html: str, *, stylesheets: Iterable[Path] = (), base_url: str | Path | None = None) -> bytes:
    """Render `html` as PDF with the CSS files in `stylesheets` (read as UTF-8).

    `base_url` is what relative URLs in the HTML resolve against (WeasyPrint's
    default when None); they are refused all the same."""
    from weasyprint import CSS, HTML

    css = [CSS(string=Path(pad).read_text(encoding="utf-8")) for pad in stylesheets]
    document = HTML(string=html, base_url=None if base_url is None else str(base_url), url_fetcher=_url_fetcher())
    # PDF/UA-1: tagged (a structure tree for screen readers), with the document's
    # language and title; WeasyPrint builds the tags from the HTML's own elements.
    return document.write_pdf(stylesheets=css, pdf_variant="pdf/ua-1")
