"""The start page of /beheer/: what needs the coordinator's attention."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from armoedepact.models import Revisie
from armoedepact.regie import selectors, services
from sociale_kaart.models import Aanbod, Lidmaatschap, Organisatie, Status
from tests.werkgroepen import factories as f
from werkgroepen.models import Aansluitverzoek, ActiepuntStatus, Ambassadeurschap, Werkgroep

from .otp import otp_verifieer

pytestmark = pytest.mark.django_db


# A fixed day for the selector tests, so they never flip with the calendar. The page
# itself always uses today, so page tests build their world relative to today.
VANDAAG = date(2026, 11, 22)


def _wereld(aantal_organisaties: int = 1, vandaag: date | None = None):
    vandaag = vandaag or timezone.localdate()
    oud = vandaag - timedelta(days=400)
    for n in range(aantal_organisaties):
        org = Organisatie.objects.create(
            naam=f"Stille Stichting {n}",
            slug=f"stille-stichting-{n}",
            korte_omschrijving="Wij helpen.",
            status=Status.GEPUBLICEERD,
            laatst_gecontroleerd=vandaag,
        )
        Aanbod.objects.create(
            organisatie=org,
            titel=f"Oude koffieochtend {n}",
            slug=f"oude-koffieochtend-{n}",
            wat_u_krijgt="Koffie.",
            status=Status.GEPUBLICEERD,
            laatst_gecontroleerd=oud,
        )
    actief = Organisatie.objects.create(
        naam="Actieve Vereniging",
        slug="actieve-vereniging",
        korte_omschrijving="Wij helpen.",
        status=Status.GEPUBLICEERD,
        laatst_gecontroleerd=vandaag,
    )
    user = get_user_model().objects.create_user(username="lid@voorbeeld.nl", password="x" * 20)
    Lidmaatschap.objects.create(gebruiker=user, organisatie=actief)
    Revisie.objects.create(soort=Revisie.Soort.ORGANISATIE, organisatie=actief, data={"naam": "Nieuw"})
    Aansluitverzoek.objects.create(
        organisatie_naam="Kerk De Ark",
        contactpersoon="Jan",
        email="jan@ark.example",
        wat_doet_u="Maaltijden.",
        bijdrage="Koken.",
    )
    f.BijeenkomstFactory(dagen=12, titel="Pactbijeenkomst voorjaar")
    wg = Werkgroep.objects.create(pijler=f.PijlerFactory(), naam="Werkgroep Netwerk")
    Ambassadeurschap.objects.create(
        werkgroep=wg,
        naam="Petra Ambassadeur",
        organisatie=actief,
        termijn_start=vandaag - timedelta(days=700),
        termijn_eind=vandaag + timedelta(days=20),
    )
    f.ActiepuntFactory(status=ActiepuntStatus.BEZIG)
    f.ActiepuntFactory(status=ActiepuntStatus.BEZIG)
    f.ActiepuntFactory(status=ActiepuntStatus.GEPLAND)


def test_start_page_shows_what_needs_attention(admin_client, regelingen_demo):
    _wereld()
    services.linkcontrole_opslaan(
        aantal_links=3,
        fouten=[services.LinkFout("regeling", 1, "Kindpakket", "https://kapot.example/aanvragen", "Foutcode 404.")],
    )
    html = admin_client.get("/beheer/").content.decode()
    assert "Wat vraagt aandacht" in html
    assert "Wijzigingen die wachten op goedkeuring (1)" in html
    assert "Aanmeldingen voor het pact (1)" in html and "Kerk De Ark" in html
    assert "Stille Stichting 0" in html  # aanbod not checked for 11+ months
    zonder = html.split('id="kop-zonder"')[1].split("</section>")[0]
    assert "Stille Stichting 0" in zonder and "Actieve Vereniging" not in zonder  # the Vereniging has a user
    assert "https://kapot.example/aanvragen" in html
    assert "Pactbijeenkomst voorjaar" in html
    assert "Petra Ambassadeur" in html
    assert "Actiepunten per pijler" in html and "<td>2</td>" in html  # two actiepunten 'bezig'


def test_start_page_says_when_all_is_well(admin_client):
    html = admin_client.get("/beheer/").content.decode()
    assert "Er wacht niets." in html
    assert "er zijn nog geen normbedragen" in html
    assert "De links zijn nog niet gecontroleerd" in html


def test_start_page_query_count_does_not_grow_with_the_data(admin_client, regelingen_demo):
    """The same number of queries with 1 organisation as with 30, and a cap: every block of
    the start page (waiting changes, Net gepubliceerd, norms per household type, checks due,
    the pact's planning, ...) costs a fixed number of queries."""
    _wereld(aantal_organisaties=1)
    admin_client.get("/beheer/")
    with CaptureQueriesContext(connection) as weinig:
        admin_client.get("/beheer/")
    for n in range(1, 30):
        org = Organisatie.objects.create(
            naam=f"Extra {n}", slug=f"extra-{n}", korte_omschrijving="x", status=Status.GEPUBLICEERD
        )
        Aanbod.objects.create(organisatie=org, titel=f"A {n}", slug=f"a-{n}", wat_u_krijgt="x", status="gepubliceerd")
    with CaptureQueriesContext(connection) as veel:
        response = admin_client.get("/beheer/")
    assert response.status_code == 200
    assert len(veel) == len(weinig)
    assert len(veel) <= 36


def test_norms_are_too_old_more_than_six_months_after_the_newest_norm(admin_user, regelingen_demo):
    # The newest demo norm is of 1 January 2026.
    laat = selectors.aandacht(user=admin_user, vandaag=date(2026, 11, 22))
    assert laat["nieuwste_norm"] == date(2026, 1, 1) and laat["norm_te_oud"] is True
    vroeg = selectors.aandacht(user=admin_user, vandaag=date(2026, 3, 1))
    assert vroeg["norm_te_oud"] is False


def test_selector_counts_relative_to_the_given_day(admin_user):
    _wereld(vandaag=VANDAAG)
    result = selectors.aandacht(user=admin_user, vandaag=VANDAAG)
    assert [o.naam for o in result["verouderd"]] == ["Stille Stichting 0"]
    assert [t.naam for t in result["termijnen"]] == ["Petra Ambassadeur"]
    # 40 days later the term (ending VANDAAG + 20) is over and no longer listed.
    assert selectors.aandacht(user=admin_user, vandaag=VANDAAG + timedelta(days=40))["termijnen"] == []


# --- What each staff group sees (armoedepact/migrations/0004_staff_groups.py) -------------

BLOKKEN = {
    "revisies": 'id="kop-revisies"',
    "verzoeken": 'id="kop-verzoeken"',
    "normen": 'id="kop-normen"',
    "links": "https://kapot.example/aanvragen",
    "verouderd": 'id="kop-verouderd"',
    "zonder": 'id="kop-zonder"',
    "uitnodigen": "Nodig iemand uit",
    "bijeenkomsten": 'id="kop-bijeenkomsten"',
    "termijnen": 'id="kop-termijnen"',
    "actiepunten": 'id="kop-actiepunten"',
    "bereik": "Bereik bekijken",
    "testgevallen": "Regels testen",
}
ZICHTBAAR = {
    "coördinator": set(BLOKKEN),
    "redacteur": {"normen", "verouderd", "zonder", "bijeenkomsten", "actiepunten"},
}


def _startpagina_als(client, django_user_model, groep: str) -> str:
    user = django_user_model.objects.create_user(username="staf@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name=groep))
    client.force_login(user)
    otp_verifieer(client, user)
    response = client.get("/beheer/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("groep", ["coördinator", "redacteur"])
def test_start_page_shows_each_group_only_the_blocks_it_may_open(client, django_user_model, regelingen_demo, groep):
    _wereld()
    services.linkcontrole_opslaan(
        aantal_links=3,
        fouten=[services.LinkFout("regeling", 1, "Kindpakket", "https://kapot.example/aanvragen", "Foutcode 404.")],
    )
    html = _startpagina_als(client, django_user_model, groep)
    getoond = {blok for blok, teken in BLOKKEN.items() if teken in html}
    assert getoond == ZICHTBAAR[groep]


def test_redacteur_does_not_see_the_moderation_queue_or_join_requests(client, django_user_model):
    _wereld()
    html = _startpagina_als(client, django_user_model, "redacteur")
    assert "Wijzigingen die wachten op goedkeuring" not in html
    assert "Aanmeldingen voor het pact" not in html and "Kerk De Ark" not in html
    assert "Petra Ambassadeur" not in html
    assert "Stille Stichting 0" in html  # the kaart is the redacteur's own work


def test_coordinator_sees_the_moderation_queue_and_join_requests(client, django_user_model):
    _wereld()
    html = _startpagina_als(client, django_user_model, "coördinator")
    assert "Wijzigingen die wachten op goedkeuring (1)" in html
    assert "Aanmeldingen voor het pact (1)" in html and "Kerk De Ark" in html
    assert "Petra Ambassadeur" in html


def test_selector_leaves_out_what_the_redacteur_may_not_see(django_user_model):
    _wereld()
    user = django_user_model.objects.create_user(username="red@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name="redacteur"))
    result = selectors.aandacht(user=user, vandaag=VANDAAG)
    for verborgen in ("revisies", "verzoeken", "termijnen", "kapotte_links"):
        assert verborgen not in result
    assert result["toon"]["revisies"] is False and result["toon"]["organisaties"] is True
