""" "Klopt er iets niet?" in the browser (issue 20): a visitor reports a mistake with the
keyboard and without JavaScript; the partner sees it on the dashboard and marks it
done; the coordinator's list, detail and bereik page. Every page: axe at 375 and 1280 px."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from armoedepact.models import Correctie, KapotteLink, Linkcontrole
from sociale_kaart.models import Aanbod, Lidmaatschap, Organisatie, Status, Synoniem
from sociale_kaart.services import zoekterm_zonder_resultaat_tellen
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "Partner-Wachtwoord-Sterk-2026"


@pytest.fixture
def wereld():
    org = Organisatie.objects.create(
        naam="Humanitas Westerkwartier",
        slug="humanitas",
        korte_omschrijving="Vrijwilligers helpen.",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
    )
    aanbod = Aanbod.objects.create(
        organisatie=org,
        titel="Thuisadministratie",
        slug="thuisadministratie",
        wat_u_krijgt="Hulp met post.",
        heel_de_gemeente=True,
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
    )
    partner = get_user_model().objects.create_user(
        username="p@voorbeeld.nl", email="p@voorbeeld.nl", password=WACHTWOORD
    )
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=org)
    get_user_model().objects.create_superuser(username="c@voorbeeld.nl", email="c@voorbeeld.nl", password=WACHTWOORD)
    return org, aanbod


def test_visitor_reports_with_the_keyboard_partner_and_coordinator_see_it(page, wereld):
    org, aanbod = wereld
    page.goto(f"/hulp/{aanbod.slug}/")
    link = page.get_by_role("link", name="Klopt er iets niet?")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/klopt-er-iets-niet/aanbod/thuisadministratie/")
    assert_accessible(page, "correctie formulier")
    # Sent empty: the error summary, focused, says what to do.
    page.get_by_role("button", name="Melding versturen").click()
    assert page.title().startswith("Fout:")
    assert "Kies wat er niet klopt." in page.content()
    assert_accessible(page, "correctie formulier fout")
    # With the keyboard only: choose, type, send (the honeypot is skipped).
    page.get_by_label("De openingstijden").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Op woensdag is het nu dicht.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/bedankt/")
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor uw melding"
    assert_accessible(page, "correctie bedankt")
    assert Correctie.objects.get().toelichting == "Op woensdag is het nu dicht."

    # The partner's dashboard shows it (and a broken link); "Afgehandeld" takes it off.
    KapotteLink.objects.create(
        controle=Linkcontrole.objects.create(aantal_links=3),
        soort="aanbod",
        object_id=aanbod.pk,
        naam=aanbod.titel,
        url="https://een-heel-lange-naam-van-een-website.example/aanmelden/thuisadministratie/formulier",
        melding="De pagina bestaat niet (404)",
    )
    page.goto("/partner/inloggen/")
    page.fill("#id_username", "p@voorbeeld.nl")
    page.fill("#id_password", WACHTWOORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/partner/")
    page.goto(f"/partner/organisatie/{org.slug}/")
    assert "Op woensdag is het nu dicht." in page.content()
    assert "Links die niet werken" in page.content()
    assert_accessible(page, "partner dashboard met melding en kapotte link")
    page.get_by_role("button", name="Afgehandeld").click()
    assert "Er zijn geen open meldingen van bezoekers." in page.content()
    assert Correctie.objects.get().afgehandeld_op == date.today()
    page.context.clear_cookies()

    # The coordinator: the list, a detail, the bereik page.
    Correctie.objects.create(
        onderwerp="organisatie", naam=org.naam, organisatie=org, wat="contact", toelichting="Nieuw nummer."
    )
    beheer_inloggen(page, "c@voorbeeld.nl", WACHTWOORD)
    page.goto("/beheer/armoedepact/correctie/")
    assert page.content().index("Nieuw nummer.") < page.content().index("Op woensdag")  # open ones first
    assert_accessible(page, "beheer correcties")
    nieuw = Correctie.objects.get(toelichting="Nieuw nummer.")
    page.goto(f"/beheer/armoedepact/correctie/{nieuw.pk}/change/")
    assert_accessible(page, "beheer correctie")
    page.get_by_role("button", name="Markeer als afgehandeld").click()
    page.wait_for_url("**/beheer/armoedepact/correctie/")
    assert not Correctie.objects.filter(afgehandeld_op=None).exists()
    Synoniem.objects.create(woord="zeilboot", zoekt_ook="watersport")  # only lexicon words are kept (issue 15)
    zoekterm_zonder_resultaat_tellen(zoekterm="zeilboot")
    page.goto("/beheer/sociale_kaart/zoektermzonderresultaat/")
    assert "Afgehandeld: niet onze taak" in page.content()
    assert_accessible(page, "beheer zoektermen zonder resultaat")
    page.goto("/beheer/regie/bereik/")
    assert "Klopt er iets niet?" in page.content()
    assert_accessible(page, "beheer bereik met meldingen")


def test_report_works_without_javascript_in_english(page_no_js, wereld):
    org, aanbod = wereld
    page = page_no_js
    page.goto(f"/en/organisatie/{org.slug}/")
    page.get_by_role("link", name="Is something wrong?").click()
    page.get_by_label("The phone number, e-mail address or website").check()
    page.get_by_label("What should it be?").fill("The number is 0594 000000 now.")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/en/klopt-er-iets-niet/organisatie/humanitas/bedankt/")
    assert "Thank you for your report" in page.content()
    correctie = Correctie.objects.get()
    assert (correctie.organisatie, correctie.wat) == (org, "contact")
