"""Indicators of a pillar or of the whole pact: dated, sourced values, a small
server-rendered chart with the same figures in a table, and a flag when the last
value is more than a year old. The coordinator keeps them in /beheer/."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401
from werkgroepen.models import Indicator, IndicatorWaarde

from . import factories as f

pytestmark = pytest.mark.django_db


def _indicator(*, pijler=None, waarden, **velden):
    indicator = Indicator.objects.create(
        pijler=pijler,
        naam=velden.pop("naam", "Kinderen die meedoen met sport"),
        eenheid=velden.pop("eenheid", "kinderen"),
        nulmeting=Decimal("120"),
        nulmeting_jaar=2023,
        streefwaarde=Decimal("300"),
        streefjaar=2028,
        **velden,
    )
    for datum, waarde, bron, link in waarden:
        IndicatorWaarde.objects.create(indicator=indicator, datum=datum, waarde=waarde, bron=bron, bron_link=link)
    return indicator


def test_pillar_page_shows_the_indicator_with_chart_table_and_sources(client):
    pijler = f.PijlerFactory(slug="meedoen", naam="Meedoen")
    vandaag = timezone.localdate()
    _indicator(
        pijler=pijler,
        waarden=[
            (date(2023, 1, 1), 120, "Jeugdfonds Sport & Cultuur", "https://jeugdfondssportencultuur.nl/"),
            (vandaag - timedelta(days=30), 210, "Eigen telling van de werkgroep", ""),
        ],
    )
    html = client.get("/pact/pijlers/meedoen/").content.decode()
    assert "Cijfers die wij volgen" in html and "Kinderen die meedoen met sport" in html
    assert "Begin: 120 kinderen (2023). Doel: 300 kinderen in 2028." in html
    assert '<svg viewBox="0 0 320 160" role="img"' in html and "<polyline points=" in html
    assert "De gestippelde lijn is het doel." in html
    bron = '<a class="utrecht-link" href="https://jeugdfondssportencultuur.nl/">Jeugdfonds Sport &amp; Cultuur</a>'
    assert bron in html
    rij = (
        '<td role="cell" data-label="Cijfer">210 kinderen</td>'
        '<td role="cell" data-label="Bron"><span>Eigen telling van de werkgroep</span></td>'
    )
    assert rij in html
    assert "<strong>Ouder dan een jaar.</strong>" not in html and "Voorbeeldcijfers" not in html
    # A pillar's indicator is not one of the whole pact.
    assert "Kinderen die meedoen met sport" not in client.get("/pact/").content.decode()


def test_a_last_value_more_than_a_year_old_is_flagged_on_the_pact_page(client):
    vandaag = timezone.localdate()
    oud = vandaag - timedelta(days=400)
    indicator = _indicator(
        naam="Huishoudens tot 120% van het sociaal minimum",
        eenheid="huishoudens",
        waarden=[(oud, 2040, "CBS", "")],
    )
    html = client.get("/pact/").content.decode()
    assert "Huishoudens tot 120% van het sociaal minimum" in html
    assert "<strong>Ouder dan een jaar.</strong>" in html
    assert "<svg" not in html.split("Huishoudens tot 120%")[1].split("</section>")[0]  # one value: a table, no line

    IndicatorWaarde.objects.create(indicator=indicator, datum=vandaag, waarde=2010, bron="CBS")
    html = client.get("/pact/").content.decode()
    assert "<strong>Ouder dan een jaar.</strong>" not in html and "Laatste cijfer: 2.010 huishoudens" in html


@pytest.mark.usefixtures("beheer_tweede_factor")
def test_the_coordinator_keeps_an_indicator_with_its_values_inline_in_beheer(admin_client, client):
    pijler = f.PijlerFactory(slug="preventie", naam="Preventie")
    assert admin_client.get("/beheer/werkgroepen/indicator/add/").status_code == 200
    response = admin_client.post(
        "/beheer/werkgroepen/indicator/add/",
        {
            "pijler": pijler.pk,
            "naam": "Huishoudens met hulp bij schulden",
            "eenheid": "huishoudens",
            "omschrijving": "",
            "nulmeting": "80",
            "nulmeting_jaar": "2024",
            "streefwaarde": "150",
            "streefjaar": "2027",
            "volgorde": "0",
            "waarden-TOTAL_FORMS": "2",
            "waarden-INITIAL_FORMS": "0",
            "waarden-MIN_NUM_FORMS": "0",
            "waarden-MAX_NUM_FORMS": "1000",
            "waarden-0-datum": "2024-01-01",
            "waarden-0-waarde": "80",
            "waarden-0-bron": "Schuldhulpverlening gemeente",
            "waarden-0-bron_link": "",
            "waarden-1-datum": timezone.localdate().isoformat(),
            "waarden-1-waarde": "110",
            "waarden-1-bron": "Schuldhulpverlening gemeente",
            "waarden-1-bron_link": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(IndicatorWaarde.objects.values_list("waarde", flat=True)) == [80, 110]
    html = client.get("/pact/pijlers/preventie/").content.decode()
    assert "Huishoudens met hulp bij schulden" in html and "Laatste cijfer: 110 huishoudens" in html


def test_the_demo_has_one_sourced_indicator_marked_as_demo(client, demo):
    html = client.get("/pact/").content.decode()
    assert "Huishoudens met een inkomen tot 120% van het sociaal minimum" in html
    assert "<strong>Voorbeeldcijfers (demo).</strong>" in html
    assert 'href="https://www.cbs.nl/nl-nl/reeksen/armoede-en-sociale-uitsluiting">CBS' in html
