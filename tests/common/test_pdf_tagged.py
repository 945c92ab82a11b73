"""Every PDF the portal makes is tagged (PDF/UA-1): common.pdf, the one renderer,
writes a structure tree with the document's headings, paragraphs and tables."""

import io

from pypdf import PdfReader

from common import pdf
from tests.common.pdf_structuur import structuur_soorten

HTML = (
    '<html lang="nl"><head><title>Een titel</title></head><body><h1>Kop</h1><p>Tekst</p>'
    "<table><tr><th>A</th><td>1</td></tr></table></body></html>"
)


def test_the_renderer_writes_a_structure_tree():
    soorten = structuur_soorten(pdf.html_naar_pdf(HTML))
    assert "/H1" in soorten and "/P" in soorten and "/Table" in soorten


def test_the_pdf_names_its_language_and_title():
    reader = PdfReader(io.BytesIO(pdf.html_naar_pdf(HTML)))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title == "Een titel"
