"""common.pdf: the one HTML-to-PDF renderer (WeasyPrint) of the project."""

import io
import logging

import pytest
from pypdf import PdfReader

from common import pdf


def test_renders_with_the_given_stylesheets(tmp_path):
    css = tmp_path / "print.css"
    css.write_text("@page { size: A5; } h1 { color: #123456; }", encoding="utf-8")
    reader = PdfReader(io.BytesIO(pdf.html_naar_pdf("<h1>Alle regelingen</h1>", stylesheets=[css])))
    assert "Alle regelingen" in reader.pages[0].extract_text()
    breedte_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(breedte_mm) == 148  # A5 from the stylesheet


def test_nothing_is_fetched_and_a_refused_url_does_not_stop_the_pdf(tmp_path, caplog):
    html = '<img src="https://voorbeeld.invalid/logo.png"><img src="logo.png"><p>Tekst</p>'
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        inhoud = pdf.html_naar_pdf(html, base_url=tmp_path)
    assert "Tekst" in PdfReader(io.BytesIO(inhoud)).pages[0].extract_text()
    geweigerd = [r.getMessage() for r in caplog.records if "niets van buiten" in r.getMessage()]
    assert any("https://voorbeeld.invalid/logo.png" in m for m in geweigerd)
    assert any((tmp_path / "logo.png").as_uri() in m for m in geweigerd)  # relative to base_url, refused too
    with pytest.raises(ValueError, match="niets van buiten"):
        pdf.geen_netwerk("https://voorbeeld.invalid/")
