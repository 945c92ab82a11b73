"""Trusted organisations keep direct publication, but every direct publication shows
in "Net gepubliceerd" on /beheer/ with a one-click undo and a "gezien" mark (issue 15)."""

import re

import pytest
from django.test import Client

from armoedepact.models import DirectePublicatie
from sociale_kaart.models import Aanbod, Kern, Organisatie, Status, Thema
from tests.armoedepact.partner.test_portal import _aanbod, _form_data, _org
from tests.armoedepact.regie.otp import otp_verifieer


@pytest.fixture
def org(db):
    return _org("humanitas", vertrouwd=True)


def _actie(admin_client, publicatie, knop):
    return admin_client.post(
        f"/beheer/regie/net-gepubliceerd/{publicatie.pk}/", {knop: "1", "terug": "/beheer/"}, follow=True
    )


def test_a_trusted_edit_is_live_at_once_listed_and_undone_in_one_click(admin_client, partner_browser, org):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Direct live"))
    assert "Direct live" in Client().get(f"/hulp/{aanbod.slug}/").content.decode()  # the trust is kept

    start = admin_client.get("/beheer/").content.decode()
    assert "Net gepubliceerd door vertrouwde organisaties (1 nog niet gezien)" in start
    assert "Aanbod gewijzigd: Direct live" in start
    publicatie = DirectePublicatie.objects.get()
    html = _actie(admin_client, publicatie, "terugdraaien").content.decode()
    assert "Teruggedraaid" in html
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp bij uw administratie"
    publiek = Client().get(f"/hulp/{aanbod.slug}/").content.decode()
    assert "Hulp bij uw administratie" in publiek and "Direct live" not in publiek
    assert "(0 nog niet gezien)" in admin_client.get("/beheer/").content.decode()


def test_a_new_entry_of_a_trusted_organisation_is_taken_offline_by_undo(admin_client, partner_browser, org):
    kern = Kern.objects.create(naam="Leek", slug="leek")
    thema = Thema.objects.create(naam="Geld", slug="geld")
    partner_browser.post(
        f"/partner/organisatie/{org.slug}/aanbod/nieuw/",
        {
            "titel": "Koffie-ochtend",
            "wat_u_krijgt": "Koffie.",
            "kernen": [kern.pk],
            "themas": [thema.pk],
            "kosten": "gratis",
        },
    )
    aanbod = Aanbod.objects.get(titel="Koffie-ochtend")
    assert Client().get(f"/hulp/{aanbod.slug}/").status_code == 200
    assert "Nieuw aanbod: Koffie-ochtend" in admin_client.get("/beheer/").content.decode()
    _actie(admin_client, DirectePublicatie.objects.get(), "terugdraaien")
    aanbod.refresh_from_db()
    assert aanbod.status == Status.CONCEPT
    assert Client().get(f"/hulp/{aanbod.slug}/").status_code == 404


def test_an_organisation_edit_is_undone_too(admin_client, partner_browser, org):
    partner_browser.post(
        f"/partner/organisatie/{org.slug}/bewerken/", {"naam": org.naam, "korte_omschrijving": "Nieuwe tekst."}
    )
    org.refresh_from_db()
    assert org.korte_omschrijving == "Nieuwe tekst."
    _actie(admin_client, DirectePublicatie.objects.get(soort="organisatie"), "terugdraaien")
    org.refresh_from_db()
    assert org.korte_omschrijving == "Wij helpen u."


def test_gezien_leaves_the_start_page_but_stays_on_the_list(admin_client, partner_browser, org, admin_user):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Direct live"))
    _actie(admin_client, DirectePublicatie.objects.get(), "gezien")
    start = admin_client.get("/beheer/").content.decode()
    assert "(0 nog niet gezien)" in start and "Aanbod gewijzigd: Direct live" not in start
    lijst = admin_client.get("/beheer/regie/net-gepubliceerd/").content.decode()
    assert "Aanbod gewijzigd: Direct live" in lijst and f"Gezien door {admin_user.get_username()}" in lijst
    aanbod.refresh_from_db()
    assert aanbod.titel == "Direct live"  # gezien changes nothing public


def test_an_older_publication_cannot_be_undone_over_a_newer_one(admin_client, partner_browser, org):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Eerste"))
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Tweede"))
    oudste = DirectePublicatie.objects.order_by("pk").first()
    html = _actie(admin_client, oudste, "terugdraaien").content.decode()
    assert "Draai eerst die nieuwere wijziging terug" in html
    aanbod.refresh_from_db()
    assert aanbod.titel == "Tweede"


def test_undo_needs_a_post_with_csrf(admin_user, partner_browser, org):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Direct live"))
    publicatie = DirectePublicatie.objects.get()
    coordinator = Client(enforce_csrf_checks=True)
    coordinator.force_login(admin_user)
    otp_verifieer(coordinator, admin_user)
    url = f"/beheer/regie/net-gepubliceerd/{publicatie.pk}/"
    assert coordinator.get(url).status_code == 405
    assert coordinator.post(url, {"terugdraaien": "1"}).status_code == 403
    start = coordinator.get("/beheer/").content.decode()
    formulier = re.search(rf'<form method="post" action="{url}".*?</form>', start, re.S).group(0)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', formulier).group(1)
    assert coordinator.post(url, {"terugdraaien": "1", "csrfmiddlewaretoken": token}).status_code == 302
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp bij uw administratie"


def test_untrusted_changes_are_not_direct_publications(admin_client, partner_browser, org):
    Organisatie.objects.filter(pk=org.pk).update(vertrouwd=False)
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Wacht"))
    assert not DirectePublicatie.objects.exists()


def test_a_redactor_without_moderation_rights_cannot_undo(client, django_user_model, partner_browser, org):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Direct live"))
    medewerker = django_user_model.objects.create_user(username="m@voorbeeld.nl", is_staff=True)
    client.force_login(medewerker)
    otp_verifieer(client, medewerker)
    publicatie = DirectePublicatie.objects.get()
    assert client.post(f"/beheer/regie/net-gepubliceerd/{publicatie.pk}/", {"terugdraaien": "1"}).status_code == 403
    assert client.get("/beheer/regie/net-gepubliceerd/").status_code == 403
    aanbod.refresh_from_db()
    assert aanbod.titel == "Direct live"


def test_the_open_data_page_says_honestly_what_is_checked(client, db):
    html = client.get("/open-data/").content.decode()
    assert "die de gemeente heeft gecontroleerd" not in html
    assert "Vertrouwde organisaties zetten hun eigen wijzigingen direct op de kaart" in html
