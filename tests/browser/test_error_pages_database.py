"""The 503 page (PostgreSQL away) and the 429 page (too many PDFs) in a real browser:
friendly B1 Dutch with the phone number, axe-clean at 375 and 1280 px."""

import pytest

from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_503_page_is_friendly_and_accessible(page, settings):
    settings.ROOT_URLCONF = "tests.armoedepact.foutpagina_urls_database"
    settings.DEBUG = False
    response = page.goto("/test/database-weg/")
    assert response.status == 503
    assert page.locator("h1").inner_text() == "Even niet beschikbaar"
    assert page.locator("main a[href^='tel:']").count() >= 1
    assert "connection" not in page.content().lower().split("<main", 1)[1]
    assert_accessible(page, "fout-503")


def test_the_429_page_of_the_pdfs_is_friendly_and_accessible(page, settings):
    settings.PDF_PER_MINUUT = 1
    page.goto("/check/uitslag/pdf/")  # no answers yet: back to the check, counted all the same
    response = page.goto("/check/uitslag/pdf/")
    assert response.status == 429
    assert page.locator("h1").inner_text() == "Even wachten"
    assert page.locator("main a[href^='tel:']").count() >= 1
    assert_accessible(page, "fout-429")
