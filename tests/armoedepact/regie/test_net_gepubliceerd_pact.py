"""Issue 15, its last gap: a trusted organisation's agenda contribution and progress
update appear in "Net gepubliceerd"; undo sets them back to waiting (off the public
pages and the open data, out of the roll-up) and the normal review can approve them again."""

import inspect
import io
import zipfile

import pytest
from django.test import Client

from armoedepact.models import DirectePublicatie
from tests.werkgroepen import partnerwerk as werk
from werkgroepen import services as werkgroepen_services
from werkgroepen.models import ActiepuntStatus, AgendaBijdrage, Beoordeling, Voortgang

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    return werk.wereld("Stichting Leergeld", vertrouwd=True, titel="Spreekuur in Leek")


@pytest.fixture
def partner(wereld):
    return werk.ingelogd(wereld["user"])


@pytest.fixture
def coordinator(admin_user):
    return werk.coordinator(admin_user)


def _update(partner, wereld, tekst="Het spreekuur is gestart.", percentage="40", status="bezig"):
    return werk.voortgang_sturen(partner, wereld, tekst, status, percentage=percentage)


def _agenda(partner, wereld, missie="Wij helpen kinderen mee te doen."):
    return werk.agenda_sturen(partner, wereld, missie)


def _terugdraaien(browser, publicatie):
    return browser.post(
        f"/beheer/regie/net-gepubliceerd/{publicatie.pk}/", {"terugdraaien": "1", "terug": "/beheer/"}, follow=True
    )


def _open_data(bestand: str) -> str:
    with zipfile.ZipFile(io.BytesIO(Client().get("/pact/open-data.zip").content)) as archief:
        return archief.read(bestand).decode("utf-8-sig")


def _goedkeuren(coordinator, model, pk):
    coordinator.post(f"/beheer/werkgroepen/{model}/", {"action": "goedkeuren", "_selected_action": [pk]})


def test_a_trusted_agenda_contribution_is_listed_and_undo_sends_it_back_to_review(coordinator, partner, wereld):
    _agenda(partner, wereld)
    jaar = wereld["ronde"].jaar
    agenda_url = f"/pact/agenda/{jaar}/"
    assert "Wij helpen kinderen mee te doen." in Client().get(agenda_url).content.decode()  # the trust is kept
    bijdrage = AgendaBijdrage.objects.get()

    start = coordinator.get("/beheer/").content.decode()
    assert "(1 nog niet gezien)" in start
    assert f"Agendabijdrage {jaar}</a>" in start and "Stichting Leergeld" in start
    assert f"/beheer/werkgroepen/agendabijdrage/{bijdrage.pk}/change/" in start

    html = _terugdraaien(coordinator, DirectePublicatie.objects.get()).content.decode()
    assert "staat niet meer op de website en wacht op controle" in html
    assert "Wij helpen kinderen mee te doen." not in Client().get(agenda_url).content.decode()
    bijdrage.refresh_from_db()
    assert bijdrage.beoordeling == Beoordeling.WACHT

    # It waits in the normal review, where the coordinator can approve it again.
    wacht = coordinator.get("/beheer/werkgroepen/agendabijdrage/?beoordeling__exact=wacht").content.decode()
    assert "Stichting Leergeld" in wacht
    _goedkeuren(coordinator, "agendabijdrage", bijdrage.pk)
    assert "Wij helpen kinderen mee te doen." in Client().get(agenda_url).content.decode()


def test_a_trusted_progress_update_is_listed_and_undo_takes_it_out_of_the_roll_up(coordinator, partner, wereld):
    actiepunt = wereld["actiepunt"]
    pijler_url = f"/pact/pijlers/{wereld['pijler'].slug}/"
    _update(partner, wereld)
    actiepunt.refresh_from_db()
    assert (actiepunt.status, actiepunt.percentage) == (ActiepuntStatus.BEZIG, 40)
    assert "Het spreekuur is gestart." in Client().get(pijler_url).content.decode()
    voortgang = Voortgang.objects.get()

    lijst = coordinator.get("/beheer/regie/net-gepubliceerd/").content.decode()
    assert "Voortgang: Spreekuur in Leek</a>" in lijst and "Stichting Leergeld" in lijst
    assert f"/beheer/werkgroepen/voortgang/{voortgang.pk}/change/" in lijst

    html = _terugdraaien(coordinator, DirectePublicatie.objects.get()).content.decode()
    assert "Teruggedraaid: Voortgang: Spreekuur in Leek" in html
    actiepunt.refresh_from_db()
    assert (actiepunt.status, actiepunt.percentage) == (ActiepuntStatus.GEPLAND, 0)  # no longer moves it
    assert "Het spreekuur is gestart." not in Client().get(pijler_url).content.decode()
    assert "Het spreekuur is gestart." not in _open_data("voortgang.csv")
    assert "Het spreekuur is gestart." not in Client().get("/").content.decode()

    _goedkeuren(coordinator, "voortgang", voortgang.pk)
    actiepunt.refresh_from_db()
    assert (actiepunt.status, actiepunt.percentage) == (ActiepuntStatus.BEZIG, 40)


def test_undoing_an_older_update_keeps_the_percentage_of_a_newer_one(coordinator, partner, wereld):
    _update(partner, wereld, tekst="Eerste.", percentage="40")
    _update(partner, wereld, tekst="Tweede.", percentage="70", status="")
    assert Voortgang.objects.count() == 2
    _terugdraaien(coordinator, DirectePublicatie.objects.get(voortgang__tekst="Eerste."))
    wereld["actiepunt"].refresh_from_db()
    assert wereld["actiepunt"].percentage == 70
    assert Voortgang.objects.get(tekst="Eerste.").beoordeling == Beoordeling.WACHT


def test_undo_is_post_only_and_for_staff_only(coordinator, partner, wereld):
    _update(partner, wereld)
    _agenda(partner, wereld)
    for publicatie in DirectePublicatie.objects.all():
        url = f"/beheer/regie/net-gepubliceerd/{publicatie.pk}/"
        assert coordinator.get(url, {"terugdraaien": "1"}).status_code == 405
        for vreemde in (partner, Client()):
            antwoord = vreemde.post(url, {"terugdraaien": "1"})
            assert antwoord.status_code == 302 and "/login/" in antwoord["Location"]
    assert not DirectePublicatie.objects.filter(ongedaan_op__isnull=False).exists()
    assert Voortgang.objects.get().beoordeling == Beoordeling.GOEDGEKEURD
    assert AgendaBijdrage.objects.get().beoordeling == Beoordeling.GOEDGEKEURD
    wereld["actiepunt"].refresh_from_db()
    assert wereld["actiepunt"].percentage == 40


def test_untrusted_agenda_and_progress_wait_and_are_not_direct_publications(partner, wereld):
    wereld["eigen"].vertrouwd = False
    wereld["eigen"].save()
    _update(partner, wereld)
    _agenda(partner, wereld)
    assert not DirectePublicatie.objects.exists()
    assert {Voortgang.objects.get().beoordeling, AgendaBijdrage.objects.get().beoordeling} == {Beoordeling.WACHT}


@pytest.mark.parametrize(
    "service", [werkgroepen_services.voortgang_toevoegen, werkgroepen_services.agendabijdrage_opslaan]
)
def test_a_caller_must_say_whether_it_publishes_directly(service):
    direct = inspect.signature(service).parameters["direct"]
    assert direct.kind is inspect.Parameter.KEYWORD_ONLY and direct.default is inspect.Parameter.empty
