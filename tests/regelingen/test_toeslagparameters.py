"""The national allowances' parameters as data the coordinator keeps in /beheer/:
loaded from fixtures/toeslagen.json by a data migration, dated per figure, with
history, read by the engine through one query."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from regelingen import selectors, toeslagen
from regelingen.models import Toeslagparameter
from tests.armoedepact.regie.otp import otp_verifieer

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


def _uit_bestand():
    data = json.loads((FIXTURES / "toeslagen.json").read_text(encoding="utf-8"))
    return tuple(toeslagen.parameters_uit_dict(jaar) for jaar in data["jaren"])


def test_a_fresh_database_has_the_figures_of_the_fixture_with_their_sources():
    rijen = list(Toeslagparameter.objects.all())
    assert len(rijen) > 20
    assert all(r.bron and r.gelezen for r in rijen)
    assert selectors.toeslagparameters() == _uit_bestand()
    regels = Toeslagparameter.objects.get(toeslag="zorgtoeslag", sleutel="regels")
    assert regels.link == "https://www.toeslagen.nl/proefberekening"


def test_the_engine_reads_them_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        jaren = selectors.toeslagparameters()
    assert jaren[0].zorgtoeslag_max_alleen == Decimal("129")


def test_a_new_figure_from_a_later_date_holds_from_then_and_the_rest_carries_over():
    oud = Toeslagparameter.objects.get(toeslag="zorgtoeslag", sleutel="max_per_maand_alleen")
    Toeslagparameter.objects.create(
        toeslag="zorgtoeslag",
        sleutel="max_per_maand_alleen",
        waarde=Decimal("140"),
        bron="Test: nieuw bedrag",
        gelezen=date(2027, 1, 2),
        geldig_vanaf=date(2027, 1, 1),
    )
    jaren = selectors.toeslagparameters()
    toen = toeslagen.parameters_op(jaren, date(2026, 6, 1))
    straks = toeslagen.parameters_op(jaren, date(2027, 6, 1))
    assert toen.zorgtoeslag_max_alleen == oud.waarde == Decimal("129")
    assert straks.zorgtoeslag_max_alleen == Decimal("140")
    assert straks.kinderbijslag_0_5 == toen.kinderbijslag_0_5  # not given again: carried over


def test_a_changed_figure_reaches_the_command(demo_data, monkeypatch, capsys):
    from .test_command import run

    Toeslagparameter.objects.filter(toeslag="kinderbijslag", sleutel="per_kwartaal_0_5").update(waarde=Decimal("300"))
    huishouden = {
        "peildatum": "2026-03-01", "woont_in_gemeente": True, "leeftijd": 30, "partner": False,
        "kinderen": [2], "netto_inkomen": "1500.00", "vermogen": "0", "jaren_laag_inkomen": 1,
    }  # fmt: skip
    code, out, err = run(monkeypatch, capsys, json.dumps(huishouden))
    assert code == 0, err
    kinderbijslag = next(u for u in json.loads(out)["landelijk"] if u["regeling"] == "kinderbijslag")
    assert kinderbijslag["bedrag_per_jaar"] == "1200.00"


def test_every_change_is_kept_in_the_history():
    rij = Toeslagparameter.objects.get(toeslag="zorgtoeslag", sleutel="afbouw")
    rij.waarde = Decimal("0.14")
    rij.save()
    assert [h.waarde for h in rij.history.order_by("history_date")][-1] == Decimal("0.14")
    assert rij.history.count() >= 1


@pytest.mark.parametrize(
    ("groep", "url", "status"),
    [
        ("coördinator", "/beheer/regelingen/toeslagparameter/", 200),
        ("coördinator", "/beheer/regelingen/toeslagparameter/add/", 200),
        ("redacteur", "/beheer/regelingen/toeslagparameter/", 200),
        ("redacteur", "/beheer/regelingen/toeslagparameter/add/", 403),
    ],
)
def test_the_coordinator_keeps_them_in_beheer(client, django_user_model, groep, url, status):
    user = django_user_model.objects.create_user(username="staf@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name=groep))
    client.force_login(user)
    otp_verifieer(client, user)
    response = client.get(url)
    assert response.status_code == status
    if status == 200 and url.endswith("toeslagparameter/"):
        assert "max_per_maand_alleen" in response.content.decode()
