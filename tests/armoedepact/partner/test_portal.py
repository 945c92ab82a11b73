from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model

from armoedepact.models import Revisie, RevisieStatus
from armoedepact.partner import services
from sociale_kaart.models import Aanbod, Kern, Lidmaatschap, Organisatie, Rol, Status, Thema

PASSWORD = "Lang-en-Sterk-Wachtwoord-2026"


def _org(slug, **kwargs):
    return Organisatie.objects.create(
        naam=slug.title(), slug=slug, korte_omschrijving="Wij helpen u.", status=Status.GEPUBLICEERD, **kwargs
    )


def _aanbod(org, titel="Hulp bij uw administratie", **kwargs):
    kwargs.setdefault("status", Status.GEPUBLICEERD)
    return Aanbod.objects.create(
        organisatie=org,
        titel=titel,
        slug=titel.lower().replace(" ", "-"),
        wat_u_krijgt="Een vrijwilliger helpt u.",
        heel_de_gemeente=True,
        laatst_gecontroleerd=date.today(),
        **kwargs,
    )


@pytest.fixture
def org(db):
    return _org("humanitas")


@pytest.fixture
def other_org(db):
    return _org("leergeld")


@pytest.fixture
def partner(org):
    user = get_user_model().objects.create_user(username="p@voorbeeld.nl", email="p@voorbeeld.nl", password=PASSWORD)
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=Rol.BEHEERDER)
    return user


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


def _form_data(aanbod: Aanbod, **changes):
    data = {
        "titel": aanbod.titel,
        "wat_u_krijgt": aanbod.wat_u_krijgt,
        "voor_wie": aanbod.voor_wie,
        "heel_de_gemeente": "on",
        "kosten": "gratis",
        "van_0": "09:00",
        "tot_0": "12:00",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_edit_of_published_aanbod_waits_and_public_keeps_old_text(partner_client, org):
    aanbod = _aanbod(org)
    response = partner_client.post(
        f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Hulp met post en rekeningen")
    )
    assert response.status_code == 302
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp bij uw administratie"
    revisie = Revisie.objects.get(aanbod=aanbod)
    assert revisie.status == RevisieStatus.WACHT
    page = partner_client.get(response.url).content.decode()
    assert "wacht nog op goedkeuring" in page
    assert "Hulp met post en rekeningen" in page


def test_coordinator_approves_and_change_goes_live_with_history(partner_client, org, admin_user):
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Hulp met post"))
    revisie = Revisie.objects.get(aanbod=aanbod)
    assert [label for label, *_ in services.revisie_verschillen(revisie)][:1] == ["Naam van het aanbod"]
    services.revisie_goedkeuren(revisie=revisie, door=admin_user)
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp met post"
    assert aanbod.openingstijden.count() == 1
    titels = [h.titel for h in aanbod.history.all()]
    assert "Hulp met post" in titels and "Hulp bij uw administratie" in titels


def test_rejection_reason_is_shown_to_the_partner(partner_client, org, admin_user):
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Nieuwe naam"))
    revisie = Revisie.objects.get(aanbod=aanbod)
    with pytest.raises(Exception, match="Schrijf waarom"):
        services.revisie_afwijzen(revisie=revisie, door=admin_user, reden="  ")
    services.revisie_afwijzen(revisie=revisie, door=admin_user, reden="De naam is te vaag.")
    dashboard = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "afgewezen" in dashboard
    detail = partner_client.get(f"/partner/wijziging/{revisie.pk}/").content.decode()
    assert "De naam is te vaag." in detail


def test_trusted_organisation_publishes_directly(partner_client, org):
    org.vertrouwd = True
    org.save()
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Direct live"))
    aanbod.refresh_from_db()
    assert aanbod.titel == "Direct live"
    assert not Revisie.objects.exists()


def test_new_aanbod_is_concept_until_approved(partner_client, org, admin_user):
    kern = Kern.objects.create(naam="Leek", slug="leek")
    thema = Thema.objects.create(naam="Geld", slug="geld")
    response = partner_client.post(
        f"/partner/organisatie/{org.slug}/aanbod/nieuw/",
        {
            "titel": "Koffie-ochtend",
            "wat_u_krijgt": "Koffie en een praatje.",
            "kernen": [kern.pk],
            "themas": [thema.pk],
            "kosten": "gratis",
        },
    )
    assert response.status_code == 302
    nieuw = Aanbod.objects.get(titel="Koffie-ochtend")
    assert nieuw.status == Status.CONCEPT and nieuw.organisatie == org
    services.revisie_goedkeuren(revisie=Revisie.objects.get(aanbod=nieuw), door=admin_user)
    nieuw.refresh_from_db()
    assert nieuw.status == Status.GEPUBLICEERD
    assert list(nieuw.themas.all()) == [thema]


def test_b1_hint_after_saving_a_hard_text(partner_client, org):
    aanbod = _aanbod(org)
    moeilijk = (
        "Het schuldhulpverleningstraject omvat een integrale benadering waarbij de hulpvrager in samenspraak "
        "met de professionele ondersteuner een gedegen inventarisatie maakt van alle openstaande vorderingen."
    )
    response = partner_client.post(
        f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, wat_u_krijgt=moeilijk), follow=True
    )
    html = response.content.decode()
    assert "Tips voor eenvoudige taal" in html
    assert "Deze zin is lang. Maak er twee zinnen van" in html
    assert "schuldhulpverleningstraject" in html


def test_alles_klopt_nog_sets_today_and_nothing_else(partner_client, org):
    aanbod = _aanbod(org)
    Aanbod.objects.filter(pk=aanbod.pk).update(laatst_gecontroleerd=date.today() - timedelta(days=400))
    dashboard = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "Klopt dit nog?" in dashboard
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/klopt/")
    aanbod.refresh_from_db()
    assert aanbod.laatst_gecontroleerd == date.today()
    assert aanbod.titel == "Hulp bij uw administratie"


def test_archive_never_deletes(partner_client, org):
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/archiveren/")
    aanbod.refresh_from_db()
    assert aanbod.status == Status.GEARCHIVEERD
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/archiveren/")
    aanbod.refresh_from_db()
    assert aanbod.status == Status.CONCEPT


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "geen-email"}, "Vul een geldig e-mailadres in"),
        ({"telefoon": "12345"}, "Vul een Nederlands telefoonnummer in"),
        ({"website": "niet een url met spaties"}, "Vul een volledig webadres in"),
        ({"van_1": "14:00", "tot_1": "10:00"}, "moet de eindtijd later zijn"),
        ({"van_2": "14:00"}, "allebei de tijden"),
        ({"titel": "x" * 2000}, "Deze tekst is te lang"),
        ({"min_leeftijd": "40", "max_leeftijd": "12"}, "moet hoger zijn"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(partner_client, org, changes, message):
    aanbod = _aanbod(org)
    response = partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, **changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in html and message in html
    assert "<title>Fout:" in html
    assert not Revisie.objects.exists()
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp bij uw administratie"


def test_html_in_text_is_shown_as_text(partner_client, org, admin_user, client):
    org.vertrouwd = True
    org.save()
    aanbod = _aanbod(org)
    partner_client.post(
        f"/partner/aanbod/{aanbod.uuid}/bewerken/",
        _form_data(aanbod, wat_u_krijgt="<script>alert('x')</script> Hulp."),
    )
    html = partner_client.get(f"/partner/aanbod/{aanbod.uuid}/bewerken/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_tampered_revision_data_cannot_be_approved(partner_client, org, admin_user):
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Goed"))
    revisie = Revisie.objects.get(aanbod=aanbod)
    revisie.data["van_0"] = ["25:99"]
    revisie.save()
    with pytest.raises(Exception, match="klopt niet meer"):
        services.revisie_goedkeuren(revisie=revisie, door=admin_user)
    aanbod.refresh_from_db()
    assert aanbod.titel == "Hulp bij uw administratie"
    revisie.refresh_from_db()
    assert revisie.status == RevisieStatus.WACHT


def test_approving_twice_is_refused(partner_client, org, admin_user):
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Een"))
    revisie = Revisie.objects.get(aanbod=aanbod)
    services.revisie_goedkeuren(revisie=revisie, door=admin_user)
    with pytest.raises(Exception, match="al beoordeeld"):
        services.revisie_afwijzen(revisie=revisie, door=admin_user, reden="Toch niet")


def test_herinner_partners_mails_stale_entries_with_link(partner, org, django_capture_on_commit_callbacks):
    from django.core import mail
    from django.core.management import call_command

    oud = _aanbod(org, titel="Oud aanbod")
    _aanbod(org, titel="Vers aanbod")
    Aanbod.objects.filter(pk=oud.pk).update(laatst_gecontroleerd=date.today() - timedelta(days=400))
    Organisatie.objects.filter(pk=org.pk).update(laatst_gecontroleerd=date.today())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("herinner_partners", basis_url="https://portaal.example")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Oud aanbod" in body and "Vers aanbod" not in body
    assert f"https://portaal.example/partner/organisatie/{org.slug}/" in body
    assert mail.outbox[0].to == ["p@voorbeeld.nl"]


def test_b1_hint_while_typing_answers_with_the_hints_as_json(partner_client):
    moeilijk = (
        "Het schuldhulpverleningstraject omvat een integrale benadering waarbij de hulpvrager in samenspraak "
        "met de professionele ondersteuner een gedegen inventarisatie maakt van alle openstaande vorderingen."
    )
    advies = partner_client.post("/partner/b1-advies/", {"tekst": moeilijk}).json()
    assert advies["score"] < 60
    assert len(advies["lange_zinnen"]) == 1
    assert "schuldhulpverleningstraject" in advies["lange_woorden"]
    kort = partner_client.post("/partner/b1-advies/", {"tekst": "Kort."}).json()
    assert kort["score"] is None


def test_herinner_partners_runs_a_fixed_number_of_queries(partner, org, django_assert_max_num_queries):
    from django.core.management import call_command

    for nummer in range(3):
        andere = _org(f"org-{nummer}")
        for titel in ("Een", "Twee"):
            _aanbod(andere, titel=f"{titel} {nummer}")
    Aanbod.objects.update(laatst_gecontroleerd=date.today() - timedelta(days=400))
    Organisatie.objects.update(email="info@voorbeeld.nl")
    # Recent reminders, organisations, members, users, aanbod; one insert of what was sent in its own
    # savepoint: 8, however many organisations.
    with django_assert_max_num_queries(8):
        call_command("herinner_partners")
