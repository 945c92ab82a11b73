import pytest
from django.core.cache import caches

from sociale_kaart.models import Thema, ZoekTelling
from tests.sociale_kaart.factories import AanbodFactory


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
    thema = Thema.objects.create(naam="Geld en schulden", slug="geld-en-schulden")
    AanbodFactory(titel="Hulp bij schulden", wat_u_krijgt="Samen maken we een plan.", themas=[thema])
    zoekopdracht = {"q": "Schulden", "thema": "geld-en-schulden"}

    eerste = client.get("/hulp/", zoekopdracht)
    assert eerste.status_code == 200
    assert "Hulp bij schulden" in eerste.content.decode()  # a page with results: cacheable
    assert "X-Pagina-Cache" not in eerste  # rendered by the view, then stored
    tweede = client.get("/hulp/", zoekopdracht)
    assert tweede.status_code == 200
    assert tweede["X-Pagina-Cache"] == "hit"  # really served from the page cache, the view did not run
    assert _telling(ZoekTelling.Soort.ZOEKTERM, "schulden") == 2
    assert _telling(ZoekTelling.Soort.THEMA, "geld-en-schulden") == 2


@pytest.mark.django_db
def test_next_pages_places_and_personal_data_are_not_counted(client):
    client.get("/hulp/", {"q": "schulden", "pagina": "2"})
    client.get("/hulp/", {"q": "9351"})
    client.get("/hulp/", {"q": "jan@voorbeeld.nl"})
    client.get("/hulp/", {"q": "bel 0612345678"})
    assert not ZoekTelling.objects.filter(soort=ZoekTelling.Soort.ZOEKTERM).exists()
