"""Locations in the partner portal (issue 20, "Gegevens die kloppen"): address with the
postcode table, accessibility, languages, contact and opening hours per location,
through the same moderation as the organisation's details, and in its history."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from armoedepact import historie
from armoedepact.models import DirectePublicatie, Revisie, RevisieStatus
from armoedepact.partner import services
from sociale_kaart.models import Kern, Lidmaatschap, Locatie, Postcodegebied, Rol

GOED = {
    "naam": "Dorpshuis De Schakel",
    "straat": "Hoofdstraat 12",
    "postcode": "9351ab",
    "plaats": "Leek",
    "toegankelijk": "ja",
    "toegankelijkheid": "De ingang is aan de achterkant.",
    "talen": ["nl", "ar"],
    "telefoon": "0594 - 12 34 56",
    "email": "schakel@voorbeeld.nl",
    "contactpersoon": "De coördinator",
    "van_1": "09:00",
    "tot_1": "12:00",
}


@pytest.fixture
def leek(db):
    kern = Kern.objects.create(naam="Leek", slug="leek", latitude="53.162000", longitude="6.376000")
    Postcodegebied.objects.create(postcode="9351", kern=kern)
    return kern


@pytest.fixture
def medewerker_client(client, org):
    user = get_user_model().objects.create_user(username="m@voorbeeld.nl", email="m@voorbeeld.nl")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=Rol.MEDEWERKER)
    client.force_login(user)
    return client


@pytest.fixture
def coordinator(db):
    return get_user_model().objects.create_superuser(username="c@voorbeeld.nl", email="c@voorbeeld.nl")


def _nieuw(client, org, **changes):
    return client.post(reverse("partner:locatie_nieuw", kwargs={"slug": org.slug}), {**GOED, **changes})


def test_trusted_organisation_adds_a_location_with_everything_from_the_postcode_table(partner_client, org, leek):
    org.vertrouwd = True
    org.save()
    response = _nieuw(partner_client, org)
    assert response.status_code == 302
    locatie = org.locaties.get()
    assert (locatie.postcode, locatie.kern, str(locatie.latitude)) == ("9351 AB", leek, "53.162000")
    assert locatie.rolstoeltoegankelijk is True and locatie.talen == ["nl", "ar"]
    assert [str(t) for t in locatie.openingstijden.all()] == ["dinsdag van 09:00 tot 12:00"]
    # Direct, and listed for the coordinator in "Net gepubliceerd".
    assert DirectePublicatie.objects.filter(organisatie=org, soort=DirectePublicatie.Soort.ORGANISATIE).exists()
    pagina = partner_client.get(reverse("partner:locaties", kwargs={"slug": org.slug})).content.decode()
    assert "Dorpshuis De Schakel" in pagina and "Dinsdag van 9:00 tot 12:00" in pagina and "Arabisch" in pagina


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("postcode", "1011 AB", "Deze postcode ligt niet in de gemeente Westerkwartier"),
        ("postcode", "93", "Vul een postcode in met 4 cijfers en 2 letters"),
        ("tot_1", "08:00", "Op dinsdag moet de eindtijd later zijn dan de begintijd."),
        ("tot_1", "", "Vul voor dinsdag allebei de tijden in, of geen van beide."),
        ("telefoon", "12", "Vul een Nederlands telefoonnummer in"),
        ("talen", ["xx"], "Kies een taal uit de lijst."),
        ("straat", "", "Vul dit veld in."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(partner_client, org, leek, veld, waarde, melding):
    org.vertrouwd = True
    org.save()
    response = _nieuw(partner_client, org, **{veld: waarde})
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Locatie.objects.exists() and not Revisie.objects.exists()


def test_untrusted_change_waits_for_the_coordinator_who_sees_what_changes(
    medewerker_client, org, leek, coordinator, mailoutbox
):
    locatie = Locatie.objects.create(organisatie=org, naam="Oud", straat="Kerkstraat 1", postcode="9351 AA")
    url = reverse("partner:locatie_bewerken", kwargs={"uuid": locatie.uuid})
    assert medewerker_client.post(url, GOED).status_code == 302  # a medewerker may
    locatie.refresh_from_db()
    assert locatie.straat == "Kerkstraat 1" and not locatie.openingstijden.exists()  # the public keeps the old
    revisie = Revisie.objects.get(soort=Revisie.Soort.LOCATIE)
    verschillen = {label: (nu, voorstel) for label, nu, voorstel in services.revisie_verschillen(revisie)}
    assert verschillen["Straat en huisnummer"] == ("Kerkstraat 1", "Hoofdstraat 12")
    assert verschillen["Openingstijden"] == ("", "dinsdag van 09:00 tot 12:00")
    assert verschillen["In welke talen kunnen mensen hier geholpen worden?"] == ("", "Nederlands, Arabisch")
    pagina = medewerker_client.get(reverse("partner:revisie", kwargs={"pk": revisie.pk}))
    assert pagina.status_code == 200 and "Hoofdstraat 12" in pagina.content.decode()

    services.revisie_goedkeuren(revisie=revisie, door=coordinator)
    locatie.refresh_from_db()
    assert locatie.straat == "Hoofdstraat 12" and locatie.kern == leek
    assert locatie.openingstijden.count() == 1
    assert Revisie.objects.get().status == RevisieStatus.GOEDGEKEURD
    versie = org.history.first()
    assert versie.goedgekeurd_door == coordinator  # the approval is the organisation's version


def test_removing_waits_for_approval_when_untrusted(medewerker_client, org, coordinator):
    locatie = Locatie.objects.create(organisatie=org, naam="Weg", straat="Kerkstraat 1")
    url = reverse("partner:locatie_verwijderen", kwargs={"uuid": locatie.uuid})
    assert medewerker_client.post(url).status_code == 302
    assert Locatie.objects.filter(pk=locatie.pk).exists()
    revisie = Revisie.objects.get(soort=Revisie.Soort.LOCATIE)
    assert services.revisie_verschillen(revisie) == [("Locatie", "Weg, Kerkstraat 1", "Verwijderen")]
    services.revisie_goedkeuren(revisie=revisie, door=coordinator)
    assert not Locatie.objects.filter(pk=locatie.pk).exists()


def test_outsider_cannot_touch_another_organisations_location(client, org, leek):
    locatie = Locatie.objects.create(organisatie=org, naam="Eigen", straat="Kerkstraat 1")
    ander = get_user_model().objects.create_user(username="x@voorbeeld.nl", email="x@voorbeeld.nl")
    client.force_login(ander)
    for naam in ("partner:locatie_bewerken", "partner:locatie_verwijderen"):
        assert client.post(reverse(naam, kwargs={"uuid": locatie.uuid}), GOED).status_code == 404
    assert _nieuw(client, org).status_code == 404
    assert Locatie.objects.get().straat == "Kerkstraat 1" and not Revisie.objects.exists()


def test_locations_and_their_hours_come_back_with_a_restore(partner_client, org, leek, coordinator):
    org.vertrouwd = True
    org.save()
    _nieuw(partner_client, org)
    versie = org.history.first()
    locatie = org.locaties.get()
    partner_client.post(
        reverse("partner:locatie_bewerken", kwargs={"uuid": locatie.uuid}), {**GOED, "van_1": "", "tot_1": ""}
    )
    partner_client.post(reverse("partner:locatie_verwijderen", kwargs={"uuid": locatie.uuid}))
    assert not org.locaties.exists()

    historie.versie_herstellen(versie=versie, door=coordinator)
    terug = org.locaties.get()
    assert terug.uuid == locatie.uuid and terug.talen == ["nl", "ar"] and terug.telefoon == GOED["telefoon"]
    assert [str(t) for t in terug.openingstijden.all()] == ["dinsdag van 09:00 tot 12:00"]


def test_public_pages_show_hours_accessibility_languages_and_contact(client, org, leek):
    locatie = Locatie.objects.create(
        organisatie=org,
        naam="De Schakel",
        straat="Hoofdstraat 12",
        rolstoeltoegankelijk=False,
        talen=["tr"],
        telefoon="0594 123456",
        contactpersoon="Maatschappelijk werker",
    )
    locatie.openingstijden.create(weekdag=4, van="13:00", tot="16:30")
    pagina = client.get(reverse("sociale_kaart:organisatie", kwargs={"slug": org.slug})).content.decode()
    assert "Vrijdag van 13:00 tot 16:30" in pagina
    assert "niet goed naar binnen met een rolstoel" in pagina
    assert "Turks" in pagina and "Maatschappelijk werker" in pagina and "0594 123456" in pagina
