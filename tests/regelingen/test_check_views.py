"""The resident's check over HTTP: the flow, bad input, privacy, counters, query counts."""

import logging
import time

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelingen import check
from regelingen.models import CheckTelling, Regeling
from regelingen.voorbeeld import ALLEENSTAANDE_OUDER


def _request_met(client):
    from django.test import RequestFactory

    request = RequestFactory().get("/check/")
    request.COOKIES = {naam: morsel.value for naam, morsel in client.cookies.items()}
    return request


def doorloop(client, stappen=ALLEENSTAANDE_OUDER, *, tot_uitslag=True):
    for stap, data in stappen:
        response = client.post(f"/check/{stap}/", data)
        assert response.status_code == 302, (stap, response.content.decode()[:2000])
    if tot_uitslag:
        response = client.post("/check/controleren/")
        assert response["Location"] == "/check/uitslag/"


def test_start_page_explains_the_check(client, demo_data):
    html = client.get("/check/").content.decode()
    assert "3 minuten" in html and "Wat er met uw antwoorden gebeurt" in html and "indicatie" in html
    assert 'href="/check/woonplaats/"' in html
    assert "Stoppen en alles wissen" in html


def test_question_page_follows_the_pattern(client, demo_data):
    html = client.get("/check/woonplaats/").content.decode()
    assert "Vraag 1 van 11" in html
    assert "<title>Vraag 1 van 11: Woont u in de gemeente Westerkwartier?" in html
    assert '<h1 class="utrecht-heading-1">Woont u in de gemeente Westerkwartier?</h1>' in html
    assert 'class="back-link' in html and "novalidate" in html and "Stoppen en alles wissen" in html


def test_whole_journey_gives_the_three_groups(client, demo_data):
    doorloop(client)
    html = client.get("/check/uitslag/").content.decode()
    assert "Hier heeft u waarschijnlijk recht op" in html
    assert "Misschien: kijk of vraag het na" in html
    assert "Waarschijnlijk niet" in html
    assert "Kindpakket" in html and "€ 500,00" in html
    assert "Uw inkomen is € 1.650,00 per maand. De grens voor u is € 1.730,86." in html
    assert "(voorbeeld)" in html
    assert "/organisatie/sociaal-werk-de-schans/" in html
    assert "De gemeente beslist" in html and "0594" in html
    assert "Energietoeslag" not in html


def test_result_page_runs_at_most_9_queries(client, demo_data, django_assert_max_num_queries):
    # regelingen (3), norms (3), the check's session row, the toeslag helpers, the toeslag parameters.
    doorloop(client)
    with django_assert_max_num_queries(9):
        response = client.get("/check/uitslag/")
    assert response.status_code == 200


def test_step_opened_directly_goes_to_the_first_open_question(client, demo_data):
    assert client.get("/check/inkomen/")["Location"] == "/check/woonplaats/"
    client.post("/check/woonplaats/", {"woont_in_gemeente": "ja"})
    assert client.get("/check/studie/")["Location"] == "/check/ontvangt/"
    assert client.get("/check/uitslag/")["Location"] == "/check/ontvangt/"
    assert client.get("/check/controleren/")["Location"] == "/check/ontvangt/"
    assert client.get("/check/bestaat-niet/")["Location"] == "/check/ontvangt/"


def test_questions_that_cannot_change_anything_are_skipped(client, demo_data):
    Regeling.objects.update(min_jaren_laag_inkomen=None, niet_voor_studenten=False)
    html = client.get("/check/woonplaats/").content.decode()
    assert "Vraag 1 van 9" in html
    doorloop(client, ALLEENSTAANDE_OUDER[:8], tot_uitslag=False)
    response = client.get("/check/laag-inkomen/")
    assert response["Location"] == "/check/vaste-lasten/"  # for the Voedselbank's leefgeld test


def test_no_children_skips_their_ages(client, demo_data):
    client.post("/check/woonplaats/", {"woont_in_gemeente": "ja"})
    client.post("/check/ontvangt/", {})
    client.post("/check/samenwonen/", {"partner": "nee"})
    client.post("/check/leeftijd/", {"leeftijd": "40"})
    response = client.post("/check/kinderen/", {"heeft_kinderen": "nee"})
    assert response["Location"] == "/check/inkomen/"
    assert "Vraag 6 van 11" in client.get("/check/inkomen/").content.decode()


def test_change_links_come_back_to_check_answers(client, demo_data):
    doorloop(client, tot_uitslag=False)
    html = client.get("/check/controleren/").content.decode()
    assert 'href="/check/inkomen/?wijzigen=1"' in html
    response = client.post("/check/inkomen/?wijzigen=1", {"netto_inkomen": "1700"})
    assert response["Location"] == "/check/controleren/"
    assert "€ 1.700,00 per maand" in client.get("/check/controleren/").content.decode()
    # Saying yes to a partner asks the partner's age first, then returns.
    response = client.post("/check/samenwonen/?wijzigen=1", {"partner": "ja"})
    assert response["Location"] == "/check/leeftijd/?wijzigen=1"
    response = client.post("/check/leeftijd/?wijzigen=1", {"leeftijd": "35", "leeftijd_partner": "36"})
    assert response["Location"] == "/check/controleren/"


@pytest.mark.parametrize(
    ("stap", "voorbereiding", "data", "melding"),
    [
        ("inkomen", 6, {"netto_inkomen": "veel"}, "Vul uw inkomen in als een bedrag, bijvoorbeeld 1250."),
        ("inkomen", 6, {"netto_inkomen": "-100"}, "Een bedrag kan niet lager zijn dan 0."),
        ("inkomen", 6, {"netto_inkomen": "1000001"}, "Dit bedrag is te hoog."),
        ("inkomen", 6, {"netto_inkomen": ""}, "Vul uw inkomen in als een bedrag, bijvoorbeeld 1250."),
        ("leeftijd-kinderen", 5, {"leeftijden": "7, 18"}, "Vul alleen kinderen in die jonger zijn dan 18 jaar."),
        ("leeftijd-kinderen", 5, {"leeftijden": "zeven"}, "Vul de leeftijden in als getallen"),
        ("leeftijd", 3, {"leeftijd": "15"}, "Dat is een getal van 16 tot en met 120."),
        ("leeftijd", 3, {"leeftijd": "121"}, "Dat is een getal van 16 tot en met 120."),
        ("leeftijd", 3, {"leeftijd": "oud"}, "Vul uw leeftijd in als een getal."),
        ("woonplaats", 0, {}, "Kies ja of nee."),
        ("woonplaats", 0, {"woont_in_gemeente": "misschien"}, "Kies ja of nee."),
        ("spaargeld", 7, {"vermogen": ""}, "Weet u het niet? Kies &#x27;Ik weet het niet&#x27;."),
        ("spaargeld", 7, {"vermogen": "-5"}, "Een bedrag kan niet lager zijn dan 0."),
        ("laag-inkomen", 8, {"jaren_laag_inkomen": "drie"}, "Vul het aantal jaren in als een getal"),
    ],
)
def test_bad_input_gets_a_clear_message_on_the_same_page(client, demo_data, stap, voorbereiding, data, melding):
    doorloop(client, ALLEENSTAANDE_OUDER[:voorbereiding], tot_uitslag=False)
    response = client.post(f"/check/{stap}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert melding in html
    assert "<title>Fout: " in html and "Er is een probleem" in html


def test_partner_age_missing_is_an_error(client, demo_data):
    doorloop(
        client,
        [("woonplaats", {"woont_in_gemeente": "ja"}), ("ontvangt", {}), ("samenwonen", {"partner": "ja"})],
        tot_uitslag=False,
    )
    response = client.post("/check/leeftijd/", {"leeftijd": "35"})
    assert response.status_code == 200
    assert "Vul de leeftijd van uw partner in." in response.content.decode()


def test_income_in_dutch_notation_is_understood(client, demo_data):
    doorloop(client, ALLEENSTAANDE_OUDER[:6], tot_uitslag=False)
    client.post("/check/inkomen/", {"netto_inkomen": "€ 1.234,56"})
    assert check.antwoorden(_request_met(client))[0]["netto_inkomen"] == "1234.56"


def test_stoppen_wipes_everything(client, demo_data):
    doorloop(client)
    response = client.post("/check/stoppen/", follow=True)
    assert "Uw antwoorden zijn gewist." in response.content.decode()
    assert not client.cookies[check.COOKIE_NAAM].value
    assert client.get("/check/uitslag/")["Location"] == "/check/"
    assert client.get("/check/stoppen/").status_code == 405


def test_answers_expire_after_30_minutes_idle(client, demo_data, monkeypatch):
    doorloop(client)
    nu = time.time()
    monkeypatch.setattr(check.time, "time", lambda: nu + 31 * 60)
    response = client.get("/check/uitslag/", follow=True)
    assert "langer dan 30 minuten geen vraag beantwoord" in response.content.decode()
    assert not client.cookies[check.COOKIE_NAAM].value


def test_tampered_session_cookie_starts_over(client, demo_data):
    doorloop(client)
    client.cookies[check.COOKIE_NAAM] = client.cookies[check.COOKIE_NAAM].value[:-3] + "abc"
    assert client.get("/check/uitslag/")["Location"] == "/check/"
    assert client.get("/check/inkomen/")["Location"] == "/check/woonplaats/"


def test_inconsistent_answers_in_session_start_over(client, demo_data):
    from common import versleuteling
    from regelingen.models import CheckSessie

    doorloop(client)
    velden = ("woont_in_gemeente", "partner", "leeftijd", "heeft_kinderen", "netto_inkomen", "student")
    sessie_id = CheckSessie.objects.get().id
    client.cookies[check.COOKIE_NAAM] = versleuteling.versleutelen(
        {"i": sessie_id, "a": dict.fromkeys(velden, "x"), "g": True}, doel=check.COOKIE_NAAM
    )
    response = client.get("/check/uitslag/", follow=True)
    assert response.redirect_chain[-1][0] == "/check/"
    assert "konden uw antwoorden niet goed lezen" in response.content.decode()
    assert not client.cookies[check.COOKIE_NAAM].value
    assert not CheckSessie.objects.exists()


def test_counters_count_each_completed_check_once(client, demo_data):
    doorloop(client)
    client.post("/check/controleren/")
    client.get("/check/uitslag/")
    kindpakket = CheckTelling.objects.get(regeling__slug="kindpakket")
    assert (kindpakket.ja, kindpakket.misschien, kindpakket.nee) == (1, 0, 0)
    assert CheckTelling.objects.get(regeling__slug="bijzondere-bijstand").misschien == 1
    assert not CheckTelling.objects.filter(regeling__slug="energietoeslag-2022").exists()
    assert CheckTelling.objects.count() == 11  # every active regeling, the Voedselbank too


def _alle_tabellen_als_tekst() -> str:
    stukken = []
    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names():
            cursor.execute(f'SELECT t::text FROM "{tabel}" t')  # noqa: S608 (table names from introspection)
            stukken.extend(row[0] for row in cursor.fetchall())
    return "\n".join(stukken)


def test_privacy_the_income_reaches_no_table_and_no_log(client, demo_data, caplog):
    caplog.set_level(logging.DEBUG)
    stappen = [s if s[0] != "inkomen" else ("inkomen", {"netto_inkomen": "1234.56"}) for s in ALLEENSTAANDE_OUDER]
    doorloop(client, stappen)
    html = client.get("/check/uitslag/").content.decode()
    assert "€ 1.234,56" in html  # the check did use it
    client.get("/check/meer-verdienen/")
    client.get("/check/uitslag/pdf/")
    assert CheckTelling.objects.exists()
    tekst = _alle_tabellen_als_tekst()
    assert tekst  # the scan did read rows
    for vorm in ("1234.56", "1234,56", "1.234,56", "123456"):
        assert vorm not in tekst
    for record in caplog.records:
        regel = record.getMessage() + repr(record.args) + repr(getattr(record, "request", ""))
        assert "1234.56" not in regel and "1.234,56" not in regel


def test_pdf_is_made_on_the_fly(client, demo_data):
    doorloop(client)
    response = client.get("/check/uitslag/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    from io import BytesIO

    from pypdf import PdfReader

    tekst = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Kindpakket" in tekst and "Participatiefonds" in tekst
    from tests.common.pdf_structuur import structuur_soorten

    assert "/H1" in structuur_soorten(response.content)  # tagged for screen readers
    assert "De gemeente beslist" in tekst


def test_armoedeval_shows_where_regelingen_stop(client, demo_data):
    doorloop(client)
    html = client.get("/check/meer-verdienen/").content.decode()
    assert "Wat als ik meer ga verdienen?" in html
    assert "<svg" in html and 'role="img"' in html and "<desc" in html
    assert "€ 1.730,86 per maand" in html
    assert "<table" in html and "€ 1.730,87" in html


def test_check_without_regelingen_says_so_kindly(client, db):
    response = client.get("/check/woonplaats/")
    assert response.status_code == 503
    assert "werkt nu even niet" in response.content.decode()


STAP_VELDEN = {
    "woonplaats": ["woont_in_gemeente"],
    "samenwonen": ["partner"],
    "leeftijd": ["leeftijd", "leeftijd_partner"],
    "kinderen": ["heeft_kinderen"],
    "leeftijd-kinderen": ["leeftijden"],
    "inkomen": ["netto_inkomen"],
    "spaargeld": ["vermogen", "weet_niet"],
    "laag-inkomen": ["jaren_laag_inkomen", "weet_niet"],
    "studie": ["student"],
}
tekst = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["ja", "nee", "on", "0", "-1", "17", "18", "1e9", "1.250,50", "NaN", "∞", "١٢", "12,5,3", "\x00"]),
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(stap=st.sampled_from(list(STAP_VELDEN)), waarden=st.lists(tekst, min_size=2, max_size=2))
def test_random_form_input_never_gives_a_server_error(client, demo_data, stap, waarden):
    doorloop(client, ALLEENSTAANDE_OUDER, tot_uitslag=False)
    data = {veld: waarde.replace("\x00", "") for veld, waarde in zip(STAP_VELDEN[stap], waarden, strict=False)}
    response = client.post(f"/check/{stap}/", data)
    assert response.status_code in (200, 302)
    assert client.get("/check/controleren/").status_code in (200, 302)


def test_check_without_regelingen_says_so_in_english_too(client, db):
    response = client.get("/en/check/woonplaats/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "The check is not working right now" in html and "werkt" not in html
