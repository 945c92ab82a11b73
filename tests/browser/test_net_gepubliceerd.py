"""Issue 15 in the browser: the "Net gepubliceerd" block on /beheer/, its list page,
the revision page (with the fingerprint of what the coordinator saw) and the
moderation list of agenda contributions pass axe at 375 and 1280 px; undo works
with the keyboard alone."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.http import QueryDict

from armoedepact.partner.forms import OrganisatieForm
from armoedepact.partner.pact_services import agenda_opslaan, voortgang_melden
from armoedepact.partner.services import organisatie_opslaan
from sociale_kaart.models import Organisatie, Status
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible
from tests.werkgroepen import factories as f
from werkgroepen.models import AgendaBijdrage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "Coordinator-Wachtwoord-2026"


def _wijzig(org, tekst, door):
    data = QueryDict(mutable=True)
    data.update({"naam": org.naam, "korte_omschrijving": tekst})
    form = OrganisatieForm(data=data, instance=org)
    assert form.is_valid(), form.errors
    return organisatie_opslaan(form=form, door=door)


@pytest.fixture
def wereld():
    get_user_model().objects.create_superuser(
        username="coordinator@voorbeeld.nl", email="coordinator@voorbeeld.nl", password=WACHTWOORD
    )
    partner = get_user_model().objects.create_user(username="partner@voorbeeld.nl", password="x" * 20)
    vertrouwd = Organisatie.objects.create(
        naam="Stichting Leergeld",
        slug="leergeld",
        korte_omschrijving="Wij helpen kinderen mee te doen.",
        status=Status.GEPUBLICEERD,
        vertrouwd=True,
        laatst_gecontroleerd=date.today(),
    )
    gewoon = Organisatie.objects.create(
        naam="Humanitas",
        slug="humanitas",
        korte_omschrijving="Vrijwilligers helpen u.",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
    )
    assert _wijzig(vertrouwd, "Een tekst die direct live staat.", partner) is None
    revisie = _wijzig(gewoon, "Vrijwilligers helpen u met uw post.", partner)
    return vertrouwd, revisie


def test_net_gepubliceerd_and_the_revision_page_are_accessible_and_undo_works_by_keyboard(page, wereld):
    vertrouwd, revisie = wereld
    beheer_inloggen(page, "coordinator@voorbeeld.nl", WACHTWOORD)
    page.wait_for_url("**/beheer/")
    assert "1 nog niet gezien" in page.locator("#kop-net-gepubliceerd").inner_text()
    assert_accessible(page, "regie start met net gepubliceerd")

    page.goto(f"/beheer/armoedepact/revisie/{revisie.pk}/change/")
    assert page.locator("input[name=vingerafdruk]").get_attribute("value")
    assert_accessible(page, "revisie met vingerafdruk")

    page.goto("/beheer/regie/net-gepubliceerd/")
    assert_accessible(page, "net gepubliceerd lijst")
    knop = page.get_by_role("button", name="Terugdraaien: Stichting Leergeld")
    knop.focus()
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press("Enter")
    assert "Teruggedraaid" in page.content(), page.locator("main").inner_text()
    assert_accessible(page, "net gepubliceerd na terugdraaien")
    vertrouwd.refresh_from_db()
    assert vertrouwd.korte_omschrijving == "Wij helpen kinderen mee te doen."

    # A trusted agenda contribution and progress update in the list (links to their admin pages) pass axe too.
    ronde = f.AgendaRondeFactory()
    pijler = f.PijlerFactory()
    partner = get_user_model().objects.get(username="partner@voorbeeld.nl")
    agenda_opslaan(
        ronde=ronde, organisatie=vertrouwd, door=partner, missie="Wij helpen.", activiteiten=[(pijler, "Les.")]
    )
    actiepunt = f.ActiepuntFactory(pijler=pijler, titel="Zwemles voor ieder kind")
    voortgang_melden(actiepunt=actiepunt, organisatie=vertrouwd, door=partner, tekst="Gestart.", percentage=30)
    page.goto("/beheer/regie/net-gepubliceerd/")
    assert page.get_by_role("link", name=f"Agendabijdrage {ronde.jaar}").count() == 1
    assert page.get_by_role("link", name="Voortgang: Zwemles voor ieder kind").count() == 1
    assert_accessible(page, "net gepubliceerd met agenda en voortgang")

    # The moderation list of agenda contributions (with its filter and actions) passes axe too.
    AgendaBijdrage.objects.create(
        ronde=ronde, organisatie=revisie.organisatie, missie="Wij helpen.", beoordeling="wacht"
    )
    page.goto("/beheer/werkgroepen/agendabijdrage/?beoordeling__exact=wacht")
    assert page.locator("select[name=action] option[value=goedkeuren]").count() == 1
    assert_accessible(page, "beheer agendabijdragen wacht")
