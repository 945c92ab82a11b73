"""Detail pages of an aanbod and an organisation."""

import datetime

import pytest
from django.urls import reverse

from sociale_kaart.models import Status
from sociale_kaart.selectors import is_verouderd
from tests.sociale_kaart.factories import (
    AanbodFactory,
    KernFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


def aanbod_url(aanbod):
    return reverse("sociale_kaart:aanbod", args=[aanbod.slug])


def test_aanbod_page_shows_everything_a_resident_needs(client):
    thema = ThemaFactory(naam="Geld en schulden")
    aanbod = AanbodFactory(
        titel="Thuisadministratie",
        organisatie__naam="Humanitas",
        organisatie__telefoon="0594 - 11 22 33",
        organisatie__email="info@humanitas.example",
        wat_u_krijgt="Een vrijwilliger komt bij u thuis.",
        hoe_aanvragen="Bel ons.\nWe maken een afspraak.\n",
        meenemen="Uw post\nUw bankpas",
        kosten="eigen_bijdrage",
        kosten_toelichting="U betaalt 10 euro per jaar.",
        talen=["Nederlands", "Engels"],
        rolstoeltoegankelijk=True,
        min_leeftijd=18,
        themas=[thema],
        kernen=[KernFactory(naam="Zuidhorn")],
        laatst_gecontroleerd=datetime.date(2026, 3, 3),
    )
    OpeningstijdFactory(aanbod=aanbod, weekdag=0, van=datetime.time(9), tot=datetime.time(12))
    OpeningstijdFactory(aanbod=aanbod, weekdag=3, van=datetime.time(13, 30), tot=datetime.time(16))
    aanbod.locaties.add(LocatieFactory(organisatie=aanbod.organisatie, straat="Kerkstraat 1", plaats="Zuidhorn"))

    html = client.get(aanbod_url(aanbod)).content.decode()
    assert '<h1 class="utrecht-heading-1">Thuisadministratie</h1>' in html
    assert "Een vrijwilliger komt bij u thuis." in html
    assert "<li>Bel ons.</li>" in html and "<li>We maken een afspraak.</li>" in html
    assert "<li>Uw bankpas</li>" in html
    assert "U betaalt 10 euro per jaar." in html
    assert "Maandag van 9:00 tot 12:00" in html
    assert "Donderdag van 13:30 tot 16:00" in html
    assert 'href="tel:0594112233"' in html  # falls back to the organisation
    assert 'href="mailto:info@humanitas.example"' in html
    assert "Laatst gecontroleerd op 3 maart 2026" in html
    assert "Kerkstraat 1" in html and "Zuidhorn" in html
    assert "Nederlands, Engels" in html
    assert "18 jaar of ouder" in html
    assert "met een rolstoel" in html
    assert reverse("sociale_kaart:organisatie", args=[aanbod.organisatie.slug]) in html
    assert "/hulp/?thema=geld-en-schulden" in html


def test_aanbod_own_contact_wins_over_the_organisation(client):
    aanbod = AanbodFactory(telefoon="06 - 99 88 77 66", organisatie__telefoon="0594 - 11 22 33")
    html = client.get(aanbod_url(aanbod)).content.decode()
    assert 'href="tel:0699887766"' in html
    assert "tel:0594112233" not in html


@pytest.mark.parametrize(
    ("datum", "verouderd"),
    [
        (datetime.date(2026, 3, 3), False),
        (datetime.date(2024, 9, 4), False),
        (datetime.date(2024, 9, 3), True),
        (datetime.date(2020, 1, 1), True),
        (None, True),
    ],
)
def test_stale_after_eighteen_months(datum, verouderd):
    assert is_verouderd(datum, vandaag=datetime.date(2026, 3, 3)) is verouderd


def test_stale_aanbod_says_so(client):
    oud = AanbodFactory(laatst_gecontroleerd=datetime.date.today() - datetime.timedelta(days=600))
    nieuw = AanbodFactory()
    assert "Deze informatie is lang niet gecontroleerd" in client.get(aanbod_url(oud)).content.decode()
    assert "Deze informatie is lang niet gecontroleerd" not in client.get(aanbod_url(nieuw)).content.decode()


@pytest.mark.parametrize(
    ("aanbod_status", "organisatie_status"),
    [
        (Status.CONCEPT, Status.GEPUBLICEERD),
        (Status.GEARCHIVEERD, Status.GEPUBLICEERD),
        (Status.GEPUBLICEERD, Status.GEARCHIVEERD),
        (Status.GEPUBLICEERD, Status.CONCEPT),
    ],
)
def test_not_public_aanbod_gives_404(client, aanbod_status, organisatie_status):
    aanbod = AanbodFactory(status=aanbod_status, organisatie__status=organisatie_status)
    assert client.get(aanbod_url(aanbod)).status_code == 404


def test_unknown_slugs_give_404(client):
    assert client.get("/hulp/bestaat-niet/").status_code == 404
    assert client.get("/organisatie/bestaat-niet/").status_code == 404


def test_related_aanbod_shares_a_theme_and_is_public(client):
    thema, ander = ThemaFactory(naam="Eten"), ThemaFactory(naam="Sport")
    leek = KernFactory(naam="Leek")
    aanbod = AanbodFactory(titel="Voedselbank", themas=[thema], kernen=[leek])
    AanbodFactory(titel="Kledingbank", themas=[thema], kernen=[leek])
    AanbodFactory(titel="Verborgen maaltijd", themas=[thema], kernen=[leek], status=Status.CONCEPT)
    AanbodFactory(titel="Voetbal", themas=[ander], kernen=[leek])
    response = client.get(aanbod_url(aanbod))
    assert [a.titel for a in response.context["gerelateerd"]] == ["Kledingbank"]
    assert "Kledingbank" in response.content.decode()


def test_organisation_page_lists_its_public_aanbod_and_addresses(client):
    organisatie = OrganisatieFactory(
        naam="Stichting Leergeld", pactpartner=True, pactpartner_sinds=datetime.date(2023, 5, 1)
    )
    LocatieFactory(organisatie=organisatie, straat="Hoofdstraat 9", plaats="Leek")
    AanbodFactory(organisatie=organisatie, titel="Fiets voor school")
    AanbodFactory(organisatie=organisatie, titel="Geheim plan", status=Status.CONCEPT)
    html = client.get(reverse("sociale_kaart:organisatie", args=[organisatie.slug])).content.decode()
    assert "Stichting Leergeld" in html
    assert "Fiets voor school" in html
    assert "Geheim plan" not in html
    assert "Hoofdstraat 9" in html
    assert "Partner van het Armoedepact sinds mei 2023" in html


def test_archived_organisation_gives_404(client):
    organisatie = OrganisatieFactory(status=Status.GEARCHIVEERD)
    assert client.get(reverse("sociale_kaart:organisatie", args=[organisatie.slug])).status_code == 404


def test_detail_pages_run_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    thema = ThemaFactory(naam="Geld")
    organisatie = OrganisatieFactory()
    kernen = [KernFactory(naam=f"Kern {n}") for n in range(5)]
    for n in range(25):
        aanbod = AanbodFactory(organisatie=organisatie, titel=f"Hulp {n}", themas=[thema], kernen=kernen)
        OpeningstijdFactory(aanbod=aanbod)
        aanbod.locaties.add(LocatieFactory(organisatie=organisatie))
    with django_assert_max_num_queries(10):
        assert client.get(aanbod_url(aanbod)).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("sociale_kaart:organisatie", args=[organisatie.slug])).status_code == 200
