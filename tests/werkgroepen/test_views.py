import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from werkgroepen import services
from werkgroepen.models import Aansluitverzoek, AgendaRonde, Bijeenkomst

from . import factories as f

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("url", "tekst"),
    [
        ("/pact/", "Het Armoedepact"),
        ("/pact/pijlers/netwerk/", "Een Sociale Kaart maken"),
        ("/pact/pijlers/meedoen/", "Fatima el Amrani"),
        ("/pact/partners/", "Humanitas Westerkwartier"),
        ("/pact/bijeenkomsten/", "Pactbijeenkomst: samen tegen armoede"),
        ("/pact/agenda/", "Lokale Sociale Agenda"),
        ("/pact/aansluiten/", "Aansluiten bij het pact"),
    ],
)
def test_public_pages_render(client, demo, url, tekst, django_assert_max_num_queries):
    # A bounded number, whatever the number of pillars: /pact/ adds the pact's
    # settings, goals and the groups of the whole pact (issue 19).
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert tekst in html
    assert html.count("<h1") == 1
    assert "css/werkgroepen.css" in html


def test_pact_page_shows_pillars_meetings_partners_and_agenda(client, demo):
    html = client.get("/pact/").content.decode()
    for pijler in ["Netwerk", "Preventie", "Meedoen (met name jeugd)", "Gezondheid"]:
        assert pijler in html
    assert 'Ambassadeur: Anja de Vries <span class="wg-heel" dir="auto">(Sociaal Werk De Schans)</span>' in html
    assert "Dorpshuis De Schans, Schoolstraat 3, Leek" in html
    assert "Stichting Leergeld Westerkwartier" in html
    assert f"Lokale Sociale Agenda {timezone.localdate().year}" in html
    assert "De eerste 40 organisaties" in html  # latest progress update


def test_pillar_page_shows_status_trekker_and_progress(client, demo):
    html = client.get("/pact/pijlers/netwerk/").content.decode()
    assert "wg-status--bezig" in html and "Trekker: Gemeente Westerkwartier" in html
    assert "De eerste 40 organisaties staan op de sociale kaart" in html
    assert client.get("/pact/pijlers/bestaat-niet/").status_code == 404


def test_past_meeting_shows_report_and_future_meeting_has_ics_link(client, demo):
    verleden = Bijeenkomst.objects.get(titel__startswith="Pactbijeenkomst: terugblik")
    html = client.get(f"/pact/bijeenkomsten/{verleden.pk}/").content.decode()
    assert "Verslag" in html and "Er waren 28 mensen" in html
    toekomst = Bijeenkomst.objects.get(titel="Pactbijeenkomst: samen tegen armoede")
    html = client.get(f"/pact/bijeenkomsten/{toekomst.pk}/").content.decode()
    assert f"/pact/bijeenkomsten/{toekomst.pk}.ics" in html
    assert "19:30" in html and "21:30" in html


def test_private_meeting_is_not_public(client):
    b = f.BijeenkomstFactory(openbaar=False)
    assert client.get(f"/pact/bijeenkomsten/{b.pk}/").status_code == 404
    assert client.get(f"/pact/bijeenkomsten/{b.pk}.ics").status_code == 404
    assert b.titel not in client.get("/pact/bijeenkomsten/").content.decode()


def test_ics_feed_holds_upcoming_public_meetings_in_amsterdam_time(client):
    winter = f.BijeenkomstFactory(
        titel="Winter",
        start=datetime(2099, 1, 15, 19, 30, tzinfo=AMSTERDAM),
        eind=datetime(2099, 1, 15, 21, 0, tzinfo=AMSTERDAM),
    )
    zomer = f.BijeenkomstFactory(
        titel="Zomer",
        start=datetime(2099, 7, 1, 14, 0, tzinfo=AMSTERDAM),
        eind=datetime(2099, 7, 1, 16, 0, tzinfo=AMSTERDAM),
    )
    f.BijeenkomstFactory(titel="Geweest", dagen=-30)
    f.BijeenkomstFactory(titel="Besloten", openbaar=False)

    response = client.get("/pact/bijeenkomsten.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    kalender = icalendar.Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in kalender.walk("VEVENT")}
    assert set(events) == {"Winter", "Zomer"}
    assert kalender.walk("VTIMEZONE")[0]["TZID"] == "Europe/Amsterdam"

    start = events["Winter"].decoded("DTSTART")
    assert start == winter.start and (start.hour, start.minute) == (19, 30)
    assert start.utcoffset() == timedelta(hours=1)
    zomer_start = events["Zomer"].decoded("DTSTART")
    assert zomer_start == zomer.start and zomer_start.hour == 14 and zomer_start.utcoffset() == timedelta(hours=2)
    assert events["Zomer"].decoded("DTEND") == zomer.eind
    assert "Dorpshuis" in str(events["Zomer"]["LOCATION"])


def test_ics_per_meeting(client):
    b = f.BijeenkomstFactory(titel="Eén bijeenkomst")
    response = client.get(f"/pact/bijeenkomsten/{b.pk}.ics")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Eén bijeenkomst"]
    assert events[0].decoded("DTSTART") == b.start.replace(microsecond=0)


def test_agenda_page_and_pdf_grouped_by_pillar(client, demo):
    jaar = timezone.localdate().year
    html = client.get(f"/pact/agenda/{jaar}/").content.decode()
    assert "Wij betalen voor 300 kinderen" in html
    assert (
        html.index('id="pijler-preventie"')
        < html.index("Twintig nieuwe vrijwilligers")
        < html.index('id="pijler-meedoen"')
    )

    response = client.get(f"/pact/agenda/{jaar}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    tekst = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert f"Lokale Sociale Agenda {jaar}" in tekst
    assert "Voedselbank Westerkwartier" in tekst and "kookworkshops" in tekst
    from tests.common.pdf_structuur import structuur_soorten

    assert "/H1" in structuur_soorten(response.content)  # tagged for screen readers
    assert client.get("/pact/agenda/1999/").status_code == 404
    assert client.get("/pact/agenda/1999.pdf").status_code == 404


GELDIG = {
    "organisatie_naam": "Buurtvereniging De Linde",
    "contactpersoon": "Joke Post",
    "email": "joke@delinde.nl",
    "wat_doet_u": "Wij organiseren activiteiten in het dorp.",
    "bijdrage": "Ons dorpshuis voor een bijeenkomst.",
    "website_adres": "",
}


def test_apply_to_join(client):
    response = client.post("/pact/aansluiten/", GELDIG)
    assert response.status_code == 302 and response["Location"] == reverse("werkgroepen:aansluiten_bedankt")
    verzoek = Aansluitverzoek.objects.get()
    assert verzoek.organisatie_naam == "Buurtvereniging De Linde" and verzoek.afzender_hash
    assert "Dank u wel" in client.get(response["Location"]).content.decode()


def test_apply_errors_are_dutch_and_save_nothing(client):
    response = client.post("/pact/aansluiten/", {**GELDIG, "email": "geen-adres", "organisatie_naam": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout: Aansluiten" in html and "Er is een probleem" in html
    assert "Vul de naam van uw organisatie in." in html
    assert "Vul een e-mailadres in zoals naam@organisatie.nl." in html
    assert 'href="#id_email"' in html
    assert not Aansluitverzoek.objects.exists()


def test_honeypot_pretends_success_but_saves_nothing(client):
    response = client.post("/pact/aansluiten/", {**GELDIG, "website_adres": "http://spam.example"})
    assert response.status_code == 302
    assert not Aansluitverzoek.objects.exists()
    html = client.get("/pact/aansluiten/").content.decode()
    assert 'class="wg-honeypot"' in html


def test_duplicate_application_gets_clear_message(client):
    client.post("/pact/aansluiten/", GELDIG)
    response = client.post("/pact/aansluiten/", {**GELDIG, "contactpersoon": "Iemand anders"})
    assert response.status_code == 200
    assert "Wij hebben al een aanvraag van deze organisatie" in response.content.decode()
    assert Aansluitverzoek.objects.count() == 1


def test_rate_limit_message(client):
    for i in range(services.AANSLUITEN_PER_UUR):
        client.post("/pact/aansluiten/", {**GELDIG, "organisatie_naam": f"Org {i}", "email": f"a@org{i}.nl"})
    response = client.post("/pact/aansluiten/", {**GELDIG, "organisatie_naam": "Nog een", "email": "x@nogeen.nl"})
    assert response.status_code == 200
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Aansluitverzoek.objects.count() == services.AANSLUITEN_PER_UUR


def test_demo_is_idempotent(demo):
    from io import StringIO

    from werkgroepen.models import Actiepunt, AgendaBijdrage

    tellingen = (Actiepunt.objects.count(), Bijeenkomst.objects.count(), AgendaBijdrage.objects.count())
    demo.load(stdout=StringIO())
    assert (Actiepunt.objects.count(), Bijeenkomst.objects.count(), AgendaBijdrage.objects.count()) == tellingen
    assert AgendaRonde.objects.get().status == "open"
    assert tellingen[0] == 15


def test_pact_content_is_marked_dutch_on_english_pages(client, demo):
    """Goals and action points without a translation are written in Dutch by the pact: a
    screen reader on /en/ must read them as Dutch, and the reader sees a note."""
    from werkgroepen.models import Actiepunt, Pijler

    pijler = Pijler.objects.get(slug="netwerk")
    pijler.vertalingen = {}
    pijler.save()
    actiepunt = Actiepunt.objects.filter(pijler=pijler).first()
    html = client.get("/en/pact/").content.decode()
    assert f'<span lang="nl" dir="ltr">{pijler.naam}</span>' in html

    html = client.get("/en/pact/pijlers/netwerk/").content.decode()
    assert f'<span lang="nl" dir="ltr">{pijler.naam}</span></h1>' in html
    assert "data-alleen-nl" in html
    assert f'<span lang="nl" dir="ltr">{actiepunt.titel}</span>' in html

    # The Dutch page needs no marking and no note.
    html = client.get("/pact/pijlers/netwerk/").content.decode()
    assert '<span lang="nl"' not in html
    assert "data-alleen-nl" not in html


def test_pact_page_headings_follow_the_language(client, demo):
    html = client.get("/en/pact/").content.decode()
    assert "<title>About the pact" in html
    for kop in ("Our goal", "Next meetings", "Partners of the pact", "Does your organisation want to join?"):
        assert kop in html
    assert "Volgende bijeenkomsten" not in html
    assert "هدفنا" in client.get("/ar/pact/").content.decode()


def test_pact_content_with_a_translation_shows_in_the_page_language(client, demo):
    """The demo pillars have English and Arabic names; the coordinator can translate
    goals, action points, meetings and the pact's word for its parts (Pact.vertalingen)."""
    from werkgroepen.models import Actiepunt, Pact

    html = client.get("/en/pact/pijlers/netwerk/").content.decode()
    assert "<title>Pillar Network" in html  # the browser tab is in English too
    assert "Pillar: Network</h1>" in html
    assert '<p class="utrecht-paragraph lead">Knowing each other and being known</p>' in html
    assert "الشبكة</h1>" in client.get("/ar/pact/pijlers/netwerk/").content.decode()
    assert "Netwerk</h1>" in client.get("/pact/pijlers/netwerk/").content.decode()

    actiepunt = Actiepunt.objects.filter(pijler__slug="netwerk").first()
    actiepunt.vertalingen = {"en": {"titel": "Make a social map", "omschrijving": "All help on one website."}}
    actiepunt.save()
    html = client.get("/en/pact/pijlers/netwerk/").content.decode()
    assert "Make a social map" in html and "All help on one website." in html
    assert actiepunt.titel not in html

    # A pact that calls its parts "paden": the coordinator's translation, else the Dutch word.
    pact = Pact.objects.get()
    pact.niveau_enkelvoud, pact.niveau_meervoud = "pad", "paden"
    pact.save()
    assert "Pad: Network</h1>" in client.get("/en/pact/pijlers/netwerk/").content.decode()
    pact.vertalingen = {"en": {"niveau_enkelvoud": "path", "niveau_meervoud": "paths"}}
    pact.save()
    assert "Path: Network</h1>" in client.get("/en/pact/pijlers/netwerk/").content.decode()
    assert "4 paths</h2>" in client.get("/en/pact/").content.decode()


def test_ics_in_another_language(client):
    vertaald = f.BijeenkomstFactory(titel="Pactbijeenkomst", vertalingen={"en": {"titel": "Pact meeting"}})
    nederlands = f.BijeenkomstFactory(titel="Werkgroep Netwerk", agenda="Welkom")
    kalender = icalendar.Calendar.from_ical(client.get("/en/pact/bijeenkomsten.ics").content)
    assert str(kalender["X-WR-CALNAME"]) == "Meetings of the pact"
    events = {e["UID"].split("@")[0]: e for e in kalender.walk("VEVENT")}
    samenvatting = events[f"bijeenkomst-{vertaald.pk}"]["SUMMARY"]
    assert (str(samenvatting), samenvatting.params["LANGUAGE"]) == ("Pact meeting", "en")
    assert str(events[f"bijeenkomst-{vertaald.pk}"]["URL"]).endswith(f"/en/pact/bijeenkomsten/{vertaald.pk}/")
    samenvatting = events[f"bijeenkomst-{nederlands.pk}"]["SUMMARY"]
    assert (str(samenvatting), samenvatting.params["LANGUAGE"]) == ("Werkgroep Netwerk", "nl")

    kalender = icalendar.Calendar.from_ical(client.get(f"/pact/bijeenkomsten/{vertaald.pk}.ics").content)
    assert [str(e["SUMMARY"]) for e in kalender.walk("VEVENT")] == ["Pactbijeenkomst"]
    assert str(kalender["X-WR-CALNAME"]) == "Pactbijeenkomst"
