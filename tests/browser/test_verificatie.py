"""The coordinator's verification work list in a real browser: reached from the start
page with the keyboard, most out of date first, axe 0 at 1280 and 375 px."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model

from sociale_kaart.models import Aanbod, Lidmaatschap, Organisatie, Status
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COORDINATOR = ("cora@voorbeeld.nl", "Coordinator-Wachtwoord-2026")
PARTNER = ("petra@voorbeeld.nl", "Partner-Wachtwoord-Sterk-2026")


@pytest.fixture
def wereld():
    # A superuser: transactional browser tests empty the tables, the staff groups too.
    get_user_model().objects.create_superuser(username=COORDINATOR[0], email=COORDINATOR[0], password=COORDINATOR[1])
    org = Organisatie.objects.create(
        naam="Humanitas Westerkwartier", slug="humanitas", korte_omschrijving="Wij helpen.", status=Status.GEPUBLICEERD
    )
    partner = get_user_model().objects.create_user(username=PARTNER[0], email=PARTNER[0], password=PARTNER[1])
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=org)
    for titel, dagen in (("Thuisadministratie", 30), ("Spreekuur geldzaken", 700)):
        Aanbod.objects.create(
            organisatie=org,
            titel=titel,
            slug=titel.lower().replace(" ", "-"),
            wat_u_krijgt="Hulp.",
            status=Status.GEPUBLICEERD,
            laatst_gecontroleerd=date.today() - timedelta(days=dagen),
        )


def test_work_list_from_the_start_page_by_keyboard_and_accessible(page, wereld):
    beheer_inloggen(page, *COORDINATOR)
    page.wait_for_url("**/beheer/")
    link = page.locator("a:has-text('Gegevens controleren')")
    link.focus()
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert page.locator("h1").first.inner_text() == "Gegevens controleren"
    rijen = page.locator("table.regie-tabel tbody tr")
    assert rijen.count() == 2
    assert "Spreekuur geldzaken" in rijen.first.inner_text() and "(te oud)" in rijen.first.inner_text()
    assert "1 aanbod is langer dan 18 maanden niet bevestigd." in page.content()
    assert_accessible(page, "regie verificatie")


def test_partner_confirms_part_of_a_hidden_entry_by_keyboard(page, wereld):
    Aanbod.objects.filter(slug="spreekuur-geldzaken").update(verborgen_wegens_verificatie=True)
    page.goto("/partner/inloggen/")
    page.fill("#id_username", PARTNER[0])
    page.fill("#id_password", PARTNER[1])
    with page.expect_navigation(wait_until="load"):
        page.click("button[type=submit]")
    page.goto("/partner/organisatie/humanitas/")
    assert "Spreekuur geldzaken (inwoners zien dit nu niet)" in page.locator("#controleren-titel ~ ul").inner_text()
    assert_accessible(page, "partner dashboard verborgen aanbod")

    page.locator("summary:has-text('Alleen een deel bevestigen')").first.focus()
    page.keyboard.press("Enter")  # opens the details, no JavaScript of ours
    page.locator("input[name=veld][value=telefoon]").first.focus()
    page.keyboard.press("Space")
    with page.expect_navigation(wait_until="load"):
        page.locator("button[name=deel]").first.press("Enter")
    assert "Wat u aanvinkte bij 'Spreekuur geldzaken' is bevestigd." in page.content()
    aanbod = Aanbod.objects.get(slug="spreekuur-geldzaken")
    assert aanbod.telefoon_bevestigd_op == date.today() and aanbod.verborgen_wegens_verificatie
