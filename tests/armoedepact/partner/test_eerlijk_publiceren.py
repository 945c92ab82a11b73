"""Honest publication (issue 20): approving says exactly what is now public and what
still waits and why; an approved aanbod of a new organisation goes public with it."""

import pytest

from armoedepact.models import Revisie
from sociale_kaart.models import Aanbod, Organisatie, Status
from tests.armoedepact.partner.test_portal import _aanbod, _form_data
from tests.armoedepact.regie.test_goedkeuren_gezien import _open
from tests.sociale_kaart.factories import OpeningstijdFactory, ThemaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("beheer_tweede_factor")]

from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: E402,F401


def _nieuw_aanbod(partner_client, org, titel):
    """A new aanbod as a partner sends it: a concept with a revision waiting for the coordinator."""
    aanbod = _aanbod(org, titel=titel, status=Status.CONCEPT)
    data = {k: v if isinstance(v, list) else [str(v)] for k, v in _form_data(aanbod).items()}
    return Revisie.objects.create(soort=Revisie.Soort.AANBOD, nieuw=True, organisatie=org, aanbod=aanbod, data=data)


def _goedkeuren(admin_client, revisie) -> str:
    """Open the review page (its fingerprint: she approves the version she saw), then approve."""
    gezien = _open(admin_client, revisie)
    response = admin_client.post(
        f"/beheer/armoedepact/revisie/{revisie.pk}/change/", {"_goedkeuren": "1", "vingerafdruk": gezien}, follow=True
    )
    return response.content.decode()


def test_approving_aanbod_of_a_concept_organisation_says_it_waits_and_publishing_it_brings_the_aanbod(
    partner_client, org, admin_client, client
):
    Organisatie.objects.filter(pk=org.pk).update(status=Status.CONCEPT)
    eerste = _nieuw_aanbod(partner_client, org, "Samen koken")
    _nieuw_aanbod(partner_client, org, "Samen eten")
    html = _goedkeuren(admin_client, eerste)
    assert "staat nog niet op de website: de organisatie Humanitas is nog niet gepubliceerd" in html
    assert "wacht nog 1 wijziging" in html and "staat nu op de website" not in html
    aanbod = Aanbod.objects.get(titel="Samen koken")
    assert client.get(f"/hulp/{aanbod.slug}/").status_code == 404
    # The coordinator publishes the organisation: its approved aanbod comes with it, the other still waits.
    Organisatie.objects.filter(pk=org.pk).update(status=Status.GEPUBLICEERD)
    assert client.get(f"/hulp/{aanbod.slug}/").status_code == 200
    assert client.get(f"/hulp/{Aanbod.objects.get(titel='Samen eten').slug}/").status_code == 404


def test_approving_aanbod_of_a_published_organisation_says_it_is_public(partner_client, org, admin_client):
    revisie = _nieuw_aanbod(partner_client, org, "Samen koken")
    html = _goedkeuren(admin_client, revisie)
    assert "&#x27;Samen koken&#x27; staat nu op de website." in html or "'Samen koken' staat nu op de website." in html


def test_approving_organisation_details(partner_client, org, admin_client):
    partner_client.post(
        f"/partner/organisatie/{org.slug}/bewerken/", {"naam": org.naam, "korte_omschrijving": "Nieuw."}
    )
    html = _goedkeuren(admin_client, Revisie.objects.get(soort=Revisie.Soort.ORGANISATIE))
    assert "De gegevens van Humanitas staan nu op de website." in html


def test_unarchiving_sends_the_aanbod_back_to_review_and_approving_puts_it_online(
    partner_client, org, admin_client, client
):
    aanbod = _aanbod(org, titel="Samen koken")
    aanbod.themas.set([ThemaFactory()])
    OpeningstijdFactory(aanbod=aanbod)
    tijden = list(aanbod.openingstijden.values_list("weekdag", "van", "tot"))
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/archiveren/")
    assert client.get(f"/hulp/{aanbod.slug}/").status_code == 404
    html = partner_client.post(f"/partner/aanbod/{aanbod.uuid}/archiveren/", follow=True).content.decode()
    assert "De coördinator kijkt er nog naar" in html
    revisie = Revisie.objects.get(aanbod=aanbod, status="wacht")
    assert revisie.nieuw
    html = _goedkeuren(admin_client, revisie)
    assert "staat nu op de website" in html
    aanbod.refresh_from_db()
    assert aanbod.status == Status.GEPUBLICEERD and aanbod.titel == "Samen koken"
    assert client.get(f"/hulp/{aanbod.slug}/").status_code == 200
    # Nothing of the entry was lost on the way: opening hours and themes are still there.
    assert list(aanbod.openingstijden.values_list("weekdag", "van", "tot")) == tijden
    assert aanbod.themas.count() == 1
