"""Journeys through the sociale kaart in a real browser, with axe at 375 and 1280 px."""

import datetime

import pytest

from tests.browser.support import assert_accessible
from tests.sociale_kaart.factories import (
    AanbodFactory,
    DoelgroepFactory,
    KernFactory,
    LevensgebeurtenisFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    SynoniemFactory,
    ThemaFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def kaart():
    geld = ThemaFactory(naam="Geld en schulden", volgorde=1)
    eten = ThemaFactory(naam="Eten en kleding", volgorde=2)
    ThemaFactory(naam="Kinderen en jongeren", volgorde=3)
    ThemaFactory(naam="Vervoer", volgorde=4)
    schulden = LevensgebeurtenisFactory(naam="Ik heb schulden", volgorde=1)
    LevensgebeurtenisFactory(naam="Ik verlies mijn werk", volgorde=2)
    volwassenen = DoelgroepFactory(naam="Mensen met schulden")
    leek, zuidhorn = KernFactory(naam="Leek"), KernFactory(naam="Zuidhorn")
    maatje = OrganisatieFactory(
        naam="SchuldHulpMaatje Westerkwartier",
        korte_omschrijving="Vrijwilligers helpen u met geldzorgen. Gratis en in vertrouwen.",
        telefoon="0594 - 00 00 11",
    )
    LocatieFactory(organisatie=maatje, naam="Het Kompas", straat="Voorbeeldstraat 1", postcode="9999 AA", plaats="Leek")
    aanbod = AanbodFactory(
        organisatie=maatje,
        titel="Een maatje bij geldzorgen",
        wat_u_krijgt="Een vrijwilliger helpt u met uw schulden. Samen maakt u een plan.",
        voor_wie="Voor iedereen met geldzorgen.",
        hoe_aanvragen="Bel ons.\nWij maken een afspraak bij u thuis.",
        meenemen="Uw post en rekeningen",
        themas=[geld],
        levensgebeurtenissen=[schulden],
        doelgroepen=[volwassenen],
        kernen=[leek, zuidhorn],
        laatst_gecontroleerd=datetime.date(2026, 3, 3),
    )
    OpeningstijdFactory(aanbod=aanbod, weekdag=0, van=datetime.time(9), tot=datetime.time(12))
    AanbodFactory(
        organisatie__naam="Humanitas",
        titel="Thuisadministratie",
        wat_u_krijgt="Hulp bij uw post en rekeningen.",
        themas=[geld],
        levensgebeurtenissen=[schulden],
        heel_de_gemeente=True,
    )
    AanbodFactory(
        organisatie__naam="Voedselbank Westerkwartier",
        titel="Voedselpakket",
        wat_u_krijgt="Elke week een pakket met boodschappen.",
        themas=[eten],
        kernen=[leek],
    )
    SynoniemFactory(woord="eten", zoekt_ook="voedselbank")
    return aanbod


def test_search_schulden_from_home_to_schuldhulpmaatje(page, kaart):
    page.goto("/")
    assert_accessible(page, "sociale-kaart home")
    page.get_by_role("searchbox", name="Waar zoekt u hulp bij?").fill("schulden")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/hulp/?q=schulden")
    assert "2 resultaten" in page.locator("#resultaten-titel").inner_text()
    assert_accessible(page, "sociale-kaart resultaten schulden")
    page.get_by_role("link", name="Een maatje bij geldzorgen").click()
    assert page.locator("h1").inner_text() == "Een maatje bij geldzorgen"
    assert page.get_by_role("link", name="0594 - 00 00 11", exact=True).get_attribute("href") == "tel:0594000011"
    assert "Maandag van 9:00 tot 12:00" in page.content()
    assert "Laatst gecontroleerd op 3 maart 2026" in page.content()
    assert_accessible(page, "sociale-kaart aanbod detail")
    page.get_by_role("link", name="SchuldHulpMaatje Westerkwartier").first.click()
    assert page.locator("h1").inner_text() == "SchuldHulpMaatje Westerkwartier"
    assert_accessible(page, "sociale-kaart organisatie detail")


def test_filter_only_journey_by_life_event(page, kaart):
    page.goto("/")
    page.get_by_role("link", name="Ik heb schulden").click()
    assert "levensgebeurtenis=ik-heb-schulden" in page.url
    assert "2 resultaten" in page.locator("#resultaten-titel").inner_text()
    assert_accessible(page, "sociale-kaart resultaten levensgebeurtenis")
    # Narrow down to one village, then remove the life event again.
    page.get_by_label("Waar woont u?").select_option(label="Zuidhorn")
    page.get_by_role("button", name="Filters toepassen").click()
    assert "2 resultaten" in page.locator("#resultaten-titel").inner_text()  # Zuidhorn + heel de gemeente
    page.get_by_role("link", name="Weghalen: Ik heb schulden").click()
    assert "levensgebeurtenis" not in page.url and "kern=zuidhorn" in page.url
    page.get_by_role("link", name="Een maatje bij geldzorgen").click()
    assert page.locator("h1").inner_text() == "Een maatje bij geldzorgen"


def test_theme_tile_and_synonym(page, kaart):
    page.goto("/")
    page.get_by_role("link", name="Eten en kleding").click()
    assert "1 resultaat" in page.locator("#resultaten-titel").inner_text()
    page.get_by_role("searchbox", name="Waar zoekt u hulp bij?").fill("eten")
    page.get_by_role("searchbox", name="Waar zoekt u hulp bij?").press("Enter")
    assert page.get_by_role("link", name="Voedselpakket").is_visible()


def test_no_results_page_is_accessible_and_offers_a_phone_number(page, kaart):
    page.goto("/hulp/?q=paardrijden&thema=vervoer")
    assert "Geen hulp gevonden" in page.locator("#resultaten-titel").inner_text()
    assert page.locator(".zk-leeg a[href^='tel:']").count() == 1
    assert_accessible(page, "sociale-kaart geen resultaten")


def test_search_and_filters_work_without_javascript(page_no_js, kaart):
    page = page_no_js
    page.goto("/hulp/")
    page.locator("summary", has_text="Onderwerp").click()
    page.get_by_label("Eten en kleding").check()
    page.get_by_role("button", name="Filters toepassen").click()
    assert "thema=eten-en-kleding" in page.url
    assert page.get_by_role("link", name="Voedselpakket").is_visible()


def test_filters_can_be_used_with_the_keyboard_alone(page, kaart):
    page.goto("/hulp/")
    page.locator("#zoek-q").focus()
    page.keyboard.type("maatje")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=maatje**")
    link = page.get_by_role("link", name="Een maatje bij geldzorgen")
    link.focus()
    page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Een maatje bij geldzorgen"
