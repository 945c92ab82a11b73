"""`manage.py potjeswijzer` against spec section 6: JSON in, JSON out, Dutch errors with exit 2."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from .conftest import voorbeelden

VELDEN = ("regeling", "uitkomst", "inkomensgrens", "bedrag_per_jaar")


def run(monkeypatch, capsys, invoer: str | bytes):
    data = invoer.encode() if isinstance(invoer, str) else invoer
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    out = io.StringIO()
    code = 0
    try:
        call_command("potjeswijzer", stdout=out)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), capsys.readouterr().err


def vergelijk(got: dict, verwacht: dict):
    assert {k: got[k] for k in ("peildatum", "huishoudtype", "norm")} == {
        k: verwacht[k] for k in ("peildatum", "huishoudtype", "norm")
    }
    assert [{k: u[k] for k in VELDEN} for u in got["uitkomsten"]] == verwacht["uitkomsten"]


@pytest.mark.parametrize("voorbeeld", voorbeelden(), ids=lambda v: v["omschrijving"])
def test_every_worked_example_through_the_command(demo_data, monkeypatch, capsys, voorbeeld):
    code, out, err = run(monkeypatch, capsys, json.dumps(voorbeeld["huishouden"]))
    assert code == 0, err
    got = json.loads(out)
    vergelijk(got, voorbeeld["verwacht"])
    assert all(isinstance(r, str) and r for u in got["uitkomsten"] for r in u["redenen"])


def test_an_array_gives_an_array_in_the_same_order(demo_data, monkeypatch, capsys):
    alle = voorbeelden()
    code, out, _ = run(monkeypatch, capsys, json.dumps([v["huishouden"] for v in reversed(alle)]))
    assert code == 0
    got = json.loads(out)
    assert isinstance(got, list) and len(got) == len(alle)
    for resultaat, voorbeeld in zip(got, reversed(alle), strict=True):
        vergelijk(resultaat, voorbeeld["verwacht"])


def test_numbers_instead_of_strings_and_defaults(demo_data, monkeypatch, capsys):
    huishouden = {
        "peildatum": "2026-03-01",
        "woont_in_gemeente": True,
        "leeftijd": 35,
        "partner": False,
        "kinderen": [7, 12],
        "netto_inkomen": 1650,
        "vermogen": 3000.0,
        "jaren_laag_inkomen": 4,
    }
    code, out, err = run(monkeypatch, capsys, json.dumps(huishouden))
    assert code == 0, err
    vergelijk(json.loads(out), voorbeelden()[1]["verwacht"])


GOED = voorbeelden()[1]["huishouden"]


@pytest.mark.parametrize(
    ("wijziging", "in_melding"),
    [
        ({"leeftijd": None}, "leeftijd"),
        ({"partner": True, "leeftijd_partner": None}, "leeftijd_partner"),
        ({"netto_inkomen": "-5.00"}, "negatief"),
        ({"vermogen": -1}, "negatief"),
        ({"kinderen": [7, 18]}, "18 jaar"),
        ({"kinderen": [-1]}, "negatief"),
        ({"kinderen": "twee"}, "lijst"),
        ({"kinderen": ["7"]}, "heel getal"),
        ({"netto_inkomen": "veel"}, "bedrag"),
        ({"netto_inkomen": "1.650,00"}, "bedrag"),
        ({"netto_inkomen": [1]}, "bedrag"),
        ({"netto_inkomen": "2000000"}, "te hoog"),
        ({"leeftijd": "35"}, "hele jaren"),
        ({"leeftijd": 35.5}, "hele jaren"),
        ({"leeftijd": 150}, "tussen"),
        ({"leeftijd": True}, "hele jaren"),
        ({"partner": "true"}, "true of false"),
        ({"woont_in_gemeente": "ja"}, "true of false"),
        ({"woont_in_gemeente": None}, "woont_in_gemeente"),
        ({"student": 1}, "true of false"),
        ({"peildatum": "01-03-2026"}, "peildatum"),
        ({"peildatum": "2026-02-30"}, "peildatum"),
        ({"peildatum": "2020-01-01"}, "normbedragen"),
        ({"jaren_laag_inkomen": "lang"}, "jaren_laag_inkomen"),
        ({"jaren_laag_inkomen": -2}, "jaren_laag_inkomen"),
    ],
)
def test_invalid_input_gives_dutch_errors_and_exit_2(demo_data, monkeypatch, capsys, wijziging, in_melding):
    code, out, err = run(monkeypatch, capsys, json.dumps({**GOED, **wijziging}))
    assert code == 2
    assert out == ""
    assert in_melding in err
    assert "Traceback" not in err and err.startswith("Fout: ")


@pytest.mark.parametrize(
    "invoer",
    [
        b"",
        b"   ",
        b"{",
        b"[1, 2",
        b"NaN",
        b'{"leeftijd": NaN}',
        b"42",
        b'"tekst"',
        b"[]",
        b"[42]",
        b"\xff\xfe",
        b"[" * 5000,
    ],
)
def test_unreadable_input_gives_exit_2(demo_data, monkeypatch, capsys, invoer):
    code, out, err = run(monkeypatch, capsys, invoer)
    assert code == 2
    assert out == ""
    assert err.startswith("Fout: ") and "Traceback" not in err


def test_errors_name_the_household_in_an_array(demo_data, monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, json.dumps([GOED, {**GOED, "leeftijd": None}]))
    assert code == 2 and out == ""
    assert "Huishouden 2:" in err


@pytest.mark.django_db
def test_empty_database_says_what_to_do(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, json.dumps(GOED))
    assert code == 2 and out == ""
    assert "load_demo" in err


@pytest.mark.django_db(transaction=True)
def test_command_as_a_real_process(demo_data):
    """The whole contract end to end: `python manage.py potjeswijzer < file`."""
    params = connection.settings_dict
    url = f"postgresql://{params['USER']}:@{params['HOST'].replace('/', '%2F')}/{params['NAME']}"
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("PYTEST_VERSION", None)
    env.setdefault("DJANGO_DEBUG", "1")
    alle = voorbeelden()
    proces = subprocess.run(
        [sys.executable, "manage.py", "potjeswijzer"],
        input=json.dumps([v["huishouden"] for v in alle]),
        capture_output=True,
        text=True,
        cwd=Path(settings.BASE_DIR),
        env=env,
        timeout=120,
    )
    assert proces.returncode == 0, proces.stderr
    for resultaat, voorbeeld in zip(json.loads(proces.stdout), alle, strict=True):
        vergelijk(resultaat, voorbeeld["verwacht"])

    fout = subprocess.run(
        [sys.executable, "manage.py", "potjeswijzer"],
        input='{"leeftijd": "oud"}',
        capture_output=True,
        text=True,
        cwd=Path(settings.BASE_DIR),
        env=env,
        timeout=120,
    )
    assert fout.returncode == 2 and fout.stdout == ""
    assert "Fout:" in fout.stderr and "Traceback" not in fout.stderr
