"""The resident pages in other languages (issue 18): URL prefixes, lang and dir,
the language switch, the note on Dutch-only content, money in the locale's
format, the check's questions, errors and reasons translated, search words in
other languages, and the partner portal and /beheer/ staying Dutch."""

import re
from io import StringIO

import pytest
from django.utils import translation

from tests.sociale_kaart.factories import AanbodFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def _html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


@pytest.mark.parametrize(
    ("pad", "lang", "rtl"),
    [("/", "nl", False), ("/en/", "en", False), ("/ar/", "ar", True), ("/tr/", "tr", False), ("/uk/", "uk", False)],
)
def test_home_in_each_language_has_lang_and_dir(client, pad, lang, rtl):
    response = client.get(pad)
    assert response.status_code == 200
    tag = _html_tag(response)
    assert f'lang="{lang}"' in tag
    assert ('dir="rtl"' in tag) is rtl


def test_home_in_english_and_arabic_is_translated(client):
    assert "Find help" in client.get("/en/").content.decode()
    ar = client.get("/ar/").content.decode()
    assert "ابحث عن مساعدة" in ar
    assert "Hulp zoeken" not in ar


def test_language_switch_names_each_language_in_its_own_name_and_keeps_the_page(client):
    html = client.get("/en/check/").content.decode()
    switch = re.search(r'<nav class="taalkeuze".*?</nav>', html, re.S).group(0)
    for naam in ("Nederlands", "English", "العربية", "Türkçe", "Polski", "Українська"):
        assert naam in switch
    assert 'href="/check/" lang="nl"' in switch
    assert 'href="/ar/check/" lang="ar"' in switch and 'dir="rtl"' in switch
    assert "<img" not in switch  # no flags


def test_partner_portal_and_beheer_stay_dutch_and_unprefixed(client):
    assert client.get("/en/partner/inloggen/").status_code == 404
    assert client.get("/en/beheer/").status_code == 404
    response = client.get("/partner/inloggen/")
    assert 'lang="nl"' in _html_tag(response)
    assert 'class="taalkeuze"' not in response.content.decode()


def test_footer_says_when_a_translation_is_not_reviewed(client):
    from armoedepact.models import Taalstatus

    Taalstatus.objects.update_or_create(code="en", defaults={"nagekeken": True})
    assert "data-vertaling-niet-nagekeken" not in client.get("/").content.decode()
    assert "data-vertaling-niet-nagekeken" not in client.get("/en/").content.decode()
    assert "data-vertaling-niet-nagekeken" in client.get("/ar/").content.decode()


def test_untranslated_aanbod_shows_dutch_with_a_note_in_the_page_language(client):
    aanbod = AanbodFactory(titel="Koffie-ochtend in het dorpshuis")
    html = client.get(f"/en/hulp/{aanbod.slug}/").content.decode()
    assert "Koffie-ochtend in het dorpshuis" in html
    assert "Part of this text is only in Dutch" in html
    assert re.search(r'<span lang="nl" dir="ltr">Koffie-ochtend in het dorpshuis</span>', html)
    # The Dutch page has no note.
    assert "alleen in het Nederlands" not in client.get(f"/hulp/{aanbod.slug}/").content.decode()


def test_dutch_steps_address_and_cards_read_left_to_right_on_an_arabic_page(client):
    """Dutch text inside a right-to-left page is marked lang="nl" dir="ltr", or its full stop,
    question mark and numbers land at the wrong end ("XX Zuidhorn 9801", ".GLOED")."""
    from tests.sociale_kaart.factories import LocatieFactory

    aanbod = AanbodFactory(
        titel="Energiecafé: vragen over uw energierekening",
        hoe_aanvragen="Meld u aan via de website of bel GLOED.\nU hoort binnen 4 weken of u mee kunt doen.",
        meenemen="Bewijs van uw inkomen",
    )
    locatie = LocatieFactory(organisatie=aanbod.organisatie, postcode="9801 XX", plaats="Zuidhorn")
    aanbod.locaties.add(locatie)
    html = client.get(f"/ar/hulp/{aanbod.slug}/").content.decode()
    assert '<ol class="detail__stappen" lang="nl" dir="ltr"><li>Meld u aan' in html
    assert '<ul class="detail__lijst" lang="nl" dir="ltr"><li>Bewijs van uw inkomen</li>' in html
    assert '<address class="detail__adres" lang="nl" dir="ltr">Buurthuis<br>' in html

    html = client.get(f"/ar/organisatie/{aanbod.organisatie.slug}/").content.decode()
    assert f'href="/ar/hulp/{aanbod.slug}/" lang="nl" dir="ltr">Energiecafé: vragen over uw energierekening</a>' in html
    assert '<p class="utrecht-paragraph card__text" lang="nl" dir="ltr">U krijgt een gesprek.</p>' in html
    # On the Dutch page nothing needs marking.
    html = client.get(f"/hulp/{aanbod.slug}/").content.decode()
    assert '<ol class="detail__stappen"><li>' in html and '<address class="detail__adres">' in html


def test_translated_aanbod_shows_the_translation_without_the_note(client):
    aanbod = AanbodFactory(
        titel="Koffie-ochtend",
        wat_u_krijgt="Gratis koffie.",
        voor_wie="",
        vertalingen={"en": {"titel": "Coffee morning", "wat_u_krijgt": "Free coffee."}},
    )
    html = client.get(f"/en/hulp/{aanbod.slug}/").content.decode()
    assert "Coffee morning" in html and "Free coffee." in html
    assert "only in Dutch" not in html


def test_theme_translation_on_the_home_page(client):
    ThemaFactory(naam="Eten en kleding", slug="eten-en-kleding", vertalingen={"ar": {"naam": "الطعام والملابس"}})
    assert "الطعام والملابس" in client.get("/ar/").content.decode()
    assert "Eten en kleding" in client.get("/").content.decode()


def test_invalid_translations_are_refused_with_a_dutch_message():
    from django.core.exceptions import ValidationError

    thema = ThemaFactory()
    for fout in ({"xx": {"naam": "?"}}, {"en": {"slug": "x"}}, {"en": "Food"}, ["en"]):
        thema.vertalingen = fout
        with pytest.raises(ValidationError) as info:
            thema.full_clean()
        assert "vertalingen" in info.value.message_dict


def test_money_in_the_locale_format():
    from decimal import Decimal

    from regelingen.eligibility import euro

    with translation.override("nl"):
        assert euro(Decimal("1650")) == "€ 1.650,00"
    with translation.override("en"):
        assert euro(Decimal("1650")) == "€1,650.00"
    with translation.override("ar"):
        tekst = euro(Decimal("1650"))
        assert "1,650.00" in tekst and "€" in tekst and "1.650,00" not in tekst


def test_check_question_hint_and_error_in_arabic(client, regelingen_demo):
    response = client.get("/ar/check/woonplaats/")
    html = response.content.decode()
    assert "هل تسكن في بلدية" in html and 'dir="rtl"' in _html_tag(response)
    client.post("/ar/check/woonplaats/", {"woont_in_gemeente": "ja"})
    client.post("/ar/check/ontvangt/", {})
    client.post("/ar/check/samenwonen/", {"partner": "nee"})
    html = client.post("/ar/check/leeftijd/", {"leeftijd": "veel"}).content.decode()
    assert "أدخل عمرك كرقم. مثلاً 35." in html
    assert "هناك مشكلة" in html


def _check_doen(client, prefix: str):
    antwoorden = [
        ("woonplaats", {"woont_in_gemeente": "ja"}),
        ("ontvangt", {}),
        ("samenwonen", {"partner": "nee"}),
        ("leeftijd", {"leeftijd": "35"}),
        ("kinderen", {"heeft_kinderen": "ja"}),
        ("leeftijd-kinderen", {"leeftijden": "7, 12"}),
        ("inkomen", {"netto_inkomen": "1650"}),
        ("spaargeld", {"vermogen": "3000"}),
        ("laag-inkomen", {"jaren_laag_inkomen": "4"}),
        ("studie", {"student": "nee"}),
        ("vaste-lasten", {"vaste_lasten": "1100"}),
        ("woning", {"huurt": "nee"}),
    ]
    for stap, data in antwoorden:
        response = client.post(f"{prefix}/check/{stap}/", data)
        assert response.status_code == 302, (stap, response.content.decode()[:500])
    client.post(f"{prefix}/check/controleren/")
    return client.get(f"{prefix}/check/uitslag/").content.decode()


def test_check_result_with_reasons_and_numbers_in_english(client, regelingen_demo):
    html = _check_doen(client, "/en")
    assert "You are probably entitled to these" in html
    assert "Child package" in html  # the regeling's own English name (demo data)
    assert re.search(r"Your income is €1,650.00 per month\. The limit for you is €[\d,]+\.\d\d\.", html)
    assert "You have 2 children from 4 up to and including 17 years old at home." in html
    assert "You are 35 years old. That is younger than the state pension age (AOW, 67 years)." in html
    # The local reasons are translated; the national allowances (issue 16) are Dutch only so far.
    assert "Uw inkomen is €" not in html


def test_check_result_with_reasons_and_numbers_in_arabic(client, regelingen_demo):
    html = _check_doen(client, "/ar")
    assert "من المرجح أن لك حقاً في هذه" in html
    assert "حزمة الأطفال" in html
    assert "دخلك \u200f1,650.00\xa0€ في الشهر." in html
    assert "لديك في البيت طفلان بعمر من 4 إلى 17 سنة." in html
    # The local reasons are translated; the national allowances (issue 16) are Dutch only so far.
    assert "Uw inkomen is €" not in html


def test_dutch_check_is_unchanged(client, regelingen_demo):
    html = _check_doen(client, "")
    assert "Hier heeft u waarschijnlijk recht op" in html
    assert "Uw inkomen is € 1.650,00 per maand." in html


def test_food_bank_on_the_english_search_finds_the_voedselbank_first(client):
    from sociale_kaart import demo

    demo.load(stdout=StringIO())
    html = client.get("/en/hulp/", {"q": "food bank"}).content.decode()
    titels = re.findall(r'<h3 class="utrecht-heading-3 zk-resultaat__titel"><a[^>]*>(.*?)</a>', html, re.S)
    assert titels, html[:2000]
    assert "Voedselbank" in titels[0]


def test_snel_weg_on_the_check_and_on_violence_pages_not_on_home(client, regelingen_demo):
    assert "data-snel-weg" in client.get("/check/").content.decode()
    assert "data-snel-weg" in client.get("/ar/check/").content.decode()
    assert "data-snel-weg" not in client.get("/").content.decode()
    geweld = AanbodFactory(titel="Advies bij geweld thuis")
    html = client.get(f"/hulp/{geweld.slug}/").content.decode()
    assert "data-snel-weg" in html and "Zoeken zonder sporen" in html
    gewoon = AanbodFactory(titel="Koffie-ochtend")
    assert "data-snel-weg" not in client.get(f"/hulp/{gewoon.slug}/").content.decode()


def test_language_list_is_a_setting(client, settings):
    settings.LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
    from django.urls import clear_url_caches

    clear_url_caches()
    try:
        html = client.get("/en/").content.decode()
        assert "English" in html and "العربية" not in html
    finally:
        clear_url_caches()


def _pdf_tekst(inhoud: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(BytesIO(inhoud)).pages)


def test_result_pdf_in_english_has_translated_labels_reasons_and_amounts(client, regelingen_demo):
    _check_doen(client, "/en")
    response = client.get("/en/check/uitslag/pdf/")
    assert response["Content-Type"] == "application/pdf"
    tekst = _pdf_tekst(response.content)
    assert "Your result of the check" in tekst
    assert "You are probably entitled to these" in tekst
    assert "Child package" in tekst  # the regeling's English name
    assert "Your income is €1,650.00 per month." in tekst  # a reason, money in the English format
    assert "This PDF was made only for you." in tekst
    assert "Uw uitslag van de check" not in tekst and "Deze PDF is alleen voor u gemaakt" not in tekst


def test_result_pdf_carries_the_page_language(client, regelingen_demo):
    from io import BytesIO

    from pypdf import PdfReader

    _check_doen(client, "/ar")
    response = client.get("/ar/check/uitslag/pdf/")
    assert "نتيجة الفحص الخاصة بك" in _pdf_tekst(response.content)
    # The document language for screen readers: WeasyPrint writes /Lang from <html lang>.
    assert PdfReader(BytesIO(response.content)).trailer["/Root"].get("/Lang") == "ar"


@pytest.mark.parametrize(
    ("pad", "woord", "nederlands"),
    [
        ("/tr/hulp/", "sağlık", "gezondheid"),
        ("/tr/hulp/", "çocuklar", "kinderen"),
        ("/tr/hulp/", "enerji", "energie"),
        ("/pl/hulp/", "zdrowie", "gezondheid"),
        ("/pl/hulp/", "dzieci", "kinderen"),
        ("/pl/hulp/", "przemoc", "geweld"),
        ("/uk/hulp/", "мова", "taal"),
        ("/uk/hulp/", "діти", "kinderen"),
        ("/uk/hulp/", "житло", "wonen"),
        ("/ar/hulp/", "صحة", "gezondheid"),
    ],
)
def test_common_words_of_each_language_search_the_dutch_vocabulary(client, pad, woord, nederlands):
    from sociale_kaart import demo

    demo.load(stdout=StringIO())
    html = client.get(pad, {"q": woord}).content.decode()
    titels = re.findall(r'<h3 class="utrecht-heading-3 zk-resultaat__titel"><a[^>]*>(.*?)</a>', html, re.S)
    assert titels, f"{woord} ({nederlands}) finds nothing on {pad}"
