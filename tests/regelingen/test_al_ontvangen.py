""" "Wat krijgt u al?": what a resident already receives is shown as such on the
result, not as a new tip, and the questions it answers are skipped. The command's
`ontvangt` takes the same names, the local regelingen's slugs too."""

import json
import re

import pytest

from regelingen.voorbeeld import ALLEENSTAANDE_OUDER

from .conftest import voorbeelden
from .test_check_views import doorloop
from .test_command import run, vergelijk


def _met(ontvangt: list[str], zonder: tuple[str, ...] = ()):
    """The example household, with "Wat krijgt u al?" ticked and the skipped steps left out."""
    stappen = []
    for stap, data in ALLEENSTAANDE_OUDER:
        if stap == "ontvangt":
            data = {"ontvangt": ontvangt}
        if stap not in zonder:
            stappen.append((stap, data))
    return stappen


def _sectie(html: str, kop_id: str) -> str:
    begin = html.index(f'id="{kop_id}"')
    return html[begin : html.index("</section>", begin)]


def test_the_question_lists_national_and_local_names(client, demo_data):
    client.post("/check/woonplaats/", {"woont_in_gemeente": "ja"})
    html = client.get("/check/ontvangt/").content.decode()
    assert '<h1 class="utrecht-heading-1">Wat krijgt u al?</h1>' in html
    for naam in ("Bijstand", "AOW", "WW", "Huurtoeslag", "Zorgtoeslag", "Kindgebonden budget", "Kinderbijslag"):
        assert f">{naam}</label>" in html, naam
    assert ">Kindpakket</label>" in html  # a local regeling
    assert 'type="checkbox"' in html and "<legend" in html


def test_an_unknown_choice_gets_a_clear_message_and_changes_nothing(client, demo_data):
    client.post("/check/woonplaats/", {"woont_in_gemeente": "ja"})
    response = client.post("/check/ontvangt/", {"ontvangt": ["loterij"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies alleen uit de lijst." in html and "<title>Fout: " in html
    assert client.get("/check/samenwonen/")["Location"] == "/check/ontvangt/"


def test_kinderbijslag_skips_the_children_question(client, demo_data):
    doorloop(client, _met(["kinderbijslag"], zonder=("kinderen",)), tot_uitslag=False)
    html = client.get("/check/controleren/").content.decode()
    assert "Kinderen onder 18 thuis" not in html  # the question was not asked
    assert "7 jaar, 12 jaar" in html and "Kinderbijslag" in html


def test_huurtoeslag_skips_the_rent_questions(client, demo_data):
    doorloop(client, _met(["huurtoeslag"], zonder=("woning", "huur")), tot_uitslag=False)
    html = client.get("/check/controleren/").content.decode()
    assert "Huurt u uw woning?" not in html and "Kale huur" not in html


def test_a_local_regeling_received_skips_the_questions_only_it_needs(client, demo_data):
    # Only the individuele inkomenstoeslag asks how long the income is low and about study.
    doorloop(client, _met(["individuele-inkomenstoeslag"], zonder=("laag-inkomen", "studie")), tot_uitslag=False)
    html = client.get("/check/controleren/").content.decode()
    assert "Hoe lang al een laag inkomen" not in html and "School of studie" not in html
    assert "Individuele inkomenstoeslag" in html


def test_the_result_shows_what_you_already_get_as_such(client, demo_data):
    doorloop(client, _met(["kindpakket", "zorgtoeslag", "bijstand"]))
    html = client.get("/check/uitslag/").content.decode()
    al = _sectie(html, "groep-al")
    assert "Dit krijgt u al" in al
    assert "Kindpakket" in al and "Zorgtoeslag" in al and "Bijstand" in al
    # Not again as a new tip.
    assert 'id="regeling-kindpakket"' not in html
    assert 'id="landelijk-zorgtoeslag"' not in html
    assert 'id="landelijk-kinderbijslag"' in html
    ja = _sectie(html, "groep-ja")
    assert "Kindpakket" not in ja


def test_what_you_already_get_still_counts_in_the_total(client, demo_data):
    doorloop(client)
    zonder = client.get("/check/uitslag/").content.decode()
    client.post("/check/stoppen/")
    doorloop(client, _met(["kindpakket", "zorgtoeslag"]))
    met = client.get("/check/uitslag/").content.decode()

    def totaal(html):
        return re.search(r'data-totaal="([\d.]+)"', html).group(1)

    assert totaal(met) == totaal(zonder)


def test_the_command_accepts_local_slugs_and_marks_them(demo_data, monkeypatch, capsys):
    huishouden = {**voorbeelden()[1]["huishouden"], "ontvangt": ["kindpakket", "kinderbijslag", "aow"]}
    code, out, err = run(monkeypatch, capsys, json.dumps(huishouden))
    assert code == 0, err
    got = json.loads(out)
    per_slug = {u["regeling"]: u for u in got["uitkomsten"]}
    assert per_slug["kindpakket"]["al_ontvangen"] is True
    assert per_slug["kindpakket"]["redenen"][0].startswith("U krijgt dit al.")
    assert "al_ontvangen" not in per_slug["leergeld"]
    # The outcomes themselves stay those of the spec.
    vergelijk(got, voorbeelden()[1]["verwacht"])
    kinderbijslag = next(u for u in got["landelijk"] if u["regeling"] == "kinderbijslag")
    assert kinderbijslag["redenen"][0].startswith("U krijgt dit al.")


def test_the_command_refuses_an_unknown_name(demo_data, monkeypatch, capsys):
    huishouden = {**voorbeelden()[1]["huishouden"], "ontvangt": ["loterij"]}
    code, out, err = run(monkeypatch, capsys, json.dumps(huishouden))
    assert code == 2 and out == ""
    assert "'ontvangt' kent" in err and "kindpakket" in err


@pytest.mark.parametrize("voorbeeld", voorbeelden(), ids=lambda v: v["omschrijving"])
def test_without_ontvangt_the_examples_are_unchanged(demo_data, monkeypatch, capsys, voorbeeld):
    code, out, _ = run(monkeypatch, capsys, json.dumps(voorbeeld["huishouden"]))
    assert code == 0
    got = json.loads(out)
    assert all("al_ontvangen" not in u for u in got["uitkomsten"])
