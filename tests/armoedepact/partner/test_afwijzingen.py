"""Every rejection, of an organisation change and of an aanbod change, shows on the
partner's dashboard with the coordinator's reason (issue 20)."""

import pytest

from armoedepact.models import Revisie
from armoedepact.partner import services
from tests.armoedepact.partner.test_portal import _aanbod, _form_data

pytestmark = pytest.mark.django_db


def test_an_organisation_rejection_shows_with_its_reason_until_a_new_change(partner_client, org, admin_user):
    data = {"naam": org.naam, "korte_omschrijving": "Wij helpen iedereen met alles."}
    partner_client.post(f"/partner/organisatie/{org.slug}/bewerken/", data)
    revisie = Revisie.objects.get(soort=Revisie.Soort.ORGANISATIE)
    services.revisie_afwijzen(revisie=revisie, door=admin_user, reden="Schrijf wat u precies doet.")
    html = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "uw laatste wijziging van deze gegevens afgewezen" in html and "Schrijf wat u precies doet." in html
    # A new change replaces the notice (it waits for the coordinator now).
    partner_client.post(f"/partner/organisatie/{org.slug}/bewerken/", {**data, "korte_omschrijving": "Wij helpen."})
    html = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "Schrijf wat u precies doet." not in html and "wacht op goedkeuring" in html


def test_an_aanbod_rejection_shows_its_reason_on_the_dashboard(partner_client, org, admin_user):
    aanbod = _aanbod(org)
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, titel="Nieuwe naam"))
    services.revisie_afwijzen(revisie=Revisie.objects.get(aanbod=aanbod), door=admin_user, reden="Te vaag.")
    html = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert 'Uw laatste wijziging is afgewezen. De reden: "Te vaag."' in html
