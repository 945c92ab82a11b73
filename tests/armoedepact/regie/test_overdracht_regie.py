"""What the coordinator sees of the warm handover on /beheer/: counts per
organisation per month, under 5 hidden, never a resident's details; and which
organisations have no account yet ("nog geen account: nodig uit")."""

import pytest
from django.utils import timezone

from overdracht.models import Verzoek, VerzoekTelling
from overdracht.selectors import tellingen
from tests.sociale_kaart.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


def test_counts_under_five_are_hidden():
    groot, klein = OrganisatieFactory(naam="Voedselbank"), OrganisatieFactory(naam="Leergeld")
    maand = timezone.localdate().replace(day=1)
    VerzoekTelling.objects.create(organisatie=groot, maand=maand, aantal=7)
    VerzoekTelling.objects.create(organisatie=klein, maand=maand, aantal=4)
    assert {(r.organisatie, r.aantal) for r in tellingen()} == {("Voedselbank", 7), ("Leergeld", None)}


def test_the_start_page_shows_counts_and_no_details(admin_client):
    org = OrganisatieFactory(naam="Voedselbank")
    VerzoekTelling.objects.create(organisatie=org, maand=timezone.localdate().replace(day=1), aantal=3)
    Verzoek.objects.create(ontvanger=org, naam="Jan de Vries", telefoon="0612345678")
    html = admin_client.get("/beheer/").content.decode()
    assert "Verzoeken om contact" in html and "minder dan 5" in html
    assert "Jan de Vries" not in html and "0612345678" not in html
    assert admin_client.get("/beheer/overdracht/verzoek/").status_code == 404  # no admin page for requests


def test_organisations_without_an_account_say_so_with_an_invite_link(admin_client):
    org = OrganisatieFactory(naam="Stichting Zonder Account")
    html = admin_client.get("/beheer/").content.decode()
    assert "Stichting Zonder Account</a>: nog geen account" in html
    assert f"/beheer/sociale_kaart/uitnodiging/add/?organisatie={org.pk}" in html
