"""A single parent with two children (7 and 12), renting at € 750, in a real browser:
the four national allowances in their own section with links, then "Wat als ik meer
ga verdienen?" with the total now and after and the cliff; nothing is cut off at
320 px; axe finds nothing at 375 and 1280 px."""

from io import StringIO

import pytest

from tests.browser.support import assert_accessible
from tests.browser.test_check import ANTWOORDEN, VOLGENDE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every element on the page that ends to the right of the screen (also inside a
# scrolling box, which scrollWidth alone would not show).
UITSTEKEND = """(breedte) => [...document.querySelectorAll('body *')]
  .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > breedte + 0.5)
  .map(el => el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className)"""


@pytest.fixture
def demo(db):
    from regelingen import demo

    demo.load(stdout=StringIO())


def _niets_afgesneden(page, naam):
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate(UITSTEKEND, 320) == [], naam
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, naam
    page.screenshot(path=f"artifacts/screenshots/{naam}-320.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_single_parent_renting_sees_national_allowances_and_the_cliff(page, demo):
    page.goto("/check/woonplaats/")
    for stap, soort, doel in ANTWOORDEN:
        page.wait_for_url(f"**/check/{stap}/")
        if soort == "radio":
            page.check(doel)
        elif soort == "text":
            page.fill(*doel)
        page.click(VOLGENDE)
    page.wait_for_url("**/check/controleren/")
    assert "€ 750,00 per maand" in page.locator(".check-answers").inner_text()
    page.get_by_role("button", name="Bekijk de uitslag").click()
    page.wait_for_url("**/check/uitslag/")

    sectie = page.get_by_role("region", name="Landelijke toeslagen")
    tekst = sectie.inner_text()
    assert "Dit is een schatting." in tekst
    for naam in ("Huurtoeslag", "Zorgtoeslag", "Kindgebonden budget", "Kinderbijslag"):
        artikel = sectie.get_by_role("article", name=naam)
        assert artikel.count() == 1, naam
        link = artikel.locator("a[href^='https://']")
        assert link.count() >= 1, naam
    assert "toeslagen.nl" in sectie.get_by_role("article", name="Zorgtoeslag").locator("a").first.get_attribute("href")
    assert "svb.nl" in sectie.get_by_role("article", name="Kinderbijslag").locator("a").first.get_attribute("href")
    assert "€ 129,00 per maand" in sectie.get_by_role("article", name="Zorgtoeslag").inner_text()
    assert "€ 259,94 per maand" in sectie.get_by_role("article", name="Kinderbijslag").inner_text()
    assert "€ 750,00 kale huur" in sectie.get_by_role("article", name="Huurtoeslag").inner_text()
    totaal_uitslag = page.locator("#totaal-nu [data-totaal]").get_attribute("data-totaal")
    _niets_afgesneden(page, "check-uitslag-landelijk")
    assert_accessible(page, "check-uitslag-landelijk")

    page.get_by_role("link", name="Wat als ik meer ga verdienen?").click()
    page.wait_for_url("**/check/meer-verdienen/")
    assert page.locator("#totaal-nu [data-totaal]").get_attribute("data-totaal") == totaal_uitslag
    nu = page.locator("#totaal-nu").inner_text()
    na = page.locator("#totaal-na").inner_text()
    assert "Samen per jaar" in nu and "Samen per jaar" in na
    assert "€ 1.730,87 per maand" in na  # just past the cliff
    assert "op achteruit" in page.locator(".scenario-verschil").inner_text()
    assert page.locator("svg[role=img] circle.grafiek__klif").count() >= 1
    assert "€ 1.730,86 per maand" in page.locator("table").first.inner_text()
    _niets_afgesneden(page, "check-meer-verdienen")
    assert_accessible(page, "check-meer-verdienen-totaal")

    # The resident types a new income: the page shows that "after".
    page.fill("#id_nieuw_inkomen", "1700 euro")
    page.get_by_role("button", name="Reken uit").click()
    assert "€ 1.700,00 per maand" in page.locator("#totaal-na").inner_text()
    assert "vooruit" in page.locator(".scenario-verschil").inner_text()
    assert_accessible(page, "check-meer-verdienen-eigen")


def test_what_you_already_get_and_living_together(page, demo):
    """ "Wat krijgt u al?" with kinderbijslag and the Kindpakket ticked: the children
    question is skipped, both show under "Dit krijgt u al" and not as new tips; then
    "Wat als we gaan samenwonen?" with a partner who earns: total now and after, what stops."""
    page.goto("/check/woonplaats/")
    for stap, soort, doel in ANTWOORDEN:
        if stap == "kinderen":
            continue  # kinderbijslag answers it
        page.wait_for_url(f"**/check/{stap}/")
        if stap == "ontvangt":
            assert page.locator("h1").inner_text() == "Wat krijgt u al?"
            page.get_by_label("Kinderbijslag").check()
            page.get_by_label("Kindpakket").check()
            _niets_afgesneden(page, "check-ontvangt")
            assert_accessible(page, "check-ontvangt")
        elif soort == "radio":
            page.check(doel)
        elif soort == "text":
            page.fill(*doel)
        page.click(VOLGENDE)
    page.wait_for_url("**/check/controleren/")
    assert "Kinderen onder 18 thuis" not in page.locator(".check-answers").inner_text()
    page.get_by_role("button", name="Bekijk de uitslag").click()
    page.wait_for_url("**/check/uitslag/")

    al = page.get_by_role("region", name="Dit krijgt u al")
    assert "Kinderbijslag" in al.inner_text() and "Kindpakket" in al.inner_text()
    assert (
        page.get_by_role("region", name="Landelijke toeslagen").get_by_role("article", name="Kinderbijslag").count()
        == 0
    )
    assert page.get_by_role("article", name="Kindpakket").count() == 0
    totaal_uitslag = page.locator("#totaal-nu [data-totaal]").get_attribute("data-totaal")
    _niets_afgesneden(page, "check-uitslag-al")
    assert_accessible(page, "check-uitslag-al")

    page.get_by_role("link", name="Wat als we gaan samenwonen?").click()
    page.wait_for_url("**/check/wat-als/samenwonen/")
    assert page.locator("#totaal-nu [data-totaal]").get_attribute("data-totaal") == totaal_uitslag
    page.fill("#id_leeftijd_partner", "36")
    page.fill("#id_inkomen_partner", "1200")
    page.get_by_role("button", name="Reken uit").click()
    assert "€ 2.850,00 per maand" in page.locator("#totaal-na").inner_text()
    tabel = page.locator("#tabel-verandering").inner_text()
    assert "Kindpakket" in tabel and "Stopt." in tabel
    _niets_afgesneden(page, "check-wat-als-samenwonen")
    assert_accessible(page, "check-wat-als-samenwonen")
