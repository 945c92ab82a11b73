"""The result as a PDF (WeasyPrint, A4), made on the fly and never stored.

The stylesheet is read from disk and nothing is fetched over the network.
"""

import logging
from pathlib import Path

# WeasyPrint reports every layout step at INFO; keep the logs quiet.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PRINT_CSS = Path(__file__).resolve().parent / "pdf.css"


def _geen_netwerk(url, *args, **kwargs):
    raise ValueError("De PDF haalt niets van buiten op.")


def html_naar_pdf(html: str) -> bytes:
    from weasyprint import CSS, HTML

    css = CSS(string=PRINT_CSS.read_text(encoding="utf-8"))
    return HTML(string=html, url_fetcher=_geen_netwerk).write_pdf(stylesheets=[css])
