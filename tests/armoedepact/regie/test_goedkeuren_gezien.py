"""The coordinator approves exactly the version she saw (issue 15, approval race).

The review page carries a fingerprint of the proposal; when the partner edits
after the page was opened, "Goedkeuren" publishes nothing and says why."""

import re

import pytest

from armoedepact.models import Revisie, RevisieStatus
from sociale_kaart.models import Aanbod, Kern, Status, Thema
from tests.armoedepact.partner.test_portal import _aanbod, _form_data, _org


@pytest.fixture
def org(db):
    return _org("humanitas")


def _open(admin_client, revisie) -> str:
    html = admin_client.get(f"/beheer/armoedepact/revisie/{revisie.pk}/change/").content.decode()
    return re.search(r'name="vingerafdruk" value="([0-9a-f]{64})"', html).group(1)


def _goedkeuren(admin_client, revisie, vingerafdruk):
    return admin_client.post(
        f"/beheer/armoedepact/revisie/{revisie.pk}/change/",
        {"_goedkeuren": "Goedkeuren", "vingerafdruk": vingerafdruk, "reden": ""},
        follow=True,
    )


def _nieuw_aanbod(partner_browser, org, titel):
    kern, _ = Kern.objects.get_or_create(naam="Leek", slug="leek")
    thema, _ = Thema.objects.get_or_create(naam="Geld", slug="geld")
    data = {"titel": titel, "wat_u_krijgt": "Koffie en een praatje.", "kernen": [kern.pk], "themas": [thema.pk]}
    return partner_browser.post(f"/partner/organisatie/{org.slug}/aanbod/nieuw/", {**data, "kosten": "gratis"})


def test_new_aanbod_edited_after_opening_is_not_published(admin_client, partner_browser, org, client):
    _nieuw_aanbod(partner_browser, org, "Koffie-ochtend")
    aanbod = Aanbod.objects.get(titel="Koffie-ochtend")
    revisie = Revisie.objects.get(aanbod=aanbod)
    gezien = _open(admin_client, revisie)

    # Meanwhile the partner changes the text the coordinator has not seen.
    partner_browser.post(
        f"/partner/aanbod/{aanbod.uuid}/bewerken/",
        _form_data(aanbod, titel="Koffie-ochtend", wat_u_krijgt="Een tekst die niemand controleerde."),
    )

    html = _goedkeuren(admin_client, revisie, gezien).content.decode()
    assert "heeft deze wijziging aangepast nadat u de pagina opende" in html
    assert "Er is niets gepubliceerd" in html
    aanbod.refresh_from_db()
    assert aanbod.status == Status.CONCEPT
    assert Revisie.objects.get(pk=revisie.pk).status == RevisieStatus.WACHT
    assert client.get(f"/hulp/{aanbod.slug}/").status_code == 404

    # Opened again, she sees the new text and can approve that.
    assert (
        "Een tekst die niemand controleerde."
        in admin_client.get(f"/beheer/armoedepact/revisie/{revisie.pk}/change/").content.decode()
    )
    _goedkeuren(admin_client, revisie, _open(admin_client, revisie))
    aanbod.refresh_from_db()
    assert aanbod.status == Status.GEPUBLICEERD


def test_published_aanbod_edited_again_after_opening_keeps_the_public_text(admin_client, partner_browser, org):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Gezien"))
    revisie = Revisie.objects.get(aanbod=aanbod)
    gezien = _open(admin_client, revisie)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Niet gezien"))

    html = _goedkeuren(admin_client, revisie, gezien).content.decode()
    assert "Er is niets gepubliceerd" in html
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp bij uw administratie"


def test_approval_without_the_fingerprint_publishes_nothing(admin_client, partner_browser, org):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Gezien"))
    revisie = Revisie.objects.get(aanbod=aanbod)
    html = _goedkeuren(admin_client, revisie, "").content.decode()
    assert "Er is niets gepubliceerd" in html
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp bij uw administratie"


def test_the_version_she_saw_is_approved(admin_client, partner_browser, org):
    aanbod = _aanbod(org)
    partner_browser.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Gezien"))
    revisie = Revisie.objects.get(aanbod=aanbod)
    html = _goedkeuren(admin_client, revisie, _open(admin_client, revisie)).content.decode()
    assert "staat nu op de website" in html
    aanbod.refresh_from_db()
    assert aanbod.titel == "Gezien"
