"""Schemathesis runs the official HSDS 3.0 openapi.json against our API,
in-process through Django's WSGI app (no network, no server).

The openapi.json of the spec points at schemas on raw.githubusercontent.com;
we replace those references by the same files from tests/sociale_kaart/hsds/hsds-3.0/ and
set the server to /open-data/hsds. Two references in the spec have no file
(`compiled/service_at_location_list.json`) or describe the wrong object
(`/service_at_locations/{id}` says compiled/service.json); we point them at
service_at_location.json and compiled/service_at_location.json.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.sociale_kaart.hsds.conftest import hsds_openapi, hsds_schema

pytestmark = pytest.mark.django_db

REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
FIXES = {
    "compiled/service_at_location_list.json": "service_at_location.json",
}


def _local_refs(node, path=()):
    if isinstance(node, list):
        return [_local_refs(item, path) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(REMOTE):
        name = ref.removeprefix(REMOTE)
        if path[:2] == ("paths", "/service_at_locations/{id}"):
            name = "compiled/service_at_location.json"
        return hsds_schema(FIXES.get(name, name))
    return {key: _local_refs(value, (*path, key)) for key, value in node.items()}


def load_schema():
    raw = _local_refs(hsds_openapi())
    raw["servers"] = [{"url": "/open-data/hsds"}]
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = get_wsgi_application()
    return schema


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: a request must not close the test transaction's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_hsds_openapi_runs_against_our_api_without_server_errors(kaart, keep_test_connection):
    schema = load_schema()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        run()
