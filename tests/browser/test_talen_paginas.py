"""The translated resident pages in a real browser (issue 18): axe 0 violations at
375 and 1280 px in English and in Arabic (right to left), screenshots kept."""

from io import StringIO

import pytest

from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(db):
    from sociale_kaart import demo

    demo.load(stdout=StringIO())


@pytest.mark.parametrize("taal", ["en", "ar"])
def test_search_offer_map_and_site_pages_in_another_language(page, demo, taal):
    from sociale_kaart.models import Aanbod

    aanbod = Aanbod.objects.filter(status="gepubliceerd").select_related("organisatie").first()
    paginas = {
        "zoeken": f"/{taal}/hulp/?q=food&kern=leek",
        "geen-resultaat": f"/{taal}/hulp/?q=qqqzzz",
        "aanbod": f"/{taal}/hulp/{aanbod.slug}/",
        "organisatie": f"/{taal}/organisatie/{aanbod.organisatie.slug}/",
        "kaart": f"/{taal}/hulp/kaart/",
        "privacy": f"/{taal}/privacy/",
        "niet-gevonden": f"/{taal}/bestaat-niet/",
    }
    for naam, pad in paginas.items():
        page.goto(pad)
        assert page.locator("html").get_attribute("lang") == taal
        assert (page.locator("html").get_attribute("dir") == "rtl") is (taal == "ar")
        assert_accessible(page, f"talen-{taal}-{naam}")
