"""Complete history (issue 20): one version per save naming writer and approver,
the first version of everything recorded, and a restore that brings back the
text AND the opening hours, thema's and locations of that version."""

from datetime import date, time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import QueryDict

from armoedepact import historie
from armoedepact.partner.forms import AanbodForm, OrganisatieForm
from armoedepact.partner.services import aanbod_opslaan, organisatie_opslaan, revisie_goedkeuren
from sociale_kaart.models import Aanbod, Locatie, Openingstijd, Organisatie, Status
from tests.armoedepact.regie.otp import otp_verifieer
from tests.sociale_kaart.factories import AanbodFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mensen():
    User = get_user_model()
    partner = User.objects.create_user(
        username="petra@voorbeeld.nl", email="petra@voorbeeld.nl", first_name="Petra", last_name="Partner"
    )
    coordinator = User.objects.create_superuser(
        username="cora@voorbeeld.nl", email="cora@voorbeeld.nl", password="x" * 20, first_name="Cora"
    )
    return partner, coordinator


def _formdata(aanbod, **changes) -> QueryDict:
    data = QueryDict(mutable=True)
    waarden = {
        "titel": aanbod.titel,
        "wat_u_krijgt": aanbod.wat_u_krijgt,
        "heel_de_gemeente": "on",
        "kosten": "gratis",
        "van_0": "09:00",
        "tot_0": "12:00",
    }
    waarden.update(changes)
    for k, v in waarden.items():
        if isinstance(v, list):
            data.setlist(k, v)
        elif v is not None:
            data[k] = v
    return data


def _aanbod_met_tijden():
    aanbod = AanbodFactory(wat_u_krijgt="Oude tekst.", heel_de_gemeente=True)
    Openingstijd.objects.create(aanbod=aanbod, weekdag=0, van=time(9), tot=time(12))
    return aanbod


def test_approval_records_partner_as_writer_and_coordinator_as_approver(mensen):
    partner, coordinator = mensen
    aanbod = _aanbod_met_tijden()
    form = AanbodForm(
        data=_formdata(aanbod, wat_u_krijgt="Nieuwe tekst.", van_0=None, tot_0=None, van_2="13:00", tot_2="16:00"),
        instance=aanbod,
    )
    assert form.is_valid(), form.errors
    revisie = aanbod_opslaan(form=form, organisatie=aanbod.organisatie, door=partner)
    voor = aanbod.history.count()
    revisie_goedkeuren(revisie=revisie, door=coordinator)
    assert aanbod.history.count() == voor + 1  # one version, not one per thema or per opening hour
    laatste = aanbod.history.first()
    assert laatste.history_user == partner
    assert laatste.goedgekeurd_door == coordinator
    assert laatste.wat_u_krijgt == "Nieuwe tekst."
    assert laatste.samenhang["openingstijden"] == [[2, "13:00", "16:00"]]


def test_restore_brings_back_text_opening_hours_and_themas(mensen):
    partner, coordinator = mensen
    thema_oud, thema_nieuw = ThemaFactory(naam="Geld"), ThemaFactory(naam="Eten")
    aanbod = _aanbod_met_tijden()
    aanbod.themas.set([thema_oud])
    historie.versie_vastleggen(aanbod, door=coordinator)
    oude_versie = aanbod.history.first()
    form = AanbodForm(
        data=_formdata(
            aanbod,
            wat_u_krijgt="Nieuwe tekst.",
            van_0=None,
            tot_0=None,
            van_4="10:00",
            tot_4="11:00",
            themas=[str(thema_nieuw.pk)],
        ),
        instance=aanbod,
    )
    assert form.is_valid(), form.errors
    revisie_goedkeuren(
        revisie=aanbod_opslaan(form=form, organisatie=aanbod.organisatie, door=partner), door=coordinator
    )
    aanbod.refresh_from_db()
    assert aanbod.wat_u_krijgt == "Nieuwe tekst."

    historie.versie_herstellen(versie=oude_versie, door=coordinator)
    aanbod = Aanbod.objects.get(pk=aanbod.pk)
    assert aanbod.wat_u_krijgt == "Oude tekst."
    assert [(t.weekdag, t.van, t.tot) for t in aanbod.openingstijden.all()] == [(0, time(9), time(12))]
    assert list(aanbod.themas.all()) == [thema_oud]
    laatste = aanbod.history.first()
    assert laatste.history_user == coordinator and "Teruggezet" in laatste.history_change_reason


def test_restore_of_an_organisation_brings_back_its_locations(mensen):
    _, coordinator = mensen
    org = OrganisatieFactory()
    Locatie.objects.create(organisatie=org, naam="Buurthuis", straat="Dorpsstraat 1", plaats="Leek")
    historie.versie_vastleggen(org, door=coordinator)
    oude = org.history.first()
    loc = org.locaties.get()
    loc.straat = "Nieuwe weg 9"
    loc.save()
    Locatie.objects.create(organisatie=org, naam="Later erbij", plaats="Zuidhorn")
    historie.versie_herstellen(versie=oude, door=coordinator)
    assert list(org.locaties.values_list("naam", "straat")) == [("Buurthuis", "Dorpsstraat 1")]


def test_every_entry_gets_its_first_version_also_bulk_created_ones():
    org = OrganisatieFactory()
    Aanbod.objects.bulk_create(
        [Aanbod(organisatie=org, titel="Stil erin", slug="stil-erin", wat_u_krijgt="Iets.", status=Status.GEPUBLICEERD)]
    )
    stil = Aanbod.objects.get(slug="stil-erin")
    assert stil.history.count() == 0
    call_command("historie_aanvullen", stdout=__import__("io").StringIO())
    eerste = stil.history.get()
    assert eerste.history_type == "+" and eerste.titel == "Stil erin"
    call_command("historie_aanvullen", stdout=__import__("io").StringIO())
    assert stil.history.count() == 1  # run again: nothing doubles


def test_load_demo_records_the_first_version_of_every_aanbod(settings):
    call_command("load_demo", stdout=__import__("io").StringIO())
    zonder = Aanbod.objects.exclude(pk__in=Aanbod.history.values("id"))
    assert Aanbod.objects.exists() and not zonder.exists()
    assert not Organisatie.objects.exclude(pk__in=Organisatie.history.values("id")).exists()


def test_organisation_change_by_partner_is_one_version_with_the_partner(mensen):
    partner, coordinator = mensen
    org = OrganisatieFactory(status=Status.CONCEPT)
    data = QueryDict(mutable=True)
    data.update({"naam": org.naam, "korte_omschrijving": "Nieuw verhaal."})
    form = OrganisatieForm(data=data, instance=org)
    assert form.is_valid(), form.errors
    voor = org.history.count()
    organisatie_opslaan(form=form, door=partner)
    assert org.history.count() == voor + 1
    assert org.history.first().history_user == partner


def test_admin_restore_page_and_wie_deed_wat(client, mensen):
    partner, coordinator = mensen
    client.force_login(coordinator)
    otp_verifieer(client, coordinator)
    aanbod = _aanbod_met_tijden()
    historie.versie_vastleggen(aanbod, door=coordinator)
    oude = aanbod.history.first()
    form = AanbodForm(
        data=_formdata(aanbod, wat_u_krijgt="Nieuwe tekst.", van_0="10:00", tot_0="15:00"), instance=aanbod
    )
    assert form.is_valid(), form.errors
    revisie_goedkeuren(
        revisie=aanbod_opslaan(form=form, organisatie=aanbod.organisatie, door=partner), door=coordinator
    )

    url = f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/history/{oude.history_id}/"
    pagina = client.get(url).content.decode()
    assert "maandag van 09:00 tot 12:00" in pagina and "Terugzetten" in pagina
    response = client.post(url, {"_terugzetten": "1"})
    assert response.status_code == 302
    aanbod.refresh_from_db()
    assert aanbod.wat_u_krijgt == "Oude tekst."
    assert [(t.van, t.tot) for t in aanbod.openingstijden.all()] == [(time(9), time(12))]

    pagina = client.get(f"/beheer/regie/wie-deed-wat/?soort=aanbod&id={aanbod.pk}").content.decode()
    assert "Petra Partner" in pagina and "Cora" in pagina
    assert "openingstijden" in pagina
    pagina = client.get(f"/beheer/regie/wie-deed-wat/?gebruiker={partner.pk}").content.decode()
    assert "Petra Partner" in pagina and aanbod.titel in pagina
    assert client.get("/beheer/regie/wie-deed-wat/?soort=x&id=abc&gebruiker=zz").status_code == 200


def test_admin_save_with_inline_opening_hours_is_one_version_with_them(client, mensen):
    _, coordinator = mensen
    client.force_login(coordinator)
    otp_verifieer(client, coordinator)
    aanbod = _aanbod_met_tijden()
    pagina = client.get(f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/change/")
    form = pagina.context["adminform"].form
    data = {}
    for naam, veld in form.fields.items():
        waarde = form.initial.get(naam, veld.initial)
        if waarde is None:
            continue
        if isinstance(waarde, list):
            data[naam] = [getattr(w, "pk", w) for w in waarde]
        elif isinstance(waarde, bool):
            if waarde:
                data[naam] = "on"
        elif isinstance(waarde, date):
            data[naam] = waarde.strftime("%d-%m-%Y")
        else:
            data[naam] = getattr(waarde, "pk", waarde)
    tijd = aanbod.openingstijden.get()
    data.update(
        {
            "wat_u_krijgt": "Via beheer.",
            "openingstijden-TOTAL_FORMS": "2",
            "openingstijden-INITIAL_FORMS": "1",
            "openingstijden-0-id": tijd.pk,
            "openingstijden-0-aanbod": aanbod.pk,
            "openingstijden-0-weekdag": "0",
            "openingstijden-0-van": "09:00",
            "openingstijden-0-tot": "12:00",
            "openingstijden-1-aanbod": aanbod.pk,
            "openingstijden-1-weekdag": "3",
            "openingstijden-1-van": "14:00",
            "openingstijden-1-tot": "17:00",
        }
    )
    voor = aanbod.history.count()
    response = client.post(f"/beheer/sociale_kaart/aanbod/{aanbod.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert aanbod.history.count() == voor + 1
    laatste = aanbod.history.first()
    assert laatste.wat_u_krijgt == "Via beheer." and laatste.history_user == coordinator
    assert laatste.samenhang["openingstijden"] == [[0, "09:00", "12:00"], [3, "14:00", "17:00"]]
