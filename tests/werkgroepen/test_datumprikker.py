"""Choosing a date: the coordinator asks the partners for a few dates; they answer
ja / misschien / nee in the partner portal and see each other's answers; the
coordinator chooses a date in /beheer/, which closes the poll and plans the meeting."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sociale_kaart import services as kaart_services
from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401
from werkgroepen.models import Bijeenkomst, DatumPeiling, DatumPeilingStatus, PeilingAntwoord, PeilingDatum

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db):
    peiling = DatumPeiling.objects.create(titel="Pactbijeenkomst voorjaar", toelichting="Over de agenda.")
    basis = timezone.now().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=70)
    datums = [
        PeilingDatum.objects.create(
            peiling=peiling, start=basis + timedelta(days=d), eind=basis + timedelta(days=d, hours=2)
        )
        for d in (0, 7)
    ]
    humanitas = f.OrganisatieFactory(naam="Humanitas Westerkwartier", slug="humanitas")
    leergeld = f.OrganisatieFactory(naam="Stichting Leergeld", slug="leergeld")
    gebruiker = f.GebruikerFactory()
    kaart_services.lidmaatschap_toevoegen(gebruiker=gebruiker, organisatie=humanitas)
    PeilingAntwoord.objects.create(datum=datums[0], organisatie=leergeld, keuze="nee")
    return {"peiling": peiling, "datums": datums, "humanitas": humanitas, "gebruiker": gebruiker}


def _url(wereld):
    return f"/pact/partner/{wereld['humanitas'].pk}/datumprikker/{wereld['peiling'].pk}/"


def test_a_partner_answers_per_date_and_sees_the_other_partners_answers(client, wereld):
    client.force_login(wereld["gebruiker"])
    overzicht = client.get("/pact/partner/").content.decode()
    assert "Welke datum past?" in overzicht and _url(wereld) in overzicht

    html = client.get(_url(wereld)).content.decode()
    assert "Stichting Leergeld: nee" in html and "Kan Humanitas Westerkwartier op" in html
    eerste, tweede = wereld["datums"]
    response = client.post(_url(wereld), {f"datum-{eerste.pk}": "ja", f"datum-{tweede.pk}": "misschien"})
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "Uw voorkeur voor Pactbijeenkomst voorjaar is opgeslagen." in html
    assert "Humanitas Westerkwartier: ja; Stichting Leergeld: nee" in html
    assert "Humanitas Westerkwartier: misschien" in html
    assert f'value="ja" id="datum-{eerste.pk}-ja" checked' in html

    # Changing the mind replaces the answer; it does not add one.
    client.post(_url(wereld), {f"datum-{eerste.pk}": "nee"})
    assert PeilingAntwoord.objects.get(datum=eerste, organisatie=wereld["humanitas"]).keuze == "nee"
    assert PeilingAntwoord.objects.filter(organisatie=wereld["humanitas"]).count() == 2


def test_a_wrong_or_empty_answer_gives_a_dutch_message_and_changes_nothing(client, wereld):
    client.force_login(wereld["gebruiker"])
    eerste = wereld["datums"][0]
    for data in ({}, {f"datum-{eerste.pk}": "altijd"}):
        response = client.post(_url(wereld), data)
        assert response.status_code == 400
        html = response.content.decode()
        assert "<title>Fout: " in html and ("Kies bij minstens één datum" in html or "Kies bij elke datum" in html)
    assert not PeilingAntwoord.objects.filter(organisatie=wereld["humanitas"]).exists()


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_the_coordinator_chooses_a_date_which_closes_the_poll_and_plans_the_meeting(admin_client, client, wereld):
    peiling, (_, tweede) = wereld["peiling"], wereld["datums"]
    url = f"/beheer/werkgroepen/datumpeiling/{peiling.pk}/change/"
    pagina = admin_client.get(url).content.decode()
    assert "0 keer ja. Stichting Leergeld: nee" in pagina
    data = {
        "titel": peiling.titel,
        "toelichting": peiling.toelichting,
        "gekozen": tweede.pk,
        "plaats": "Dorpshuis De Kaap",
        "adres": "Hoofdstraat 1, Zuidhorn",
        "datums-TOTAL_FORMS": "2",
        "datums-INITIAL_FORMS": "2",
        "datums-MIN_NUM_FORMS": "0",
        "datums-MAX_NUM_FORMS": "1000",
    }
    for i, datum in enumerate(wereld["datums"]):
        lokaal_start, lokaal_eind = timezone.localtime(datum.start), timezone.localtime(datum.eind)
        data |= {
            f"datums-{i}-id": datum.pk,
            f"datums-{i}-peiling": peiling.pk,
            f"datums-{i}-start_0": lokaal_start.strftime("%Y-%m-%d"),
            f"datums-{i}-start_1": lokaal_start.strftime("%H:%M:%S"),
            f"datums-{i}-eind_0": lokaal_eind.strftime("%Y-%m-%d"),
            f"datums-{i}-eind_1": lokaal_eind.strftime("%H:%M:%S"),
        }
    response = admin_client.post(url, data, follow=True)
    assert "De datumprikker is gesloten. Pactbijeenkomst voorjaar is gepland." in response.content.decode()
    peiling.refresh_from_db()
    bijeenkomst = Bijeenkomst.objects.get(titel="Pactbijeenkomst voorjaar")
    assert peiling.status == DatumPeilingStatus.GESLOTEN and peiling.bijeenkomst == bijeenkomst
    assert bijeenkomst.start == tweede.start and bijeenkomst.plaats == "Dorpshuis De Kaap"
    assert "Dorpshuis De Kaap" in client.get(f"/pact/bijeenkomsten/{bijeenkomst.pk}/").content.decode()

    # Closed: partners see the chosen date and can no longer answer.
    client.force_login(wereld["gebruiker"])
    html = client.get(_url(wereld)).content.decode()
    assert "Deze datumprikker is gesloten." in html and "Voorkeur opslaan" not in html
    response = client.post(_url(wereld), {f"datum-{tweede.pk}": "ja"})
    assert "Deze datumprikker is gesloten. U kunt niets meer invullen." in response.content.decode()
    assert not PeilingAntwoord.objects.filter(organisatie=wereld["humanitas"]).exists()
