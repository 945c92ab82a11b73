"""Colleagues and roles (issue 20): the beheerder of an organisation invites and removes
colleagues through the same invitation path as the coordinator; a medewerker edits
aanbod but not the organisation or its people (see also the permission matrix)."""

import re

import pytest
from django.contrib.auth import get_user_model

from sociale_kaart.models import Lidmaatschap, Rol, Uitnodiging
from tests.armoedepact.partner.test_portal import PASSWORD, _aanbod, _form_data

pytestmark = pytest.mark.django_db


def test_beheerder_invites_a_colleague_who_then_edits_aanbod_but_not_the_organisation(
    partner_client, org, smtp_server, client
):
    html = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert f'href="/partner/organisatie/{org.slug}/collegas/"' in html
    response = partner_client.post(
        f"/partner/organisatie/{org.slug}/collegas/", {"email": "Collega@Voorbeeld.nl", "rol": "medewerker"}
    )
    assert response.status_code == 302
    [bericht] = smtp_server.berichten
    assert bericht["aan"] == ["collega@voorbeeld.nl"]
    link = re.search(r"/partner/uitnodiging/[^/\s]+/", bericht["bericht"].get_content()).group(0)
    uitnodiging = Uitnodiging.objects.get()
    assert (uitnodiging.organisatie, uitnodiging.rol) == (org, Rol.MEDEWERKER)
    assert "collega@voorbeeld.nl" in partner_client.get(f"/partner/organisatie/{org.slug}/collegas/").content.decode()

    # The colleague accepts the invitation (a second browser) and is a medewerker.
    partner_client.logout()
    response = client.post(
        link, {"voornaam": "Cor", "achternaam": "Collega", "wachtwoord1": PASSWORD, "wachtwoord2": PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    collega = get_user_model().objects.get(username="collega@voorbeeld.nl")
    assert Lidmaatschap.objects.get(gebruiker=collega).rol == Rol.MEDEWERKER
    client.force_login(collega)
    aanbod = _aanbod(org)
    assert client.get(f"/partner/aanbod/{aanbod.uuid}/bewerken/").status_code == 200
    response = client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Nieuwe titel"))
    assert response.status_code == 302
    assert client.get(f"/partner/organisatie/{org.slug}/bewerken/").status_code == 403
    assert client.get(f"/partner/organisatie/{org.slug}/collegas/").status_code == 403
    dashboard = client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "U bent medewerker" in dashboard and '/bewerken/">Gegevens aanpassen' not in dashboard


def test_bad_invitations_get_a_dutch_message_and_send_nothing(partner_client, org, partner, smtp_server):
    url = f"/partner/organisatie/{org.slug}/collegas/"
    for data, melding in [
        ({"email": "geen-adres", "rol": "medewerker"}, "Vul een e-mailadres in zoals naam@organisatie.nl."),
        ({"email": "", "rol": "medewerker"}, "Vul het e-mailadres van uw collega in."),
        ({"email": "a@voorbeeld.nl", "rol": "baas"}, "Kies wat deze collega mag."),
        ({"email": partner.email.upper(), "rol": "medewerker"}, "Deze persoon hoort al bij uw organisatie."),
    ]:
        response = partner_client.post(url, data)
        html = response.content.decode()
        assert response.status_code == 200 and "Er is een probleem" in html and melding in html
    assert not Uitnodiging.objects.exists() and not smtp_server.berichten


def test_beheerder_removes_a_colleague_but_never_the_last_beheerder(partner_client, org, partner):
    collega = get_user_model().objects.create_user(username="c@voorbeeld.nl", email="c@voorbeeld.nl")
    lid = Lidmaatschap.objects.create(gebruiker=collega, organisatie=org, rol=Rol.MEDEWERKER)
    response = partner_client.post(f"/partner/organisatie/{org.slug}/collegas/{lid.pk}/verwijderen/", follow=True)
    assert "c@voorbeeld.nl hoort niet meer bij" in response.content.decode()
    assert not Lidmaatschap.objects.filter(pk=lid.pk).exists()
    assert get_user_model().objects.filter(pk=collega.pk).exists()  # the account stays
    eigen = Lidmaatschap.objects.get(gebruiker=partner)
    response = partner_client.post(f"/partner/organisatie/{org.slug}/collegas/{eigen.pk}/verwijderen/", follow=True)
    assert "Dit is de laatste beheerder" in response.content.decode()
    assert Lidmaatschap.objects.filter(pk=eigen.pk).exists()


def test_existing_members_of_an_organisation_without_beheerder_became_beheerder():
    """The data migration: until now roles changed nothing, so nobody may lose access."""
    from importlib import import_module

    from django.apps import apps

    from tests.sociale_kaart.factories import OrganisatieFactory

    migratie = import_module("sociale_kaart.migrations.0011_bestaande_leden_zonder_beheerder_worden_beheerder")
    zonder, met = OrganisatieFactory(), OrganisatieFactory()
    User = get_user_model()
    a = Lidmaatschap.objects.create(gebruiker=User.objects.create_user(username="a"), organisatie=zonder)
    b = Lidmaatschap.objects.create(gebruiker=User.objects.create_user(username="b"), organisatie=met, rol="beheerder")
    c = Lidmaatschap.objects.create(gebruiker=User.objects.create_user(username="c"), organisatie=met)
    migratie.beheerders_maken(apps, None)
    rollen = dict(Lidmaatschap.objects.values_list("pk", "rol"))
    assert (rollen[a.pk], rollen[b.pk], rollen[c.pk]) == ("beheerder", "beheerder", "medewerker")
