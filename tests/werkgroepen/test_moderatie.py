"""Agenda contributions and progress updates of partners wait for the coordinator;
trusted organisations publish directly; the public pact pages show approved ones
only; the partner sees "wacht op controle" (issue 15)."""

import io
import zipfile

import pytest
from django.test import Client

from tests.werkgroepen import partnerwerk as werk
from werkgroepen.models import ActiepuntStatus, AgendaBijdrage, Beoordeling, Voortgang

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    return werk.wereld()


@pytest.fixture
def partner(wereld):
    return werk.ingelogd(wereld["user"])


@pytest.fixture
def coordinator(admin_user):
    return werk.coordinator(admin_user)


def _update(partner, wereld, tekst="Het spreekuur is gestart.", status="bezig"):
    return werk.voortgang_sturen(partner, wereld, tekst, status).content.decode()


def _agenda(partner, wereld, missie="Wij helpen met de post."):
    return werk.agenda_sturen(partner, wereld, missie).content.decode()


def _pijler_pagina(wereld) -> str:
    return Client().get(f"/pact/pijlers/{wereld['pijler'].slug}/").content.decode()


def _agenda_pagina(wereld) -> str:
    return Client().get(f"/pact/agenda/{wereld['ronde'].jaar}/").content.decode()


def _actie(coordinator, model, actie, pk):
    return coordinator.post(
        f"/beheer/werkgroepen/{model}/", {"action": actie, "_selected_action": [pk]}, follow=True
    ).content.decode()


def test_progress_of_a_partner_waits_and_is_public_after_approval(partner, coordinator, wereld):
    html = _update(partner, wereld)
    assert "wacht op controle" in html
    assert "(wacht op controle)" in partner.get("/pact/partner/").content.decode()
    assert "Het spreekuur is gestart." not in _pijler_pagina(wereld)
    wereld["actiepunt"].refresh_from_db()
    assert wereld["actiepunt"].status == ActiepuntStatus.GEPLAND  # the status moves only when approved

    voortgang = Voortgang.objects.get()
    lijst = coordinator.get("/beheer/werkgroepen/voortgang/?beoordeling__exact=wacht").content.decode()
    assert "Wacht op controle" in lijst
    assert "goedgekeurd en staan op de website" in _actie(coordinator, "voortgang", "goedkeuren", voortgang.pk)
    assert "Het spreekuur is gestart." in _pijler_pagina(wereld)
    wereld["actiepunt"].refresh_from_db()
    assert wereld["actiepunt"].status == ActiepuntStatus.BEZIG


def test_rejected_progress_stays_off_the_public_pages_and_out_of_the_open_data(partner, coordinator, wereld):
    _update(partner, wereld, tekst="Een tekst die niet klopt.")
    _actie(coordinator, "voortgang", "afwijzen", Voortgang.objects.get().pk)
    assert Voortgang.objects.get().beoordeling == Beoordeling.AFGEWEZEN
    assert "Een tekst die niet klopt." not in _pijler_pagina(wereld)
    assert "Een tekst die niet klopt." not in Client().get("/").content.decode()
    zip_bytes = Client().get("/pact/open-data.zip").content
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archief:
        assert "Een tekst die niet klopt." not in archief.read("voortgang.csv").decode("utf-8-sig")
    wereld["actiepunt"].refresh_from_db()
    assert wereld["actiepunt"].status == ActiepuntStatus.GEPLAND


def test_a_trusted_organisation_publishes_progress_and_agenda_directly(partner, wereld):
    wereld["eigen"].vertrouwd = True
    wereld["eigen"].save()
    assert "staat op de website" in _update(partner, wereld)
    assert "Het spreekuur is gestart." in _pijler_pagina(wereld)
    _agenda(partner, wereld)
    assert "Wij helpen met de post." in _agenda_pagina(wereld)


def test_an_agenda_contribution_waits_and_the_coordinator_approves_or_rejects_it(partner, coordinator, wereld):
    html = _agenda(partner, wereld)
    assert "wacht op controle" in html
    assert "wacht op controle" in partner.get("/pact/partner/").content.decode()
    assert "Wij helpen met de post." not in _agenda_pagina(wereld)
    bijdrage = AgendaBijdrage.objects.get()
    _actie(coordinator, "agendabijdrage", "goedkeuren", bijdrage.pk)
    assert "Wij helpen met de post." in _agenda_pagina(wereld)
    # Taken offline again by the coordinator.
    _actie(coordinator, "agendabijdrage", "afwijzen", bijdrage.pk)
    assert "Wij helpen met de post." not in _agenda_pagina(wereld)
    assert "niet goedgekeurd" in partner.get("/pact/partner/").content.decode()
