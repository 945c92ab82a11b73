"""Done-when of the partner portal: invite -> set password -> edit with a B1
hint -> public page unchanged -> coordinator approves -> public page and search
show the new text -> the history lists both versions. Every partner page passes axe."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from sociale_kaart.models import Aanbod, Organisatie, Status
from sociale_kaart.services import aanbod_zoekvector_bijwerken
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COORDINATOR_PASSWORD = "Coordinator-Wachtwoord-2026"
PARTNER_PASSWORD = "Paars-Fietsje-Onder-De-Brug-26"  # not the own name (issue 15 validator)
HARD_TEXT = (
    "Het thuisadministratietraject omvat een integrale benadering waarbij de hulpvrager in samenspraak "
    "met de vrijwillige ondersteuner een gedegen inventarisatie maakt van alle openstaande betalingsverplichtingen."
)


@pytest.fixture
def data():
    org = Organisatie.objects.create(
        naam="Humanitas Westerkwartier",
        slug="humanitas-westerkwartier",
        korte_omschrijving="Vrijwilligers helpen.",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
        telefoon="0594 - 00 00 11",
    )
    aanbod = Aanbod.objects.create(
        organisatie=org,
        titel="Thuisadministratie",
        slug="thuisadministratie",
        wat_u_krijgt="Een vrijwilliger helpt u met uw post.",
        heel_de_gemeente=True,
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
    )
    aanbod_zoekvector_bijwerken()
    get_user_model().objects.create_superuser(
        username="coordinator@voorbeeld.nl", email="coordinator@voorbeeld.nl", password=COORDINATOR_PASSWORD
    )
    return org, aanbod


def _admin_login(page):
    # Password, then the code of the authenticator app (/beheer/ needs a second factor).
    beheer_inloggen(page, "coordinator@voorbeeld.nl", COORDINATOR_PASSWORD)


def test_invite_edit_moderate_publish(page, browser, live_server, data):
    org, aanbod = data
    # The coordinator invites a partner from the admin.
    _admin_login(page)
    page.goto("/beheer/sociale_kaart/uitnodiging/add/")
    page.fill("#id_email", "partner@voorbeeld.nl")
    page.fill("#id_organisatie", str(org.pk))
    page.click("input[name=_save]")
    page.wait_for_load_state()  # the changelist loads a blocking script; read it when it is complete
    assert "is verstuurd" in page.content()
    link = re.search(r"http://\S+/partner/uitnodiging/\S+/", mail.outbox[-1].body).group(0)

    # The partner, in a browser of their own, accepts and sets a password.
    partner_ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    partner = partner_ctx.new_page()
    partner.goto(link.replace("http://testserver", live_server.url))
    assert_accessible(partner, "partner uitnodiging")
    partner.fill("#id_voornaam", "Petra")
    partner.fill("#id_achternaam", "Partner")
    partner.fill("#id_wachtwoord1", PARTNER_PASSWORD)
    partner.fill("#id_wachtwoord2", PARTNER_PASSWORD)
    partner.click("button[type=submit]")
    assert "Welkom, Petra" in partner.content()
    assert_accessible(partner, "partner start")
    partner.click("text=Humanitas Westerkwartier")
    assert_accessible(partner, "partner dashboard")

    # The partner edits the aanbod and sees the B1 hint.
    partner.click("text=Aanpassen: Thuisadministratie")
    assert_accessible(partner, "partner aanbod bewerken")
    partner.fill("#id_titel", "Hulp met post en geldzaken")
    partner.fill("#id_wat_u_krijgt", HARD_TEXT)
    partner.click("button:has-text('Opslaan')")
    content = partner.content()
    assert "wacht nog op goedkeuring" in content
    assert "Deze zin is lang. Maak er twee zinnen van" in content
    assert_accessible(partner, "partner aanbod opgeslagen met b1 tips")

    # The public page still shows the approved version.
    page.goto(f"/hulp/{aanbod.slug}/")
    assert "Thuisadministratie" in page.locator("h1").inner_text()
    assert "Hulp met post en geldzaken" not in page.content()

    # The coordinator approves, seeing the change field by field.
    page.goto("/beheer/armoedepact/revisie/")
    page.click("text=Aanbod: Thuisadministratie")
    page.wait_for_selector("input[name=_goedkeuren]")
    assert "Hulp met post en geldzaken" in page.locator("#content").inner_text()
    page.click("input[name=_goedkeuren]")
    page.wait_for_selector(".messagelist")
    assert "goedgekeurd" in page.locator(".messagelist").inner_text()

    # Public page and search show the new text at once.
    page.goto(f"/hulp/{aanbod.slug}/")
    assert "Hulp met post en geldzaken" in page.locator("h1").inner_text()
    page.goto("/hulp/?q=geldzaken")
    assert "Hulp met post en geldzaken" in page.content()

    # The history lists both versions.
    page.goto(f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/history/")
    history = page.content()
    assert "Thuisadministratie" in history and "Hulp met post en geldzaken" in history
    partner_ctx.close()
