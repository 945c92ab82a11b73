"""The daily cron command of the pact (manage.py pact_taken): reminders to close a
meeting after 3 and 7 days, verslagen final after the comment period, and on
Mondays the warning to plan the next pactbijeenkomst; mail through a real SMTP server."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from werkgroepen.models import Bijeenkomst, VerslagStatus

from . import factories as f

pytestmark = pytest.mark.django_db

MAANDAG = date(2030, 3, 4)


def _taken(*args) -> str:
    uit = StringIO()
    call_command("pact_taken", "--basis-url", "https://portaal.example", *args, stdout=uit)
    return uit.getvalue()


def test_the_command_reminds_finalises_and_warns(smtp_server, beheerder, settings):
    settings.COORDINATOR_EMAIL = ["coordinator@gemeente.example"]
    voorbij = f.BijeenkomstFactory(dagen=-4, titel="Voorjaarsbijeenkomst", organisator=beheerder)
    klaar = f.BijeenkomstFactory(
        dagen=-30,
        titel="Winterbijeenkomst",
        verslag="Besproken.",
        verslag_status=VerslagStatus.REACTIES,
        reageren_tot=timezone.localdate() - timedelta(days=1),
        aantal_aanwezigen=12,
    )

    uit = _taken()
    assert "1 herinnering(en)" in uit and "1 verslag(en) definitief" in uit
    [herinnering] = smtp_server.berichten
    assert herinnering["aan"] == ["coordinator@example.org"]
    assert herinnering["bericht"]["Subject"] == "Sluit de bijeenkomst 'Voorjaarsbijeenkomst' af"
    tekst = herinnering["bericht"].get_body(preferencelist=("plain",)).get_content()
    assert f"https://portaal.example/beheer/werkgroepen/bijeenkomst/{voorbij.pk}/sluiten/" in tekst
    assert Bijeenkomst.objects.get(pk=klaar.pk).verslag_status == VerslagStatus.DEFINITIEF

    # Running again the same day sends nothing new: the second reminder waits for day 7.
    assert "0 herinnering(en)" in _taken()
    assert len(smtp_server.berichten) == 1


def test_on_a_monday_the_coordinator_is_warned_when_nothing_is_planned(smtp_server, settings):
    settings.COORDINATOR_EMAIL = ["coordinator@gemeente.example"]
    assert "Waarschuwing om te plannen verstuurd." in _taken("--datum", MAANDAG.isoformat())
    [waarschuwing] = smtp_server.berichten
    assert waarschuwing["aan"] == ["coordinator@gemeente.example"]
    tekst = waarschuwing["bericht"].get_body(preferencelist=("plain",)).get_content()
    assert "Plan de eerste pactbijeenkomst." in tekst
    assert "https://portaal.example/beheer/werkgroepen/bijeenkomst/add/" in tekst

    # Not on other days, and not when the next one is planned.
    assert "Geen waarschuwing" in _taken("--datum", (MAANDAG + timedelta(days=1)).isoformat())
    f.BijeenkomstFactory(
        start=timezone.make_aware(datetime(2030, 4, 1, 19)),
        eind=timezone.make_aware(datetime(2030, 4, 1, 21)),
    )
    assert "Geen waarschuwing" in _taken("--datum", MAANDAG.isoformat())
    assert len(smtp_server.berichten) == 1


def test_a_bad_date_is_a_clear_dutch_message():
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        _taken("--datum", "4 maart")
