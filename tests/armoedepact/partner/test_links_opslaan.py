"""Partners cannot save a link the link check would refuse: a clear Dutch message, nothing saved."""

import pytest

from armoedepact.models import Revisie
from common import veilige_url
from tests.armoedepact.partner.test_portal import _aanbod, _form_data


@pytest.mark.parametrize(
    ("website", "melding"),
    [
        ("http://127.0.0.1:8000/beheer/", veilige_url.EIGEN_NETWERK),
        ("http://localhost/", veilige_url.EIGEN_NETWERK),
        ("http://169.254.169.254/latest/meta-data/", veilige_url.EIGEN_NETWERK),
        ("http://10.0.0.7/intranet", veilige_url.EIGEN_NETWERK),
        ("http://[::1]/", veilige_url.EIGEN_NETWERK),
        ("ftp://ftp.voorbeeld.nl/folder.pdf", veilige_url.GEEN_WEBSITE),
    ],
)
def test_a_partner_cannot_save_a_link_to_an_internal_address(partner_client, org, website, melding):
    aanbod = _aanbod(org)
    response = partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, website=website))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in html and melding in html
    assert not Revisie.objects.exists()
    aanbod.refresh_from_db()
    assert aanbod.website == ""

    response = partner_client.post(
        f"/partner/organisatie/{org.slug}/bewerken/",
        {"naam": org.naam, "korte_omschrijving": org.korte_omschrijving, "website": website},
    )
    assert response.status_code == 200 and melding in response.content.decode()
    org.refresh_from_db()
    assert org.website == ""


def test_a_public_website_is_still_accepted(partner_client, org):
    aanbod = _aanbod(org)
    response = partner_client.post(
        f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, website="https://www.voorbeeld.nl/hulp")
    )
    assert response.status_code == 302
