"""Property test: no query string gives a server error on any HSDS endpoint."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PATHS = ["/services", "/organizations", "/taxonomies", "/taxonomy_terms", "/service_at_locations"]
PARAMS = [
    "search", "page", "per_page", "full", "full_service", "minimal", "format", "taxonomy_term_id",
    "taxonomy_id", "organization_id", "modified_after", "postcode", "proximity", "top_only", "parent_id",
]  # fmt: skip
VALUES = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["true", "false", "", "2025-01-01", "2025-02-30T25:00:00+99:00", "0001-01-01", "\x00"]),
    st.uuids().map(str),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=4))
def test_no_query_string_gives_a_server_error(client, kaart, path, params):
    response = client.get("/open-data/hsds" + path, params)
    assert response.status_code in (200, 400), (params, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
