import pytest
from django.core.cache import caches

from armoedepact.models import ZoekTelling
from sociale_kaart.models import Thema


@pytest.fixture
def cache_aan(settings):
    settings.PAGINA_CACHE = True
    caches[settings.PAGINA_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGINA_CACHE_ALIAS].clear()


def _telling(soort, waarde):
    rij = ZoekTelling.objects.filter(soort=soort, waarde=waarde).first()
    return rij.aantal if rij else 0


@pytest.mark.django_db
def test_every_search_is_counted_also_when_served_from_the_page_cache(client, cache_aan):
    Thema.objects.create(naam="Geld en schulden", slug="geld-en-schulden")
    for _ in range(3):
        assert client.get("/hulp/", {"q": "Schulden", "thema": "geld-en-schulden"}).status_code == 200
    assert _telling(ZoekTelling.Soort.ZOEKTERM, "schulden") == 3
    assert _telling(ZoekTelling.Soort.THEMA, "geld-en-schulden") == 3


@pytest.mark.django_db
def test_next_pages_places_and_personal_data_are_not_counted(client):
    client.get("/hulp/", {"q": "schulden", "pagina": "2"})
    client.get("/hulp/", {"q": "9351"})
    client.get("/hulp/", {"q": "jan@voorbeeld.nl"})
    client.get("/hulp/", {"q": "bel 0612345678"})
    assert not ZoekTelling.objects.filter(soort=ZoekTelling.Soort.ZOEKTERM).exists()
