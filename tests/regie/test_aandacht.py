"""The start page of /beheer/: what needs the coordinator's attention."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from armoedepact.models import Lidmaatschap, Revisie
from armoedepact.regie import services
from sociale_kaart.models import Aanbod, Organisatie, Status
from werkgroepen.models import Aansluitverzoek, ActiepuntStatus, Ambassadeurschap, Werkgroep

from ..werkgroepen import factories as f

pytestmark = pytest.mark.django_db


def _wereld(aantal_organisaties: int = 1):
    vandaag = timezone.localdate()
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
    f.bijeenkomst(dagen=12, titel="Pactbijeenkomst voorjaar")
    wg = Werkgroep.objects.create(pijler=f.pijler(), naam="Werkgroep Netwerk")
    Ambassadeurschap.objects.create(
        werkgroep=wg,
        naam="Petra Ambassadeur",
        organisatie=actief,
        termijn_start=vandaag - timedelta(days=700),
        termijn_eind=vandaag + timedelta(days=20),
    )
    f.actiepunt(status=ActiepuntStatus.BEZIG)
    f.actiepunt(status=ActiepuntStatus.BEZIG)
    f.actiepunt(status=ActiepuntStatus.GEPLAND)


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
    # The newest demo norm is of 1 January 2026; on 22 November 2026 that is more than six months ago.
    if timezone.localdate() - date(2026, 1, 1) > timedelta(days=183):
        assert "meer dan zes maanden geleden" in html
    assert "https://kapot.example/aanvragen" in html
    assert "Pactbijeenkomst voorjaar" in html
    assert "Petra Ambassadeur" in html
    assert "Actiepunten per pijler" in html and "<td>2</td>" in html  # two actiepunten 'bezig'


def test_start_page_says_when_all_is_well(admin_client):
    html = admin_client.get("/beheer/").content.decode()
    assert "Er wacht niets." in html
    assert "er zijn nog geen normbedragen" in html
    assert "De links zijn nog niet gecontroleerd" in html


def test_start_page_query_count_does_not_grow_with_the_data(
    admin_client, regelingen_demo, django_assert_max_num_queries
):
    _wereld(aantal_organisaties=1)
    admin_client.get("/beheer/")
    for n in range(1, 30):
        org = Organisatie.objects.create(
            naam=f"Extra {n}", slug=f"extra-{n}", korte_omschrijving="x", status=Status.GEPUBLICEERD
        )
        Aanbod.objects.create(organisatie=org, titel=f"A {n}", slug=f"a-{n}", wat_u_krijgt="x", status="gepubliceerd")
    with django_assert_max_num_queries(30):
        response = admin_client.get("/beheer/")
    assert response.status_code == 200
