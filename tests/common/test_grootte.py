"""Issue 15: upload limits. A huge body is refused before anything reads it
(413); an XLSX that unpacks to far more than its size, or a file with too many
rows, is refused by the admin import with a Dutch reason; nothing changes."""

import io
import zipfile

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from regelingen.models import Normbedrag
from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401


def test_a_huge_anonymous_post_is_refused_before_it_is_read(client, db):
    response = client.post(
        "/pact/aansluiten/",
        data=b"x" * 100,
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "te groot" in response.content.decode()


def test_the_413_page_reaches_the_browser_through_a_real_wsgi_server(live_server):
    """Django's own server (make run, and the live server here) refuses hop-by-hop headers
    such as "Connection: close" with "A server error occurred"; the page must get through."""
    import contextlib
    import socket
    from urllib.parse import urlsplit

    adres = urlsplit(live_server.url)
    with socket.create_connection((adres.hostname, adres.port), timeout=10) as verbinding:
        verbinding.sendall(
            b"POST /en/check/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Connection: close\r\nContent-Length: 524288000\r\n\r\nx=1"
        )
        antwoord = b""
        with contextlib.suppress(TimeoutError):  # what came before a stall is judged below
            while chunk := verbinding.recv(65536):
                antwoord += chunk
    tekst = antwoord.decode(errors="replace")
    assert tekst.startswith("HTTP/1.1 413"), tekst[:200]
    assert "too large" in tekst.lower() or "too big" in tekst.lower(), tekst[-500:]


def test_the_413_page_speaks_the_language_of_the_path(client, db):
    response = client.post(
        "/ar/pact/aansluiten/",
        data=b"x" * 100,
        content_type="multipart/form-data; boundary=grens",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
    )
    html = response.content.decode()
    assert response.status_code == 413
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert "ما ترسله كبير جدًا" in html and "te groot" not in html


def test_the_503_page_speaks_the_language_of_the_path(rf, db):
    from common.middleware import database_weg_antwoord

    html = database_weg_antwoord(rf.get("/en/hulp/")).content.decode()
    assert "Not available for a moment" in html and "Even niet beschikbaar" not in html
    assert "Even niet beschikbaar" in database_weg_antwoord(rf.get("/hulp/")).content.decode()


def test_an_ordinary_form_post_still_works(client, db):
    assert client.post("/partner/inloggen/", {"username": "a@b.nl", "password": "x"}).status_code == 200


def _xlsx_bom() -> bytes:
    dataset = tablib.Dataset(headers=["huishoudtype", "bedrag", "geldig_vanaf"])
    dataset.append(["alleenstaand_21", "1450,25", "01-07-2026"])
    buffer = io.BytesIO(dataset.export("xlsx"))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as zip_:
        zip_.writestr("xl/media/vulling.bin", b"\0" * (80 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_an_xlsx_that_unpacks_too_large_is_refused(admin_client, regelingen_demo):
    inhoud = _xlsx_bom()
    assert len(inhoud) < 1024 * 1024  # small on the outside
    voor = Normbedrag.objects.count()
    bestand = SimpleUploadedFile("normen.xlsx", inhoud)
    response = admin_client.post("/beheer/regelingen/normbedrag/import/", {"format": "1", "import_file": bestand})
    html = response.content.decode()
    assert "uitgepakt" in html and "te groot" in html
    assert Normbedrag.objects.count() == voor


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_a_file_with_too_many_rows_is_refused(admin_client, regelingen_demo, settings):
    settings.IMPORT_MAX_RIJEN = 10
    rijen = [f"alleenstaand_21,{1000 + i},2030-01-{i + 1:02d}" for i in range(11)]
    regels = ["huishoudtype,bedrag,geldig_vanaf", *rijen]
    bestand = SimpleUploadedFile("normen.csv", ("\n".join(regels) + "\n").encode())
    response = admin_client.post("/beheer/regelingen/normbedrag/import/", {"format": "0", "import_file": bestand})
    html = response.content.decode()
    assert "meer dan 10 regels" in html
