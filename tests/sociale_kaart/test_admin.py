"""The coordinator keeps the kaart current in /beheer/; search follows at once."""

import pytest
from django.contrib.auth import get_user_model

from sociale_kaart.models import Aanbod, Synoniem
from tests.sociale_kaart.factories import AanbodFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, settings):
    """A coordinator logged in with password and second factor (/beheer/ needs both)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.create_superuser("coordinator", "c@example.org", "Lang-genoeg-wachtwoord-1")
    device = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert client.get("/beheer/sociale_kaart/aanbod/").status_code == 200
    return client


def zoek(client, woord) -> list[str]:
    return [a.titel for a in client.get("/hulp/", {"q": woord}).context["resultaat"].pagina]


def aanbod_form_data(aanbod: Aanbod, **changes) -> dict:
    data = {
        "organisatie": aanbod.organisatie_id,
        "titel": aanbod.titel,
        "slug": aanbod.slug,
        "status": aanbod.status,
        "laatst_gecontroleerd": "",
        "wat_u_krijgt": aanbod.wat_u_krijgt,
        "voor_wie": aanbod.voor_wie,
        "kosten": aanbod.kosten,
        "pijler": "",
        "talen": "",
        "rolstoeltoegankelijk": "unknown",
        "openingstijden-TOTAL_FORMS": "0",
        "openingstijden-INITIAL_FORMS": "0",
        "openingstijden-MIN_NUM_FORMS": "0",
        "openingstijden-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_coordinator_changes_a_title_and_the_next_search_finds_the_new_word(coordinator_client):
    aanbod = AanbodFactory(titel="Spreekuur", wat_u_krijgt="Wij helpen u.")
    assert zoek(coordinator_client, "klussendienst") == []
    response = coordinator_client.post(
        f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/change/", aanbod_form_data(aanbod, titel="Klussendienst")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert zoek(coordinator_client, "klussendienst") == ["Klussendienst"]
    assert zoek(coordinator_client, "spreekuur") == []


def test_adding_a_theme_in_the_admin_makes_the_aanbod_findable_by_it(coordinator_client):
    thema = ThemaFactory(naam="Vervoer")
    aanbod = AanbodFactory(titel="Rijdende buurtbus")
    assert zoek(coordinator_client, "vervoer") == []
    coordinator_client.post(
        f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/change/", aanbod_form_data(aanbod, themas=[thema.pk])
    )
    assert zoek(coordinator_client, "vervoer") == ["Rijdende buurtbus"]


def test_renaming_an_organisation_updates_the_search(coordinator_client):
    organisatie = OrganisatieFactory(naam="Stichting Oud")
    AanbodFactory(organisatie=organisatie, titel="Koffieochtend")
    response = coordinator_client.post(
        f"/beheer/sociale_kaart/organisatie/{organisatie.pk}/change/",
        {
            "naam": "Buurtcentrum Zonnebloem",
            "slug": organisatie.slug,
            "korte_omschrijving": organisatie.korte_omschrijving,
            "status": organisatie.status,
            "locaties-TOTAL_FORMS": "0",
            "locaties-INITIAL_FORMS": "0",
            "locaties-MIN_NUM_FORMS": "0",
            "locaties-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert zoek(coordinator_client, "zonnebloem") == ["Koffieochtend"]


def test_renaming_a_theme_updates_the_search(coordinator_client):
    thema = ThemaFactory(naam="Meedoen")
    AanbodFactory(titel="Zwemles", themas=[thema])
    response = coordinator_client.post(
        f"/beheer/sociale_kaart/thema/{thema.pk}/change/",
        {
            "naam": "Sport en cultuur",
            "slug": thema.slug,
            "icoon": "",
            "omschrijving": "",
            "volgorde": 0,
            # The "eerst tonen" inline (Voorrang), left empty.
            "voorrang-TOTAL_FORMS": 0,
            "voorrang-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert zoek(coordinator_client, "cultuur") == ["Zwemles"]


# The Dutch names staff see; Django's defaults would be the class name and "<name>s".
NEDERLANDSE_NAMEN = {
    "thema": ("thema", "thema's"),
    "doelgroep": ("doelgroep", "doelgroepen"),
    "levensgebeurtenis": ("levensgebeurtenis", "levensgebeurtenissen"),
    "kern": ("kern", "kernen"),
    "organisatie": ("organisatie", "organisaties"),
    "aanbod": ("aanbod", "aanbod"),
    "synoniem": ("synoniem", "synoniemen"),
}


@pytest.mark.parametrize("model", sorted(NEDERLANDSE_NAMEN))
def test_every_model_has_a_dutch_admin_page(coordinator_client, model):
    from django.apps import apps
    from django.utils.html import escape

    enkelvoud, meervoud = NEDERLANDSE_NAMEN[model]
    meta = apps.get_model("sociale_kaart", model)._meta
    assert (str(meta.verbose_name), str(meta.verbose_name_plural)) == (enkelvoud, meervoud)

    lijst = coordinator_client.get(f"/beheer/sociale_kaart/{model}/")
    assert lijst.status_code == 200
    html = lijst.content.decode()
    assert f"<title>Selecteer {escape(enkelvoud)} om te wijzigen | Beheer Armoedepact</title>" in html
    assert escape(meervoud) in html  # the breadcrumbs name the list in the plural

    toevoegen = coordinator_client.get(f"/beheer/sociale_kaart/{model}/add/")
    assert toevoegen.status_code == 200
    assert f"<title>{escape(enkelvoud)} toevoegen | Beheer Armoedepact</title>" in toevoegen.content.decode()


def test_gaps_in_the_offer_are_listed_read_only(coordinator_client):
    Synoniem.objects.create(woord="paardrijden", zoekt_ook="manege")  # kept words are lexicon words
    coordinator_client.get("/hulp/", {"q": "paardrijden"})
    response = coordinator_client.get("/beheer/sociale_kaart/zoektermzonderresultaat/")
    assert "paardrijden" in response.content.decode()
    assert coordinator_client.get("/beheer/sociale_kaart/zoektermzonderresultaat/add/").status_code == 403
