"""The pact's partner pages: what a partner notices. Who may open them: the one
permission matrix in test_permission_matrix.py."""

import pytest
from django.utils import timezone

from tests.werkgroepen import factories as f
from werkgroepen import services as werkgroepen_services
from werkgroepen.models import Aanmelding, AanmeldingStatus, ActiepuntStatus, AgendaBijdrage, Voortgang

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld():
    eigen, ander = f.OrganisatieFactory(naam="Eigen"), f.OrganisatieFactory(naam="Ander")
    p = f.PijlerFactory()
    return {
        "eigen": eigen,
        "ander": ander,
        "user": f.GebruikerFactory(organisatie=eigen),
        "bijeenkomst": f.BijeenkomstFactory(),
        "eigen_actiepunt": f.ActiepuntFactory(trekker=eigen, pijler=p),
        "ander_actiepunt": f.ActiepuntFactory(trekker=ander, pijler=p),
        "ronde": f.AgendaRondeFactory(),
        "pijler": p,
    }


def _urls(w, wie):
    org = w["eigen"] if wie == "eigen" else w["ander"]
    ap = w["eigen_actiepunt"] if wie == "eigen" else w["ander_actiepunt"]
    b = w["bijeenkomst"]
    return {
        "aanmelden": f"/pact/partner/{org.pk}/bijeenkomsten/{b.pk}/aanmelden/",
        "afmelden": f"/pact/partner/{org.pk}/bijeenkomsten/{b.pk}/afmelden/",
        "voortgang": f"/pact/partner/{org.pk}/actiepunten/{ap.pk}/voortgang/",
        "agenda": f"/pact/partner/{org.pk}/agenda/",
    }


def test_overview_requires_login_and_a_user_without_organisation_gets_help(client, wereld):
    assert client.get("/pact/partner/").status_code == 302
    client.force_login(f.GebruikerFactory())
    html = client.get("/pact/partner/").content.decode()
    assert "hoort nog niet bij een organisatie" in html


def test_overview_lists_meetings_actiepunten_and_agenda(client, wereld, django_assert_max_num_queries):
    client.force_login(wereld["user"])
    with django_assert_max_num_queries(16):  # fixed, whatever the number of meetings or actiepunten
        html = client.get("/pact/partner/").content.decode()
    assert wereld["bijeenkomst"].titel in html
    assert wereld["eigen_actiepunt"].titel in html
    assert wereld["ander_actiepunt"].titel not in html
    assert f"Agenda {timezone.localdate().year} invullen" in html


def test_sign_up_twice_and_cancel_messages(client, wereld):
    client.force_login(wereld["user"])
    url = _urls(wereld, "eigen")
    html = client.post(url["aanmelden"], follow=True).content.decode()
    assert "U bent aangemeld voor" in html and "Afmelden" in html
    html = client.post(url["aanmelden"], follow=True).content.decode()
    assert "U was al aangemeld" in html
    assert Aanmelding.objects.count() == 1
    html = client.post(url["afmelden"], follow=True).content.decode()
    assert "U bent afgemeld" in html
    assert Aanmelding.objects.get().status == AanmeldingStatus.AFGEMELD


def test_full_meeting_puts_partner_on_waiting_list(client, wereld):
    vol = f.BijeenkomstFactory(max_plaatsen=1)
    Aanmelding.objects.create(
        bijeenkomst=vol,
        organisatie=wereld["ander"],
        gebruiker=f.GebruikerFactory(organisatie=wereld["ander"]),
        aangemeld_op=timezone.now(),
    )
    client.force_login(wereld["user"])
    html = client.get("/pact/partner/").content.decode()
    assert "Vol: nieuwe aanmeldingen komen op de wachtlijst" in html
    html = client.post(f"/pact/partner/{wereld['eigen'].pk}/bijeenkomsten/{vol.pk}/aanmelden/", follow=True)
    assert "U staat op de wachtlijst" in html.content.decode()


def test_past_meeting_sign_up_gives_clear_message(client, wereld):
    voorbij = f.BijeenkomstFactory(dagen=-1)
    client.force_login(wereld["user"])
    response = client.post(f"/pact/partner/{wereld['eigen'].pk}/bijeenkomsten/{voorbij.pk}/aanmelden/", follow=True)
    assert "Aanmelden kan niet meer" in response.content.decode()
    assert not Aanmelding.objects.exists()


def test_progress_update_with_status_change(client, wereld):
    client.force_login(wereld["user"])
    url = _urls(wereld, "eigen")["voortgang"]
    html = client.get(url).content.decode()
    assert "Ja, nu: bezig" in html and "Ja, nu: afgerond" not in html
    response = client.post(url, {"tekst": "Gestart.", "status": "bezig"}, follow=True)
    # Not a trusted organisation: the update waits for the coordinator (issue 15).
    assert "wacht op controle" in response.content.decode()
    wereld["eigen_actiepunt"].refresh_from_db()
    assert wereld["eigen_actiepunt"].status == ActiepuntStatus.GEPLAND
    werkgroepen_services.voortgang_beoordelen(voortgang=Voortgang.objects.get(), goedkeuren=True)
    wereld["eigen_actiepunt"].refresh_from_db()
    assert wereld["eigen_actiepunt"].status == ActiepuntStatus.BEZIG
    # A status the actiepunt cannot reach from here: a clear message, nothing saved.
    response = client.post(url, {"tekst": "Weer gepland.", "status": "gepland"})
    assert response.status_code == 200 and "Kies een van de statussen" in response.content.decode()
    assert Voortgang.objects.count() == 1


def test_progress_update_needs_text(client, wereld):
    client.force_login(wereld["user"])
    response = client.post(_urls(wereld, "eigen")["voortgang"], {"tekst": "  "})
    html = response.content.decode()
    assert "<title>Fout:" in html and "Schrijf kort wat er is gebeurd." in html
    assert not Voortgang.objects.exists()


def test_agenda_form_errors_and_edit(client, wereld):
    client.force_login(wereld["user"])
    url = _urls(wereld, "eigen")["agenda"]
    response = client.post(url, {"missie": "", "activiteit_2_tekst": "Zonder pijler"})
    html = response.content.decode()
    assert "Schrijf de missie van uw organisatie" in html
    assert "Kies bij activiteit 2 een pijler." in html
    assert "Beschrijf minstens één activiteit voor dit jaar." in html
    assert not AgendaBijdrage.objects.exists()

    p = str(wereld["pijler"].pk)
    client.post(url, {"missie": "Wij helpen.", "activiteit_1_tekst": "Spreekuur.", "activiteit_1_pijler": p})
    html = client.get(url).content.decode()
    assert "Wij helpen." in html and "Spreekuur." in html and "al ingevuld" in html
    # Not a trusted organisation: public only after the coordinator's approval (issue 15).
    assert "Wij helpen." not in client.get(f"/pact/agenda/{wereld['ronde'].jaar}/").content.decode()
    werkgroepen_services.agendabijdrage_beoordelen(bijdrage=AgendaBijdrage.objects.get(), goedkeuren=True)
    assert "Wij helpen." in client.get(f"/pact/agenda/{wereld['ronde'].jaar}/").content.decode()


def test_agenda_without_open_round_is_404(client, wereld):
    wereld["ronde"].status = "gesloten"
    wereld["ronde"].save()
    client.force_login(wereld["user"])
    assert client.get(_urls(wereld, "eigen")["agenda"]).status_code == 404


def test_sign_up_several_colleagues_at_once(client, wereld):
    """Issue 20: one form signs up yourself and the colleagues you tick (only your own organisation's)."""
    collega = f.GebruikerFactory(organisatie=wereld["eigen"], first_name="Cor", last_name="Collega")
    tweede = f.GebruikerFactory(organisatie=wereld["eigen"], first_name="Tineke", last_name="Twee")
    vreemde = f.GebruikerFactory(organisatie=wereld["ander"])
    client.force_login(wereld["user"])
    html = client.get("/pact/partner/").content.decode()
    assert "Wie komt er?" in html and "Cor Collega" in html and "Tineke Twee" in html
    url = _urls(wereld, "eigen")["aanmelden"]
    data = {"formulier": "1", "wie": ["zelf", str(collega.pk), str(tweede.pk), str(vreemde.pk)]}
    html = client.post(url, data, follow=True).content.decode()
    assert "U bent aangemeld" in html and "Cor Collega is aangemeld" in html and "Tineke Twee is aangemeld" in html
    aangemeld = set(Aanmelding.objects.values_list("gebruiker_id", "organisatie_id"))
    assert aangemeld == {(u.pk, wereld["eigen"].pk) for u in (wereld["user"], collega, tweede)}  # not the stranger


def test_sign_up_only_a_colleague_and_nobody_chosen(client, wereld):
    collega = f.GebruikerFactory(organisatie=wereld["eigen"])
    client.force_login(wereld["user"])
    url = _urls(wereld, "eigen")["aanmelden"]
    html = client.post(url, {"formulier": "1"}, follow=True).content.decode()
    assert "Kies wie er komt" in html and not Aanmelding.objects.exists()
    client.post(url, {"formulier": "1", "wie": [str(collega.pk)]})
    assert list(Aanmelding.objects.values_list("gebruiker_id", flat=True)) == [collega.pk]
