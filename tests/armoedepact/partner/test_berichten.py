"""Messages that close the loop for partners and the coordinator: a change
approved or rejected (with the reason), the 11-month reminder (accounts only,
once per 30 days, its link works after log-in), the coordinator's digest."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from armoedepact.models import Revisie
from armoedepact.partner import services
from overdracht.models import Verzoek
from sociale_kaart.models import Aanbod, Organisatie
from tests.armoedepact.partner.test_portal import PASSWORD, _aanbod, _form_data, _org
from werkgroepen.models import Aansluitverzoek


@pytest.fixture
def verstuur(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks (the mails) of what happens inside the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _revisie(partner_client, org, titel="Hulp met post"):
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel=titel))
    return Revisie.objects.get(aanbod=aanbod)


def test_the_partner_hears_the_change_was_approved_and_the_link_shows_it(
    partner_client, org, admin_user, verstuur, client
):
    revisie = _revisie(partner_client, org)
    with verstuur():
        services.revisie_goedkeuren(revisie=revisie, door=admin_user, basis_url="http://testserver")
    [bericht] = mail.outbox
    assert bericht.to == ["p@voorbeeld.nl"]
    assert bericht.subject == "Uw wijziging is goedgekeurd (Armoedepact)"
    assert "Waarom krijgt u deze e-mail?" in bericht.body and bericht.alternatives[0].mimetype == "text/html"
    link = re.search(r"http://testserver(/hulp/[\w-]+/)", bericht.body).group(1)
    assert "Hulp met post" in client.get(link).text


def test_the_partner_hears_the_change_was_rejected_with_the_reason(partner_client, org, admin_user, verstuur):
    revisie = _revisie(partner_client, org)
    with verstuur():
        services.revisie_afwijzen(revisie=revisie, door=admin_user, reden="De openingstijden kloppen niet.")
    [bericht] = mail.outbox
    assert bericht.subject == "Uw wijziging is niet goedgekeurd (Armoedepact)"
    assert "De openingstijden kloppen niet." in bericht.body
    link = re.search(r"http://127.0.0.1:8000(/partner/wijziging/\d+/)", bericht.body).group(1)
    assert partner_client.get(link).status_code == 200


def test_a_rejection_that_fails_sends_nothing(partner_client, org, admin_user, verstuur):
    revisie = _revisie(partner_client, org)
    with verstuur(), pytest.raises(Exception, match="Schrijf waarom"):
        services.revisie_afwijzen(revisie=revisie, door=admin_user, reden=" ")
    assert not mail.outbox


def _verouderd(org):
    oud = _aanbod(org, titel=f"Oud aanbod {org.slug}")
    Aanbod.objects.filter(pk=oud.pk).update(laatst_gecontroleerd=date.today() - timedelta(days=400))
    return oud


def test_herinner_partners_run_twice_sends_nothing_the_second_time(partner, org, verstuur):
    _verouderd(org)
    with verstuur():
        call_command("herinner_partners", basis_url="https://portaal.example")
    assert len(mail.outbox) == 1
    with verstuur():
        call_command("herinner_partners", basis_url="https://portaal.example")
    assert len(mail.outbox) == 1


def test_herinner_partners_writes_again_after_30_days(partner, org, verstuur):
    from armoedepact.models import Herinnering

    _verouderd(org)
    with verstuur():
        call_command("herinner_partners")
    Herinnering.objects.update(verstuurd_op=Herinnering.objects.get().verstuurd_op - timedelta(days=31))
    with verstuur():
        call_command("herinner_partners")
    assert len(mail.outbox) == 2


def test_organisations_without_an_account_get_no_reminder(partner, org, verstuur):
    zonder = _org("zonder-account", email="info@zonder.example")
    _verouderd(zonder)
    _verouderd(org)
    Organisatie.objects.filter(pk=org.pk).update(email="info@humanitas.example")
    with verstuur():
        call_command("herinner_partners")
    assert [m.to for m in mail.outbox] == [["p@voorbeeld.nl"]]  # members only, never the public address


def test_the_reminder_link_leads_to_alles_klopt_nog_after_log_in(partner, org, verstuur, client):
    oud = _verouderd(org)
    with verstuur():
        call_command("herinner_partners", basis_url="http://testserver")
    body = mail.outbox[0].body
    assert "Oud aanbod humanitas" in body and "hooguit 1 keer per 30 dagen" in body
    link = re.search(r"http://testserver(/partner/organisatie/[\w-]+/)", body).group(1)
    naar_inloggen = client.get(link)
    assert naar_inloggen.url.startswith("/partner/inloggen/?next=")
    ingelogd = client.post(naar_inloggen.url, {"username": "p@voorbeeld.nl", "password": PASSWORD}, follow=True)
    assert ingelogd.redirect_chain[-1][0] == link
    assert "Alles klopt nog" in ingelogd.text
    client.post(f"/partner/aanbod/{oud.uuid}/klopt/")
    oud.refresh_from_db()
    assert oud.laatst_gecontroleerd == date.today()


def test_the_coordinator_gets_one_digest_a_day_of_what_waits(partner_client, org, admin_user, verstuur, client):
    _revisie(partner_client, org)
    Aansluitverzoek.objects.create(
        organisatie_naam="Kerk De Ark", contactpersoon="Piet", email="piet@ark.example", wat_doet_u="x", bijdrage="y"
    )
    oud = Verzoek.objects.create(ontvanger=org, naam="Jan")
    Verzoek.objects.filter(pk=oud.pk).update(aangemaakt_op=oud.aangemaakt_op - timedelta(days=7))
    with verstuur():
        call_command("dagoverzicht", basis_url="http://testserver")
        call_command("dagoverzicht", basis_url="http://testserver")
    [bericht] = mail.outbox
    assert bericht.to == [admin_user.email]
    assert bericht.subject.startswith("Dit wacht op u: dagoverzicht Armoedepact")
    assert "1 wijziging(en) wachten op goedkeuring" in bericht.body
    assert "1 nieuwe aanmelding(en)" in bericht.body
    assert "1 verzoek(en) om contact zijn niet op tijd geopend" in bericht.body
    assert "Jan" not in bericht.body
    assert "http://testserver/beheer/" in bericht.body


def test_the_digest_counts_direct_publications_of_trusted_organisations(partner_client, org, verstuur, settings):
    settings.COORDINATOR_EMAIL = ["coordinator@gemeente.example"]
    Organisatie.objects.filter(pk=org.pk).update(vertrouwd=True)
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Direct live"))
    with verstuur():
        call_command("dagoverzicht")
    assert mail.outbox[0].to == ["coordinator@gemeente.example"]
    assert "1 wijziging(en) van vertrouwde organisaties staan direct op de website" in mail.outbox[0].body


def test_nothing_waits_no_digest(db, admin_user, verstuur):
    with verstuur():
        call_command("dagoverzicht")
    assert not mail.outbox
