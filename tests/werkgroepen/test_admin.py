from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from sociale_kaart.models import Organisatie, Status
from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401
from werkgroepen.models import Aansluitverzoek, AgendaRonde, Ambassadeurschap, Werkgroep

from . import factories as f

# /beheer/ needs a second factor: admin_client gets one.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("beheer_tweede_factor")]


def _messages(response):
    return [str(m) for m in response.context["messages"]]


MODELLEN = [
    "pijler",
    "werkgroep",
    "ambassadeurschap",
    "actiepunt",
    "voortgang",
    "bijeenkomst",
    "aanmelding",
    "aansluitverzoek",
    "agendaronde",
    "agendabijdrage",
]
# What the coördinator group (armoedepact/migrations/0004_staff_groups.py) may add.
COORDINATOR_VOEGT_TOE = {"werkgroep", "ambassadeurschap", "actiepunt", "voortgang", "bijeenkomst", "agendaronde"}
# Pillars are fixed, join requests and agenda contributions come from partners,
# registrations from the meeting page: nobody adds them in /beheer/.
COORDINATOR_VOEGT_NIET_TOE = {"pijler", "aanmelding", "aansluitverzoek", "agendabijdrage"}


@pytest.fixture
def coordinator_client(client, django_user_model):
    from django.contrib.auth.models import Group

    from tests.armoedepact.regie.otp import otp_verifieer

    user = django_user_model.objects.create_user(username="coord@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name="coördinator"))
    client.force_login(user)
    otp_verifieer(client, user)
    return client


def test_admin_pages_load(coordinator_client, demo):
    assert set(MODELLEN) == COORDINATOR_VOEGT_TOE | COORDINATOR_VOEGT_NIET_TOE
    for model in MODELLEN:
        assert coordinator_client.get(f"/beheer/werkgroepen/{model}/").status_code == 200, model
    for model in sorted(COORDINATOR_VOEGT_TOE):
        assert coordinator_client.get(f"/beheer/werkgroepen/{model}/add/").status_code == 200, model


def test_coordinator_cannot_add_what_partners_or_residents_make(coordinator_client, demo):
    for model in sorted(COORDINATOR_VOEGT_NIET_TOE):
        assert coordinator_client.get(f"/beheer/werkgroepen/{model}/add/").status_code == 403, model


def test_registrations_cannot_be_added_in_beheer_even_by_a_superuser(admin_client):
    assert admin_client.get("/beheer/werkgroepen/aanmelding/").status_code == 200
    assert admin_client.get("/beheer/werkgroepen/aanmelding/add/").status_code == 403


def test_warning_when_fewer_than_two_pactbijeenkomsten_this_year(admin_client):
    response = admin_client.get("/beheer/werkgroepen/bijeenkomst/")
    assert any("pactbijeenkomsten gepland" in m for m in _messages(response))
    jaar = timezone.localdate().year
    for maand in (3, 10):
        start = timezone.make_aware(timezone.datetime(jaar, maand, 5, 19, 30))
        f.BijeenkomstFactory(start=start)
    response = admin_client.get("/beheer/werkgroepen/bijeenkomst/")
    assert not any("pactbijeenkomsten gepland" in m for m in _messages(response))


def test_term_ending_within_60_days_is_flagged(admin_client):
    p = f.PijlerFactory()
    wg = Werkgroep.objects.create(pijler=p, naam="Werkgroep Netwerk")
    org = f.OrganisatieFactory()
    vandaag = timezone.localdate()
    Ambassadeurschap.objects.create(
        werkgroep=wg,
        naam="Bijna Klaar",
        organisatie=org,
        termijn_start=vandaag - timedelta(days=300),
        termijn_eind=vandaag + timedelta(days=30),
    )
    Ambassadeurschap.objects.create(
        werkgroep=wg,
        naam="Nog Lang",
        organisatie=org,
        rol="vervanger",
        termijn_start=vandaag,
        termijn_eind=vandaag + timedelta(days=400),
    )
    response = admin_client.get("/beheer/werkgroepen/ambassadeurschap/?termijn=bijna")
    html = response.content.decode()
    assert "Bijna Klaar" in html and "Nog Lang" not in html
    assert any("Bijna Klaar" in m and "opvolger" in m for m in _messages(response))


def test_approve_action_creates_organisation_and_invites(admin_client, django_capture_on_commit_callbacks):
    verzoek = Aansluitverzoek.objects.create(
        organisatie_naam="Kerk De Ark",
        contactpersoon="Ds. Bos",
        email="bos@deark.nl",
        wat_doet_u="Kerk.",
        bijdrage="Zaal.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/beheer/werkgroepen/aansluitverzoek/",
            {"action": "goedkeuren", "_selected_action": [verzoek.pk]},
            follow=True,
        )
    assert response.status_code == 200
    org = Organisatie.objects.get(naam="Kerk De Ark")
    assert org.status == Status.CONCEPT and org.pactpartner
    assert len(mail.outbox) == 1 and "/partner/uitnodiging/" in mail.outbox[0].body
    # Approving again: a clear message, nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/beheer/werkgroepen/aansluitverzoek/",
            {"action": "goedkeuren", "_selected_action": [verzoek.pk]},
            follow=True,
        )
    assert "al goedgekeurd" in response.content.decode()
    assert Organisatie.objects.filter(naam="Kerk De Ark").count() == 1 and len(mail.outbox) == 1


def test_application_detail_shows_likely_duplicate(admin_client):
    f.OrganisatieFactory(naam="Voedselbank Westerkwartier", email="info@vbwk.nl")
    verzoek = Aansluitverzoek.objects.create(
        organisatie_naam="VB WK", contactpersoon="X", email="piet@vbwk.nl", wat_doet_u="Eten.", bijdrage="Eten."
    )
    html = admin_client.get(f"/beheer/werkgroepen/aansluitverzoek/{verzoek.pk}/change/").content.decode()
    assert "Voedselbank Westerkwartier (gepubliceerd)" in html


def test_open_and_close_round_actions(admin_client):
    ronde = f.AgendaRondeFactory(status="gesloten")
    admin_client.post("/beheer/werkgroepen/agendaronde/", {"action": "openen", "_selected_action": [ronde.pk]})
    assert AgendaRonde.objects.get().status == "open"
    admin_client.post("/beheer/werkgroepen/agendaronde/", {"action": "sluiten", "_selected_action": [ronde.pk]})
    assert AgendaRonde.objects.get().status == "gesloten"


def test_admin_refuses_unreachable_actiepunt_status(admin_client):
    ap = f.ActiepuntFactory(status="afgerond")
    data = {
        "pijler": ap.pijler_id,
        "titel": ap.titel,
        "omschrijving": "",
        "trekker": "",
        "jaar": ap.jaar,
        "status": "bezig",
        "volgorde": 0,
        "voortgang-TOTAL_FORMS": 0,
        "voortgang-INITIAL_FORMS": 0,
    }
    response = admin_client.post(f"/beheer/werkgroepen/actiepunt/{ap.pk}/change/", data)
    assert response.status_code == 200
    assert "kan niet naar" in response.content.decode()
    ap.refresh_from_db()
    assert ap.status == "afgerond"


def test_admin_refuses_meeting_that_ends_before_it_starts(admin_client):
    data = {
        "soort": "pactbijeenkomst",
        "titel": "Fout",
        "start_0": "10-03-2099",
        "start_1": "19:30",
        "eind_0": "10-03-2099",
        "eind_1": "18:00",
        "plaats": "X",
        "adres": "Y",
        "openbaar": "on",
        "aanmeldingen-TOTAL_FORMS": 0,
        "aanmeldingen-INITIAL_FORMS": 0,
    }
    response = admin_client.post("/beheer/werkgroepen/bijeenkomst/add/", data)
    assert response.status_code == 200
    assert "eindigen na het begin" in response.content.decode()
