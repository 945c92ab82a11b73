"""Regels testen: stored example households per regeling, run through the engine;
a change to a regeling or a norm first shows the testgevallen that would change."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.forms.models import model_to_dict
from django.utils import timezone

from regelingen import testgevallen
from regelingen.models import Normbedrag, Regeling, Testgeval

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _zonder_demo_testgevallen(request):
    # The demo ships its own testgevallen (tests/regelingen/test_demo_testgevallen.py);
    # these tests count only the ones they make.
    if "regelingen_demo" in request.fixturenames:
        request.getfixturevalue("regelingen_demo")
        Testgeval.objects.all().delete()


def _testgeval(slug: str, **velden) -> Testgeval:
    velden.setdefault("naam", "Alleenstaande ouder met een kind van 8, bijstand")
    velden.setdefault("leeftijd", 35)
    velden.setdefault("kinderen", "8")
    velden.setdefault("netto_inkomen", Decimal("1400"))
    velden.setdefault("vermogen", Decimal("0"))
    velden.setdefault("jaren_laag_inkomen", 5)
    velden.setdefault("verwachte_uitkomst", "ja")
    testgeval = Testgeval(regeling=Regeling.objects.get(slug=slug), **velden)
    testgeval.full_clean()
    testgeval.save()
    return testgeval


def _formulier(instance) -> dict:
    data = {}
    for naam, waarde in model_to_dict(instance).items():
        if naam in ("id", "gewijzigd_op"):
            continue
        if isinstance(waarde, list):
            data[naam] = [getattr(item, "pk", item) for item in waarde]
        elif waarde is None:
            data[naam] = ""
        elif isinstance(waarde, dict):
            data[naam] = json.dumps(waarde)  # a JSON field, such as the translations
        elif isinstance(waarde, bool):
            if waarde:
                data[naam] = "on"
        else:
            data[naam] = str(waarde)
    return data


def test_engine_run_shows_failing_testgevallen_first(admin_client, regelingen_demo):
    goed = _testgeval("kindpakket", naam="Klopt")
    fout = _testgeval("kindpakket", naam="Klopt niet", netto_inkomen=Decimal("9000"))
    uitslagen = testgevallen.testgevallen_draaien()
    assert [u.testgeval for u in uitslagen] == [fout, goed]
    assert uitslagen[0].uitkomst == "nee" and not uitslagen[0].geslaagd
    assert any("hoger dan de grens" in reden for reden in uitslagen[0].redenen)

    page = admin_client.get("/beheer/regie/testgevallen/").content.decode()
    assert "Alle testgevallen draaien" in page and "Klopt niet" not in page
    html = admin_client.post("/beheer/regie/testgevallen/").content.decode()
    assert "1 van de 2 testgevallen klopt niet." in html
    assert "Nee, klopt niet" in html


def test_all_passing_says_so(admin_client, regelingen_demo):
    _testgeval("kindpakket")
    html = admin_client.post("/beheer/regie/testgevallen/").content.decode()
    assert "Alle 1 testgevallen kloppen." in html


def test_testgeval_rejects_bad_children_ages(regelingen_demo):
    testgeval = Testgeval(
        regeling=Regeling.objects.get(slug="kindpakket"),
        naam="x",
        leeftijd=30,
        kinderen="vier, 19",
        netto_inkomen=Decimal(1),
        verwachte_uitkomst="ja",
    )
    with pytest.raises(Exception) as error:
        testgeval.full_clean()
    assert "met komma's ertussen" in str(error.value)


def test_changing_a_regeling_shows_testgevallen_that_change_before_saving(admin_client, regelingen_demo):
    _testgeval("kindpakket", naam="Ouder met 1400 euro")
    regeling = Regeling.objects.get(slug="kindpakket")
    data = _formulier(regeling)
    data["percentage"] = data["percentage_met_kinderen"] = "100"  # limit drops below 1400
    data["_save"] = "Opslaan"
    url = f"/beheer/regelingen/regeling/{regeling.pk}/change/"

    response = admin_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Weet u het zeker?" in html and "Ouder met 1400 euro" in html and "(klopt dan niet)" in html
    regeling.refresh_from_db()
    assert regeling.percentage == Decimal("130")  # nothing saved yet

    response = admin_client.post(url, {**data, "_regie_bevestigd": "1"})
    assert response.status_code == 302
    regeling.refresh_from_db()
    assert regeling.percentage == Decimal("100")


def test_change_without_effect_on_testgevallen_saves_at_once(admin_client, regelingen_demo):
    _testgeval("kindpakket")
    regeling = Regeling.objects.get(slug="kindpakket")
    data = {**_formulier(regeling), "korte_uitleg": "Nieuwe uitleg.", "_save": "Opslaan"}
    response = admin_client.post(f"/beheer/regelingen/regeling/{regeling.pk}/change/", data)
    assert response.status_code == 302
    regeling.refresh_from_db()
    assert regeling.korte_uitleg == "Nieuwe uitleg."


def test_invalid_regeling_form_shows_the_normal_errors(admin_client, regelingen_demo):
    _testgeval("kindpakket")
    regeling = Regeling.objects.get(slug="kindpakket")
    data = {**_formulier(regeling), "percentage": "1000", "_save": "Opslaan"}
    response = admin_client.post(f"/beheer/regelingen/regeling/{regeling.pk}/change/", data)
    assert response.status_code == 200
    assert "Weet u het zeker?" not in response.content.decode()
    assert "500" in response.content.decode()
    regeling.refresh_from_db()
    assert regeling.percentage == Decimal("130")


def test_new_norm_in_the_past_warns_and_shows_changes(admin_client, regelingen_demo):
    _testgeval("kindpakket", naam="Precies op de grens", netto_inkomen=Decimal("1700"))
    verleden = timezone.localdate() - timedelta(days=30)
    data = {
        "huishoudtype": "alleenstaand_21",
        "bedrag": "1000.00",
        "geldig_vanaf": verleden.isoformat(),
        "andere_begindatum": "on",  # not 1 January or 1 July: confirmed
        "_save": "1",
    }
    response = admin_client.post("/beheer/regelingen/normbedrag/add/", data)
    html = response.content.decode()
    assert "Die datum is al voorbij" in html
    assert "Precies op de grens" in html
    assert not Normbedrag.objects.filter(geldig_vanaf=verleden).exists()
    response = admin_client.post("/beheer/regelingen/normbedrag/add/", {**data, "_regie_bevestigd": "1"})
    assert response.status_code == 302
    assert Normbedrag.objects.filter(geldig_vanaf=verleden, bedrag=Decimal("1000")).exists()


def test_future_norm_without_effect_saves_at_once(admin_client, regelingen_demo):
    toekomst = date(timezone.localdate().year + 1, 1, 1)
    data = {"huishoudtype": "samen_aow", "bedrag": "2200.00", "geldig_vanaf": toekomst.isoformat(), "_save": "1"}
    response = admin_client.post("/beheer/regelingen/normbedrag/add/", data)
    assert response.status_code == 302
    assert Normbedrag.objects.filter(geldig_vanaf=toekomst).exists()
