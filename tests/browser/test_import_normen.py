"""The pages issue 20 changed for the coordinator, in a real browser with axe at 1280
and 375 px: the import preview that lists the testgevallen whose outcome changes, and
the norm form that refuses a start date like 15-03-2026 until she confirms it."""

import io
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from regelingen.models import Normbedrag, Regeling, Testgeval
from regelingen.resources import RegelingResource
from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COORDINATOR = ("cora@voorbeeld.nl", "Coordinator-Wachtwoord-2026")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def wereld():
    from regelingen import demo

    demo.load(stdout=StringIO())
    # A superuser: transactional browser tests empty the tables, the staff groups too.
    get_user_model().objects.create_superuser(username=COORDINATOR[0], email=COORDINATOR[0], password=COORDINATOR[1])
    Testgeval.objects.create(
        regeling=Regeling.objects.get(slug="collectieve-zorgverzekering"),
        naam="Alleenstaande, 1500 euro",
        leeftijd=40,
        netto_inkomen=Decimal("1500"),
        vermogen=Decimal("0"),
        verwachte_uitkomst="nee",
    )


def _klik(page, selector: str) -> None:
    with page.expect_navigation(wait_until="load"):
        page.click(selector)


def _xlsx_met_lagere_grens() -> bytes:
    dataset = RegelingResource().export()
    werkboek = openpyxl.Workbook()
    blad = werkboek.active
    blad.append(list(dataset.headers))
    for rij in dataset:
        rij = list(rij)
        if rij[0] == "collectieve-zorgverzekering":
            rij[dataset.headers.index("percentage")] = "90"
        blad.append(rij)
    inhoud = io.BytesIO()
    werkboek.save(inhoud)
    return inhoud.getvalue()


def test_import_preview_with_changed_testgevallen_and_norm_date_form_are_accessible(page, wereld):
    beheer_inloggen(page, *COORDINATOR)
    page.wait_for_url("**/beheer/")

    page.goto("/beheer/regelingen/regeling/import/")
    page.set_input_files(
        "#id_import_file",
        files=[{"name": "regelingen.xlsx", "mimeType": XLSX_MIME, "buffer": _xlsx_met_lagere_grens()}],
    )
    page.select_option("#id_format", "1")
    _klik(page, "input[type=submit]")
    tabel = page.locator("table.regie-tabel")
    assert "Testgevallen met een andere uitkomst na opslaan (1)" in tabel.inner_text()
    assert "Alleenstaande, 1500 euro" in tabel.inner_text()
    assert_accessible(page, "regie import preview testgevallen")

    page.goto("/beheer/regelingen/normbedrag/add/")
    page.select_option("#id_huishoudtype", "samen_21")
    page.fill("#id_bedrag", "2010.00")
    page.fill("#id_geldig_vanaf", "15-03-2026")
    _klik(page, "input[name=_save]")
    assert "15-03-2026 is een andere dag" in page.content()
    assert not Normbedrag.objects.filter(huishoudtype="samen_21", geldig_vanaf="2026-03-15").exists()
    assert_accessible(page, "regie normbedrag datum geweigerd")
