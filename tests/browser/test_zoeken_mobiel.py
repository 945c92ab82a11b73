"""The search on a phone (375 x 667): a typo still finds the help, the page
says what it also searched for, and the first result's title, first step and
phone button are on the first screen. axe: 0 violations."""

import io

import pytest

from sociale_kaart import demo
from tests.browser.support import ARTIFACTS, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCHERM = {"width": 375, "height": 667}


@pytest.fixture
def kaart():
    demo.load(stdout=io.StringIO())


def _op_eerste_scherm(locator) -> bool:
    vak = locator.bounding_box()
    return vak is not None and vak["y"] >= 0 and vak["y"] + vak["height"] <= SCHERM["height"]


def test_a_typo_finds_the_voedselbank_and_the_first_card_shows_how_to_start_above_the_fold(page, kaart):
    page.set_viewport_size(SCHERM)
    page.goto("/hulp/")
    page.get_by_label("Waar zoekt u hulp bij?").fill("voedselbnak")
    page.get_by_role("button", name="Zoeken", exact=True).click()

    ook = page.locator(".zk-ook-gezocht")
    assert "Wij zochten ook naar: voedselbank" in ook.inner_text()
    eerste = page.locator(".zk-resultaat").first
    assert "Voedselbank" in eerste.locator("h3").inner_text()
    stap = eerste.locator(".zk-resultaat__stap")
    bel = eerste.get_by_role("link", name="Bel 0594")
    assert stap.inner_text().startswith("Zo begint u:")
    assert bel.get_attribute("href").startswith("tel:")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "zoeken-typo-eerste-scherm-375.png"))
    # The title, the phone button and the whole first step, on the first screen.
    for deel in (eerste.locator("h3"), bel, stap):
        assert _op_eerste_scherm(deel), f"{deel} is not on the first screen: {deel.bounding_box()}"
    # The first step is short; a link leads to the rest of how to start.
    meer = stap.get_by_role("link", name="meer over hoe u begint")
    assert meer.get_attribute("href").endswith("#aanvragen-titel")
    assert_accessible(page, "zoeken typo voedselbnak")


def test_the_exact_spelling_link_searches_only_what_was_typed(page, kaart):
    page.set_viewport_size(SCHERM)
    page.goto("/hulp/?q=voedselbnak")
    page.get_by_role("link", name='Zoek alleen naar "voedselbnak"').click()
    assert page.locator(".zk-ook-gezocht").count() == 0
    assert "Geen hulp gevonden" in page.locator("h2#resultaten-titel").inner_text()
    # No dead end: the themes and the phone number are offered.
    assert page.get_by_role("link", name="Eten en kleding").count() >= 1
    assert_accessible(page, "zoeken precies geen resultaat")


def test_in_english_the_first_card_is_on_the_first_screen_too(page, kaart):
    page.set_viewport_size(SCHERM)
    page.goto("/en/hulp/?q=food+bank")
    eerste = page.locator(".zk-resultaat").first
    assert "Voedselbank" in eerste.locator("h3").inner_text()
    for deel in (eerste.locator("h3"), eerste.locator(".zk-resultaat__bel"), eerste.locator(".zk-resultaat__stap")):
        assert _op_eerste_scherm(deel), f"{deel} is not on the first screen: {deel.bounding_box()}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "zoeken-en-eerste-scherm-375.png"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(ARTIFACTS / "zoeken-en-1280.png"))


def test_a_sentence_in_another_language_finds_help(page, kaart):
    page.set_viewport_size(SCHERM)
    page.goto("/hulp/?q=food+bank")
    assert "Voedselbank" in page.locator(".zk-resultaat h3").first.inner_text()
