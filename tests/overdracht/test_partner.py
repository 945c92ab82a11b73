"""The request's life in the partner portal: only the receiving organisation reads
it (every read logged), Nieuw -> Geopend on the first read, accept or reject
with a reason, close; the sender sees the status only; a referral needs two
confirmations, each with a stop page that keeps nothing."""

import pytest
from django.core import mail

from overdracht.models import Inzage, Verzoek, VerzoekStatus
from tests.overdracht.conftest import GEGEVENS


@pytest.fixture
def verzoek(ontvanger, aanbod):
    return Verzoek.objects.create(ontvanger=ontvanger, aanbod=aanbod, **GEGEVENS)


def test_the_first_read_opens_the_request_and_every_read_is_logged(client, verzoek, medewerker):
    client.force_login(medewerker)
    pagina = client.get(f"/partner/verzoek/{verzoek.uuid}/")
    assert "Jan de Vries" in pagina.text and "06 12345678" in pagina.text
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.GEOPEND and verzoek.geopend_op is not None
    client.get(f"/partner/verzoek/{verzoek.uuid}/")
    assert list(Inzage.objects.order_by().values_list("gebruiker", "verzoek_uuid").distinct()) == [
        (medewerker.pk, verzoek.uuid)
    ]
    assert Inzage.objects.count() == 2


def test_accept_then_close(client, verzoek, medewerker):
    client.force_login(medewerker)
    url = f"/partner/verzoek/{verzoek.uuid}/"
    client.get(url)
    assert client.post(url, {"actie": "accepteren"}).status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.GEACCEPTEERD
    client.post(url, {"actie": "afronden"})
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEROND and verzoek.afgerond_op is not None


def test_reject_needs_a_reason(client, verzoek, medewerker):
    client.force_login(medewerker)
    url = f"/partner/verzoek/{verzoek.uuid}/"
    client.get(url)
    fout = client.post(url, {"actie": "afwijzen", "reden": "  "})
    assert "Schrijf op waarom u het verzoek afwijst." in fout.text
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.GEOPEND
    client.post(url, {"actie": "afwijzen", "reden": "Wij helpen alleen inwoners van Leek."})
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.AFGEWEZEN
    assert verzoek.reden_afwijzing == "Wij helpen alleen inwoners van Leek."


def test_a_step_out_of_order_is_refused_with_a_dutch_message(client, verzoek, medewerker):
    client.force_login(medewerker)
    url = f"/partner/verzoek/{verzoek.uuid}/"
    client.get(url)
    antwoord = client.post(url, {"actie": "afronden"})
    assert antwoord.status_code == 200 and "Het kan niet meer afgerond worden" in antwoord.text
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.GEOPEND


def test_another_organisation_gets_404_and_reads_nothing(client, verzoek, collega):
    client.force_login(collega)
    assert client.get(f"/partner/verzoek/{verzoek.uuid}/").status_code == 404
    assert client.post(f"/partner/verzoek/{verzoek.uuid}/", {"actie": "accepteren"}).status_code == 404
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.NIEUW and not Inzage.objects.exists()


def test_a_referral_without_consent_reaches_the_stop_page_and_stores_nothing(client, ontvanger, collega, andere_org):
    client.force_login(collega)
    url = f"/partner/organisatie/{andere_org.slug}/doorverwijzen/"
    zonder = {**GEGEVENS, "ontvanger": ontvanger.pk, "privacyverklaring_gedeeld": "on"}
    response = client.post(url, zonder, follow=True)
    assert response.redirect_chain[-1][0].endswith("/doorverwijzen/stop/toestemming/")
    assert "Eerst toestemming vragen" in response.text and "niets bewaard" in response.text
    zonder_privacy = {**GEGEVENS, "ontvanger": ontvanger.pk, "toestemming_inwoner": "on"}
    response = client.post(url, zonder_privacy, follow=True)
    assert "Eerst de privacyverklaring delen" in response.text
    assert not Verzoek.objects.exists() and not mail.outbox


def test_a_referral_with_both_confirmations_reaches_the_receiver_and_the_sender_sees_the_status(
    client, ontvanger, medewerker, collega, andere_org, django_capture_on_commit_callbacks
):
    client.force_login(collega)
    url = f"/partner/organisatie/{andere_org.slug}/doorverwijzen/"
    assert "SchuldHulpMaatje" in client.get(url).text
    data = {**GEGEVENS, "ontvanger": ontvanger.pk, "toestemming_inwoner": "on", "privacyverklaring_gedeeld": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    verzoek = Verzoek.objects.get()
    assert (verzoek.afzender_organisatie, verzoek.ontvanger, verzoek.bron) == (andere_org, ontvanger, "professional")
    assert mail.outbox[0].to == ["maatje@schuldhulpmaatje.example"]
    assert "Sociaal Werk De Schans verwijst iemand naar u door" in mail.outbox[0].body
    lijst = client.get(f"/partner/organisatie/{andere_org.slug}/verzoeken/").text
    assert "SchuldHulpMaatje" in lijst and "Nieuw" in lijst
    status = client.get(f"/partner/verzoek/{verzoek.uuid}/").text
    assert "Nieuw" in status and "Jan de Vries" not in status  # status only, no details
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.NIEUW and not Inzage.objects.exists()  # the sender's look opens nothing
    client.force_login(medewerker)
    client.get(f"/partner/verzoek/{verzoek.uuid}/")
    client.force_login(collega)
    assert "Geopend" in client.get(f"/partner/verzoek/{verzoek.uuid}/").text


def test_one_cannot_refer_to_an_organisation_that_receives_no_requests(client, ontvanger, collega, andere_org):
    ontvanger.ontvangt_verzoeken = False
    ontvanger.save()
    client.force_login(collega)
    data = {**GEGEVENS, "ontvanger": ontvanger.pk, "toestemming_inwoner": "on", "privacyverklaring_gedeeld": "on"}
    response = client.post(f"/partner/organisatie/{andere_org.slug}/doorverwijzen/", data)
    assert response.status_code == 200 and not Verzoek.objects.exists()


def test_the_organisation_chooses_whether_it_receives_requests_and_who_gets_the_mail(
    client, ontvanger, aanbod, medewerker
):
    client.force_login(medewerker)
    url = f"/partner/organisatie/{ontvanger.slug}/verzoeken/instellingen/"
    fout = client.post(url, {"ontvangt_verzoeken": "ja", "verzoeken_email": "geen-adres"})
    assert "Vul een e-mailadres in" in fout.text
    client.post(url, {"ontvangt_verzoeken": "nee", "verzoeken_email": "team@schuldhulpmaatje.example"})
    ontvanger.refresh_from_db()
    assert (ontvanger.ontvangt_verzoeken, ontvanger.verzoeken_email) == (False, "team@schuldhulpmaatje.example")
    client.logout()
    assert "Laat mij bellen" not in client.get(f"/hulp/{aanbod.slug}/").text
    assert client.get(f"/bellen/{aanbod.slug}/").status_code == 404
