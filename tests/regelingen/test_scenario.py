"""The total per year (income + regelingen + national estimates), the same on the
result page and on "Wat als ik meer ga verdienen?", and the cliffs (armoedeval)."""

import re
from decimal import Decimal

from regelingen import scenario
from regelingen.models import Regeling
from regelingen.voorbeeld import ALLEENSTAANDE_OUDER
from tests.regelingen.test_check_views import doorloop


def _totaal(html: str, id_: str) -> str:
    blok = html[html.index(f'id="{id_}"') :]
    return re.search(r'data-totaal="([^"]+)"', blok).group(1)


def test_result_page_and_scenario_page_show_the_same_total(client, demo_data):
    doorloop(client)
    uitslag = client.get("/check/uitslag/").content.decode()
    meer = client.get("/check/meer-verdienen/").content.decode()
    assert _totaal(uitslag, "totaal-nu") == _totaal(meer, "totaal-nu")
    # 1650 * 12 = 19800; local "ja" amounts 199 + 446 + 500 + 400 = 1545; zorgtoeslag 12 * 129 = 1548;
    # kinderbijslag (358.30 + 421.53) * 4 = 3119.32. Zonnecarport (misschien, 100) does not count.
    assert Decimal(_totaal(uitslag, "totaal-nu")) == Decimal("19800") + Decimal("1545") + Decimal("1548") + Decimal(
        "3119.32"
    )
    assert "Misschien krijgt u nog € 100,00 per jaar meer" in uitslag


def test_same_total_for_another_household_too(client, demo_data):
    stappen = [s if s[0] != "inkomen" else ("inkomen", {"netto_inkomen": "1234,56"}) for s in ALLEENSTAANDE_OUDER]
    doorloop(client, stappen)
    uitslag = client.get("/check/uitslag/").content.decode()
    meer = client.get("/check/meer-verdienen/").content.decode()
    assert _totaal(uitslag, "totaal-nu") == _totaal(meer, "totaal-nu")


def test_scenario_shows_now_and_after_with_the_cliff(client, demo_data):
    doorloop(client)
    html = client.get("/check/meer-verdienen/").content.decode()
    # Without an answer "after" is just past the first cliff: 1730.86 (130% for a single parent) + 1 cent.
    assert 'id="totaal-na"' in html and "€ 1.730,87 per maand" in html
    nu, na = Decimal(_totaal(html, "totaal-nu")), Decimal(_totaal(html, "totaal-na"))
    # 80.87 more a month (970.44 a year) but the local regelingen (1545) stop: a loss.
    assert na == nu + Decimal("970.44") - Decimal("1545")
    assert "u gaat er € 574,56 per jaar op achteruit" in html.replace("<strong>Let op: ", "").lower()
    assert 'class="grafiek__klif"' in html  # the cliff is marked in the chart
    assert "€ 1.730,86 per maand" in html  # and named in the table


def test_the_resident_can_type_the_new_income(client, demo_data):
    doorloop(client)
    html = client.post("/check/meer-verdienen/", {"nieuw_inkomen": "1700 euro"}).content.decode()
    nu, na = Decimal(_totaal(html, "totaal-nu")), Decimal(_totaal(html, "totaal-na"))
    assert na == nu + Decimal(50 * 12)  # below every limit: 50 a month more is 600 a year more
    fout = client.post("/check/meer-verdienen/", {"nieuw_inkomen": "veel"}).content.decode()
    assert "Vul het nieuwe inkomen in als een bedrag" in fout


def test_no_flat_chart_when_no_regeling_depends_on_income(client, demo_data):
    Regeling.objects.update(percentage=None, percentage_met_kinderen=None)
    stappen = [s if s[0] != "inkomen" else ("inkomen", {"netto_inkomen": "4000"}) for s in ALLEENSTAANDE_OUDER]
    doorloop(client, stappen)
    html = client.get("/check/meer-verdienen/").content.decode()
    # At 4000 a month nothing of what this household gets changes with income: no chart, a sentence.
    assert "<svg" not in html
    assert "hangt niet af van uw inkomen" in html
    assert "stopt er niets" in html


def test_no_chart_at_all_when_truly_nothing_changes():
    from datetime import date

    from regelingen import toeslagen
    from regelingen.demo_invoer import demo_normen, demo_regels, demo_toeslagparameters
    from regelingen.eligibility import Huishouden

    huishouden = Huishouden(
        peildatum=date(2026, 3, 1),
        woont_in_gemeente=True,
        leeftijd=35,
        partner=False,
        leeftijd_partner=None,
        kinderen=(4,),
        netto_inkomen=Decimal("5000"),
        vermogen=Decimal(0),
        jaren_laag_inkomen=None,
        student=False,
    )
    parameters = toeslagen.parameters_op(demo_toeslagparameters(), huishouden.peildatum)
    reeks = scenario.punten(huishouden, demo_regels(), demo_normen(), parameters)
    assert not scenario.hangt_af_van_inkomen(reeks)  # only the kinderbijslag, which never changes
    assert scenario.kliffen(reeks) == []
