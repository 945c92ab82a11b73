"""The demo ships test cases (issue 20): after `load_demo` every active regeling has at
least one "ja" and one "nee" test case, and all of them pass against the demo norms.
A regeling that gives at most "misschien" (hooguit_misschien) has "misschien" instead
of "ja": the engine can never say "ja" for it."""

import io

import pytest
from django.core.management import call_command

from regelingen import testgevallen
from regelingen.models import Regeling, Testgeval

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_every_active_regeling_has_a_yes_and_a_no_test_case(demo):
    actief = Regeling.objects.filter(actief=True)
    assert actief.count() >= 10
    for regeling in actief:
        uitkomsten = set(Testgeval.objects.filter(regeling=regeling).values_list("verwachte_uitkomst", flat=True))
        positief = "misschien" if regeling.hooguit_misschien else "ja"
        assert {positief, "nee"} <= uitkomsten, regeling.slug


def test_every_demo_test_case_passes_against_the_demo_norms(demo):
    uitslagen = testgevallen.testgevallen_draaien()
    assert len(uitslagen) >= 20
    fout = [(u.testgeval.regeling.slug, u.testgeval.naam, u.uitkomst) for u in uitslagen if not u.geslaagd]
    assert fout == []


def test_loading_the_demo_twice_adds_no_test_cases(demo):
    aantal = Testgeval.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Testgeval.objects.count() == aantal
