""" "Wat als...": living together, a child growing older, reaching the AOW-leeftijd.
Each page shows the total now (the same as the result page) and after, and what
stops and what starts; what the resident types there is never stored."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regelingen import check
from regelingen.voorbeeld import ALLEENSTAANDE_OUDER

from .test_check_views import _request_met, doorloop


def _totaal(html: str, blok: str) -> str:
    return re.search(rf'id="{blok}".*?data-totaal="([\d.]+)"', html, re.S).group(1)


def _tabel(html: str) -> str:
    begin = html.index('id="tabel-verandering"')
    return html[begin : html.index("</table>", begin)]


@pytest.fixture
def uitslag(client, demo_data):
    doorloop(client)
    return client.get("/check/uitslag/").content.decode()


@pytest.mark.parametrize("soort", ["samenwonen", "kind", "aow"])
def test_each_page_starts_from_the_total_of_the_result_page(client, uitslag, soort):
    assert f'href="/check/wat-als/{soort}/"' in uitslag
    html = client.get(f"/check/wat-als/{soort}/").content.decode()
    assert _totaal(html, "totaal-nu") == _totaal(uitslag, "totaal-nu")
    assert "Daarna" in html and "Samen per jaar" in html


def test_living_together_with_a_partner_who_earns_stops_the_income_tested_help(client, uitslag):
    html = client.post("/check/wat-als/samenwonen/", {"leeftijd_partner": "36", "inkomen_partner": "1200"})
    html = html.content.decode()
    tabel = _tabel(html)
    assert "Kindpakket" in tabel and "Stopt." in tabel and "U mist ongeveer € 500,00 per jaar." in tabel
    assert "U heeft dan ongeveer" in html  # the partner's income outweighs what stops
    # Income after: 1650 + 1200 a month.
    assert "€ 2.850,00 per maand" in html


def test_living_together_with_a_partner_without_income_changes_the_norm(client, uitslag):
    html = client.post("/check/wat-als/samenwonen/", {"leeftijd_partner": "36", "inkomen_partner": "0"})
    html = html.content.decode()
    assert _totaal(html, "totaal-nu") == _totaal(uitslag, "totaal-nu")
    assert "€ 1.650,00 per maand" in re.search(r'id="totaal-na".*?</dl>', html, re.S).group(0)


def test_a_child_turning_eighteen_stops_kinderbijslag_for_that_child(client, uitslag):
    html = client.get("/check/wat-als/kind/").content.decode()
    keuzes = re.findall(r'value="(\d+-\d+)"', html)
    assert "1-18" in keuzes  # the child of 12 turning 18
    html = client.post("/check/wat-als/kind/", {"keuze": "1-18"}).content.decode()
    assert "Mijn kind van 12 wordt 18 jaar" in html
    nu, na = _totaal(html, "totaal-nu"), _totaal(html, "totaal-na")
    assert float(na) < float(nu)


def test_reaching_the_aow_age_is_shown_with_the_new_income(client, uitslag):
    html = client.post("/check/wat-als/aow/", {"inkomen": "1500"}).content.decode()
    assert "€ 1.500,00 per maand" in re.search(r'id="totaal-na".*?</dl>', html, re.S).group(0)
    assert "Wat stopt en wat begint?" in html


def test_bad_input_gets_a_clear_message_and_changes_nothing(client, uitslag):
    voor = check.antwoorden(_request_met(client))[0]
    response = client.post("/check/wat-als/samenwonen/", {"leeftijd_partner": "oud", "inkomen_partner": "veel"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fout: " in html and "Er is een probleem" in html
    assert "Vul de leeftijd van uw partner in als een getal." in html
    assert check.antwoorden(_request_met(client))[0] == voor  # nothing typed here is kept


def test_what_is_typed_is_not_stored(client, uitslag):
    voor = check.antwoorden(_request_met(client))[0]
    client.post("/check/wat-als/samenwonen/", {"leeftijd_partner": "36", "inkomen_partner": "1234"})
    client.post("/check/wat-als/aow/", {"inkomen": "1777"})
    na = check.antwoorden(_request_met(client))[0]
    assert na == voor and "1234" not in str(na) and "1777" not in str(na)


def test_a_page_that_does_not_apply_says_so(client, demo_data):
    stappen = [
        (stap, {"partner": "ja"} if stap == "samenwonen" else data)
        for stap, data in ALLEENSTAANDE_OUDER
        if stap != "leeftijd"
    ]
    stappen.insert(3, ("leeftijd", {"leeftijd": "35", "leeftijd_partner": "36"}))
    doorloop(client, stappen)
    html = client.get("/check/wat-als/samenwonen/").content.decode()
    assert "U woont al samen met een partner." in html
    assert 'href="/check/wat-als/samenwonen/"' not in client.get("/check/uitslag/").content.decode()


def test_an_unknown_scenario_is_not_found(client, uitslag):
    assert client.get("/check/wat-als/loterij/").status_code == 404


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    soort=st.sampled_from(["samenwonen", "kind", "aow"]),
    data=st.dictionaries(
        st.sampled_from(["leeftijd_partner", "inkomen_partner", "keuze", "inkomen"]), st.text(max_size=30)
    ),
)
def test_no_input_gives_a_server_error(client, uitslag, soort, data):
    data = {k: v.replace("\x00", "") for k, v in data.items()}
    assert client.post(f"/check/wat-als/{soort}/", data).status_code == 200


def test_the_pages_speak_the_residents_language(client, demo_data):
    for stap, data in ALLEENSTAANDE_OUDER:
        client.post(f"/en/check/{stap}/", data)
    client.post("/en/check/controleren/")
    html = client.get("/en/check/wat-als/samenwonen/").content.decode()
    assert "What if we move in together?" in html and "Together per year" in html
    assert "What stops and what starts?" in html and "How old is your new partner?" in html
