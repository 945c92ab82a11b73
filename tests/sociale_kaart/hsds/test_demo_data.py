"""Every HSDS response and the full export validate against the HSDS 3.0
schemas over the whole demo data of Westerkwartier (`manage.py load_demo`)."""

import io
import json

import pytest
from django.core.management import call_command

from sociale_kaart.models import Aanbod, Organisatie
from tests.sociale_kaart.hsds.conftest import assert_valid
from tests.sociale_kaart.hsds.test_export_import import assert_export_valid, export_via_command

pytestmark = pytest.mark.django_db

API = "/open-data/hsds"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def _all_pages(client, path, **params):
    page, items = 1, []
    while True:
        body = client.get(API + path, {**params, "page": page, "per_page": 100}).json()
        items += body["contents"]
        if body["last_page"]:
            return items
        page += 1


def test_demo_data_api_and_export_validate(client, demo):
    public_services = Aanbod.objects.filter(status="gepubliceerd", organisatie__status="gepubliceerd").count()
    assert public_services > 0, "the demo data should publish aanbod"

    services = _all_pages(client, "/services", full="true")
    assert len(services) == public_services
    for service in services:
        assert_valid(service, "compiled/service.json")
        assert_valid(client.get(f"{API}/services/{service['id']}").json(), "compiled/service.json")
    for service in _all_pages(client, "/services"):
        assert_valid(service, "compiled/service_list.json")

    organizations = _all_pages(client, "/organizations", full="true", full_service="true")
    assert len(organizations) == Organisatie.objects.filter(status="gepubliceerd").count()
    for organization in organizations:
        assert_valid(organization, "compiled/organization.json")
    for organization in _all_pages(client, "/organizations"):
        assert_valid(organization, "compiled/organization_list.json")

    for term in _all_pages(client, "/taxonomy_terms"):
        assert_valid(term, "taxonomy_term.json")
    for taxonomy in _all_pages(client, "/taxonomies"):
        assert_valid(taxonomy, "taxonomy.json")
    sals = _all_pages(client, "/service_at_locations", full="true")
    for sal in sals:
        assert_valid(sal, "compiled/service_at_location.json")
    for sal in sals[:20]:
        assert_valid(client.get(f"{API}/service_at_locations/{sal['id']}").json(), "compiled/service_at_location.json")

    document = export_via_command()
    assert_export_valid(document)
    assert len(document["services"]) == public_services
    download = json.loads(client.get(API + "/export.json").getvalue())
    assert len(download["services"]) == public_services
