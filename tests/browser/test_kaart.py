"""Done when of "Kaart en dichtbij": a resident in Leek finds the nearest help,
sees it on the map, opens a pin with the keyboard and reaches the detail page.
There is no internet here: tile requests get an empty image. Any CSP violation
in the console fails the test."""

import base64
import re

import pytest

from tests.browser.support import assert_accessible
from tests.sociale_kaart.zoeken.conftest import dorpen, westerkwartier  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEEG_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture
def kaartpagina(page, settings):
    """The page with tile requests answered locally and console errors collected."""
    tegels = []

    def tegel(route):
        tegels.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=LEEG_PNG)

    page.route(re.compile(r"^https://service\.pdok\.nl/.*"), tegel)
    fouten = []
    page.on("console", lambda msg: fouten.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: fouten.append(str(exc)))
    page.tegels = tegels
    page.fouten = fouten
    return page


def geen_csp_fouten(page):
    csp = [f for f in page.fouten if "Content Security Policy" in f or "Refused to" in f]
    assert csp == [], csp
    assert page.fouten == [], page.fouten


def pins_en_groepen(page) -> int:
    """Places on the map: single pins plus the number inside each group of pins."""
    page.wait_for_selector("#kaart .leaflet-marker-icon")
    losse = page.locator("#kaart .leaflet-marker-icon:not(.kaart-groep)").count()
    groepen = page.locator("#kaart .kaart-groep > span[aria-hidden='true']").all_inner_texts()
    return losse + sum(int(t) for t in groepen)


def test_resident_in_leek_finds_the_nearest_help_and_uses_the_map(kaartpagina, westerkwartier):  # noqa: F811
    page = kaartpagina
    page.goto("/hulp/")
    page.get_by_label("Waar woont u?").select_option(label="Leek")
    page.get_by_role("button", name="Filters toepassen").click()
    page.get_by_label("Hoe ver mag de hulp zijn?").select_option(label="Binnen 10 km van Leek")
    page.get_by_role("button", name="Filters toepassen").click()
    page.get_by_label("Volgorde").select_option(label="Dichtstbij Leek eerst")
    page.get_by_role("button", name="Sorteren").click()
    assert "sorteer=afstand" in page.url and "kern=leek" in page.url

    eerste = page.locator(".zk-resultaat").first
    assert eerste.locator("h3").inner_text() in {"Schuldhulp Zuidhorn en Leek", "Spreekuur in Leek"}
    assert eerste.locator(".zk-feiten__afstand dd").inner_text() == "0,3 km"
    afstanden = page.locator(".zk-feiten__afstand dd").all_inner_texts()
    kilometers = [float(t.split(" km")[0].replace(",", ".")) for t in afstanden if re.match(r"^\d+(,\d)? km", t)]
    assert kilometers == sorted(kilometers) and len(kilometers) >= 5
    assert "Telefonisch of online" in page.content()
    assert_accessible(page, "kaart lijst dichtbij leek")

    page.get_by_role("link", name="Kaart", exact=True).click()
    assert page.url.split("?")[0].endswith("/hulp/kaart/")
    # Kantoor Leek, Buurthuis Tolbert, Kantoor Zuidhorn, Uitgifte Marum: the phone circle is not a pin.
    assert "De kaart laat 4 plekken zien. De lijst hieronder heeft dezelfde plekken." in page.content()
    assert pins_en_groepen(page) == 4
    assert page.locator(".kaart-lijst__plek").count() == 4
    assert page.tegels, "the map asked for tiles from the tile host"

    # Keyboard: Tab reaches a pin, Enter opens its popup, the popup takes the focus.
    pin = page.get_by_role("button", name="Sociaal Werk De Schans, Kantoor Zuidhorn")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('alt')") == "Sociaal Werk De Schans, Kantoor Zuidhorn":
            break
    else:
        pytest.fail("Tab never reached the pin of Kantoor Zuidhorn")
    assert pin.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert "Kantoor Zuidhorn" in popup.inner_text() and "Voorbeeldstraat 1" in popup.inner_text()
    assert_accessible(page, "kaart kaartweergave leek")

    page.locator(".leaflet-popup").get_by_role("link", name="Schuldhulp Zuidhorn en Leek").click()
    assert page.locator("h1").inner_text() == "Schuldhulp Zuidhorn en Leek"
    # The small map shows both places of this aanbod; the address links to a route planner.
    assert pins_en_groepen(page) == 2
    route = page.get_by_role("link", name=re.compile("Route plannen naar Kantoor Zuidhorn"))
    assert route.get_attribute("href") == "https://www.openstreetmap.org/directions?to=53.245000,6.406000"
    assert page.get_by_role("link", name=re.compile("^Bel")).get_attribute("href").startswith("tel:")
    assert page.get_by_role("link", name=re.compile("^Mail")).get_attribute("href").startswith("mailto:")
    assert_accessible(page, "kaart aanbod detail")
    geen_csp_fouten(page)


def test_organisation_page_has_a_small_map(kaartpagina, westerkwartier):  # noqa: F811
    page = kaartpagina
    page.goto("/organisatie/sociaal-werk-de-schans/")
    assert pins_en_groepen(page) == 3
    assert "De kaart laat 3 plekken zien." in page.content()
    assert_accessible(page, "kaart organisatie detail")
    geen_csp_fouten(page)


def test_map_page_without_javascript_shows_the_list(page_no_js, westerkwartier):  # noqa: F811
    page_no_js.goto("/hulp/kaart/?kern=leek&afstand=10")
    assert not page_no_js.locator("#kaart").is_visible()
    assert page_no_js.locator(".kaart-lijst__plek").count() == 4
    assert "De lijst hieronder heeft dezelfde plekken." in page_no_js.content()
    page_no_js.get_by_role("link", name="Lijst", exact=True).click()
    assert page_no_js.locator(".zk-resultaat").count() >= 5
