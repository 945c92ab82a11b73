"""Every word in /beheer/ is Dutch: English fragments that Django's own Dutch
catalogue leaves in the changelist's search form are replaced (issue 20)."""

import re

import pytest

pytestmark = pytest.mark.django_db

ENGELS = ["Search", "Add ", "Change ", "Delete selected", "Save and", "Select an option"]


@pytest.mark.parametrize("url", ["/beheer/sociale_kaart/aanbod/", "/beheer/sociale_kaart/organisatie/"])
def test_changelist_search_form_is_dutch(admin_client, url):
    html = admin_client.get(url).content.decode()
    assert "Zoeken in " in html
    assert 'alt="Zoeken"' in html
    tekst = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    gevonden = [woord for woord in ENGELS if re.search(rf">[^<]*\b{re.escape(woord)}|\"{re.escape(woord)}", tekst)]
    assert gevonden == []
