"""The verification routine (issue 20): per aanbod when its phone, address, opening
hours and "how to start" were last confirmed; the coordinator's work list, most out
of date first; `manage.py verificatie` first sends the organisation a notice (a real
SMTP server), then hides what nobody confirms from residents; "Alles klopt nog" on
the partner dashboard brings it back."""

import io
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from armoedepact.models import Herinnering
from sociale_kaart.models import Aanbod, AanbodZoekindex, Lidmaatschap
from sociale_kaart.selectors import aanbod_publiek, maanden_terug
from tests.armoedepact.partner.test_portal import PASSWORD, _aanbod, _org
from tests.armoedepact.regie.otp import otp_verifieer

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


@pytest.fixture
def coordinator(client, django_user_model):
    user = django_user_model.objects.create_user(username="cora@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name="coördinator"))
    client.force_login(user)
    otp_verifieer(client, user)
    return client


@pytest.fixture
def org(db):
    return _org("humanitas")


@pytest.fixture
def partner(org, django_user_model):
    user = django_user_model.objects.create_user(username="p@voorbeeld.nl", email="p@voorbeeld.nl", password=PASSWORD)
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org)
    return user


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


@pytest.fixture
def versturen(django_capture_on_commit_callbacks):
    def draai():
        with django_capture_on_commit_callbacks(execute=True):
            call_command("verificatie", basis_url="https://portaal.example", stdout=io.StringIO())

    return draai


def _gecontroleerd(aanbod, datum, **velden):
    Aanbod.objects.filter(pk=aanbod.pk).update(laatst_gecontroleerd=datum, **velden)
    aanbod.refresh_from_db()
    return aanbod


def _zichtbaar(aanbod) -> bool:
    return aanbod_publiek().filter(pk=aanbod.pk).exists() and AanbodZoekindex.objects.get(aanbod=aanbod).publiek


def test_the_work_list_puts_the_most_out_of_date_first(coordinator, org):
    recent = _gecontroleerd(_aanbod(org, titel="Recent gecontroleerd"), VANDAAG - timedelta(days=10))
    heel_oud = _gecontroleerd(_aanbod(org, titel="Heel oud"), VANDAAG - timedelta(days=900))
    # Checked as a whole 600 days ago, but its phone number was confirmed last week:
    # the other fields are still 600 days old.
    half = _gecontroleerd(
        _aanbod(org, titel="Telefoon net bevestigd"),
        VANDAAG - timedelta(days=600),
        telefoon_bevestigd_op=VANDAAG - timedelta(days=7),
    )
    html = coordinator.get("/beheer/regie/verificatie/").content.decode()
    assert html.index("Heel oud") < html.index("Telefoon net bevestigd") < html.index("Recent gecontroleerd")
    assert "2 aanbod zijn langer dan 18 maanden niet bevestigd." in html
    rij = html[html.index("Telefoon net bevestigd") :].split("</tr>")[0]
    assert f"{half.telefoon_bevestigd_op:%-d-%-m-%Y}</td>" in rij  # the phone: fine
    assert rij.count("(te oud)") == 3  # address, opening hours, how to start
    assert heel_oud and recent
    assert "Gegevens controleren" in coordinator.get("/beheer/").content.decode()  # linked from the start page


def test_the_setting_decides_how_old_is_too_old(coordinator, org, settings):
    _gecontroleerd(_aanbod(org, titel="Acht maanden"), maanden_terug(VANDAAG, 8))
    assert (
        "Al het aanbod is in de laatste 18 maanden bevestigd."
        in coordinator.get("/beheer/regie/verificatie/").content.decode()
    )
    settings.VERIFICATIE_MAANDEN = 6
    assert (
        "1 aanbod is langer dan 6 maanden niet bevestigd."
        in coordinator.get("/beheer/regie/verificatie/").content.decode()
    )


def test_a_redacteur_without_change_rights_cannot_open_the_work_list(client, django_user_model):
    user = django_user_model.objects.create_user(username="lezer@voorbeeld.nl", password="x" * 20, is_staff=True)
    client.force_login(user)
    otp_verifieer(client, user)
    assert client.get("/beheer/regie/verificatie/").status_code == 403


def test_notice_first_then_hidden_then_back_after_alles_klopt_nog(
    org, partner, partner_client, smtp_server, versturen, client
):
    oud = _gecontroleerd(_aanbod(org, titel="Oude spreekuren"), VANDAAG - timedelta(days=800))
    vers = _gecontroleerd(_aanbod(org, titel="Nieuwe spreekuren"), VANDAAG)

    # 1. The notice: to the organisation's members, naming the entry; still visible.
    versturen()
    [bericht] = smtp_server.berichten
    assert bericht["aan"] == ["p@voorbeeld.nl"]
    tekst = bericht["bericht"].get_body(preferencelist=("plain",)).get_content()
    assert "Oude spreekuren" in tekst and "Nieuwe spreekuren" not in tekst
    assert "Dan zien inwoners dit aanbod niet meer" in tekst
    assert "https://portaal.example/partner/" in tekst
    assert Herinnering.objects.filter(soort=Herinnering.Soort.VERIFICATIE, organisatie=org).count() == 1
    assert _zichtbaar(oud)
    assert client.get(f"/hulp/{oud.slug}/").status_code == 200

    # The same day again: no second notice, not hidden yet.
    versturen()
    assert len(smtp_server.berichten) == 1
    assert _zichtbaar(oud)

    # 2. Fourteen days after the notice, still unconfirmed: hidden from residents.
    Aanbod.objects.filter(pk=oud.pk).update(verificatie_gemeld_op=timezone.now() - timedelta(days=15))
    versturen()
    assert not _zichtbaar(oud)
    assert client.get(f"/hulp/{oud.slug}/").status_code == 404
    assert _zichtbaar(vers)

    # 3. The partner sees it on the dashboard and confirms: visible again at once.
    dashboard = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "Oude spreekuren <strong>(inwoners zien dit nu niet)</strong>" in dashboard
    response = partner_client.post(f"/partner/aanbod/{oud.uuid}/klopt/")
    assert response.status_code == 302
    assert _zichtbaar(oud)
    oud.refresh_from_db()
    assert oud.telefoon_bevestigd_op == VANDAAG and oud.hoe_aanvragen_bevestigd_op == VANDAAG
    assert oud.verificatie_gemeld_op is None
    versturen()
    assert len(smtp_server.berichten) == 1  # nothing new to tell


def test_an_organisation_without_an_account_gets_no_notice_and_is_not_hidden(smtp_server, versturen):
    zonder = _org("zonder-account", email="info@zonder.example")
    oud = _gecontroleerd(_aanbod(zonder, titel="Zonder account"), VANDAAG - timedelta(days=800))
    versturen()
    Aanbod.objects.filter(pk=oud.pk).update(verificatie_gemeld_op=None)
    versturen()
    assert smtp_server.berichten == []
    assert _zichtbaar(oud)


def test_maanden_terug_keeps_the_day_or_takes_the_last_of_the_month():
    assert maanden_terug(date(2026, 12, 3), 18) == date(2025, 6, 3)
    assert maanden_terug(date(2026, 8, 31), 6) == date(2026, 2, 28)


def test_the_partner_confirms_part_and_it_stays_hidden_until_every_field_is_confirmed(org, partner_client):
    oud = _gecontroleerd(
        _aanbod(org, titel="Oude spreekuren"),
        VANDAAG - timedelta(days=800),
        verborgen_wegens_verificatie=True,
        verificatie_gemeld_op=timezone.now() - timedelta(days=20),
    )
    dashboard = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "Wat klopt nog bij Oude spreekuren?" in dashboard

    url = f"/partner/aanbod/{oud.uuid}/klopt/"
    partner_client.post(url, {"deel": "1", "veld": ["telefoon", "adres"]})
    oud.refresh_from_db()
    assert oud.telefoon_bevestigd_op == VANDAAG and oud.adres_bevestigd_op == VANDAAG
    assert oud.openingstijden_bevestigd_op is None
    assert not _zichtbaar(oud)  # opening hours and how to start are still unconfirmed

    # Nothing ticked, or a field that does not exist: a Dutch message, nothing changes.
    for fout in ({"deel": "1"}, {"deel": "1", "veld": ["kleur"]}):
        response = partner_client.post(url, fout, follow=True)
        assert "Kies wat er nog klopt" in response.content.decode()
    oud.refresh_from_db()
    assert oud.openingstijden_bevestigd_op is None

    partner_client.post(url, {"deel": "1", "veld": ["openingstijden", "hoe_aanvragen"]})
    assert _zichtbaar(oud)


def test_approving_an_edit_confirms_only_the_critical_fields_it_changed(coordinator, org, partner):
    from django.utils.datastructures import MultiValueDict

    from armoedepact.models import Revisie
    from armoedepact.partner import services
    from armoedepact.partner.forms import AanbodForm
    from sociale_kaart.models import Openingstijd
    from tests.armoedepact.partner.test_portal import _form_data

    oud = VANDAAG - timedelta(days=600)
    aanbod = _aanbod(org, titel="Telefoon gewijzigd", telefoon="0594 111111", hoe_aanvragen="Bel ons.")
    Openingstijd.objects.create(aanbod=aanbod, weekdag=0, van="09:00", tot="12:00")
    velden = dict.fromkeys(("telefoon_bevestigd_op", "adres_bevestigd_op", "openingstijden_bevestigd_op"), oud)
    aanbod = _gecontroleerd(aanbod, oud, hoe_aanvragen_bevestigd_op=oud, **velden)
    data = _form_data(aanbod, telefoon="0594 222222", hoe_aanvragen="Bel ons.")
    form = AanbodForm(data=MultiValueDict({k: [v] for k, v in data.items()}), instance=aanbod)
    assert form.is_valid(), form.errors
    revisie = services.aanbod_opslaan(form=form, organisatie=org, door=partner)
    assert isinstance(revisie, Revisie)  # waits for the coordinator
    services.revisie_goedkeuren(revisie=revisie, door=None)
    aanbod.refresh_from_db()
    assert aanbod.telefoon_bevestigd_op == VANDAAG  # changed: confirmed by the approval
    assert aanbod.hoe_aanvragen_bevestigd_op == oud  # untouched: keeps its own date
    assert aanbod.openingstijden_bevestigd_op == oud
    # The work list shows each field's own date, and so still calls this aanbod out of date.
    html = coordinator.get("/beheer/regie/verificatie/").content.decode()
    rij = html[html.index("Telefoon gewijzigd") :].split("</tr>")[0]
    assert f"{VANDAAG.day}-{VANDAAG.month}-{VANDAAG.year}" in rij
    assert f"{oud.day}-{oud.month}-{oud.year} (te oud)" in rij
