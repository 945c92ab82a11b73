"""Done-when of issue 20 (history): a partner changes an aanbod's text and opening
hours; the coordinator approves; she restores the version before it and the old
text and the old opening hours are back; "Wie deed wat" names both of them."""

from datetime import date, time

import pytest
from django.contrib.auth import get_user_model

from armoedepact.historie import eerste_versies_vastleggen
from sociale_kaart.models import Aanbod, Lidmaatschap, Openingstijd, Organisatie, Rol, Status
from sociale_kaart.services import aanbod_zoekvector_bijwerken
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COORDINATOR = ("cora@voorbeeld.nl", "Coordinator-Wachtwoord-2026")
PARTNER = ("petra@voorbeeld.nl", "Partner-Wachtwoord-Sterk-2026")


@pytest.fixture
def aanbod():
    User = get_user_model()
    User.objects.create_superuser(
        username=COORDINATOR[0],
        email=COORDINATOR[0],
        password=COORDINATOR[1],
        first_name="Cora",
        last_name="Coördinator",
    )
    partner = User.objects.create_user(
        username=PARTNER[0], email=PARTNER[0], password=PARTNER[1], first_name="Petra", last_name="Partner"
    )
    org = Organisatie.objects.create(
        naam="Humanitas Westerkwartier",
        slug="humanitas",
        korte_omschrijving="Vrijwilligers helpen.",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
    )
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=org, rol=Rol.BEHEERDER)
    aanbod = Aanbod(
        organisatie=org,
        titel="Thuisadministratie",
        slug="thuisadministratie",
        wat_u_krijgt="Een vrijwilliger helpt u met uw post.",
        heel_de_gemeente=True,
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
    )
    aanbod.skip_history_when_saving = True  # loaded like the demo data: without a version at first
    aanbod.save()
    Openingstijd.objects.create(aanbod=aanbod, weekdag=0, van=time(9), tot=time(12))
    assert eerste_versies_vastleggen() >= 1  # what load_demo and `historie_aanvullen` do
    aanbod_zoekvector_bijwerken()
    return aanbod


def _klik(page, selector: str) -> None:
    with page.expect_navigation(wait_until="load"):
        page.click(selector)


def test_partner_change_approved_then_restored_with_opening_hours(page, browser, live_server, aanbod):
    # The partner changes the text and the opening hours (monday 9-12 becomes tuesday 13-16).
    ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    partner = ctx.new_page()
    partner.goto("/partner/inloggen/")
    partner.fill("#id_username", PARTNER[0])
    partner.fill("#id_password", PARTNER[1])
    _klik(partner, "button[type=submit]")
    partner.goto(f"/partner/aanbod/{aanbod.uuid}/bewerken/")
    partner.fill("#id_wat_u_krijgt", "U krijgt hulp bij rekeningen en brieven.")
    partner.fill("#id_van_0", "")
    partner.fill("#id_tot_0", "")
    partner.fill("#id_van_1", "13:00")
    partner.fill("#id_tot_1", "16:00")
    _klik(partner, "button:has-text('Opslaan')")
    assert "wacht nog op goedkeuring" in partner.content()
    ctx.close()

    # The coordinator approves it.
    beheer_inloggen(page, *COORDINATOR)
    page.wait_for_url("**/beheer/")
    page.goto("/beheer/armoedepact/revisie/")
    _klik(page, "text=Aanbod: Thuisadministratie")
    _klik(page, "input[name=_goedkeuren]")
    aanbod.refresh_from_db()
    assert aanbod.wat_u_krijgt == "U krijgt hulp bij rekeningen en brieven."
    assert [(t.weekdag, t.van) for t in aanbod.openingstijden.all()] == [(1, time(13))]

    # She opens the history and restores the version before the approval.
    page.goto(f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/history/")
    assert_accessible(page, "regie versies aanbod")
    rijen = page.locator("#wie-deed-wat tbody tr")
    assert rijen.count() == 2
    _klik(page, "#wie-deed-wat tbody tr:nth-child(2) a")
    samenhang = page.locator("#versie-samenhang").inner_text()
    assert "maandag van 09:00 tot 12:00" in samenhang
    assert_accessible(page, "regie versie terugzetten")
    _klik(page, "input[name=_terugzetten]")
    assert "is teruggezet" in page.locator(".messagelist").inner_text()

    # The old text and the old opening hours are back, for residents too.
    aanbod.refresh_from_db()
    assert aanbod.wat_u_krijgt == "Een vrijwilliger helpt u met uw post."
    assert [(t.weekdag, t.van, t.tot) for t in aanbod.openingstijden.all()] == [(0, time(9), time(12))]
    page.goto(f"/hulp/{aanbod.slug}/")
    publiek = page.locator("main").inner_text().lower()
    assert "een vrijwilliger helpt u met uw post." in publiek
    assert "maandag" in publiek and "dinsdag" not in publiek

    # "Wie deed wat" names the partner who wrote it and the coordinator who approved and restored.
    page.goto(f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/history/")
    _klik(page, "text=Wie deed wat")
    tabel = page.locator("#wie-deed-wat").inner_text()
    goedgekeurd = page.locator("#wie-deed-wat tbody tr", has_text="Petra Partner").first.inner_text()
    assert "Cora Coördinator" in goedgekeurd  # approved by
    assert "wat u krijgt" in goedgekeurd and "openingstijden" in goedgekeurd
    assert "Teruggezet" in tabel
    assert_accessible(page, "regie wie deed wat")
