"""Done-when of the pact issue, in a real browser: an organisation applies, the
coordinator approves, the contact accepts the invitation, signs up for the next
pactbijeenkomst, adds a progress update and submits its agenda; the public pact
pages show all of it, and every page passes axe at 375 and 1280 px."""

import re
from io import StringIO

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pact_demo(db):
    from werkgroepen import demo

    demo.load(stdout=StringIO())


def test_organisation_joins_and_takes_part(page, live_server, pact_demo):
    from werkgroepen import services
    from werkgroepen.models import Aansluitverzoek, Actiepunt

    jaar = timezone.localdate().year

    # 1. The organisation applies (first with a mistake).
    page.goto("/pact/aansluiten/")
    assert_accessible(page, "pact-aansluiten")
    page.get_by_label("Naam van uw organisatie").fill("Stichting Kledingbank Leek")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page).to_have_title(re.compile("^Fout: "))
    expect(page.get_by_role("heading", name="Er is een probleem")).to_be_visible()
    assert_accessible(page, "pact-aansluiten-fout")
    page.get_by_label("Uw naam").fill("Sanne de Jong")
    page.get_by_label("Uw e-mailadres").fill("sanne@kledingbankleek.nl")
    page.get_by_label("Wat doet uw organisatie?").fill("Wij geven gratis kleding aan gezinnen met weinig geld.")
    page.get_by_label("Wat wilt u bijdragen aan het pact?").fill("Kennis over gezinnen en een ruimte.")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uw aanvraag is verstuurd")
    assert_accessible(page, "pact-aansluiten-bedankt")

    # 2. The coordinator approves it and makes the organisation trekker of an actiepunt.
    verzoek = Aansluitverzoek.objects.get(organisatie_naam="Stichting Kledingbank Leek")
    organisatie, token = services.aansluitverzoek_goedkeuren(verzoek=verzoek, door=None, basis_url=live_server.url)
    actiepunt = Actiepunt.objects.get(titel="Een project met ervaringsdeskundigen")
    actiepunt.trekker = organisatie
    actiepunt.save(update_fields=["trekker"])

    # 3. The contact accepts the invitation.
    page.goto(f"/partner/uitnodiging/{token}/")
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("Achternaam").fill("de Jong")
    page.get_by_label("Kies een wachtwoord").fill("Kleding-voor-iedereen-2026")
    page.get_by_label("Herhaal het wachtwoord").fill("Kleding-voor-iedereen-2026")
    page.get_by_role("button", name="Account maken").click()
    page.wait_for_load_state()

    # 4. Signs up for the next pactbijeenkomst, with a colleague (issue 20).
    from django.contrib.auth import get_user_model

    from sociale_kaart.models import Lidmaatschap

    collega = get_user_model().objects.create_user(username="piet@kleding.example", first_name="Piet", last_name="Kok")
    Lidmaatschap.objects.create(gebruiker=collega, organisatie=organisatie)
    page.goto("/pact/partner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Het pact: uw organisatie")
    assert_accessible(page, "pact-partner")
    knop = page.get_by_role("button", name="Aanmelden voor Pactbijeenkomst: samen tegen armoede")
    page.locator("form", has=knop).get_by_label("Piet Kok").check()
    knop.click()
    expect(page.get_by_text("U bent aangemeld voor Pactbijeenkomst: samen tegen armoede.")).to_be_visible()
    expect(page.get_by_text("Piet Kok is aangemeld voor Pactbijeenkomst: samen tegen armoede.")).to_be_visible()
    expect(page.get_by_role("button", name="Afmelden voor Pactbijeenkomst: samen tegen armoede")).to_be_visible()
    assert_accessible(page, "pact-partner-aangemeld")

    # 5. Adds a progress update to the actiepunt it leads.
    page.get_by_role("link", name="Voortgang toevoegen bij Een project met ervaringsdeskundigen").click()
    assert_accessible(page, "pact-partner-voortgang")
    page.get_by_label("Wat is er gebeurd?").fill("Vijf ervaringsdeskundigen praten mee in de werkgroep.")
    page.get_by_label("Ja, nu: bezig").check()
    page.get_by_role("button", name="Update plaatsen").click()
    expect(page.get_by_text("wacht op controle door de coördinator")).to_be_visible()

    # 6. Submits its agenda for this year.
    page.get_by_role("link", name=f"Agenda {jaar} invullen voor Stichting Kledingbank Leek").click()
    assert_accessible(page, "pact-partner-agenda")
    page.get_by_label("De missie van uw organisatie").fill("Iedereen verdient nette kleding.")
    page.locator("#id_activiteit_1_tekst").fill("Elke zaterdag een gratis kledingmarkt in Leek.")
    page.locator("#id_activiteit_1_pijler").select_option(label="Meedoen (met name jeugd)")
    page.get_by_role("button", name="Agenda opslaan").click()
    expect(page.get_by_text(f"Uw agenda voor {jaar} is opgeslagen.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("wacht op controle")
    assert_accessible(page, "pact-partner-wacht-op-controle")

    # 7. The coordinator approves both (the organisation is not trusted; /beheer/ is tested elsewhere),
    # then the public pact pages show all of it.
    from werkgroepen import services
    from werkgroepen.models import AgendaBijdrage, Voortgang

    for voortgang in Voortgang.objects.filter(beoordeling="wacht"):
        services.voortgang_beoordelen(voortgang=voortgang, goedkeuren=True)
    for bijdrage in AgendaBijdrage.objects.filter(beoordeling="wacht"):
        services.agendabijdrage_beoordelen(bijdrage=bijdrage, goedkeuren=True)
    page.context.clear_cookies()
    page.goto("/pact/")
    main = page.locator("main")
    expect(main).to_contain_text("Stichting Kledingbank Leek, sinds")
    expect(main).to_contain_text("Aangemeld: Stichting Kledingbank Leek")
    expect(main).to_contain_text("Vijf ervaringsdeskundigen praten mee in de werkgroep.")
    expect(main.locator("#agenda-titel + p + p")).to_contain_text("Stichting Kledingbank Leek")
    assert_accessible(page, "pact")

    page.goto("/pact/pijlers/meedoen/")
    ap = page.locator(f"#actiepunt-{actiepunt.pk}")
    expect(ap).to_contain_text("Bezig")
    expect(ap).to_contain_text("Trekker: Stichting Kledingbank Leek")
    expect(ap).to_contain_text("Vijf ervaringsdeskundigen")
    assert_accessible(page, "pact-pijler-meedoen")

    page.goto("/pact/partners/")
    expect(page.get_by_role("row", name=re.compile("Stichting Kledingbank Leek"))).to_contain_text(
        timezone.localdate().strftime("%Y")
    )
    assert_accessible(page, "pact-partners")

    page.goto(f"/pact/agenda/{jaar}/")
    expect(page.locator("#pijler-meedoen + ul")).to_contain_text(
        "Stichting Kledingbank Leek: Elke zaterdag een gratis kledingmarkt in Leek."
    )
    assert_accessible(page, "pact-agenda-jaar")

    page.goto("/pact/bijeenkomsten/")
    assert_accessible(page, "pact-bijeenkomsten")
    page.get_by_role("link", name="Pactbijeenkomst: samen tegen armoede").click()
    expect(page.locator("main")).to_contain_text("Stichting Kledingbank Leek")
    assert_accessible(page, "pact-bijeenkomst")
    page.goto("/pact/bijeenkomsten/")
    page.get_by_role("link", name="Lees het verslag van Pactbijeenkomst: terugblik en plannen").click()
    expect(page.locator("#verslag")).to_be_visible()
    assert_accessible(page, "pact-bijeenkomst-verslag")

    page.goto("/pact/agenda/")
    assert_accessible(page, "pact-agenda")


def test_aansluiten_works_without_javascript_and_keyboard_only(page_no_js, page, pact_demo):
    from sociale_kaart.models import Pijler
    from werkgroepen import services
    from werkgroepen.models import Aansluitverzoek

    pagina_met_js, page = page, page_no_js
    page.goto("/pact/aansluiten/")
    page.get_by_label("Naam van uw organisatie").fill("Sportclub Marum")
    page.get_by_label("Uw naam").fill("Henk")
    page.get_by_label("Uw e-mailadres").fill("henk@sportclubmarum.nl")
    page.get_by_label("Wat doet uw organisatie?").fill("Voetbal.")
    page.get_by_label("Wat wilt u bijdragen aan het pact?").focus()
    page.keyboard.type("Gratis lidmaatschap voor kinderen.")
    # The convenant, by keyboard: representative, mission, then one activity per pillar.
    page.keyboard.press("Tab")
    page.keyboard.type("Henk Post, voorzitter")
    page.keyboard.press("Tab")
    page.keyboard.type("Sport voor ieder kind.")
    pijlers = list(Pijler.objects.filter(actief=True).order_by("volgorde", "naam"))
    for pijler in pijlers:
        page.keyboard.press("Tab")
        if pijler.slug == "meedoen":
            page.keyboard.type("Elk kind mag een jaar gratis voetballen.")
    page.keyboard.press("Tab")  # the honeypot is skipped: focus goes to the button
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aanvraag versturen"
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Uw aanvraag is verstuurd")
    verzoek = Aansluitverzoek.objects.get(organisatie_naam="Sportclub Marum")

    # Approved, the club is a signatory and its activity is on this year's agenda, under its pillar.
    services.aansluitverzoek_goedkeuren(verzoek=verzoek, door=None, basis_url="http://testserver/")
    # axe-core needs JavaScript: the pages after approval are checked in a normal browser.
    page = pagina_met_js
    page.goto("/pact/partners/")
    expect(page.get_by_role("row", name=re.compile("Sportclub Marum"))).to_contain_text("Henk Post, voorzitter")
    assert_accessible(page, "pact-partners-convenant")
    page.goto(f"/pact/agenda/{timezone.localdate().year}/")
    expect(page.locator("#pijler-meedoen + ul")).to_contain_text(
        "Sportclub Marum: Elk kind mag een jaar gratis voetballen."
    )
    assert_accessible(page, "pact-agenda-convenant")


def test_pact_pages_in_arabic_read_right_to_left_and_pass_axe(page, pact_demo):
    """Issue 18: the pact in Arabic, at 375 and 1280 px (assert_accessible does both):
    the page runs right to left, the Dutch content is marked lang="nl" and axe finds nothing."""
    page.goto("/ar/pact/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=2, name="هدفنا")).to_be_visible()
    expect(page.locator("main [data-alleen-nl]").first).to_be_visible()
    page.set_viewport_size({"width": 375, "height": 800})
    # "(Sociaal Werk De Schans)": the opening bracket moves to the next line with the name.
    los = page.evaluate(
        """() => [...document.querySelectorAll('main .wg-heel')].filter((el) => {
            const haakje = document.createRange();
            haakje.setStart(el.firstChild, 0);
            haakje.setEnd(el.firstChild, 1);
            const naam = el.querySelector('[lang="nl"]') || el;
            return Math.abs(haakje.getBoundingClientRect().top - naam.getClientRects()[0].top) > 4;
        }).map((el) => el.textContent)"""
    )
    assert page.locator("main .wg-heel").count() > 0
    assert los == []
    # The tables of the indicator and the partners fit the phone: each row a block with its labels, nothing
    # to scroll sideways, the caption whole (in Dutch too).
    for adres in ("/ar/pact/partners/", "/pact/partners/", "/ar/pact/", "/pact/"):
        page.goto(adres)
        breed = page.evaluate(
            """() => [...document.querySelectorAll('main .table-scroll')]
                .filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.scrollWidth)"""
        )
        assert page.locator("main .data-table--stapel").count() > 0
        assert breed == [], adres
    label = page.evaluate(
        "() => getComputedStyle(document.querySelector('.data-table--stapel tbody td'), '::before').content"
    )
    assert "Datum" in label  # the column's name shows before the value
    page.goto("/ar/pact/")
    # A link with a Dutch meeting title is underlined along its whole length.
    links = "main a.utrecht-link span[lang='nl'][dir='ltr']"
    assert page.locator(links).count() > 0
    zonder_lijn = page.evaluate(
        f"""() => [...document.querySelectorAll("{links}")]
            .filter((s) => !s.closest('.visually-hidden') && getComputedStyle(s).textDecorationLine !== 'underline')
            .map((s) => s.textContent)"""
    )
    assert zonder_lijn == []
    assert_accessible(page, "pact-ar")

    page.goto("/ar/pact/pijlers/netwerk/")
    expect(page.locator("h1")).to_contain_text("الشبكة")  # the demo pillar's Arabic name
    expect(page.locator("h1 [lang='nl']")).to_have_count(0)
    expect(page.get_by_role("heading", name="مجموعة العمل")).to_be_visible()
    page.set_viewport_size({"width": 375, "height": 800})
    # A Dutch name inside an Arabic line is never split over two lines: its halves would land
    # at opposite ends ("Sociaal Werk De ،Anja de Vries" / "Schans").
    gesplitst = page.evaluate(
        """() => [...document.querySelectorAll('main span[lang="nl"]')]
            .filter((el) => el.getClientRects().length > 1).map((el) => el.textContent)"""
    )
    assert gesplitst == []
    # The Dutch update starts on its own line, under its date and organisation.
    update = page.locator(".wg-voortgang li").first
    datum_onder = update.locator("strong").bounding_box()
    tekst_boven = update.locator(".wg-voortgang__tekst").bounding_box()
    assert tekst_boven["y"] >= datum_onder["y"] + datum_onder["height"] - 1
    assert_accessible(page, "pact-pijler-ar")

    page.goto("/en/pact/bijeenkomsten/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meetings")
    assert_accessible(page, "pact-bijeenkomsten-en")
