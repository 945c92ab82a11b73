"""Done-when 2 of issue 19, in a real browser: the coordinator (in /beheer/, with
a second factor) adds a pillar, a goal and two action points with organisations
and periods; a partner posts progress with a percentage; the public pillar page
shows the weighted roll-up; the coordinator closes a past meeting with a verslag
and attendance after the reminder went out. The pages on the way pass axe."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COORDINATOR = "coordinator@voorbeeld.nl"
COORDINATOR_PASSWORD = "Coordinator-Wachtwoord-2026"
PARTNER = "partner@humanitas.example"
PARTNER_PASSWORD = "Paars-Fietsje-Onder-De-Brug-26"


@pytest.fixture
def wereld():
    from sociale_kaart.models import Lidmaatschap, Rol
    from tests.werkgroepen import factories as f

    coordinator = get_user_model().objects.create_superuser(
        username=COORDINATOR, email=COORDINATOR, password=COORDINATOR_PASSWORD
    )
    humanitas = f.OrganisatieFactory(naam="Humanitas Westerkwartier")
    voedselbank = f.OrganisatieFactory(naam="Voedselbank Zuidhorn")
    partner = get_user_model().objects.create_user(username=PARTNER, email=PARTNER, password=PARTNER_PASSWORD)
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=humanitas, rol=Rol.BEHEERDER)
    bijeenkomst = f.BijeenkomstFactory(dagen=-4, titel="Netwerkbijeenkomst voorjaar", organisator=coordinator)
    return {"humanitas": humanitas, "voedselbank": voedselbank, "bijeenkomst": bijeenkomst}


def _actiepunt_toevoegen(page, *, pijler, doel, titel, organisaties, van, tot, gewicht):
    page.goto("/beheer/werkgroepen/actiepunt/add/")
    page.select_option("#id_pijler", label=pijler)
    page.select_option("#id_doel", label=doel)
    page.fill("#id_titel", titel)
    for naam in organisaties:
        page.get_by_label(naam, exact=True).check()
    page.fill("#id_jaar", str(van.year))
    page.fill("#id_periode_van", van.isoformat())
    page.fill("#id_periode_tot", tot.isoformat())
    page.fill("#id_gewicht", str(gewicht))
    page.click("input[name=_save]")
    page.wait_for_load_state()
    expect(page.locator(".messagelist")).to_contain_text(titel)


def test_coordinator_builds_a_pillar_partner_reports_progress_meeting_is_closed(page, browser, live_server, wereld):
    from werkgroepen import bijeenkomst_services
    from werkgroepen.models import Actiepunt, Bijeenkomst, VerslagStatus

    vandaag = timezone.localdate()

    # 1. The coordinator adds a pillar with a goal (inline), then two action points.
    beheer_inloggen(page, COORDINATOR, COORDINATOR_PASSWORD)
    page.goto("/beheer/sociale_kaart/pijler/add/")
    # The slug first: the admin's script fills it from the name only while it is untouched.
    page.fill("#id_slug", "werk-en-inkomen")
    page.fill("#id_naam", "Werk en inkomen")
    page.fill("#id_tekst", "Iedereen kan rondkomen.")
    page.fill("#id_doelen-0-titel", "Meer mensen aan het werk")
    page.click("input[name=_save]")
    page.wait_for_load_state()
    expect(page.locator(".messagelist")).to_contain_text("Werk en inkomen")

    _actiepunt_toevoegen(
        page,
        pijler="Werk en inkomen",
        doel="Meer mensen aan het werk",
        titel="Banenmarkt in Zuidhorn",
        organisaties=["Humanitas Westerkwartier", "Voedselbank Zuidhorn"],
        van=vandaag,
        tot=vandaag + timedelta(days=90),
        gewicht=3,
    )
    _actiepunt_toevoegen(
        page,
        pijler="Werk en inkomen",
        doel="Meer mensen aan het werk",
        titel="Budgetcursus voor werkzoekenden",
        organisaties=["Voedselbank Zuidhorn"],
        van=vandaag + timedelta(days=30),
        tot=vandaag + timedelta(days=180),
        gewicht=1,
    )
    banenmarkt = Actiepunt.objects.get(titel="Banenmarkt in Zuidhorn")
    assert set(banenmarkt.organisaties.values_list("naam", flat=True)) == {
        "Humanitas Westerkwartier",
        "Voedselbank Zuidhorn",
    }
    assert banenmarkt.periode_tot == vandaag + timedelta(days=90)

    # 2. The partner (Humanitas takes part in the Banenmarkt) posts progress: 80%.
    partner_ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    partner = partner_ctx.new_page()
    partner.set_default_timeout(10_000)
    partner.goto("/partner/inloggen/")
    partner.fill("#id_username", PARTNER)
    partner.fill("#id_password", PARTNER_PASSWORD)
    partner.click("button[type=submit]")
    partner.wait_for_url("**/partner/")
    partner.goto("/pact/partner/")
    expect(partner.locator("#actiepunten")).not_to_contain_text("Budgetcursus voor werkzoekenden")
    partner.get_by_role("link", name="Voortgang toevoegen bij Banenmarkt in Zuidhorn").click()
    partner.get_by_label("Wat is er gebeurd?").fill("Twaalf werkgevers doen mee aan de banenmarkt.")
    partner.get_by_label("Hoe ver is het actiepunt? (in procent)").fill("80")
    partner.get_by_label("Ja, nu: bezig").check()
    partner.get_by_role("button", name="Update plaatsen").click()
    expect(partner.get_by_text("wacht op controle door de coördinator")).to_be_visible()
    partner_ctx.close()

    # 2b. Humanitas is not a trusted organisation: the coordinator approves the update first.
    page.goto("/beheer/werkgroepen/voortgang/?beoordeling__exact=wacht")
    expect(page.locator("#result_list")).to_contain_text("Wacht op controle")
    assert_accessible(page, "beheer-voortgang-wacht")
    page.locator("#result_list input.action-select").first.check()
    page.select_option("select[name=action]", "goedkeuren")
    with page.expect_navigation(wait_until="load"):
        page.click("button[name=index]")
    expect(page.locator("ul.messagelist")).to_contain_text("goedgekeurd en staan op de website")

    # 3. The public pillar page rolls it up: goal and pillar (3 x 80 + 1 x 0) / 4 = 60%.
    publiek_ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    publiek = publiek_ctx.new_page()
    publiek.goto("/pact/pijlers/werk-en-inkomen/")
    expect(publiek.locator("label[for=voortgang-pijler-totaal]")).to_contain_text("60%")
    doel_balk = publiek.get_by_label("Voortgang Meer mensen aan het werk")
    expect(doel_balk).to_have_attribute("value", "60")
    ap = publiek.locator(f"#actiepunt-{banenmarkt.pk}")
    expect(ap).to_contain_text("Bezig")
    expect(ap).to_contain_text("Twaalf werkgevers doen mee")
    expect(ap).to_contain_text("Humanitas Westerkwartier")
    assert_accessible(publiek, "pact-pijler-met-voortgang")
    publiek_ctx.close()

    # 4. Four days after the meeting the organiser gets the reminder with the closing link.
    mail.outbox.clear()
    verstuurd = bijeenkomst_services.herinneringen_versturen(basis_url=live_server.url)
    assert [b.titel for b in verstuurd] == ["Netwerkbijeenkomst voorjaar"]
    assert mail.outbox[-1].to == [COORDINATOR]
    link = re.search(r"http://\S+/sluiten/", mail.outbox[-1].body).group(0)

    page.goto(link)
    expect(page.locator("h1")).to_contain_text("Bijeenkomst sluiten: Netwerkbijeenkomst voorjaar")
    assert_accessible(page, "beheer-bijeenkomst-sluiten")
    # Without a verslag nothing is closed, and the page says what to do.
    page.click("input[value='Bijeenkomst sluiten']")
    expect(page.locator(".errorlist").first).to_be_visible()
    assert Bijeenkomst.objects.get(pk=wereld["bijeenkomst"].pk).verslag_status == VerslagStatus.GEEN
    assert_accessible(page, "beheer-bijeenkomst-sluiten-fout")
    page.fill("#id_verslag", "We spraken over de banenmarkt. Humanitas zoekt nog twee werkgevers.")
    page.fill("#id_aantal_aanwezigen", "23")
    page.get_by_label("Humanitas Westerkwartier", exact=True).check()
    page.get_by_label("Voedselbank Zuidhorn", exact=True).check()
    page.get_by_label(re.compile("Banenmarkt in Zuidhorn")).check()
    page.click("input[value='Bijeenkomst sluiten']")
    page.wait_for_load_state()
    expect(page.locator(".messagelist")).to_contain_text("De bijeenkomst is gesloten")

    gesloten = Bijeenkomst.objects.get(pk=wereld["bijeenkomst"].pk)
    assert gesloten.verslag_status == VerslagStatus.REACTIES
    assert gesloten.aantal_aanwezigen == 23
    assert set(gesloten.aanwezige_organisaties.values_list("naam", flat=True)) == {
        "Humanitas Westerkwartier",
        "Voedselbank Zuidhorn",
    }
    assert list(gesloten.besproken_actiepunten.values_list("titel", flat=True)) == ["Banenmarkt in Zuidhorn"]
    # A closed meeting gets no more reminders.
    mail.outbox.clear()
    later = timezone.now() + timedelta(days=10)
    assert bijeenkomst_services.herinneringen_versturen(nu=later, basis_url=live_server.url) == []
    assert mail.outbox == []


def _partner_inloggen(page):
    page.goto("/partner/inloggen/")
    page.fill("#id_username", PARTNER)
    page.fill("#id_password", PARTNER_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/partner/")


def test_host_answers_with_the_keyboard_and_admin_table_pages_pass_axe(page, browser, live_server, wereld):
    """The host-answer page (with its error), the admin pages of a werkconferentie's
    table and of the action point it produced: axe 0 at 375 and 1280 px."""
    from tests.werkgroepen import factories as f
    from werkgroepen import bijeenkomst_services
    from werkgroepen.models import Bijeenkomst, BijeenkomstSoort, GastStatus, Thematafel

    volgende = f.BijeenkomstFactory(dagen=40, titel="Netwerkbijeenkomst najaar")
    bijeenkomst_services.gastheer_vragen(bijeenkomst=volgende, organisatie=wereld["humanitas"])
    _partner_inloggen(page)
    page.goto(f"/pact/partner/{wereld['humanitas'].pk}/bijeenkomsten/{volgende.pk}/gastheer/")
    assert_accessible(page, "pact-partner-gastheer")
    page.get_by_role("button", name="Antwoord geven").click()
    expect(page).to_have_title(re.compile("^Fout: "))
    assert_accessible(page, "pact-partner-gastheer-fout")
    # Keyboard only: focus the first radio, arrow keys choose, Enter sends.
    page.locator("#antwoord-ja").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.get_by_text("is gastheer van Netwerkbijeenkomst najaar")).to_be_visible()
    assert Bijeenkomst.objects.get(pk=volgende.pk).gast_status == GastStatus.BEVESTIGD

    pad = f.PijlerFactory(slug="samen-doen", naam="Samen doen")
    conferentie = f.BijeenkomstFactory(dagen=-20, soort=BijeenkomstSoort.WERKCONFERENTIE, titel="Werkconferentie")
    tafel = Thematafel.objects.create(
        bijeenkomst=conferentie, titel="Tafel jeugd", pijler=pad, acties="Sportclubs gratis voor kinderen"
    )
    Thematafel.objects.create(bijeenkomst=conferentie, titel="Tafel wonen", pijler=pad, acties="Energiecoach")
    (actiepunt,) = bijeenkomst_services.tafel_acties_overnemen(tafel=tafel)

    beheer = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    coordinator = beheer.new_page()
    coordinator.set_default_timeout(10_000)
    beheer_inloggen(coordinator, COORDINATOR, COORDINATOR_PASSWORD)
    coordinator.goto(f"/beheer/werkgroepen/thematafel/{tafel.pk}/change/")
    assert_accessible(coordinator, "beheer-thematafel")
    coordinator.goto(f"/beheer/werkgroepen/actiepunt/{actiepunt.pk}/change/")
    expect(coordinator.locator("#content")).to_contain_text("Tafel jeugd")
    assert_accessible(coordinator, "beheer-actiepunt-uit-tafel")
    coordinator.goto(f"/beheer/werkgroepen/bijeenkomst/{conferentie.pk}/change/")
    assert_accessible(coordinator, "beheer-werkconferentie")
    beheer.close()


def test_the_yearly_overview_passes_axe_and_prints_without_the_admin_chrome(page, wereld):
    from tests.werkgroepen import factories as f

    pad = f.PijlerFactory(slug="werk", naam="Werk en inkomen")
    doel = f.DoelFactory(pijler=pad, titel="Meer mensen aan het werk")
    actiepunt = f.ActiepuntFactory(pijler=pad, doel=doel, titel="Banenmarkt")
    actiepunt.organisaties.add(wereld["humanitas"])
    beheer_inloggen(page, COORDINATOR, COORDINATOR_PASSWORD)
    page.goto("/beheer/")
    page.get_by_role("link", name="Jaaroverzicht van het pact (printen)").click()
    expect(page.locator("#content")).to_contain_text("Banenmarkt")
    assert_accessible(page, "beheer-jaaroverzicht")
    page.emulate_media(media="print")
    expect(page.locator("#header")).to_be_hidden()
    expect(page.locator(".breadcrumbs")).to_be_hidden()
    expect(page.get_by_role("heading", name="Pijler: Werk en inkomen")).to_be_visible()
