"""Search that forgives, on small data made here: the vocabulary, typos against
it, compound words both ways, filler words, the lexicon (one way, two ways,
phrases) as the coordinator edits it, and the help marked to show first."""

import pytest
from django.urls import reverse

from sociale_kaart import services
from sociale_kaart.models import Aanbod, Voorrang, Zoekwoord
from tests.sociale_kaart.factories import AanbodFactory, LevensgebeurtenisFactory, SynoniemFactory, ThemaFactory

pytestmark = pytest.mark.django_db
URL = "/hulp/"


def titels(response) -> list[str]:
    return [aanbod.titel for aanbod in response.context["resultaat"].pagina]


def test_the_vocabulary_follows_the_aanbod_and_a_full_rebuild_drops_old_words(client):
    aanbod = AanbodFactory(titel="Kledingbank", wat_u_krijgt="Gratis schoenen.", organisatie__naam="Stichting Jas")
    assert {"kledingbank", "schoenen", "gratis", "stichting"} <= set(Zoekwoord.objects.values_list("pk", flat=True))
    Aanbod.objects.filter(pk=aanbod.pk).delete()
    services.aanbod_zoekvector_bijwerken()
    assert not Zoekwoord.objects.filter(pk="kledingbank").exists()


def test_a_word_only_in_a_concept_aanbod_is_never_suggested_until_it_is_published(client, django_user_model):
    from armoedepact.partner.services import aanbod_status_zetten
    from sociale_kaart.models import Status

    AanbodFactory(titel="Fietsenmaker", wat_u_krijgt="Uw fiets gemaakt.", status=Status.CONCEPT)
    AanbodFactory(titel="Taalcafé", wat_u_krijgt="Nederlands oefenen.")
    assert not Zoekwoord.objects.filter(pk="fietsenmaker").exists()
    response = client.get(URL, {"q": "fietsenmakr"})
    assert "Wij zochten ook naar" not in response.content.decode()
    assert titels(response) == []
    # A full rebuild keeps it out too.
    services.aanbod_zoekvector_bijwerken()
    assert not Zoekwoord.objects.filter(pk="fietsenmaker").exists()

    door = django_user_model.objects.create_user("coordinator")
    aanbod = Aanbod.objects.get(titel="Fietsenmaker")
    aanbod_status_zetten(aanbod=aanbod, status=Status.GEPUBLICEERD, door=door)
    response = client.get(URL, {"q": "fietsenmakr"})
    assert "Wij zochten ook naar: <strong>fietsenmaker</strong>" in response.content.decode()
    assert titels(response) == ["Fietsenmaker"]

    aanbod.refresh_from_db()
    aanbod_status_zetten(aanbod=aanbod, status=Status.GEARCHIVEERD, door=door)
    assert not Zoekwoord.objects.filter(pk="fietsenmaker").exists()
    # Words other public help still has stay (and stop words are kept).
    assert Zoekwoord.objects.filter(pk="nederlands").exists()
    response = client.get(URL, {"q": "fietsenmakr"})
    assert "Wij zochten ook naar" not in response.content.decode()


def test_a_typo_is_corrected_said_and_can_be_switched_off(client):
    AanbodFactory(titel="Voedselbank", wat_u_krijgt="Een pakket met eten.")
    AanbodFactory(titel="Taalcafé", wat_u_krijgt="Nederlands oefenen.")
    response = client.get(URL, {"q": "voedselbnak"})
    assert titels(response) == ["Voedselbank"]
    html = response.content.decode()
    assert "Wij zochten ook naar: <strong>voedselbank</strong>" in html
    assert "precies=1" in html
    exact = client.get(URL, {"q": "voedselbnak", "precies": "1"})
    assert titels(exact) == []
    assert "Wij zochten ook naar" not in exact.content.decode()


def test_a_word_finds_the_compound_it_is_part_of_and_two_words_find_their_compound(client):
    AanbodFactory(titel="Schuldhulpmaatje", wat_u_krijgt="Een vrijwilliger helpt.")
    AanbodFactory(titel="Een maatje op bezoek", wat_u_krijgt="Koffie en een praatje.")
    AanbodFactory(titel="Schoolkosten", wat_u_krijgt="Hulp bij de kosten van school.")
    assert titels(client.get(URL, {"q": "hulp schulden"}))[0] == "Schuldhulpmaatje"
    assert titels(client.get(URL, {"q": "schuld hulp"}))[0] == "Schuldhulpmaatje"
    assert "Schuldhulpmaatje" in titels(client.get(URL, {"q": "maatje"}))


def test_an_unknown_compound_is_split_into_known_words(client):
    AanbodFactory(titel="Sport voor iedereen", wat_u_krijgt="Elke vereniging doet mee.")
    AanbodFactory(titel="Taalcafé", wat_u_krijgt="Nederlands oefenen.")
    assert titels(client.get(URL, {"q": "sportvereniging"})) == ["Sport voor iedereen"]


def test_filler_words_count_for_nothing_and_a_sentence_ranks_by_how_many_words_match(client):
    AanbodFactory(titel="Huurachterstand", wat_u_krijgt="Kunt u de huur niet betalen? Bel ons.")
    AanbodFactory(titel="Een huurwoning zoeken", wat_u_krijgt="Schrijf u in.")
    AanbodFactory(titel="Ik kan het niet alleen", wat_u_krijgt="Een maatje.")
    assert titels(client.get(URL, {"q": "ik kan mijn huur niet betalen"}))[:2] == [
        "Huurachterstand",
        "Een huurwoning zoeken",
    ]
    response = client.get(URL, {"q": "ik kan het niet"})
    assert titels(response) == []
    assert "Typ een woord waar u hulp bij zoekt" in response.content.decode()


def test_the_lexicon_one_way_two_ways_and_phrases_works_at_once(client):
    AanbodFactory(titel="Schuldhulp", wat_u_krijgt="Samen maken we een plan.")
    AanbodFactory(titel="Kledingbank", wat_u_krijgt="Gratis kleding.")
    AanbodFactory(titel="Kleren ruilen", wat_u_krijgt="Breng en haal.")
    assert titels(client.get(URL, {"q": "deurwaarder"})) == []
    SynoniemFactory(woord="deurwaarder", zoekt_ook="schulden schuldhulp")
    assert titels(client.get(URL, {"q": "deurwaarder"})) == ["Schuldhulp"]
    assert "Kleren ruilen" not in titels(client.get(URL, {"q": "kledingbank"}))
    SynoniemFactory(woord="kleren", zoekt_ook="kledingbank", wederzijds=True)
    assert "Kleren ruilen" in titels(client.get(URL, {"q": "kledingbank"}))
    SynoniemFactory(woord="food bank", zoekt_ook="kledingbank")
    assert titels(client.get(URL, {"q": "food bank"}))[0] == "Kledingbank"
    SynoniemFactory(woord="مساعدة", zoekt_ook="schuldhulp")
    assert titels(client.get(URL, {"q": "مساعدة"})) == ["Schuldhulp"]


def test_a_typo_in_a_lexicon_word_is_forgiven(client):
    AanbodFactory(titel="Schuldhulp", wat_u_krijgt="Samen maken we een plan.")
    SynoniemFactory(woord="deurwaarder", zoekt_ook="schuldhulp")
    assert titels(client.get(URL, {"q": "deurwarder"})) == ["Schuldhulp"]


def test_help_marked_first_leads_the_list_of_its_thema_and_life_event(client):
    geld = ThemaFactory(naam="Geld en schulden")
    schulden = LevensgebeurtenisFactory(naam="Ik heb schulden")
    a = AanbodFactory(titel="Administratie", themas=[geld], levensgebeurtenissen=[schulden])
    b = AanbodFactory(titel="Budget", themas=[geld], levensgebeurtenissen=[schulden])
    AanbodFactory(titel="Cursus over geld", themas=[geld], levensgebeurtenissen=[schulden])
    z = AanbodFactory(titel="Zwemmen", themas=[geld], levensgebeurtenissen=[schulden])
    # Without marks: a title about the thema comes first, then by title.
    assert titels(client.get(URL, {"thema": geld.slug})) == ["Cursus over geld", "Administratie", "Budget", "Zwemmen"]
    Voorrang.objects.create(thema=geld, aanbod=z, volgorde=1)
    Voorrang.objects.create(thema=geld, aanbod=b, volgorde=2)
    Voorrang.objects.create(levensgebeurtenis=schulden, aanbod=a, volgorde=1)
    assert titels(client.get(URL, {"thema": geld.slug}))[:2] == ["Zwemmen", "Budget"]
    assert titels(client.get(URL, {"levensgebeurtenis": schulden.slug}))[0] == "Administratie"


def test_a_typo_search_stays_within_the_query_budget(client, django_assert_max_num_queries):
    for n in range(25):
        AanbodFactory(titel=f"Voedselbank {n}", kernen=[])
    SynoniemFactory(woord="eten", zoekt_ook="voedselbank")
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"q": "ik zoek de voedselbnak en eten"})
    assert len(titels(response)) == 20


def test_the_first_card_shows_how_to_start_and_a_phone_button(client):
    AanbodFactory(
        titel="Voedselpakket",
        hoe_aanvragen="\nVraag een verwijzing.\nKom dan langs.",
        telefoon="",
        organisatie__telefoon="0594 - 00 00 06",
    )
    html = client.get(URL, {"q": "voedselpakket"}).content.decode()
    aanbod = Aanbod.objects.get(titel="Voedselpakket")
    assert (
        "<strong>Zo begint u:</strong> <span>Vraag een verwijzing.</span> "
        f'<a class="utrecht-link" href="/hulp/{aanbod.slug}/#aanvragen-titel">meer' in html
    )
    assert "Kom dan langs" not in html
    assert 'href="tel:0594000006"' in html
    assert reverse("sociale_kaart:zoeken") == URL


def test_a_long_first_step_is_cut_at_a_word_and_links_to_the_rest(client):
    AanbodFactory(titel="Zwemles", hoe_aanvragen="Bel de gemeente en vraag naar het formulier voor het zwemfonds.")
    AanbodFactory(titel="Kledingbank", hoe_aanvragen="Kom langs.")
    html = client.get(URL, {"q": "zwemles"}).content.decode()
    assert "<strong>Zo begint u:</strong> <span>Bel de gemeente en vraag naar het formulier…</span>" in html
    assert "zwemfonds" not in html
    assert "#aanvragen-titel" in html
    # A first step that is all there is: whole, no link to more.
    html = client.get(URL, {"q": "kledingbank"}).content.decode()
    assert "<strong>Zo begint u:</strong> <span>Kom langs.</span></p>" in html


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("", ("", False)),
        ("Kom langs.", ("Kom langs.", False)),
        ("Kom langs. Neem uw pas mee.", ("Kom langs.", True)),
        ("\n  Bel ons.\nKom dan langs.", ("Bel ons.", True)),
        (
            "Vraag een sociaal werker, de gemeente of de huisarts om een verwijzing.",
            ("Vraag een sociaal werker, de gemeente of de…", True),
        ),
    ],
)
def test_korte_stap(tekst, verwacht):
    from sociale_kaart.zoeken.ranking import korte_stap

    assert korte_stap(tekst) == verwacht
    assert len(korte_stap(tekst)[0]) <= 48


def test_in_english_the_card_shows_the_translated_first_step_or_marks_the_dutch_one(
    client, django_assert_max_num_queries
):
    AanbodFactory(
        titel="Voedselbank",
        hoe_aanvragen="Vraag een verwijzing.",
        vertalingen={"en": {"hoe_aanvragen": "Ask for a referral.\nThen come by."}},
    )
    AanbodFactory(titel="Voedselbank Noord", hoe_aanvragen="Kom langs.")
    for _ in range(18):
        AanbodFactory(titel="Voedselbank extra", hoe_aanvragen="Bel ons.")
    with django_assert_max_num_queries(10):
        html = client.get("/en/hulp/", {"q": "voedselbank"}).content.decode()
    assert "<strong>How to start:</strong> <span>Ask for a referral.</span>" in html
    assert "Then come by" not in html
    assert '<strong>How to start:</strong> <span lang="nl" dir="ltr">Kom langs.</span></p>' in html
