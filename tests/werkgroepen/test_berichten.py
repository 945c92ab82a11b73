"""Mails of the pact: a place after the waiting list, and a reminder before a
meeting (once per sign-up, days before: a setting)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.werkgroepen.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory
from werkgroepen import services

pytestmark = pytest.mark.django_db


def test_a_place_after_the_waiting_list_is_mailed(django_capture_on_commit_callbacks, client):
    org = OrganisatieFactory()
    b = BijeenkomstFactory(max_plaatsen=1, titel="Pactbijeenkomst voorjaar")
    eerste, wachtende = (
        GebruikerFactory(organisatie=org),
        GebruikerFactory(organisatie=org, username="wacht@voorbeeld.nl"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=eerste)
        services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=wachtende)
        assert not mail.outbox  # a sign-up itself sends nothing
        services.afmelden(bijeenkomst=b, gebruiker=eerste)
    [bericht] = mail.outbox
    assert bericht.to == ["wacht@voorbeeld.nl"]
    assert bericht.subject == "U heeft een plaats: Pactbijeenkomst voorjaar"
    assert "U stond op de wachtlijst" in bericht.body and "Waarom krijgt u deze e-mail?" in bericht.body
    link = re.search(r"http://127.0.0.1:8000(/pact/partner/)#bijeenkomsten", bericht.body).group(1)
    client.force_login(wachtende)
    assert "Pactbijeenkomst voorjaar" in client.get(link).text


def test_a_meeting_reminder_goes_once_days_before(django_capture_on_commit_callbacks, settings):
    settings.BIJEENKOMST_HERINNEREN_DAGEN = 3
    org = OrganisatieFactory()
    straks = BijeenkomstFactory(dagen=2, titel="Werkgroep Preventie")
    later = BijeenkomstFactory(dagen=10)
    user = GebruikerFactory(organisatie=org, username="komt@voorbeeld.nl")
    services.aanmelden(bijeenkomst=straks, organisatie=org, gebruiker=user)
    services.aanmelden(bijeenkomst=later, organisatie=org, gebruiker=user)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("herinner_bijeenkomsten")
        call_command("herinner_bijeenkomsten")
    [bericht] = mail.outbox
    assert bericht.to == ["komt@voorbeeld.nl"]
    assert bericht.subject.startswith("Herinnering: Werkgroep Preventie op ")
    assert "Meld u dan af" in bericht.body
    # The later meeting gets its reminder when it comes close.
    with django_capture_on_commit_callbacks(execute=True):
        services.bijeenkomst_herinneringen_versturen(nu=timezone.now() + timedelta(days=8))
    assert len(mail.outbox) == 2
