"""The check's result as a PDF (A4, regelingen/pdf.css), rendered by common.pdf."""

from pathlib import Path

from common import pdf

PRINT_CSS = Path(__file__).resolve().parent / "pdf.css"


def html_naar_pdf(html: str) -> bytes:
    return pdf.html_naar_pdf(html, stylesheets=[PRINT_CSS])
