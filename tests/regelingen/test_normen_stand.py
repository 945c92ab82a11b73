"""Norms you can trust (issue 20): staleness per household type, the warning from
1 December and 1 June when the next period's rows are missing, and start dates only
on 1 January or 1 July unless the coordinator confirms. Fixed days are passed as
`vandaag` (no clock is frozen)."""

import io
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import timezone

from regelingen.models import AowLeeftijd, Huishoudtype, Normbedrag, Vermogensgrens, VermogensSoort
from regelingen.selectors import normen_stand
from tests.armoedepact.regie.otp import otp_verifieer

pytestmark = pytest.mark.django_db

ALLE_TYPES = len(Huishoudtype.choices)  # 9
ALLE_SOORTEN = len(VermogensSoort.choices)  # 2


@pytest.fixture
def coordinator(client, django_user_model, regelingen_demo):
    user = django_user_model.objects.create_user(username="cora@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name="coördinator"))
    client.force_login(user)
    otp_verifieer(client, user)
    return client


def _namen(soorten) -> set[str]:
    return {soort.naam for soort in soorten}


def test_a_new_row_for_one_household_type_does_not_silence_the_others(regelingen_demo):
    # The demo norms all start on 1 January 2026; in August every type is half a year old.
    augustus = date(2026, 8, 3)
    assert len(normen_stand(vandaag=augustus).verouderd) == ALLE_TYPES
    Normbedrag.objects.create(huishoudtype="alleenstaand_21", bedrag=Decimal("1420.00"), geldig_vanaf=date(2026, 7, 1))
    verouderd = normen_stand(vandaag=augustus).verouderd
    assert len(verouderd) == ALLE_TYPES - 1
    assert "normbedrag: Alleenstaande (ouder), 21 jaar tot AOW-leeftijd" not in _namen(verouderd)
    assert "normbedrag: Gehuwden of samenwonenden, beiden 21 jaar tot AOW-leeftijd" in _namen(verouderd)


def test_a_household_type_without_any_row_is_out_of_date(regelingen_demo):
    Normbedrag.objects.filter(huishoudtype="samen_aow").delete()
    verouderd = normen_stand(vandaag=date(2026, 3, 1)).verouderd
    assert _namen(verouderd) == {"normbedrag: Gehuwden, één of beiden AOW-leeftijd"}


@pytest.mark.parametrize(
    ("vandaag", "volgende", "ontbreekt"),
    [
        (date(2026, 11, 30), None, 0),
        (date(2026, 12, 1), date(2027, 1, 1), ALLE_TYPES + ALLE_SOORTEN),  # vermogensgrenzen change on 1 January
        (date(2026, 5, 31), None, 0),
        (date(2026, 6, 1), date(2026, 7, 1), ALLE_TYPES),  # only the normbedragen change on 1 July
    ],
)
def test_warning_for_the_next_period_from_1_december_and_1_june(regelingen_demo, vandaag, volgende, ontbreekt):
    stand = normen_stand(vandaag=vandaag)
    assert stand.volgende == volgende
    assert len(stand.volgende_ontbreekt) == ontbreekt


@pytest.mark.parametrize(
    ("vandaag", "periode"),
    [(date(2026, 12, 1), date(2027, 1, 1)), (date(2026, 6, 1), date(2026, 7, 1))],
)
def test_the_warning_goes_only_when_every_type_has_its_next_row(regelingen_demo, vandaag, periode):
    typen = [waarde for waarde, _ in Huishoudtype.choices]
    for huishoudtype in typen[:-1]:
        Normbedrag.objects.create(huishoudtype=huishoudtype, bedrag=Decimal("1000"), geldig_vanaf=periode)
    for soort, _ in VermogensSoort.choices:
        Vermogensgrens.objects.create(soort=soort, bedrag=Decimal("9000"), geldig_vanaf=periode)
    # One type still missing: still warned, for that type only.
    assert _namen(normen_stand(vandaag=vandaag).volgende_ontbreekt) == {
        f"normbedrag: {dict(Huishoudtype.choices)[typen[-1]]}"
    }
    Normbedrag.objects.create(huishoudtype=typen[-1], bedrag=Decimal("1000"), geldig_vanaf=periode)
    assert normen_stand(vandaag=vandaag).volgende_ontbreekt == ()


def test_the_start_page_block_on_1_december_names_what_is_missing(regelingen_demo):
    html = render_to_string("regie/_normen_stand.html", {"stand": normen_stand(vandaag=date(2026, 12, 1))})
    assert "op 1 januari 2027 gaan de nieuwe normen in" in html
    assert "vermogensgrens: Alleenstaande" in html
    assert "normbedrag: Gehuwden, één of beiden AOW-leeftijd" in html
    on_30_november = render_to_string("regie/_normen_stand.html", {"stand": normen_stand(vandaag=date(2026, 11, 30))})
    assert "gaan de nieuwe normen in" not in on_30_november


def test_beheer_start_page_shows_todays_missing_norms(coordinator):
    stand = normen_stand(vandaag=timezone.localdate())
    html = coordinator.get("/beheer/").content.decode()
    for soort in (*stand.volgende_ontbreekt, *stand.verouderd):
        assert soort.naam in html
    assert ("data-normen-volgende" in html) == bool(stand.volgende_ontbreekt)
    assert ("data-normen-verouderd" in html) == bool(stand.verouderd)


MELDING = "Normen beginnen op 1 januari of 1 juli. 15-03-2026 is een andere dag."


@pytest.mark.parametrize(
    ("url", "data", "model"),
    [
        ("/beheer/regelingen/normbedrag/add/", {"huishoudtype": "samen_21", "bedrag": "2010.00"}, Normbedrag),
        ("/beheer/regelingen/vermogensgrens/add/", {"soort": "gezin", "bedrag": "16500"}, Vermogensgrens),
        ("/beheer/regelingen/aowleeftijd/add/", {"jaren": "67", "maanden": "6"}, AowLeeftijd),
    ],
)
def test_a_start_date_like_15_march_is_refused_unless_confirmed(coordinator, url, data, model):
    aantal = model.objects.count()
    response = coordinator.post(url, {**data, "geldig_vanaf": "15-03-2026"})
    assert response.status_code == 200
    assert MELDING in response.content.decode()
    assert model.objects.count() == aantal

    bevestigd = {**data, "geldig_vanaf": "15-03-2026", "andere_begindatum": "on", "_regie_bevestigd": "1"}
    response = coordinator.post(url, bevestigd)
    assert response.status_code == 302
    assert model.objects.filter(geldig_vanaf=date(2026, 3, 15)).count() == 1


def test_a_start_date_on_1_july_needs_no_confirmation(coordinator):
    data = {"huishoudtype": "samen_21", "bedrag": "2010.00", "geldig_vanaf": "01-07-2027"}
    response = coordinator.post("/beheer/regelingen/normbedrag/add/", data)
    assert response.status_code == 302
    assert Normbedrag.objects.filter(huishoudtype="samen_21", geldig_vanaf=date(2027, 7, 1)).exists()


def test_an_import_with_a_start_date_like_15_march_is_refused(coordinator):
    werkboek = openpyxl.Workbook()
    werkboek.active.append(["huishoudtype", "bedrag", "geldig_vanaf"])
    werkboek.active.append(["samen_21", "2010,00", "15-03-2026"])
    inhoud = io.BytesIO()
    werkboek.save(inhoud)
    bestand = SimpleUploadedFile("normen.xlsx", inhoud.getvalue())
    aantal = Normbedrag.objects.count()
    response = coordinator.post("/beheer/regelingen/normbedrag/import/", {"format": "1", "import_file": bestand})
    html = response.content.decode()
    assert f"Rij 1, kolom geldig_vanaf: {MELDING}" in html
    assert "process_import" not in html
    assert Normbedrag.objects.count() == aantal
