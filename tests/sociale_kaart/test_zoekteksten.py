"""What is kept of a search text (issue 15): only words of the search vocabulary
(public aanbod) or the lexicon (Synoniem); any other word becomes "…", so names
and streets are never stored. Counts are deleted after 13 months."""

import datetime

import pytest
from django.core.management import call_command

from sociale_kaart.models import Status, ZoekTelling, ZoektermZonderResultaat
from tests.sociale_kaart.factories import AanbodFactory, SynoniemFactory

pytestmark = pytest.mark.django_db


def _zoektermen():
    return list(ZoekTelling.objects.filter(soort=ZoekTelling.Soort.ZOEKTERM).values_list("waarde", flat=True))


def test_a_name_in_a_search_is_not_kept_only_the_known_words(client):
    AanbodFactory(titel="Hulp bij huurschuld", wat_u_krijgt="Wij helpen u bij beslag op uw loon.")
    SynoniemFactory(woord="deurwaarder", zoekt_ook="schulden beslag")
    client.get("/hulp/", {"q": "Aafke de Jong huurschuld deurwaarder beslag"})
    assert _zoektermen() == ["… huurschuld deurwaarder beslag"]


def test_unknown_words_in_the_middle_become_one_mark_each_run(client):
    AanbodFactory(titel="Hulp bij huurschuld", wat_u_krijgt="Wij helpen u bij beslag.")
    client.get("/hulp/", {"q": "huurschuld Kerkstraat Oost Leek-Noord beslag"})
    assert _zoektermen() == ["huurschuld … beslag"]


def test_a_search_of_unknown_words_only_is_not_kept_at_all(client):
    AanbodFactory(titel="Hulp bij huurschuld")
    client.get("/hulp/", {"q": "mijn man slaat mij"})
    assert not ZoekTelling.objects.filter(soort=ZoekTelling.Soort.ZOEKTERM).exists()
    assert not ZoektermZonderResultaat.objects.exists()


def test_words_of_aanbod_that_is_not_public_are_not_known(client):
    AanbodFactory(titel="Hulp bij huurschuld")
    AanbodFactory(titel="Geheimwoord van concept", status=Status.CONCEPT)
    client.get("/hulp/", {"q": "huurschuld geheimwoord"})
    assert _zoektermen() == ["huurschuld …"]


def test_a_search_without_result_keeps_only_lexicon_words(client):
    AanbodFactory(titel="Hulp bij huurschuld")
    SynoniemFactory(woord="paardrijden", zoekt_ook="manege")
    client.get("/hulp/", {"q": "paardrijden bij Piet Jansen"})
    # "bij" is a word of the kaart ("Hulp bij huurschuld"), so it stays.
    assert list(ZoektermZonderResultaat.objects.values_list("zoekterm", flat=True)) == ["paardrijden bij …"]


def test_counts_older_than_13_months_are_deleted_by_the_daily_command(client):
    vandaag = datetime.date.today().replace(day=1)

    def maanden_terug(n):
        jaar, index = divmod(vandaag.year * 12 + vandaag.month - 1 - n, 12)
        return datetime.date(jaar, index + 1, 1)

    for n in (0, 12, 13, 30):
        ZoekTelling.objects.create(soort="zoekterm", waarde=f"schulden {n}", maand=maanden_terug(n), aantal=7)
        ZoektermZonderResultaat.objects.create(zoekterm=f"zwemles {n}", maand=maanden_terug(n), aantal=7)
    call_command("zoektellingen_opruimen")
    assert sorted(ZoekTelling.objects.values_list("waarde", flat=True)) == ["schulden 0", "schulden 12"]
    assert sorted(ZoektermZonderResultaat.objects.values_list("zoekterm", flat=True)) == ["zwemles 0", "zwemles 12"]
