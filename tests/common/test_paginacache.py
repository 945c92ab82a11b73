"""The page cache: public pages come from memory, an approved change shows at
once, and personal pages or pages with a form token are never cached."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.http import QueryDict
from django.test import Client

from armoedepact.models import Revisie
from armoedepact.partner import services as partner_services
from common import paginacache
from sociale_kaart.models import Lidmaatschap
from tests.sociale_kaart.factories import AanbodFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db(transaction=True)

WACHTWOORD = "Lang-en-Sterk-Wachtwoord-2026"


@pytest.fixture
def cache_aan(settings):
    settings.PAGINA_CACHE = True
    caches[settings.PAGINA_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGINA_CACHE_ALIAS].clear()


def _hit(response) -> bool:
    return response.get("X-Pagina-Cache") == "hit"


def test_public_pages_come_from_the_cache_the_second_time(cache_aan):
    AanbodFactory(titel="Voedselbank Leek")
    bezoeker = Client()
    for url in ["/", "/hulp/", "/hulp/?q=voedselbank", "/pact/", "/privacy/"]:
        eerste, tweede = bezoeker.get(url), bezoeker.get(url)
        assert eerste.status_code == tweede.status_code == 200, url
        assert not _hit(eerste) and _hit(tweede), url
        assert tweede.content == eerste.content.replace(_nonce(eerste).encode(), _nonce(tweede).encode()), url


def _nonce(response) -> str:
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def test_a_cached_page_gets_the_nonce_of_its_own_request(cache_aan):
    bezoeker = Client()
    eerste, tweede = bezoeker.get("/"), bezoeker.get("/")
    assert _hit(tweede)
    assert _nonce(eerste) != _nonce(tweede)
    for response in (eerste, tweede):
        scripts = re.findall(r'<script[^>]*nonce="([^"]+)"', response.content.decode())
        assert scripts and set(scripts) == {_nonce(response)}
    for kop in ("X-Frame-Options", "Permissions-Policy", "X-Content-Type-Options", "Referrer-Policy"):
        assert tweede[kop] == eerste[kop]
    assert tweede["X-Request-ID"] != eerste["X-Request-ID"]


def test_an_approved_change_is_visible_at_once(cache_aan):
    aanbod = AanbodFactory(titel="Hulp bij uw administratie", wat_u_krijgt="Een vrijwilliger helpt u.")
    org = aanbod.organisatie
    partner = get_user_model().objects.create_user(username="p@voorbeeld.nl", password=WACHTWOORD)
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=org)
    coordinator = get_user_model().objects.create_user(username="c@voorbeeld.nl", is_staff=True)
    detail = f"/hulp/{aanbod.slug}/"
    zoeken = "/hulp/?q=administratie"

    bezoeker = Client()
    for url in (detail, zoeken):
        bezoeker.get(url)
        assert _hit(bezoeker.get(url))

    from armoedepact.partner.forms import AanbodForm

    data = {
        "titel": "Hulp met post en rekeningen",
        "wat_u_krijgt": "Een vrijwilliger helpt u met uw administratie.",
        "voor_wie": aanbod.voor_wie,
        "heel_de_gemeente": "on",
        "kosten": "gratis",
    }
    querydict = QueryDict(mutable=True)
    querydict.update(data)
    form = AanbodForm(data=querydict, instance=aanbod)
    assert form.is_valid(), form.errors
    revisie = partner_services.aanbod_opslaan(form=form, organisatie=org, door=partner)
    assert isinstance(revisie, Revisie)
    # Waiting for approval: the public still sees the approved text.
    assert "Hulp bij uw administratie" in bezoeker.get(detail).content.decode()

    partner_services.revisie_goedkeuren(revisie=revisie, door=coordinator)

    for url in (detail, zoeken):
        response = bezoeker.get(url)
        assert not _hit(response), url
        assert "Hulp met post en rekeningen" in response.content.decode(), url


def test_every_committed_change_gives_a_new_version_and_rollbacks_none(cache_aan):
    from django.db import transaction

    org = OrganisatieFactory()
    voor = paginacache.huidige_versie()
    org.naam = "Nieuwe naam"
    org.save()
    na = paginacache.huidige_versie()
    assert na != voor
    with pytest.raises(RuntimeError), transaction.atomic():
        org.naam = "Nooit zichtbaar"
        org.save()
        raise RuntimeError
    assert paginacache.huidige_versie() == na


def test_searches_without_results_do_not_empty_the_cache(cache_aan):
    voor = paginacache.huidige_versie()
    assert Client().get("/hulp/?q=qwertyuiop").status_code == 200
    assert paginacache.huidige_versie() == voor


def test_every_content_table_is_watched():
    tabellen = paginacache.bewaakte_tabellen()
    for tabel in ("sociale_kaart_aanbod", "sociale_kaart_organisatie", "sociale_kaart_aanbod_themas"):
        assert tabel in tabellen
    assert "sociale_kaart_zoektermzonderresultaat" not in tabellen
    assert not [t for t in tabellen if "historical" in t]


def test_logged_in_partners_never_get_a_cached_page(cache_aan):
    org = OrganisatieFactory()
    partner = get_user_model().objects.create_user(username="p@voorbeeld.nl", password=WACHTWOORD)
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=org)
    Client().get("/")  # an anonymous visitor fills the cache
    ingelogd = Client()
    ingelogd.force_login(partner)
    for _ in range(2):
        assert not _hit(ingelogd.get("/"))


@pytest.mark.parametrize("url", ["/check/", "/check/woonplaats/", "/pact/aansluiten/", "/partner/inloggen/"])
def test_the_check_and_forms_with_a_token_are_never_cached(cache_aan, url):
    bezoeker = Client()
    for _ in range(2):
        response = bezoeker.get(url)
        assert not _hit(response)


def test_a_resident_in_the_middle_of_the_check_gets_fresh_pages(cache_aan):
    from regelingen import demo

    demo.load(stdout=StringIO())
    bezoeker = Client()
    bezoeker.get("/")
    assert bezoeker.post("/check/woonplaats/", {"woont_in_gemeente": "ja"}).status_code == 302
    assert not _hit(bezoeker.get("/"))
