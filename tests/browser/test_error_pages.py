"""The error pages in a real browser: axe-clean at 375 and 1280 px."""

import pytest

from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fout_urls(settings):
    settings.ROOT_URLCONF = "tests.armoedepact.foutpagina_urls"
    settings.DEBUG = False


@pytest.mark.parametrize(
    "pad,status,kop",
    [
        ("/test/verdacht/", 400, "Dit verzoek klopt niet"),
        ("/test/verboden/", 403, "U kunt deze pagina niet openen"),
        ("/bestaat-niet/", 404, "Deze pagina bestaat niet (meer)"),
        ("/test/kapot/", 500, "Er ging iets mis"),
    ],
)
def test_error_pages_are_friendly_and_accessible(page, fout_urls, pad, status, kop):
    response = page.goto(pad)
    assert response.status == status
    assert page.locator("h1").inner_text() == kop
    assert page.locator("main a[href^='tel:']").count() >= 1
    assert_accessible(page, f"fout-{status}")
