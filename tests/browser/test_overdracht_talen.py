"""Issue 17 in a real browser: "Laat mij bellen" in English (every page in
English, axe at 375 and 1280 px), in Arabic (right to left), and without
JavaScript in English."""

import pytest

from overdracht.models import Verzoek
from tests.browser.support import assert_accessible
from tests.browser.test_overdracht import wereld  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in_het_engels(page, *, controleer=True):
    page.goto("/en/hulp/hulp-bij-schulden/")
    page.click("text=Ask them to call me")
    assert page.locator("h1").inner_text() == "Ask SchuldHulpMaatje to call me"
    if controleer:
        assert_accessible(page, "bellen en uitleg")
    page.click("button:has-text('Continue')")
    assert "Choose yes or no." in page.content()
    if controleer:
        assert_accessible(page, "bellen en uitleg fout")
    page.check("input[value=ja]")
    page.click("button:has-text('Continue')")
    assert page.locator("h1").inner_text() == "Your details for SchuldHulpMaatje"
    page.fill("#id_naam", "Jan de Vries")
    page.click("button:has-text('Continue')")
    assert "Fill in a phone number or an e-mail address." in page.content()
    if controleer:
        assert_accessible(page, "bellen en gegevens fout")
    page.fill("#id_telefoon", "06 12345678")
    page.check("input[value=avond]")
    page.click("button:has-text('Continue')")
    assert page.locator("h1").inner_text() == "Are your details correct?"
    assert "In the evening (17 to 20)" in page.content()
    if controleer:
        assert_accessible(page, "bellen en controleren")
    page.click("button:has-text('Send')")
    assert page.locator("h1").inner_text() == "Your request has been sent"
    if controleer:
        assert_accessible(page, "bellen en verstuurd")


def test_a_resident_asks_to_be_called_in_english(page, wereld):  # noqa: F811
    _in_het_engels(page)
    assert Verzoek.objects.count() == 1


def test_the_english_flow_works_without_javascript(page_no_js, wereld):  # noqa: F811
    _in_het_engels(page_no_js, controleer=False)
    assert Verzoek.objects.count() == 1


def test_the_arabic_explanation_is_right_to_left_and_accessible(page, wereld):  # noqa: F811
    page.goto("/ar/bellen/hulp-bij-schulden/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "SchuldHulpMaatje" in page.locator("h1").inner_text()
    assert_accessible(page, "bellen ar uitleg")
