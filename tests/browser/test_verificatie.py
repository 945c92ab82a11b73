"""The coordinator's verification work list in a real browser: reached from the start
page with the keyboard, most out of date first, axe 0 at 1280 and 375 px."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from sociale_kaart.models import Aanbod, Organisatie, Status
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COORDINATOR = ("cora@voorbeeld.nl", "Coordinator-Wachtwoord-2026")


@pytest.fixture
def wereld():
    user = get_user_model().objects.create_user(
        username=COORDINATOR[0], email=COORDINATOR[0], password=COORDINATOR[1], is_staff=True
    )
    user.groups.add(Group.objects.get(name="coördinator"))
    org = Organisatie.objects.create(
        naam="Humanitas Westerkwartier", slug="humanitas", korte_omschrijving="Wij helpen.", status=Status.GEPUBLICEERD
    )
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
