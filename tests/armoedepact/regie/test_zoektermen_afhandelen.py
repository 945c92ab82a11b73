"""Searches without results can be marked as dealt with (issue 20): synonym added,
aanbod added, or not our task; the admin list shows open ones first."""

from datetime import date

import pytest
from django.contrib.auth.models import Group

from sociale_kaart import services
from sociale_kaart.models import Synoniem, ZoektermZonderResultaat
from tests.armoedepact.regie.otp import otp_verifieer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _woorden_van_het_lexicon(db):
    """Only words of the search vocabulary or the lexicon are kept (issue 15): these are."""
    for woord, zoekt_ook in [("zeilboot", "watersport"), ("tandarts", "zorg"), ("paardrijden", "manege")]:
        Synoniem.objects.create(woord=woord, zoekt_ook=zoekt_ook)


LIJST = "/beheer/sociale_kaart/zoektermzonderresultaat/"


@pytest.fixture
def coordinator_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="c@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name="coördinator"))
    client.force_login(user)
    otp_verifieer(client, user)
    return client


def _zoek(term, maand, keer=1):
    for _ in range(keer):
        services.zoekterm_zonder_resultaat_tellen(zoekterm=term, vandaag=maand)


def test_coordinator_marks_a_term_dealt_with_and_open_ones_come_first(coordinator_client):
    _zoek("zeilboot", date(2026, 10, 3), 6)
    _zoek("zeilboot", date(2026, 11, 3))
    _zoek("tandarts", date(2026, 9, 3), 7)
    html = coordinator_client.get(LIJST).content.decode()
    assert "Afgehandeld: synoniem toegevoegd" in html and "Afgehandeld: niet onze taak" in html
    zeilboot = ZoektermZonderResultaat.objects.filter(zoekterm="zeilboot").first()
    response = coordinator_client.post(
        LIJST, {"action": "aanbod_toegevoegd", "_selected_action": [zeilboot.pk], "index": 0}
    )
    assert response.status_code == 302
    # Every month of the term is dealt with, not only the row that was ticked.
    assert set(ZoektermZonderResultaat.objects.filter(zoekterm="zeilboot").values_list("afhandeling", flat=True)) == {
        "aanbod"
    }
    html = coordinator_client.get(LIJST).content.decode()
    assert html.index("tandarts") < html.index("zeilboot")  # the open one (older) comes first
    assert "Aanbod toegevoegd" in html
    open_ = coordinator_client.get(LIJST + "?afgehandeld=nee").content.decode()
    assert "tandarts" in open_ and "zeilboot" not in open_


def test_a_term_that_still_finds_nothing_comes_back_unless_it_is_not_our_task():
    _zoek("zeilboot", date(2026, 10, 3))
    _zoek("paardrijden", date(2026, 10, 3))
    services.zoekterm_afhandelen(zoekterm="zeilboot", afhandeling="synoniem")
    services.zoekterm_afhandelen(zoekterm="paardrijden", afhandeling="niet_onze_taak")
    _zoek("zeilboot", date(2026, 11, 3))
    _zoek("paardrijden", date(2026, 11, 3), 2)
    nov = {r.zoekterm: r for r in ZoektermZonderResultaat.objects.filter(maand=date(2026, 11, 1))}
    assert nov["zeilboot"].afgehandeld_op is None and nov["zeilboot"].afhandeling == ""
    assert nov["paardrijden"].afhandeling == "niet_onze_taak" and nov["paardrijden"].aantal == 2


def test_a_redacteur_cannot_mark_terms(client, django_user_model):
    _zoek("zeilboot", date(2026, 10, 3))
    user = django_user_model.objects.create_user(username="r@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name="redacteur"))
    user.user_permissions.add(
        *Group.objects.get(name="coördinator").permissions.filter(codename__startswith="view_zoek")
    )
    client.force_login(user)
    otp_verifieer(client, user)
    rij = ZoektermZonderResultaat.objects.get()
    client.post(LIJST, {"action": "niet_onze_taak", "_selected_action": [rij.pk], "index": 0})
    rij.refresh_from_db()
    assert rij.afgehandeld_op is None
