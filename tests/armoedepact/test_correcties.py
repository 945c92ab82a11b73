""" "Klopt er iets niet?" (issue 20): a visitor reports a mistake on a public aanbod,
organisatie or regeling page; it reaches the organisation's dashboard and the
coordinator's list in /beheer/, both mark it done; counted per month on the bereik
page; deleted 12 months after it was done."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armoedepact.correcties import services
from armoedepact.correcties.views import MELDINGEN_PER_UUR
from armoedepact.models import Correctie
from regelingen.models import Regeling
from sociale_kaart.models import Lidmaatschap, Status
from tests.armoedepact.regie.otp import otp_verifieer
from tests.sociale_kaart.factories import AanbodFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client):
    user = get_user_model().objects.create_user(username="c@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name="coördinator"))
    client.force_login(user)
    otp_verifieer(client, user)
    return client


GELDIG = {"wat": "tijden", "toelichting": "Op woensdag is het nu dicht.", "website_adres": ""}


@pytest.fixture
def aanbod():
    return AanbodFactory(titel="Gratis fietsreparatie", slug="fietsreparatie")


def _url(onderwerp, slug, taal=""):
    return f"{taal}/klopt-er-iets-niet/{onderwerp}/{slug}/"


def test_every_public_page_links_to_the_form(client, aanbod, regelingen_demo):
    html = client.get(f"/hulp/{aanbod.slug}/").content.decode()
    assert f'href="{_url("aanbod", aanbod.slug)}"' in html and "Klopt er iets niet?" in html
    html = client.get(f"/organisatie/{aanbod.organisatie.slug}/").content.decode()
    assert f'href="{_url("organisatie", aanbod.organisatie.slug)}"' in html
    regeling = Regeling.objects.filter(actief=True).first()
    html = client.get(f"/en/hulp/{aanbod.slug}/").content.decode()
    assert f'href="{_url("aanbod", aanbod.slug, "/en")}"' in html and "Is something wrong?" in html
    assert client.get(_url("regeling", regeling.slug)).status_code == 200


def test_a_report_reaches_the_organisation_and_asks_no_personal_data(client, aanbod):
    pagina = client.get(_url("aanbod", aanbod.slug)).content.decode()
    assert "Wij vragen niet wie u bent" in pagina and "Gratis fietsreparatie" in pagina
    assert 'class="lokveld"' in pagina  # the honeypot is there, hidden
    response = client.post(_url("aanbod", aanbod.slug), GELDIG)
    assert response.status_code == 302 and response["Location"] == _url("aanbod", aanbod.slug) + "bedankt/"
    assert "Bedankt voor uw melding" in client.get(response["Location"]).content.decode()
    correctie = Correctie.objects.get()
    assert (correctie.organisatie, correctie.aanbod, correctie.wat) == (aanbod.organisatie, aanbod, "tijden")
    assert correctie.toelichting == "Op woensdag is het nu dicht." and correctie.ingediend_op == date.today()


def test_a_regeling_report_reaches_its_uitvoerder(client, regelingen_demo):
    regeling = Regeling.objects.filter(actief=True).select_related("uitvoerder").first()
    client.post(_url("regeling", regeling.slug), {**GELDIG, "wat": "tekst"})
    correctie = Correctie.objects.get()
    assert correctie.regeling == regeling and correctie.organisatie == regeling.uitvoerder


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"toelichting": "Klopt niet."}, "Kies wat er niet klopt."),
        ({"wat": "iets-raars", "toelichting": "Klopt niet."}, "Kies wat er niet klopt."),
        ({"wat": "adres", "toelichting": "   "}, "Schrijf kort wat er niet klopt."),
        ({"wat": "adres", "toelichting": "x" * 1001}, "Dit is te lang. Gebruik 1000 tekens of minder."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(client, aanbod, data, melding):
    response = client.post(_url("aanbod", aanbod.slug), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout: Klopt er iets niet?" in html and "Er is een probleem" in html and melding in html
    assert not Correctie.objects.exists()


def test_bad_input_in_english(client, aanbod):
    html = client.post(_url("aanbod", aanbod.slug, "/en"), {"toelichting": "x"}).content.decode()
    assert "Choose what is wrong." in html


def test_unknown_or_hidden_pages_are_404(client, aanbod):
    concept = AanbodFactory(status=Status.CONCEPT)
    for url in (_url("aanbod", concept.slug), _url("aanbod", "bestaat-niet"), _url("iets", aanbod.slug)):
        assert client.get(url).status_code == 404
        assert client.post(url, GELDIG).status_code == 404
    assert not Correctie.objects.exists()


def test_honeypot_pretends_success_but_saves_nothing(client, aanbod):
    response = client.post(_url("aanbod", aanbod.slug), {**GELDIG, "website_adres": "http://spam.example"})
    assert response.status_code == 302
    assert not Correctie.objects.exists()


def test_a_flood_from_one_address_is_stopped(client, aanbod):
    for _ in range(MELDINGEN_PER_UUR):
        assert client.post(_url("aanbod", aanbod.slug), GELDIG).status_code == 302
    response = client.post(_url("aanbod", aanbod.slug), GELDIG)
    assert response.status_code == 429
    assert "al een paar meldingen gestuurd" in response.content.decode()
    assert Correctie.objects.count() == MELDINGEN_PER_UUR
    # Another address still gets through.
    assert client.post(_url("aanbod", aanbod.slug), GELDIG, REMOTE_ADDR="192.0.2.7").status_code == 302


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.fixed_dictionaries(
        {},
        optional=dict.fromkeys(
            ["wat", "toelichting", "website_adres"],
            st.one_of(st.text(max_size=300), st.sampled_from(["adres", "tijden", "\x00", ""]), st.text(min_size=990)),
        ),
    )
)
def test_the_form_never_errors(client, aanbod, data):
    from django.db import connection

    from common.paginacache import TELLER_TABEL

    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TELLER_TABEL}")  # noqa: S608
    Correctie.objects.all().delete()
    response = client.post(_url("aanbod", aanbod.slug), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Er is een probleem" in response.content.decode()
        assert not Correctie.objects.exists()


def _lid(organisatie):
    user = get_user_model().objects.create_user(username="p@voorbeeld.nl", email="p@voorbeeld.nl", password="x")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=organisatie)
    return user


def test_the_organisation_sees_it_on_its_dashboard_and_marks_it_done(client, aanbod):
    client.post(_url("aanbod", aanbod.slug), GELDIG)
    andere = OrganisatieFactory()
    client.post(_url("organisatie", andere.slug), {**GELDIG, "toelichting": "Ander nummer."})
    client.force_login(_lid(aanbod.organisatie))
    html = client.get(f"/partner/organisatie/{aanbod.organisatie.slug}/").content.decode()
    assert "Op woensdag is het nu dicht." in html and "De openingstijden" in html
    assert "Ander nummer." not in html  # another organisation's report stays there
    correctie = Correctie.objects.get(organisatie=aanbod.organisatie)
    response = client.post(f"/partner/melding/{correctie.pk}/afgehandeld/")
    assert response.status_code == 302
    correctie.refresh_from_db()
    assert correctie.afgehandeld_op == date.today()
    html = client.get(f"/partner/organisatie/{aanbod.organisatie.slug}/").content.decode()
    assert "Op woensdag is het nu dicht." not in html and "Er zijn geen open meldingen" in html


def test_the_coordinator_lists_open_ones_first_and_marks_them_done(coordinator_client, aanbod):
    oud = services.correctie_indienen(pagina=_pagina(aanbod), wat="adres", toelichting="Al opgelost.")
    services.correctie_afhandelen(correctie=oud, door=None)
    nieuw = services.correctie_indienen(pagina=_pagina(aanbod), wat="contact", toelichting="Nieuw nummer.")
    html = coordinator_client.get("/beheer/armoedepact/correctie/").content.decode()
    assert html.index("Nieuw nummer.") < html.index("Al opgelost.")
    response = coordinator_client.post(f"/beheer/armoedepact/correctie/{nieuw.pk}/change/", {"_afgehandeld": "1"})
    assert response.status_code == 302
    nieuw.refresh_from_db()
    assert nieuw.afgehandeld_op == date.today()


def _pagina(aanbod):
    from armoedepact.correcties.selectors import pagina_voor_correctie

    return pagina_voor_correctie(onderwerp="aanbod", slug=aanbod.slug)


def test_counted_per_month_with_small_counts_hidden(coordinator_client, aanbod):
    for i in range(7):
        correctie = services.correctie_indienen(pagina=_pagina(aanbod), wat="tekst", toelichting=f"Fout {i}.")
        if i < 6:
            services.correctie_afhandelen(correctie=correctie, door=None)
    html = coordinator_client.get("/beheer/regie/bereik/").content.decode()
    blok = html[html.index('id="kop-correcties"') :]
    maand = blok[blok.index("<tbody>") : blok.index("</tbody>")]
    # 7 received, 6 done, 1 open: the open count is hidden, and so is "done" (7 - 6 would tell it).
    assert "<td>7</td>" in maand and "<td>minder dan 5</td>" in maand and "<td>verborgen</td>" in maand
    assert "<td>6</td>" not in maand and "<td>1</td>" not in maand


def test_deleted_12_months_after_done_and_the_privacy_page_says_so(client, aanbod):
    klaar = services.correctie_indienen(pagina=_pagina(aanbod), wat="tekst", toelichting="Oud.")
    services.correctie_afhandelen(correctie=klaar, door=None)
    Correctie.objects.filter(pk=klaar.pk).update(afgehandeld_op=date.today() - timedelta(days=370))
    recent = services.correctie_indienen(pagina=_pagina(aanbod), wat="tekst", toelichting="Recent.")
    services.correctie_afhandelen(correctie=recent, door=None)
    Correctie.objects.filter(pk=recent.pk).update(afgehandeld_op=date.today() - timedelta(days=300))
    open_ = services.correctie_indienen(pagina=_pagina(aanbod), wat="tekst", toelichting="Open.")
    Correctie.objects.filter(pk=open_.pk).update(ingediend_op=date.today() - timedelta(days=800))
    uit = StringIO()
    call_command("verwijder_correcties", stdout=uit)
    assert "1 melding(en) verwijderd" in uit.getvalue()
    assert set(Correctie.objects.values_list("toelichting", flat=True)) == {"Recent.", "Open."}
    assert "Dan wissen wij haar 12 maanden later" in client.get("/privacy/").content.decode()
