"""The potjeswijzer in a real browser: a single parent with two children walks
the whole check, sees the result, the armoedeval view and the PDF. Every page
passes axe at 375 and 1280 px; the same journey works with the keyboard alone."""

from io import BytesIO, StringIO

import pytest

from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANTWOORDEN = [
    ("woonplaats", "radio", "#id_woont_in_gemeente_0"),
    ("ontvangt", "niets", None),  # "Wat krijgt u al?": nothing ticked
    ("samenwonen", "radio", "#id_partner_1"),
    ("leeftijd", "text", ("#id_leeftijd", "35")),
    ("kinderen", "radio", "#id_heeft_kinderen_0"),
    ("leeftijd-kinderen", "text", ("#id_leeftijden", "7, 12")),
    ("inkomen", "text", ("#id_netto_inkomen", "1650")),
    ("spaargeld", "text", ("#id_vermogen", "3000")),
    ("laag-inkomen", "text", ("#id_jaren_laag_inkomen", "4")),
    ("studie", "radio", "#id_student_1"),
    ("vaste-lasten", "text", ("#id_vaste_lasten", "1100")),  # the Voedselbank's leefgeld test
    ("woning", "radio", "#id_huurt_0"),
    ("huur", "text", ("#id_huur", "750")),
]
VOLGENDE = "form.check-vraag button[type=submit]"


@pytest.fixture
def demo(db):
    from regelingen import demo

    demo.load(stdout=StringIO())


def test_single_parent_walks_the_whole_check(page, demo):
    page.goto("/check/")
    assert page.locator("h1").inner_text() == "Check waar u recht op heeft"
    assert_accessible(page, "check-start")
    page.get_by_role("link", name="Start de check").click()

    for nummer, (stap, soort, doel) in enumerate(ANTWOORDEN, start=1):
        page.wait_for_url(f"**/check/{stap}/")
        assert f"Vraag {nummer} van" in page.locator(".check-voortgang").inner_text()
        assert page.locator("h1").count() == 1
        if stap == "inkomen":
            # First a mistake: the message is clear and the page passes axe too.
            page.fill("#id_netto_inkomen", "heel weinig")
            page.click(VOLGENDE)
            assert "Er is een probleem" in page.locator(".error-summary").inner_text()
            assert page.title().startswith("Fout: ")
            assert_accessible(page, "check-inkomen-fout")
        if soort == "radio":
            page.check(doel)
        elif soort == "text":
            page.fill(*doel)
        assert_accessible(page, f"check-{stap}")
        page.click(VOLGENDE)

    page.wait_for_url("**/check/controleren/")
    assert "€ 1.650,00 per maand" in page.locator(".check-answers").inner_text()
    assert_accessible(page, "check-controleren")
    page.get_by_role("button", name="Bekijk de uitslag").click()

    page.wait_for_url("**/check/uitslag/")
    ja = page.locator(".uitslag-groep--ja").inner_text()
    assert "Kindpakket" in ja and "Stichting Leergeld" in ja and "Participatiefonds" in ja
    assert "€ 446,00" in ja
    assert "Zonnecarport Zuidhorn" in page.locator(".uitslag-groep--misschien").inner_text()
    assert_accessible(page, "check-uitslag")

    pdf = page.request.get("/check/uitslag/pdf/")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    from pypdf import PdfReader

    tekst = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.body())).pages)
    for naam in ("Kindpakket", "Participatiefonds", "Tegemoetkoming gemeentelijke belastingen"):
        assert naam in tekst

    page.get_by_role("link", name="Wat als ik meer ga verdienen?").click()
    page.wait_for_url("**/check/meer-verdienen/")
    assert page.locator("svg[role=img]").count() == 1
    assert "€ 1.730,86 per maand" in page.locator("table").first.inner_text()
    assert_accessible(page, "check-meer-verdienen")

    page.get_by_role("button", name="Stoppen en alles wissen").click()
    page.wait_for_url("**/check/")
    assert "Uw antwoorden zijn gewist" in page.locator("main").inner_text()
    page.goto("/check/uitslag/")
    assert page.url.endswith("/check/")


def _tab_naar(page, selector: str) -> None:
    """Press Tab (then Shift+Tab) until the element has focus."""
    for toets in ("Tab", "Shift+Tab"):
        for _ in range(60):
            if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
                return
            page.keyboard.press(toets)
    raise AssertionError(f"Could not reach {selector} with the keyboard")


def test_the_same_journey_with_the_keyboard_alone(page, demo):
    page.goto("/check/")
    _tab_naar(page, "main a.utrecht-button-link")
    page.keyboard.press("Enter")
    for stap, soort, doel in ANTWOORDEN:
        page.wait_for_url(f"**/check/{stap}/")
        if soort == "radio":
            # Tab enters a radio group at its first option; the arrow key moves to
            # the next one (the standard keyboard pattern), Space selects.
            eerste = doel[:-1] + "0"
            _tab_naar(page, eerste)
            if doel != eerste:
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            assert page.is_checked(doel)
        elif soort == "text":
            selector, waarde = doel
            _tab_naar(page, selector)
            page.keyboard.type(waarde)
        _tab_naar(page, VOLGENDE)
        page.keyboard.press("Enter")
    page.wait_for_url("**/check/controleren/")
    _tab_naar(page, "main form:not(.check-stoppen) button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/uitslag/")
    assert "Kindpakket" in page.locator(".uitslag-groep--ja").inner_text()
    _tab_naar(page, "a[href='/check/meer-verdienen/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/meer-verdienen/")
    _tab_naar(page, ".check-stoppen button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/check/")
    assert "Uw antwoorden zijn gewist" in page.locator("main").inner_text()


def test_check_works_without_javascript(page_no_js, demo):
    page = page_no_js
    page.goto("/check/woonplaats/")
    page.click(VOLGENDE)
    assert "Kies ja of nee." in page.locator(".error-summary").inner_text()
    page.check("#id_woont_in_gemeente_0")
    page.click(VOLGENDE)
    page.wait_for_url("**/check/ontvangt/")
