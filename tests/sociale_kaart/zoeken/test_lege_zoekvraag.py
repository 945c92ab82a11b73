import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("q", ["!!!", "a"])
def test_distance_sort_with_a_search_text_that_leaves_no_words(client, westerkwartier, q):
    # Found by the property test: such a text matches nothing, and sorting that by distance gave a server error.
    response = client.get("/hulp/", {"kern": "leek", "sorteer": "afstand", "q": q})
    assert response.status_code == 200
    assert "Geen hulp gevonden" in response.content.decode()
