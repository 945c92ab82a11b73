"""Anonymous PDFs are rendered once per content version and then served from
PostgreSQL; every PDF endpoint is rate-limited per client address (a friendly
429 page). The render count is common.pdf.STATISTIEK, a real counter in code."""

import pytest
from django.db import connection
from django.test import Client

from common import pdf
from regelingen.models import Regeling

pytestmark = pytest.mark.django_db


def _gemaakt() -> int:
    return pdf.STATISTIEK["gemaakt"]


def _commit_zichtbaar():
    # The content version changes in a deferred trigger at commit; a test never
    # commits, so fire the deferred triggers now, as a commit would.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_two_requests_for_the_folder_render_it_once(client, regelingen_demo, settings):
    settings.PDF_BEWAREN = True
    voor = _gemaakt()
    eerste = client.get("/regelingen/folder.pdf")
    tweede = Client(REMOTE_ADDR="203.0.113.9").get("/regelingen/folder.pdf")
    assert eerste.status_code == tweede.status_code == 200
    assert tweede["Content-Type"] == "application/pdf"
    assert eerste.content == tweede.content and eerste.content.startswith(b"%PDF")
    assert _gemaakt() == voor + 1

    # A third request, from the first address again: still the stored bytes.
    client.get("/regelingen/folder.pdf")
    assert _gemaakt() == voor + 1


def test_a_content_change_renders_the_folder_again(client, regelingen_demo, settings):
    settings.PDF_BEWAREN = True
    client.get("/regelingen/folder.pdf")
    voor = _gemaakt()
    Regeling.objects.filter(slug="kindpakket").update(naam="Kindpakket Westerkwartier nieuw")
    _commit_zichtbaar()
    nieuw = client.get("/regelingen/folder.pdf")
    assert _gemaakt() == voor + 1
    assert b"%PDF" in nieuw.content[:8]
    client.get("/regelingen/folder.pdf")
    assert _gemaakt() == voor + 1


@pytest.mark.parametrize(
    "pad",
    ["/regelingen/folder.pdf", "/regelingen/folder/kinderen.pdf", "/pact/agenda/2026.pdf", "/check/uitslag/pdf/"],
)
def test_every_pdf_endpoint_answers_429_after_the_limit(pad, settings):
    settings.PDF_PER_MINUUT = 2
    settings.PDF_BEWAREN = False
    bezoeker = Client(REMOTE_ADDR="198.51.100.20")
    for _ in range(2):
        assert bezoeker.get(pad).status_code != 429
    voor = _gemaakt()
    response = bezoeker.get(pad)
    assert response.status_code == 429
    assert _gemaakt() == voor  # nothing rendered for a refused request
    assert int(response["Retry-After"]) >= 1
    html = response.content.decode()
    assert "Even wachten" in html and "Probeer het over 1 minuut opnieuw" in html
    assert "0594" in html  # always a phone number
    # Another address is not limited by this one.
    assert Client(REMOTE_ADDR="198.51.100.21").get(pad).status_code != 429
