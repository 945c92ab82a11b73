"""Done-when of the warm handover, in a real browser:

a resident asks SchuldHulpMaatje to call (consent, check, confirmation); a
SchuldHulpMaatje partner sees the request, opens and accepts it; the resident's
details are unreadable in a raw SELECT; after closure and the retention period
the cleanup command removes it; another organisation's partner gets 404. A
referral without consent reaches the stop page and stores nothing. Every new
page passes axe at 375 and 1280 px, and the flows work without JavaScript."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from overdracht.models import Verzoek, VerzoekStatus
from sociale_kaart.models import Aanbod, Lidmaatschap, Organisatie, Status
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Partner-Wachtwoord-Sterk-2026"


def _org(naam, slug, **velden):
    return Organisatie.objects.create(
        naam=naam,
        slug=slug,
        korte_omschrijving="Wij helpen u.",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
        telefoon="0594 - 00 22 33",
        **velden,
    )


def _partner(org, email):
    user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD, first_name="Petra")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org)
    return user


@pytest.fixture
def wereld():
    shm = _org("SchuldHulpMaatje", "schuldhulpmaatje", ontvangt_verzoeken=True)
    aanbod = Aanbod.objects.create(
        organisatie=shm,
        titel="Hulp bij schulden",
        slug="hulp-bij-schulden",
        wat_u_krijgt="Een maatje helpt u met uw schulden.",
        heel_de_gemeente=True,
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=date.today(),
    )
    schans = _org("Sociaal Werk De Schans", "de-schans")
    _partner(shm, "maatje@schuldhulpmaatje.example")
    _partner(schans, "werker@deschans.example")
    return shm, aanbod, schans


def _inloggen(page, email):
    page.goto("/partner/inloggen/")
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/partner/")


def _inwoner_vraagt_om_bellen(page, *, controleer=True):
    page.goto("/hulp/hulp-bij-schulden/")
    page.click("text=Laat mij bellen")
    assert page.locator("h1").inner_text() == "Laat mij bellen door SchuldHulpMaatje"
    if controleer:
        assert_accessible(page, "bellen uitleg")
    page.click("button:has-text('Verder')")  # no answer: an error, focused summary
    assert "Kies ja of nee." in page.content()
    if controleer:
        assert_accessible(page, "bellen uitleg fout")
    page.check("input[value=ja]")
    page.click("button:has-text('Verder')")
    assert page.locator("h1").inner_text() == "Uw gegevens voor SchuldHulpMaatje"
    if controleer:
        assert_accessible(page, "bellen gegevens")
    page.fill("#id_naam", "Jan de Vries")
    page.click("button:has-text('Verder')")
    assert "Vul een telefoonnummer of een e-mailadres in" in page.content()
    if controleer:
        assert_accessible(page, "bellen gegevens fout")
    page.fill("#id_telefoon", "06 12345678")
    page.check("input[value=middag]")
    page.fill("#id_vraag", "Ik heb schulden en weet niet waar ik moet beginnen.")
    page.click("button:has-text('Verder')")
    assert page.locator("h1").inner_text() == "Kloppen uw gegevens?"
    assert "In de middag" in page.content()
    if controleer:
        assert_accessible(page, "bellen controleren")
    page.click("button:has-text('Verstuur')")
    assert page.locator("h1").inner_text() == "Uw verzoek is verstuurd"
    assert "Binnen 2 werkdagen" in page.content()
    if controleer:
        assert_accessible(page, "bellen verstuurd")


def _rauwe_rij(verzoek) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM overdracht_verzoek WHERE id = %s", [verzoek.pk])
        return " ".join(str(kolom) for kolom in cursor.fetchone())


def test_resident_asks_partner_accepts_details_encrypted_cleanup_removes(page, browser, live_server, wereld):
    shm, aanbod, schans = wereld
    _inwoner_vraagt_om_bellen(page)
    verzoek = Verzoek.objects.get()
    assert verzoek.naam == "Jan de Vries" and verzoek.ontvanger == shm
    rij = _rauwe_rij(verzoek)
    for geheim in ("Jan", "Vries", "12345678", "schulden"):
        assert geheim not in rij
    assert mail.outbox[-1].to == ["maatje@schuldhulpmaatje.example"]

    # The SchuldHulpMaatje partner, in a browser of their own.
    ctx = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    partner = ctx.new_page()
    _inloggen(partner, "maatje@schuldhulpmaatje.example")
    partner.goto("/partner/organisatie/schuldhulpmaatje/")
    assert "1 nieuw verzoek" in partner.content()
    partner.click("text=Verzoeken bekijken")
    assert_accessible(partner, "partner verzoeken")
    partner.click("a:has-text('Bekijk')")
    assert "Jan de Vries" in partner.content() and "06 12345678" in partner.content()
    assert "Status:</strong> Geopend" in partner.content()
    assert_accessible(partner, "partner verzoek geopend")
    partner.click("button:has-text('Accepteren')")
    assert "Status:</strong> Geaccepteerd" in partner.content()
    assert_accessible(partner, "partner verzoek geaccepteerd")
    partner.click("button:has-text('Afronden')")
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEROND
    assert_accessible(partner, "partner verzoek afgerond")
    partner.goto("/partner/organisatie/schuldhulpmaatje/verzoeken/instellingen/")
    assert_accessible(partner, "partner verzoeken instellingen")
    ctx.close()

    # Another organisation's partner: 404 on its URL.
    ctx = browser.new_context(base_url=live_server.url)
    ander = ctx.new_page()
    _inloggen(ander, "werker@deschans.example")
    assert ander.goto(f"/partner/verzoek/{verzoek.uuid}/").status == 404
    assert "Jan de Vries" not in ander.content()
    ctx.close()

    # Closed, and the retention period passed: the cleanup command removes it.
    call_command("verwijder_verzoeken")
    assert Verzoek.objects.filter(pk=verzoek.pk).exists()  # not yet
    Verzoek.objects.filter(pk=verzoek.pk).update(afgerond_op=timezone.now() - timedelta(days=31))
    call_command("verwijder_verzoeken")
    assert not Verzoek.objects.exists()


def test_no_consent_keeps_nothing_and_shows_the_phone_number(page, wereld):
    page.goto("/bellen/hulp-bij-schulden/")
    page.check("input[value=nee]")
    page.click("button:has-text('Verder')")
    assert page.locator("h1").inner_text() == "U belt zelf met SchuldHulpMaatje"
    assert "0594 - 00 22 33" in page.content()
    assert_accessible(page, "bellen geen toestemming")
    assert not Verzoek.objects.exists()


def test_a_referral_without_consent_reaches_the_stop_page_and_stores_nothing(page, wereld):
    _inloggen(page, "werker@deschans.example")
    page.goto("/partner/organisatie/de-schans/doorverwijzen/")
    assert_accessible(page, "partner doorverwijzen")
    page.select_option("#id_ontvanger", label="SchuldHulpMaatje")
    page.fill("#id_naam", "Jan de Vries")
    page.fill("#id_telefoon", "06 12345678")
    page.check("#id_privacyverklaring_gedeeld")
    page.click("button:has-text('Doorverwijzing versturen')")
    assert page.locator("h1").inner_text() == "Eerst toestemming vragen"
    assert_accessible(page, "partner doorverwijzen stop toestemming")
    assert not Verzoek.objects.exists() and not mail.outbox
    page.goto("/partner/organisatie/de-schans/doorverwijzen/stop/privacyverklaring/")
    assert_accessible(page, "partner doorverwijzen stop privacy")
    # With both confirmations it goes out, and the sender sees its status only.
    page.goto("/partner/organisatie/de-schans/doorverwijzen/")
    page.select_option("#id_ontvanger", label="SchuldHulpMaatje")
    page.fill("#id_naam", "Jan de Vries")
    page.fill("#id_telefoon", "06 12345678")
    page.check("#id_toestemming_inwoner")
    page.check("#id_privacyverklaring_gedeeld")
    page.click("button:has-text('Doorverwijzing versturen')")
    assert "Uw doorverwijzing is verstuurd naar SchuldHulpMaatje" in page.content()
    page.click("a:has-text('Status')")
    assert "Jan de Vries" not in page.content() and "Nieuw" in page.content()
    assert_accessible(page, "partner doorverwijzing status")


def test_the_flows_work_without_javascript(page_no_js, wereld):
    _inwoner_vraagt_om_bellen(page_no_js, controleer=False)
    assert Verzoek.objects.count() == 1
    _inloggen(page_no_js, "maatje@schuldhulpmaatje.example")
    page_no_js.goto("/partner/organisatie/schuldhulpmaatje/verzoeken/")
    page_no_js.click("a:has-text('Bekijk')")
    page_no_js.fill("#id_reden", "Wij helpen alleen inwoners van Leek.")
    page_no_js.click("button:has-text('Afwijzen')")
    assert Verzoek.objects.get().status == VerzoekStatus.AFGEWEZEN
