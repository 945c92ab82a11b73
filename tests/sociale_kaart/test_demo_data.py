"""The demo data of the sociale kaart (fixtures/sociale_kaart_*.json, loaded by
`manage.py load_demo`): idempotent, large and varied enough to demo, visibly
fictional contact details, and coordinates a map can rely on."""

import io
import json
import math
import re

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from sociale_kaart import demo
from sociale_kaart.models import (
    Aanbod,
    Doelgroep,
    Kern,
    Kosten,
    Levensgebeurtenis,
    Locatie,
    Openingstijd,
    Organisatie,
    Status,
    Synoniem,
    Thema,
)

pytestmark = pytest.mark.django_db

TELEFOON = re.compile(r"^(0594 - 00 00 \d{2}|06 - 00 00 00 \d{2})$")
# Westerkwartier bounding box (WGS84).
LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 53.05, 53.35, 6.15, 6.60


def _laad():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def geladen():
    _laad()


@pytest.fixture
def fixture_data():
    return demo.lees_fixtures()


def _afstand_km(lat1, lon1, lat2, lon2):
    lat1, lon1, lat2, lon2 = map(math.radians, map(float, (lat1, lon1, lat2, lon2)))
    a = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _stand():
    """Everything the loader writes, with the moment each row last changed."""
    return {
        "organisaties": sorted(Organisatie.objects.values_list("slug", "gewijzigd_op")),
        "aanbod": sorted(Aanbod.objects.values_list("slug", "gewijzigd_op")),
        "locaties": sorted(Locatie.objects.values_list("id", "naam")),
        "openingstijden": sorted(Openingstijd.objects.values_list("id", "aanbod_id", "weekdag", "van", "tot")),
        "kernen": sorted(Kern.objects.values_list("slug", "latitude", "longitude")),
        "themas": Thema.objects.count(),
        "doelgroepen": Doelgroep.objects.count(),
        "levensgebeurtenissen": Levensgebeurtenis.objects.count(),
        "synoniemen": sorted(Synoniem.objects.values_list("woord", "zoekt_ook")),
        "koppelingen": [
            through.objects.count()
            for through in (
                Aanbod.themas.through,
                Aanbod.doelgroepen.through,
                Aanbod.levensgebeurtenissen.through,
                Aanbod.kernen.through,
                Aanbod.locaties.through,
            )
        ],
    }


def test_loading_twice_changes_and_duplicates_nothing():
    _laad()
    eerste = _stand()
    _laad()
    assert _stand() == eerste
    assert eerste["themas"] == 10 and eerste["levensgebeurtenissen"] == 8


def test_enough_published_organisations_and_aanbod(geladen):
    organisaties = Organisatie.objects.filter(status=Status.GEPUBLICEERD)
    publiek = Aanbod.objects.filter(status=Status.GEPUBLICEERD, organisatie__status=Status.GEPUBLICEERD)
    assert organisaties.count() >= 40
    assert publiek.count() >= 100
    # Every published organisation shows at least one published aanbod.
    zonder = organisaties.exclude(aanbod__in=publiek).values_list("slug", flat=True)
    assert list(zonder) == []


def test_every_aanbod_belongs_to_the_organisation_it_is_nested_in(geladen, fixture_data):
    verwacht = {item["slug"]: org["slug"] for org in fixture_data["organisaties"] for item in org["aanbod"]}
    in_db = dict(Aanbod.objects.values_list("slug", "organisatie__slug"))
    assert {slug: in_db.get(slug) for slug in verwacht} == verwacht


def test_aanbod_only_uses_locaties_of_its_own_organisation(geladen):
    vreemd = Aanbod.locaties.through.objects.exclude(locatie__organisatie=F("aanbod__organisatie"))
    assert list(vreemd.values_list("aanbod__slug", "locatie__naam")) == []


def test_every_kern_lies_in_the_westerkwartier(geladen, fixture_data):
    assert Kern.objects.count() == len(fixture_data["kernen"]) >= 25
    for kern in Kern.objects.all():
        assert kern.latitude is not None and kern.longitude is not None, kern.naam
        assert LAT_MIN <= kern.latitude <= LAT_MAX, kern.naam
        assert LON_MIN <= kern.longitude <= LON_MAX, kern.naam


def test_known_village_centres_are_roughly_right(geladen):
    # Independent reference points (rounded, from public maps): within 1.5 km.
    referentie = {"zuidhorn": (53.246, 6.404), "leek": (53.162, 6.376), "marum": (53.144, 6.268)}
    for slug, (lat, lon) in referentie.items():
        kern = Kern.objects.get(slug=slug)
        assert _afstand_km(kern.latitude, kern.longitude, lat, lon) < 1.5, slug
    # The south lies south of the north: Marum below Zuidhorn, Ezinge the furthest north.
    noord = Kern.objects.order_by("-latitude").first()
    assert noord.slug == "ezinge"


def test_every_locatie_lies_near_its_kern_centre(geladen):
    locaties = Locatie.objects.select_related("kern")
    assert locaties.count() >= 50
    for locatie in locaties:
        assert locatie.kern is not None, locatie.naam
        assert locatie.latitude is not None and locatie.longitude is not None, locatie.naam
        km = _afstand_km(locatie.latitude, locatie.longitude, locatie.kern.latitude, locatie.kern.longitude)
        assert km <= 3, f"{locatie.naam} ligt {km:.1f} km van {locatie.kern.naam}"
        assert locatie.plaats == locatie.kern.naam


def test_contact_details_are_visibly_fictional(geladen):
    for org in Organisatie.objects.all():
        assert TELEFOON.match(org.telefoon), (org.slug, org.telefoon)
        assert org.email.endswith("@voorbeeld.nl"), org.slug
        assert org.website.startswith("https://www.voorbeeld.nl/"), org.slug
    for aanbod in Aanbod.objects.exclude(telefoon=""):
        assert TELEFOON.match(aanbod.telefoon), (aanbod.slug, aanbod.telefoon)
    for aanbod in Aanbod.objects.exclude(email=""):
        assert aanbod.email.endswith("@voorbeeld.nl"), aanbod.slug
    for locatie in Locatie.objects.all():
        assert locatie.postcode.endswith(" XX"), locatie.naam
        assert re.match(r"^(Voorbeeld|Proef|Oefen|Demo|Schets)", locatie.straat), locatie.straat


def test_fixture_says_it_is_fictional():
    raw = json.loads((demo.fixture_paden()[0]).read_text(encoding="utf-8"))
    assert "verzonnen" in raw["toelichting"]


def test_schuldhulpmaatje_offers_debt_help(geladen):
    shm = Organisatie.objects.get(slug="schuldhulpmaatje-westerkwartier", status=Status.GEPUBLICEERD)
    aanbod = shm.aanbod.filter(status=Status.GEPUBLICEERD, titel__icontains="schuldhulp").get()
    assert aanbod.themas.filter(slug="geld-en-schulden").exists()
    assert aanbod.levensgebeurtenissen.filter(slug="ik-heb-schulden").exists()
    assert "schulden" in aanbod.wat_u_krijgt


def test_voedselbank_is_found_for_eten_only_through_the_synonym(geladen):
    vb = Organisatie.objects.get(slug="voedselbank-westerkwartier", status=Status.GEPUBLICEERD)
    aanbod = list(vb.aanbod.filter(status=Status.GEPUBLICEERD))
    assert aanbod
    for item in aanbod:
        tekst = " ".join([item.titel, item.wat_u_krijgt, item.voor_wie, vb.naam]).lower()
        assert not re.search(r"\beten\b", tekst), item.slug
    assert "voedselbank" in Synoniem.objects.get(woord="eten").zoekt_ook.split()


def test_synonyms_for_everyday_words(geladen):
    woorden = dict(Synoniem.objects.values_list("woord", "zoekt_ook"))
    assert len(woorden) >= 14
    assert "wonen" in woorden["huur"].split()
    assert "inkomen" in woorden["geld"].split()
    assert "schulden" in woorden["rekeningen"].split()


def test_search_vector_is_filled_and_searchable(geladen):
    assert not Aanbod.objects.filter(zoekvector__isnull=True).exists()
    gevonden = Aanbod.objects.filter(zoekvector=SearchQuery("schuldhulpmaatje", config="dutch"))
    assert gevonden.filter(organisatie__slug="schuldhulpmaatje-westerkwartier").exists()
    gevonden = Aanbod.objects.filter(zoekvector=SearchQuery("voedselpakket", config="dutch"))
    assert gevonden.filter(organisatie__slug="voedselbank-westerkwartier").exists()


def test_freshness_dates_include_stale_entries(geladen):
    vandaag = timezone.localdate()
    leeftijden = [(vandaag - datum).days for datum in Aanbod.objects.values_list("laatst_gecontroleerd", flat=True)]
    assert all(dagen >= 0 for dagen in leeftijden)
    assert sum(dagen > 11 * 31 for dagen in leeftijden) >= 5  # older than 11 months
    assert sum(dagen > 18 * 31 for dagen in leeftijden) >= 3  # older than 18 months
    assert sum(dagen < 180 for dagen in leeftijden) > len(leeftijden) / 2  # most are recent
    assert not Organisatie.objects.filter(laatst_gecontroleerd__isnull=True).exists()


def test_variety_for_filters_and_the_map(geladen):
    publiek = Aanbod.objects.filter(status=Status.GEPUBLICEERD)
    # Every thema, doelgroep and levensgebeurtenis has aanbod, so no filter is empty.
    for model in (Thema, Doelgroep, Levensgebeurtenis):
        leeg = model.objects.exclude(aanbod__in=publiek).values_list("slug", flat=True)
        assert list(leeg) == [], model.__name__
    assert publiek.filter(heel_de_gemeente=True).count() >= 20
    assert publiek.filter(op_afstand=True).count() >= 20
    assert publiek.filter(kosten=Kosten.EIGEN_BIJDRAGE).exclude(kosten_toelichting="").count() >= 10
    assert publiek.filter(kosten=Kosten.GRATIS).count() > publiek.count() / 2
    assert publiek.exclude(min_leeftijd=None).count() >= 10
    assert publiek.filter(openingstijden__isnull=False).distinct().count() >= 40
    assert Organisatie.objects.filter(pactpartner=True, pactpartner_sinds__isnull=False).count() >= 10
    assert Organisatie.objects.filter(kernpartner=True).count() >= 3
    # Every aanbod says where it is: whole gemeente, some kernen, or without a fixed place.
    nergens = publiek.filter(heel_de_gemeente=False, op_afstand=False, kernen__isnull=True)
    assert list(nergens.values_list("slug", flat=True)) == []
    # Every aanbod has a thema and steps or opening hours to get started.
    assert not publiek.filter(themas__isnull=True).exists()
    # Pins on the map are spread over many villages.
    assert Locatie.objects.values("kern").distinct().count() >= 15


def test_opening_hours_and_steps_are_structured(geladen):
    shm = Aanbod.objects.get(slug="schuldhulpmaatje-hulp-bij-schulden")
    assert [str(tijd) for tijd in shm.openingstijden.all()] == [
        "maandag van 10:00 tot 12:00",
        "donderdag van 10:00 tot 12:00",
    ]
    stappen = shm.hoe_aanvragen.splitlines()
    assert len(stappen) == 3 and all(stap.strip() for stap in stappen)


def test_postcodes_point_to_existing_kernen(fixture_data):
    kernen = {kern["slug"] for kern in fixture_data["kernen"]}
    assert len(fixture_data["postcodes"]) >= 20
    for postcode, kern in fixture_data["postcodes"].items():
        assert re.fullmatch(r"9[0-9]{3}", postcode)
        assert kern in kernen, postcode
    assert fixture_data["postcodes"]["9351"] == "leek"
    assert fixture_data["postcodes"]["9801"] == "zuidhorn"


def test_resident_texts_use_short_sentences(fixture_data):
    """B1: no sentence in what a resident reads is longer than 25 words."""
    lang = []
    for org in fixture_data["organisaties"]:
        teksten = [org["korte_omschrijving"]]
        for item in org["aanbod"]:
            teksten += [item["titel"], item["wat_u_krijgt"], item["voor_wie"], *item["hoe_aanvragen"]]
        for tekst in teksten:
            for zin in re.split(r"(?<=[.?!])\s+", tekst):
                if len(zin.split()) > 25:
                    lang.append(zin)
    assert lang == []


def test_a_changed_fixture_updates_the_aanbod_and_its_search_vector(geladen, tmp_path, fixture_data):
    for org in fixture_data["organisaties"]:
        for item in org["aanbod"]:
            if item["slug"] == "kledingbank-gratis-kleding":
                item["titel"] = "Gratis winterjassen en kleding uitzoeken"
    pad = tmp_path / "sociale_kaart_demo.json"
    pad.write_text(json.dumps(fixture_data), encoding="utf-8")
    aantal = Aanbod.objects.count()

    demo.load(stdout=io.StringIO(), paden=[pad])

    assert Aanbod.objects.count() == aantal
    assert Aanbod.objects.get(slug="kledingbank-gratis-kleding").titel.startswith("Gratis winterjassen")
    assert Aanbod.objects.filter(zoekvector=SearchQuery("winterjassen", config="dutch")).count() == 1


def test_a_bad_reference_stops_loading_with_a_clear_message_and_saves_nothing(tmp_path, fixture_data):
    fixture_data["organisaties"][-1]["aanbod"][0]["themas"] = ["bestaat-niet"]
    pad = tmp_path / "sociale_kaart_demo.json"
    pad.write_text(json.dumps(fixture_data), encoding="utf-8")

    with pytest.raises(demo.DemoDataFout, match="bestaat-niet"):
        demo.load(stdout=io.StringIO(), paden=[pad])

    assert not Organisatie.objects.exists()
    assert not Kern.objects.exists()
