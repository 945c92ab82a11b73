"""The HSDS API over HTTP: shapes valid against the HSDS 3.0 schemas, only
published entries, filters, errors as JSON, CORS, caching and the rate limit."""

import datetime
import uuid

import pytest
from django.utils.http import http_date

from sociale_kaart.hsds import mapping
from tests.sociale_kaart.hsds.conftest import assert_valid

pytestmark = pytest.mark.django_db

API = "/open-data/hsds"


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def assert_page(body, schema):
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"):
        assert key in body
    assert body["size"] == len(body["contents"])
    for item in body["contents"]:
        assert_valid(item, schema)


def test_api_root_describes_hsds_version_and_openapi(client):
    body = get(client, "/").json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/open-data/hsds/openapi.json")
    openapi = client.get(body["openapi_url"]).json()
    assert openapi["servers"] == [{"url": "/open-data/hsds", "description": "This portal"}]


def test_every_list_and_detail_validates_against_the_hsds_schemas(client, kaart):
    services = get(client, "/services").json()
    assert_page(services, "compiled/service_list.json")
    full = get(client, "/services", full="true").json()
    assert_page(full, "compiled/service.json")
    for item in services["contents"]:
        assert_valid(get(client, f"/services/{item['id']}").json(), "compiled/service.json")

    organizations = get(client, "/organizations").json()
    assert_page(organizations, "compiled/organization_list.json")
    assert_page(get(client, "/organizations", full="true").json(), "compiled/organization.json")
    assert_page(get(client, "/organizations", full="true", full_service="true").json(), "compiled/organization.json")
    for item in organizations["contents"]:
        assert_valid(get(client, f"/organizations/{item['id']}").json(), "compiled/organization.json")
        detail = get(client, f"/organizations/{item['id']}", full_service="true").json()
        assert_valid(detail, "compiled/organization.json")

    taxonomies = get(client, "/taxonomies").json()
    assert_page(taxonomies, "taxonomy.json")
    for item in taxonomies["contents"]:
        assert_valid(get(client, f"/taxonomies/{item['id']}").json(), "taxonomy.json")
    terms = get(client, "/taxonomy_terms").json()
    assert_page(terms, "taxonomy_term.json")
    for item in terms["contents"]:
        assert_valid(get(client, f"/taxonomy_terms/{item['id']}").json(), "taxonomy_term.json")

    sals = get(client, "/service_at_locations").json()
    assert_page(sals, "service_at_location.json")
    assert_page(get(client, "/service_at_locations", full="true").json(), "compiled/service_at_location.json")
    for item in sals["contents"]:
        assert_valid(get(client, f"/service_at_locations/{item['id']}").json(), "compiled/service_at_location.json")


def test_service_carries_our_fields_in_hsds_terms(client, kaart):
    fiets = kaart["fiets"]
    body = get(client, f"/services/{fiets.uuid}").json()
    assert body["name"] == "Een fiets voor school"
    assert body["organization_id"] == str(kaart["leergeld"].uuid)
    assert body["assured_date"] == "2025-02-14"
    assert body["fees_description"] == "Eigen bijdrage: U betaalt 5 euro."
    assert body["application_process"] == "Bel ons.\nWij komen bij u thuis."
    assert body["eligibility_description"].startswith("Kinderen van 4 tot 18")
    assert (body["minimum_age"], body["maximum_age"]) == (4, 18)
    weekly = [s for s in body["schedules"] if "freq" in s]
    assert [(s["byday"], s["opens_at"][:5], s["closes_at"][:5]) for s in weekly] == [
        ("MO", "09:00", "12:00"),
        ("TH", "13:30", "16:00"),
    ]
    assert all(s["freq"] == "WEEKLY" for s in weekly)
    assert {"description": "Niet in de schoolvakanties."}.items() <= body["schedules"][-1].items()
    location_types = sorted(sal["location"]["location_type"] for sal in body["service_at_locations"])
    assert location_types == ["physical", "physical", "virtual"]
    assert {lang["name"]: lang.get("code") for lang in body["languages"]} == {
        "Nederlands": "nl",
        "Engels": "en",
        "Gronings": None,
    }
    terms = {attribute["taxonomy_term"]["name"] for attribute in body["attributes"]}
    assert terms == {"Geld en schulden", "Eten", "Gezinnen met kinderen", "Baan kwijt"}
    assert [area["name"] for area in body["service_areas"]] == ["Gemeente Westerkwartier", "Leek", "Zuidhorn"]
    assert [doc["document"] for doc in body["required_documents"]] == ["Uw bankafschrift", "Uw ID-kaart"]


def test_taxonomy_term_ids_are_uuid5_of_the_slug_so_every_database_agrees(client, kaart):
    terms = get(client, "/taxonomy_terms").json()["contents"]
    geld = next(term for term in terms if term["code"] == "geld-en-schulden")
    expected = str(uuid.uuid5(mapping.NAMESPACE, "taxonomy_term:thema:geld-en-schulden"))
    assert geld["id"] == expected
    assert geld["taxonomy_id"] == mapping.taxonomy_id("thema")


def test_unpublished_and_archived_entries_never_appear(client, kaart):
    hidden_services = {str(aanbod.uuid) for aanbod in kaart["hidden_services"]}
    hidden_orgs = {str(org.uuid) for org in kaart["hidden_organisations"]}
    responses = [
        get(client, "/services", full="true", per_page=500).content.decode(),
        get(client, "/organizations", full="true", full_service="true").content.decode(),
        get(client, "/service_at_locations", full="true").content.decode(),
        client.get(API + "/export.json").getvalue().decode(),
    ]
    for text in responses:
        for hidden in hidden_services | hidden_orgs:
            assert hidden not in text
        assert "Geheim concept" not in text and "Concept Stichting" not in text
    for hidden in hidden_services:
        assert client.get(f"{API}/services/{hidden}").status_code == 404
    for hidden in hidden_orgs:
        assert client.get(f"{API}/organizations/{hidden}").status_code == 404


def test_archiving_removes_a_service_from_the_api(client, kaart):
    fiets = kaart["fiets"]
    assert client.get(f"{API}/services/{fiets.uuid}").status_code == 200
    fiets.status = "gearchiveerd"
    fiets.save()
    assert client.get(f"{API}/services/{fiets.uuid}").status_code == 404
    assert str(fiets.uuid) not in get(client, "/services").content.decode()


def test_filters(client, kaart):
    fiets, spreekuur = str(kaart["fiets"].uuid), str(kaart["spreekuur"].uuid)

    def ids(**params):
        return [item["id"] for item in get(client, "/services", **params).json()["contents"]]

    assert ids() == [fiets, spreekuur]
    assert ids(search="fiets") == [fiets]
    assert ids(search="spreekuur") == [spreekuur]
    geld = mapping.taxonomy_term_id("thema", "geld-en-schulden")
    assert ids(taxonomy_term_id=geld) == [fiets]
    assert ids(taxonomy_term_id=str(uuid.uuid4())) == []
    assert ids(taxonomy_id=mapping.taxonomy_id("doelgroep")) == [fiets]
    assert ids(organization_id=str(kaart["leergeld"].uuid)) == [fiets, spreekuur]
    assert ids(organization_id=str(uuid.uuid4())) == []
    assert ids(modified_after="2000-01-01") == [fiets, spreekuur]
    assert ids(modified_after=(datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)).isoformat()) == []
    assert [item["id"] for item in get(client, "/services", minimal="true").json()["contents"]] == [fiets, spreekuur]

    sals = get(client, "/service_at_locations", postcode="9351ab").json()["contents"]
    assert {sal["service_id"] for sal in sals} == {fiets, spreekuur}
    assert {sal["location_id"] for sal in sals} == {str(kaart["kantoor"].uuid)}
    assert get(client, "/service_at_locations").json()["total_items"] == 4  # 2 + 1 locations, 1 virtual


def test_pagination_follows_the_hsds_page_envelope(client, kaart):
    first = get(client, "/services", per_page=1).json()
    assert (first["total_items"], first["total_pages"], first["page_number"], first["size"]) == (2, 2, 1, 1)
    assert first["first_page"] and not first["last_page"] and not first["empty"]
    second = get(client, "/services", per_page=1, page=2).json()
    assert second["last_page"] and not second["first_page"]
    assert second["contents"][0]["id"] != first["contents"][0]["id"]
    beyond = get(client, "/services", per_page=1, page=9).json()
    assert beyond["empty"] and beyond["contents"] == []
    sal_pages = [get(client, "/service_at_locations", per_page=1, page=page).json() for page in (1, 2, 3, 4)]
    assert len({page["contents"][0]["id"] for page in sal_pages}) == 4


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/services", {"page": "0"}, "page"),
        ("/services", {"page": "twee"}, "page"),
        ("/services", {"per_page": "100000"}, "per_page"),
        ("/services", {"full": "misschien"}, "full"),
        ("/services", {"taxonomy_term_id": "geld"}, "taxonomy_term_id"),
        ("/services", {"organization_id": "1"}, "organization_id"),
        ("/services", {"modified_after": "gisteren"}, "modified_after"),
        ("/services", {"modified_after": "2025-13-45"}, "modified_after"),
        ("/services", {"search": "x" * 500}, "search"),
        ("/services", {"format": "xml"}, "format"),
        ("/organizations", {"full_service": "ja graag"}, "full_service"),
        ("/taxonomy_terms", {"parent_id": "geen-uuid"}, "parent_id"),
        ("/service_at_locations", {"proximity": "500"}, "proximity"),
    ],
)
def test_bad_parameters_give_a_400_json_error(client, kaart, path, params, parameter):
    response = get(client, path, **params)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["detail"] and body["melding"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "path",
    ["/services/", "/organizations/", "/taxonomies/", "/taxonomy_terms/", "/service_at_locations/"],
)
def test_unknown_or_malformed_ids_give_a_404_json_error(client, kaart, path):
    for id_ in (str(uuid.uuid4()), "niet-een-uuid"):
        response = get(client, path + id_)
        assert response.status_code == 404
        assert response.json()["status"] == 404


def test_only_get_is_allowed(client):
    response = client.post(API + "/services")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_cors_is_open_for_get_and_preflight(client, kaart):
    response = get(client, "/services", HTTP_ORIGIN="https://andere-gemeente.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(API + "/services", HTTP_ORIGIN="https://x.example")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_etag_and_last_modified_give_304_until_the_data_changes(client, kaart):
    first = get(client, "/services")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag and last_modified
    again = client.get(API + "/services", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"
    assert client.get(API + "/services", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304

    fiets = kaart["fiets"]
    fiets.titel = "Een nieuwe fiets voor school"
    fiets.save()
    changed = client.get(API + "/services", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Een nieuwe fiets" in changed.content.decode()


def test_export_supports_if_modified_since(client, kaart):
    response = client.get(API + "/export.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    later = http_date((datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=1)).timestamp())
    assert client.get(API + "/export.json", HTTP_IF_MODIFIED_SINCE=later).status_code == 304


def test_rate_limit_answers_429_with_retry_after(client, kaart, settings):
    settings.HSDS_RATE_LIMIT = 3
    statuses = [client.get(API + "/taxonomies", REMOTE_ADDR="10.1.2.3").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get(API + "/services", REMOTE_ADDR="10.1.2.3")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["status"] == 429
    # Another address is not affected.
    assert client.get(API + "/taxonomies", REMOTE_ADDR="10.9.9.9").status_code == 200


def test_list_endpoints_run_a_bounded_number_of_queries(client, kaart, django_assert_max_num_queries):
    from tests.sociale_kaart.hsds.conftest import make_more_services

    make_more_services(kaart, 30)
    for path, params in [
        ("/services", {"full": "true", "per_page": "100"}),
        ("/services", {"per_page": "100"}),
        ("/organizations", {"full": "true", "full_service": "true"}),
        ("/service_at_locations", {"full": "true", "per_page": "100"}),
        ("/taxonomy_terms", {}),
    ]:
        with django_assert_max_num_queries(14):
            response = client.get(API + path, params)
        assert response.status_code == 200
