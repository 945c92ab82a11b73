"""The public /open-data/ page: explains the open data in B1 and links the download."""

import pytest

pytestmark = pytest.mark.django_db


def test_open_data_page_links_the_export_and_the_api(client, kaart):
    response = client.get("/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Open data: de sociale kaart" in html
    assert 'href="/open-data/hsds/export.json"' in html
    assert 'href="/open-data/hsds/"' in html
    assert "In het bestand staan 2 soorten hulp van 1 organisatie." in html
    assert "0594" in html  # a phone number to call
    download = client.get("/open-data/hsds/export.json")
    assert download.status_code == 200
