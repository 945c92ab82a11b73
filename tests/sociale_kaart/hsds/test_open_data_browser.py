"""The /open-data/ page in a real browser: accessible (axe, 0 violations), works without JavaScript."""

import pytest

from tests.browser.support import assert_accessible
from tests.sociale_kaart.hsds.conftest import make_kaart

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_open_data_page_is_accessible(page):
    make_kaart()
    page.goto("/open-data/")
    assert page.locator("h1").inner_text() == "Open data: de sociale kaart"
    assert_accessible(page, "hsds/open-data")


def test_open_data_page_works_without_javascript_and_downloads(page_no_js):
    make_kaart()
    response = page_no_js.goto("/open-data/")
    assert response.status == 200
    with page_no_js.expect_download() as download_info:
        page_no_js.get_by_role("link", name="Download de sociale kaart (JSON)").click()
    assert download_info.value.suggested_filename == "sociale-kaart-hsds.json"
