"""The cron jobs of the warm handover: one reminder after two working days not
opened (never a second), deletion after the retention period, and the mail of
a new request through a real SMTP server."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from common.feestdagen import werkdagen_tussen
from overdracht.models import Verzoek, VerzoekStatus
from overdracht.services import herinneringen_versturen, verzoek_indienen, verzoeken_opruimen
from tests.overdracht.conftest import GEGEVENS

# A Thursday, 10:00 in Amsterdam.
DONDERDAG = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=datetime.UTC)


def _verzoek(ontvanger, *, op, **velden):
    verzoek = Verzoek.objects.create(ontvanger=ontvanger, **{**GEGEVENS, **velden})
    Verzoek.objects.filter(pk=verzoek.pk).update(aangemaakt_op=op)
    return Verzoek.objects.get(pk=verzoek.pk)


@pytest.mark.parametrize(
    ("van", "tot", "werkdagen"),
    [
        ("2026-11-26", "2026-11-27", 1),  # Thursday -> Friday
        ("2026-11-26", "2026-11-29", 1),  # the weekend does not count
        ("2026-11-26", "2026-11-30", 2),  # Thursday -> Monday
        ("2026-11-28", "2026-12-01", 2),  # Saturday -> Tuesday
    ],
)
def test_working_days(van, tot, werkdagen):
    assert werkdagen_tussen(datetime.date.fromisoformat(van), datetime.date.fromisoformat(tot)) == werkdagen


def test_a_reminder_after_two_working_days_and_never_a_second(
    ontvanger, medewerker, django_capture_on_commit_callbacks
):
    verzoek = _verzoek(ontvanger, op=DONDERDAG)
    zondag = DONDERDAG + datetime.timedelta(days=3)
    maandag = DONDERDAG + datetime.timedelta(days=4)
    with django_capture_on_commit_callbacks(execute=True):
        assert herinneringen_versturen(basis_url="https://portaal.example", nu=zondag) == 0
        assert herinneringen_versturen(basis_url="https://portaal.example", nu=maandag) == 1
        assert herinneringen_versturen(basis_url="https://portaal.example", nu=maandag) == 0
    [bericht] = mail.outbox
    assert bericht.to == ["maatje@schuldhulpmaatje.example"]
    assert bericht.subject == "Herinnering: er wacht een verzoek voor SchuldHulpMaatje"
    assert f"https://portaal.example/partner/verzoek/{verzoek.uuid}/" in bericht.body
    assert "Niemand opende dit verzoek binnen 2 werkdagen" in bericht.body


def test_an_opened_request_gets_no_reminder(ontvanger, medewerker, django_capture_on_commit_callbacks):
    _verzoek(ontvanger, op=DONDERDAG, status=VerzoekStatus.GEOPEND)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("herinner_verzoeken")
    assert not mail.outbox


def test_closed_requests_are_deleted_after_the_retention_period_and_unopened_old_ones_too(ontvanger, settings):
    settings.OVERDRACHT_BEWAREN_DAGEN = 30
    settings.OVERDRACHT_ONGEOPEND_DAGEN = 90
    nu = timezone.now()
    oud_gesloten = _verzoek(ontvanger, op=nu - datetime.timedelta(days=60), status=VerzoekStatus.AFGEROND)
    Verzoek.objects.filter(pk=oud_gesloten.pk).update(afgerond_op=nu - datetime.timedelta(days=31))
    net_gesloten = _verzoek(ontvanger, op=nu - datetime.timedelta(days=60), status=VerzoekStatus.AFGEROND)
    Verzoek.objects.filter(pk=net_gesloten.pk).update(afgerond_op=nu - datetime.timedelta(days=29))
    oud_ongeopend = _verzoek(ontvanger, op=nu - datetime.timedelta(days=91))
    geaccepteerd = _verzoek(ontvanger, op=nu - datetime.timedelta(days=91), status=VerzoekStatus.GEACCEPTEERD)
    assert verzoeken_opruimen(nu=nu) == 2
    assert set(Verzoek.objects.values_list("pk", flat=True)) == {net_gesloten.pk, geaccepteerd.pk}
    assert not Verzoek.objects.filter(pk__in=[oud_gesloten.pk, oud_ongeopend.pk]).exists()


def test_the_cleanup_command_says_how_many(ontvanger, capsys):
    nu = timezone.now()
    verzoek = _verzoek(ontvanger, op=nu - datetime.timedelta(days=100), status=VerzoekStatus.AFGEROND)
    Verzoek.objects.filter(pk=verzoek.pk).update(afgerond_op=nu - datetime.timedelta(days=100))
    call_command("verwijder_verzoeken")
    assert "1 verzoek(en) verwijderd." in capsys.readouterr().out
    assert not Verzoek.objects.exists()


def test_a_new_request_is_mailed_through_a_real_smtp_server(
    ontvanger, medewerker, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verzoek = verzoek_indienen(ontvanger=ontvanger, gegevens=GEGEVENS, basis_url="https://portaal.example")
    [ontvangen] = smtp_server.berichten
    assert ontvangen["aan"] == ["maatje@schuldhulpmaatje.example"]
    bericht = ontvangen["bericht"]
    assert bericht["Subject"] == "Nieuw verzoek voor SchuldHulpMaatje (Armoedepact)"
    tekst = bericht.get_body(preferencelist=("plain",)).get_content()
    html = bericht.get_body(preferencelist=("html",)).get_content()
    assert f"https://portaal.example/partner/verzoek/{verzoek.uuid}/" in tekst
    assert re.search(rf'href="https://portaal.example/partner/verzoek/{verzoek.uuid}/"', html)
    assert "Waarom krijgt u deze e-mail?" in tekst and "Waarom krijgt u deze e-mail?" in html
    assert "Jan" not in tekst and "0612345678" not in html


def test_refused_and_forgotten_requests_do_not_stay_forever(ontvanger, settings):
    settings.OVERDRACHT_BEWAREN_DAGEN = 30
    settings.OVERDRACHT_STIL_DAGEN = 60
    nu = timezone.now()
    dag = datetime.timedelta(days=1)
    oud_afgewezen = _verzoek(ontvanger, op=nu - 40 * dag, status=VerzoekStatus.AFGEWEZEN, besloten_op=nu - 31 * dag)
    net_afgewezen = _verzoek(ontvanger, op=nu - 40 * dag, status=VerzoekStatus.AFGEWEZEN, besloten_op=nu - 29 * dag)
    stil_geopend = _verzoek(ontvanger, op=nu - 70 * dag, status=VerzoekStatus.GEOPEND, geopend_op=nu - 61 * dag)
    stil_geaccepteerd = _verzoek(
        ontvanger,
        op=nu - 70 * dag,
        status=VerzoekStatus.GEACCEPTEERD,
        geopend_op=nu - 69 * dag,
        besloten_op=nu - 61 * dag,
    )
    # Opened long ago but accepted recently: still being worked on.
    bezig = _verzoek(
        ontvanger,
        op=nu - 70 * dag,
        status=VerzoekStatus.GEACCEPTEERD,
        geopend_op=nu - 69 * dag,
        besloten_op=nu - 10 * dag,
    )

    assert verzoeken_opruimen(nu=nu) == 1
    assert not Verzoek.objects.filter(pk=oud_afgewezen.pk).exists()
    # The forgotten ones are closed now, and kept for the normal retention period.
    for verzoek in (stil_geopend, stil_geaccepteerd):
        verzoek.refresh_from_db()
        assert verzoek.status == VerzoekStatus.AFGEROND
        assert verzoek.afgerond_op == nu
    bezig.refresh_from_db()
    assert bezig.status == VerzoekStatus.GEACCEPTEERD

    # 31 days later the cleanup command removes them; the one still being worked on stays.
    later = nu + 31 * dag
    assert verzoeken_opruimen(nu=later) == 3
    assert set(Verzoek.objects.values_list("pk", flat=True)) == {bezig.pk}
    assert net_afgewezen.pk not in set(Verzoek.objects.values_list("pk", flat=True))
