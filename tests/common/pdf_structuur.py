"""Reads a PDF's structure tree (the tags a screen reader follows)."""

import io

from pypdf import PdfReader


def structuur_soorten(inhoud: bytes) -> list[str]:
    """The structure element types (/S: /H1, /P, /Table ...) of a tagged PDF, depth first.

    Fails when the PDF has no structure tree (/StructTreeRoot) or is not marked."""
    root = PdfReader(io.BytesIO(inhoud)).trailer["/Root"]
    assert "/StructTreeRoot" in root, "the PDF is not tagged: no /StructTreeRoot"
    assert bool(root["/MarkInfo"]["/Marked"])
    soorten: list[str] = []

    def loop(element, diepte=0):
        if diepte > 200:
            return
        if "/S" in element:
            soorten.append(str(element["/S"]))
        kinderen = element.get("/K")
        if kinderen is None:
            return
        kinderen = kinderen.get_object()
        for kind in kinderen if isinstance(kinderen, list) else [kinderen]:
            kind = kind.get_object() if hasattr(kind, "get_object") else kind
            if isinstance(kind, dict):
                loop(kind, diepte + 1)

    loop(root["/StructTreeRoot"].get_object())
    return soorten
