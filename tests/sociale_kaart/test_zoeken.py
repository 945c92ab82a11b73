"""The /hulp/ search: full text, synonyms, filters, pagination and bad input."""

import datetime

import pytest
from django.urls import reverse

from sociale_kaart.models import Status, ZoektermZonderResultaat
from tests.sociale_kaart.factories import (
    AanbodFactory,
    DoelgroepFactory,
    KernFactory,
    LevensgebeurtenisFactory,
    OpeningstijdFactory,
    SynoniemFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db
URL = "/hulp/"


def titels(response) -> list[str]:
    return [aanbod.titel for aanbod in response.context["resultaat"].pagina]


def test_search_page_lists_published_aanbod_with_organisation_cost_and_place(client):
    leek = KernFactory(naam="Leek")
    AanbodFactory(
        titel="Hulp bij post",
        organisatie__naam="Humanitas",
        wat_u_krijgt="Een vrijwilliger helpt met uw post. Dat is fijn.",
        kernen=[leek],
        kosten="eigen_bijdrage",
        kosten_toelichting="U betaalt 5 euro per maand.",
    )
    html = client.get(URL).content.decode()
    assert "Hulp bij post" in html
    assert "Humanitas" in html
    assert "Een vrijwilliger helpt met uw post." in html
    assert "Dat is fijn." not in html
    assert "U betaalt 5 euro per maand." in html
    assert "Leek" in html
    assert "1 resultaat" in html


def test_prefix_match_schuld_finds_schuldhulp(client):
    AanbodFactory(titel="Schuldhulp", wat_u_krijgt="Hulp als u rekeningen niet kunt betalen.")
    AanbodFactory(titel="Zwemles voor kinderen", wat_u_krijgt="Uw kind leert zwemmen.")
    assert titels(client.get(URL, {"q": "schuld"})) == ["Schuldhulp"]


def test_dutch_stemming_schulden_finds_schuld(client):
    AanbodFactory(titel="Hulp bij schuld", wat_u_krijgt="Samen maken we een plan.")
    assert titels(client.get(URL, {"q": "schulden"})) == ["Hulp bij schuld"]


def test_synonym_eten_finds_the_voedselbank(client):
    AanbodFactory(titel="Voedselpakket", organisatie__naam="Voedselbank Westerkwartier", wat_u_krijgt="Elke week.")
    AanbodFactory(titel="Taalcafé", wat_u_krijgt="Nederlands oefenen.")
    assert titels(client.get(URL, {"q": "eten"})) == []
    SynoniemFactory(woord="eten", zoekt_ook="voedselbank")
    assert titels(client.get(URL, {"q": "eten"})) == ["Voedselpakket"]


@pytest.mark.parametrize(
    ("woord", "zoekt_ook", "titel"),
    [
        ("huur", "wonen", "Wonen zonder zorgen"),
        ("geld", "inkomen", "Meer inkomen"),
        ("rekeningen", "schulden", "Schuldhulp"),
    ],
)
def test_everyday_synonyms(client, woord, zoekt_ook, titel):
    AanbodFactory(titel=titel, wat_u_krijgt="Bel ons.")
    AanbodFactory(titel="Iets anders", wat_u_krijgt="Bel ons.")
    SynoniemFactory(woord=woord, zoekt_ook=zoekt_ook)
    assert titels(client.get(URL, {"q": woord})) == [titel]


def test_title_match_ranks_above_text_match(client):
    AanbodFactory(titel="Samen koken", wat_u_krijgt="Wij praten ook over schulden.")
    AanbodFactory(titel="Schuldhulpmaatje", wat_u_krijgt="Een maatje helpt u.")
    assert titels(client.get(URL, {"q": "schulden"})) == ["Schuldhulpmaatje", "Samen koken"]


def test_organisation_name_and_theme_are_searchable(client):
    thema = ThemaFactory(naam="Taal en digitaal")
    AanbodFactory(titel="Spreekuur", organisatie__naam="Biblionet Taalhuis", wat_u_krijgt="Bel ons.")
    AanbodFactory(titel="Computerhulp", themas=[thema], wat_u_krijgt="Leer mailen.")
    assert titels(client.get(URL, {"q": "biblionet"})) == ["Spreekuur"]
    assert titels(client.get(URL, {"q": "digitaal"})) == ["Computerhulp"]


def test_only_published_aanbod_of_published_organisations_is_found(client):
    AanbodFactory(titel="Schuldhulp openbaar")
    AanbodFactory(titel="Schuldhulp concept", status=Status.CONCEPT)
    AanbodFactory(titel="Schuldhulp gearchiveerd", status=Status.GEARCHIVEERD)
    AanbodFactory(titel="Schuldhulp van archief", organisatie__status=Status.GEARCHIVEERD)
    assert titels(client.get(URL, {"q": "schuldhulp"})) == ["Schuldhulp openbaar"]
    assert titels(client.get(URL)) == ["Schuldhulp openbaar"]


def test_filters_combine_and_each_can_be_removed(client):
    geld = ThemaFactory(naam="Geld en schulden")
    eten = ThemaFactory(naam="Eten en kleding")
    kinderen = DoelgroepFactory(naam="Kinderen")
    scheiden = LevensgebeurtenisFactory(naam="Ik ga scheiden")
    leek, marum = KernFactory(naam="Leek"), KernFactory(naam="Marum")
    AanbodFactory(
        titel="A in Leek", themas=[geld], doelgroepen=[kinderen], levensgebeurtenissen=[scheiden], kernen=[leek]
    )
    AanbodFactory(titel="B overal", themas=[geld], heel_de_gemeente=True, kosten="eigen_bijdrage")
    AanbodFactory(titel="C in Marum", themas=[eten], kernen=[marum])
    OpeningstijdFactory(aanbod__titel="D op dinsdag", aanbod__themas=[geld], weekdag=1)

    assert titels(client.get(URL, {"thema": "geld-en-schulden"})) == ["A in Leek", "B overal", "D op dinsdag"]
    assert titels(client.get(URL, {"thema": ["geld-en-schulden", "eten-en-kleding"], "kern": "marum"})) == [
        "B overal",
        "C in Marum",
    ]
    assert titels(client.get(URL, {"doelgroep": "kinderen"})) == ["A in Leek"]
    assert titels(client.get(URL, {"levensgebeurtenis": "ik-ga-scheiden"})) == ["A in Leek"]
    assert titels(client.get(URL, {"thema": "geld-en-schulden", "gratis": "on"})) == ["A in Leek", "D op dinsdag"]
    assert titels(client.get(URL, {"open": "dinsdag"})) == ["D op dinsdag"]

    response = client.get(URL, {"thema": "geld-en-schulden", "kern": "leek"})
    assert titels(response) == ["A in Leek", "B overal"]
    actief = {f.label: f.weghalen_url for f in response.context["resultaat"].actieve_filters}
    assert set(actief) == {"Geld en schulden", "Leek"}
    assert titels(client.get(URL + actief["Leek"])) == ["A in Leek", "B overal", "D op dinsdag"]
    assert titels(client.get(URL + actief["Geld en schulden"])) == ["A in Leek", "B overal"]
    html = response.content.decode()
    assert f'href="{actief["Leek"]}"' in html.replace("&amp;", "&")
    assert "Weghalen: </span>Leek" in html


def test_unknown_filter_values_are_ignored_and_said(client):
    thema = ThemaFactory(naam="Wonen")
    AanbodFactory(titel="Huurhulp", themas=[thema])
    AanbodFactory(titel="Anders")
    response = client.get(URL, {"thema": ["wonen", "bestaat-niet"], "kern": "atlantis", "open": "feestdag"})
    assert response.status_code == 200
    assert titels(response) == ["Huurhulp"]
    assert "Een of meer filters kennen wij niet" in response.content.decode()


def test_long_query_is_cut_with_a_message(client):
    AanbodFactory(titel="Schuldhulp")
    response = client.get(URL, {"q": "schuldhulp " + "x" * 300})
    assert response.status_code == 200
    assert len(response.context["resultaat"].zoektekst) == 200
    assert "Wij zoeken met de eerste 200 tekens" in response.content.decode()


def test_pagination_twenty_per_page_and_past_the_end_shows_the_last_page(client):
    for n in range(45):
        AanbodFactory(titel=f"Hulp {n:02d}")
    first = client.get(URL)
    assert len(titels(first)) == 20
    assert "45 resultaten" in first.content.decode()
    assert 'href="?pagina=2"' in first.content.decode()
    assert titels(client.get(URL, {"pagina": "3"})) == [f"Hulp {n}" for n in range(40, 45)]
    assert titels(client.get(URL, {"pagina": "999"})) == [f"Hulp {n}" for n in range(40, 45)]
    assert titels(client.get(URL, {"pagina": "abc"}))[0] == "Hulp 00"
    assert titels(client.get(URL, {"pagina": "-4"}))[0] == "Hulp 00"


def test_no_results_is_kind_offers_the_phone_and_counts_the_words_per_month(client, settings):
    settings.CENTRAAL_TELEFOONNUMMER = "0594 - 12 34 56"
    AanbodFactory(titel="Schuldhulp")
    SynoniemFactory(woord="paardrijden", zoekt_ook="manege")  # only words of the kaart or the lexicon are kept
    response = client.get(URL, {"q": "  Paardrijden "})
    html = response.content.decode()
    assert "Geen hulp gevonden" in html
    assert "Het spijt ons" in html
    assert 'href="tel:0594123456"' in html
    client.get(URL, {"q": "paardrijden"})
    rij = ZoektermZonderResultaat.objects.get()
    assert (rij.zoekterm, rij.aantal, rij.maand) == ("paardrijden", 2, datetime.date.today().replace(day=1))


def test_searches_that_look_personal_are_not_recorded(client):
    client.get(URL, {"q": "jan@example.org"})
    client.get(URL, {"q": "bsn 123456782"})
    assert not ZoektermZonderResultaat.objects.exists()


def test_no_results_with_filters_suggests_removing_them(client):
    ThemaFactory(naam="Vervoer")
    AanbodFactory(titel="Schuldhulp")
    html = client.get(URL, {"q": "schuldhulp", "thema": "vervoer"}).content.decode()
    assert "Haal een filter weg" in html


def test_search_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    thema = ThemaFactory(naam="Geld")
    kernen = [KernFactory(naam=f"Kern {n}") for n in range(3)]
    SynoniemFactory(woord="rekeningen", zoekt_ook="schulden geld")
    for n in range(30):
        AanbodFactory(titel=f"Geld en schulden {n}", themas=[thema], kernen=kernen)
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"q": "rekeningen", "thema": "geld", "kern": "kern-1", "gratis": "on"})
    assert len(titels(response)) == 20
    with django_assert_max_num_queries(10):
        client.get(URL, {"q": "niets te vinden hier"})


def test_counting_stops_at_the_maximum_and_says_more_than(client, monkeypatch):
    monkeypatch.setattr("sociale_kaart.zoeken.ranking.MAX_TELLEN", 5)
    monkeypatch.setattr("sociale_kaart.zoeken.ranking.PER_PAGINA", 2)
    for n in range(8):
        AanbodFactory(titel=f"Schuldhulp {n}")
    response = client.get(URL, {"q": "schuldhulp"})
    html = response.content.decode()
    assert "Meer dan 5 resultaten" in html
    assert "Kies een plaats of een onderwerp" in html
    assert response.context["resultaat"].pagina.paginator.num_pages == 3
    assert titels(client.get(URL, {"q": "schuldhulp", "pagina": "99"})) == titels(
        client.get(URL, {"q": "schuldhulp", "pagina": "3"})
    )


def test_related_aanbod_is_nearby(client):
    thema = ThemaFactory(naam="Eten")
    leek, marum = KernFactory(naam="Leek"), KernFactory(naam="Marum")
    aanbod = AanbodFactory(titel="Voedselbank Leek", themas=[thema], kernen=[leek])
    AanbodFactory(titel="Kledingbank Leek", themas=[thema], kernen=[leek, marum])
    AanbodFactory(titel="Kledingbank Marum", themas=[thema], kernen=[marum])
    response = client.get(reverse("sociale_kaart:aanbod", args=[aanbod.slug]))
    assert [a.titel for a in response.context["gerelateerd"]] == ["Kledingbank Leek"]
    overal = AanbodFactory(titel="Thuis eten", themas=[thema], heel_de_gemeente=True)
    AanbodFactory(titel="Samen eten", themas=[thema], organisatie=overal.organisatie)
    response = client.get(reverse("sociale_kaart:aanbod", args=[overal.slug]))
    assert [a.titel for a in response.context["gerelateerd"]] == ["Samen eten"]


def test_a_search_without_results_is_never_served_from_a_cache(client):
    AanbodFactory(titel="Schuldhulp")
    assert "private" in client.get(URL, {"q": "paardrijden"})["Cache-Control"]
    assert "private" not in client.get(URL, {"q": "schuldhulp"}).get("Cache-Control", "")
