"""Every partner page passes axe (WCAG 2.1 A/AA) at 375 and 1280 px, including
the account pages and the error states a partner can meet."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from armoedepact.models import Revisie, RevisieStatus
from sociale_kaart.models import Aanbod, Lidmaatschap, Locatie, Organisatie, Rol, Status
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Partner-Wachtwoord-Sterk-2026"


@pytest.fixture
def partner_world():
    org = Organisatie.objects.create(
        naam="Humanitas Westerkwartier",
        slug="humanitas",
        korte_omschrijving="Vrijwilligers helpen.",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date(2024, 1, 1),
    )
    aanbod = Aanbod.objects.create(
        organisatie=org,
        titel="Thuisadministratie",
        slug="thuisadministratie",
        wat_u_krijgt="Hulp met post.",
        heel_de_gemeente=True,
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date(2024, 1, 1),
    )
    user = get_user_model().objects.create_user(
        username="p@voorbeeld.nl", email="p@voorbeeld.nl", password=PASSWORD, first_name="Petra"
    )
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=Rol.BEHEERDER)
    revisie = Revisie.objects.create(
        soort=Revisie.Soort.AANBOD,
        organisatie=org,
        aanbod=aanbod,
        data={"titel": ["Nieuw"]},
        status=RevisieStatus.AFGEWEZEN,
        reden="Te vaag.",
    )
    # A rejected change of the organisation's details shows on the dashboard with its reason (issue 20).
    Revisie.objects.create(
        soort=Revisie.Soort.ORGANISATIE,
        organisatie=org,
        data={"naam": ["Humanitas"]},
        status=RevisieStatus.AFGEWEZEN,
        reden="Schrijf wat u precies doet.",
    )
    locatie = Locatie.objects.create(
        organisatie=org, naam="De Schakel", straat="Hoofdstraat 12", postcode="9351 AB", talen=["nl", "ar"]
    )
    locatie.openingstijden.create(weekdag=1, van="09:00", tot="12:00")
    return org, aanbod, revisie


def test_account_pages_are_accessible(page):
    for path, name in [
        ("/partner/inloggen/", "partner inloggen"),
        ("/partner/wachtwoord-vergeten/", "partner wachtwoord vergeten"),
        ("/partner/wachtwoord-vergeten/verstuurd/", "partner wachtwoord verstuurd"),
        ("/partner/wachtwoord/MQ/ongeldig/", "partner wachtwoord link ongeldig"),
        ("/partner/wachtwoord/ingesteld/", "partner wachtwoord ingesteld"),
        ("/partner/uitnodiging/ongeldig-token/", "partner uitnodiging ongeldig"),
    ]:
        page.goto(path)
        assert page.locator("h1").count() == 1
        assert_accessible(page, name)
    # A failed log-in shows the error summary, also accessible.
    page.goto("/partner/inloggen/")
    page.fill("#id_username", "p@voorbeeld.nl")
    page.fill("#id_password", "fout")
    page.click("button[type=submit]")
    assert "Er is een probleem" in page.content()
    assert_accessible(page, "partner inloggen fout")


def test_logged_in_partner_pages_are_accessible(page, partner_world):
    org, aanbod, revisie = partner_world
    page.goto("/partner/inloggen/")
    page.fill("#id_username", "p@voorbeeld.nl")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/partner/")
    for path, name in [
        (f"/partner/organisatie/{org.slug}/", "partner dashboard met controle"),
        (f"/partner/organisatie/{org.slug}/bewerken/", "partner organisatie bewerken"),
        (f"/partner/organisatie/{org.slug}/aanbod/nieuw/", "partner aanbod nieuw"),
        (f"/partner/aanbod/{aanbod.uuid}/archiveren/", "partner aanbod archiveren"),
        (f"/partner/wijziging/{revisie.pk}/", "partner wijziging afgewezen"),
        (f"/partner/organisatie/{org.slug}/collegas/", "partner collegas"),
        (f"/partner/organisatie/{org.slug}/locaties/", "partner locaties"),
        (f"/partner/organisatie/{org.slug}/locaties/nieuw/", "partner locatie nieuw"),
        (f"/partner/locatie/{org.locaties.get().uuid}/verwijderen/", "partner locatie verwijderen"),
    ]:
        page.goto(path)
        assert page.locator("h1").count() == 1
        assert_accessible(page, name)
    # The translations, opened with the keyboard: one field per language and text.
    page.goto(f"/partner/aanbod/{aanbod.uuid}/bewerken/")
    page.locator("summary:has-text('العربية')").focus()
    page.keyboard.press("Enter")
    assert page.locator("#id_vertaling_ar_titel").is_visible()
    assert page.locator("#id_vertaling_ar_titel").get_attribute("dir") == "rtl"
    assert_accessible(page, "partner aanbod vertalingen")
    # A form with errors (an opening time that ends before it starts).
    page.goto(f"/partner/aanbod/{aanbod.uuid}/bewerken/")
    page.fill("#id_van_1", "14:00")
    page.fill("#id_tot_1", "10:00")
    page.click("button:has-text('Opslaan')")
    assert "Er is een probleem" in page.content()
    assert_accessible(page, "partner aanbod fout")
    # Colleagues: an invitation with a wrong address shows the error summary.
    page.goto(f"/partner/organisatie/{org.slug}/collegas/")
    page.fill("#id_email", "geen-adres")
    page.click("button:has-text('Uitnodiging versturen')")
    assert "Vul een e-mailadres in zoals naam@organisatie.nl." in page.content()
    assert_accessible(page, "partner collegas fout")
    # A location with a postcode outside the gemeente shows the error summary.
    page.goto(f"/partner/locatie/{org.locaties.get().uuid}/bewerken/")
    page.fill("#id_postcode", "1011 AB")
    page.click("button:has-text('Opslaan')")
    assert "Deze postcode ligt niet in de gemeente Westerkwartier" in page.content()
    assert_accessible(page, "partner locatie fout")


def test_b1_hint_appears_while_typing(page, partner_world):
    org, aanbod, revisie = partner_world
    page.goto("/partner/inloggen/")
    page.fill("#id_username", "p@voorbeeld.nl")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/partner/")
    page.goto(f"/partner/aanbod/{aanbod.uuid}/bewerken/")
    page.fill(
        "#id_wat_u_krijgt",
        "Het thuisadministratietraject omvat een integrale benadering waarbij de hulpvrager in samenspraak met "
        "de vrijwillige ondersteuner een gedegen inventarisatie maakt van alle openstaande betalingsverplichtingen.",
    )
    hint = page.locator("#id_wat_u_krijgt-b1")
    hint.get_by_text("Deze zin is lang").wait_for()
    assert "Leesbaarheid" in hint.inner_text()
    assert_accessible(page, "partner b1 hint tijdens typen")
