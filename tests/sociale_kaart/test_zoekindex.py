"""The narrow search index (AanbodZoekindex) is kept by PostgreSQL triggers: an
archived aanbod, or an aanbod of an organisation that is not published, never
shows in the search, whatever way its status changed (also QuerySet.update())."""

import pytest
from django.db import connection

from sociale_kaart import services
from sociale_kaart.models import Aanbod, AanbodZoekindex, Organisatie, Status
from tests.sociale_kaart.factories import AanbodFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db
URL = "/hulp/"


def gevonden(client, **params) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    resultaat = response.context["resultaat"]
    titels = [aanbod.titel for aanbod in resultaat.pagina]
    # The count comes from the index alone: a stale flag would show here too.
    assert resultaat.aantal == len(titels)
    return titels


def publiek(aanbod) -> bool:
    return AanbodZoekindex.objects.get(aanbod_id=aanbod.pk).publiek


@pytest.fixture
def twee_aanbod():
    organisatie = OrganisatieFactory(naam="Stichting Budget")
    eerste = AanbodFactory(titel="Schuldhulp aan huis", organisatie=organisatie)
    tweede = AanbodFactory(titel="Schuldhulp op kantoor", organisatie=organisatie)
    return organisatie, eerste, tweede


@pytest.mark.parametrize("params", [{"q": "schuldhulp"}, {}])
def test_archived_aanbod_never_appears_also_after_a_queryset_update(client, twee_aanbod, params):
    _, eerste, tweede = twee_aanbod
    assert sorted(gevonden(client, **params)) == ["Schuldhulp aan huis", "Schuldhulp op kantoor"]

    Aanbod.objects.filter(pk=eerste.pk).update(status=Status.GEARCHIVEERD)
    assert publiek(eerste) is False
    assert gevonden(client, **params) == ["Schuldhulp op kantoor"]

    Aanbod.objects.filter(pk=tweede.pk).update(status=Status.CONCEPT)
    assert gevonden(client, **params) == []

    Aanbod.objects.filter(pk=eerste.pk).update(status=Status.GEPUBLICEERD)
    assert gevonden(client, **params) == ["Schuldhulp aan huis"]


@pytest.mark.parametrize("status", [Status.CONCEPT, Status.GEARCHIVEERD])
def test_aanbod_of_an_unpublished_organisation_never_appears(client, twee_aanbod, status):
    organisatie, _, _ = twee_aanbod
    Organisatie.objects.filter(pk=organisatie.pk).update(status=status)
    assert not AanbodZoekindex.objects.filter(aanbod__organisatie=organisatie, publiek=True).exists()
    assert gevonden(client, q="schuldhulp") == []
    assert gevonden(client) == []
    assert gevonden(client, q="schuldhulp", kern="", gratis="on") == []

    Organisatie.objects.filter(pk=organisatie.pk).update(status=Status.GEPUBLICEERD)
    assert len(gevonden(client, q="schuldhulp")) == 2


def test_aanbod_moved_to_an_unpublished_organisation_disappears(client, twee_aanbod):
    _, eerste, _ = twee_aanbod
    concept = OrganisatieFactory(naam="Nog niet klaar", status=Status.CONCEPT)
    Aanbod.objects.filter(pk=eerste.pk).update(organisatie=concept)
    assert publiek(eerste) is False
    assert gevonden(client, q="schuldhulp") == ["Schuldhulp op kantoor"]


def test_new_aanbod_of_an_unpublished_organisation_is_not_public():
    concept = OrganisatieFactory(status=Status.CONCEPT)
    aanbod = AanbodFactory(organisatie=concept)
    assert AanbodZoekindex.objects.get(aanbod=aanbod).publiek is False


def test_raw_sql_status_change_is_followed(client, twee_aanbod):
    organisatie, _, _ = twee_aanbod
    assert len(gevonden(client, q="schuldhulp")) == 2
    with connection.cursor() as cursor:
        cursor.execute("UPDATE sociale_kaart_organisatie SET status = 'gearchiveerd' WHERE id = %s", [organisatie.pk])
    assert gevonden(client, q="schuldhulp") == []


def test_index_follows_title_cost_and_search_vector(client, twee_aanbod):
    _, eerste, _ = twee_aanbod
    eerste.titel = "Voedselpakket"
    eerste.kosten = "eigen_bijdrage"
    eerste.save()
    services.aanbod_zoekvector_bijwerken(aanbod_ids=[eerste.pk])
    assert gevonden(client, q="voedselpakket") == ["Voedselpakket"]
    assert gevonden(client, q="schuldhulp") == ["Schuldhulp op kantoor"]
    assert "Voedselpakket" not in gevonden(client, gratis="on")


def test_deleted_aanbod_leaves_the_index(twee_aanbod):
    _, eerste, tweede = twee_aanbod
    eerste.delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sociale_kaart_aanbod WHERE id = %s", [tweede.pk])
    assert not AanbodZoekindex.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_searches_leave_the_page_cache_version_alone_and_archiving_changes_it():
    from django.test import Client

    from common import paginacache

    aanbod = AanbodFactory(titel="Schuldhulp thuis")
    assert "sociale_kaart_aanbodzoekindex" in paginacache.bewaakte_tabellen()
    voor = paginacache.huidige_versie()
    for params in ({"q": "schuldhulp"}, {"q": "schuldhulp", "gratis": "on"}, {}):
        assert Client().get(URL, params).status_code == 200
    assert paginacache.huidige_versie() == voor
    assert gevonden(Client(), q="schuldhulp") == ["Schuldhulp thuis"]
    Aanbod.objects.filter(pk=aanbod.pk).update(status=Status.GEARCHIVEERD)
    assert paginacache.huidige_versie() != voor
    assert gevonden(Client(), q="schuldhulp") == []
