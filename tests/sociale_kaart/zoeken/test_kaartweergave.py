"""The map page and the small maps: one pin per place, never a pin for help
without a fixed place, the same list as text, route links and Bel/Mail."""

import json

import pytest
from django.contrib.auth import get_user_model

from sociale_kaart.models import Kern, Locatie, Postcodegebied

pytestmark = pytest.mark.django_db


def kaartdata(response) -> dict:
    html = response.content.decode()
    begin = html.index('<script id="kaart-data" type="application/json">') + len(
        '<script id="kaart-data" type="application/json">'
    )
    return json.loads(html[begin : html.index("</script>", begin)])


def test_map_shows_one_pin_per_place_of_the_filtered_results(client, westerkwartier):
    response = client.get("/hulp/kaart/", {"kern": "leek", "afstand": "10", "sorteer": "afstand"})
    assert response.status_code == 200
    data = kaartdata(response)
    namen = [p["naam"] for p in data["plekken"]]
    assert namen == [
        "Sociaal Werk De Schans, Kantoor Leek",
        "Sociaal Werk De Schans, Buurthuis Tolbert",
        "Voedselbank Marum, Uitgifte Marum",
        "Sociaal Werk De Schans, Kantoor Zuidhorn",
    ]
    leek = data["plekken"][0]
    assert [link["tekst"] for link in leek["links"]] == ["Schuldhulp Zuidhorn en Leek", "Spreekuur in Leek"]
    assert leek["links"][1]["url"] == f"/hulp/{westerkwartier['Spreekuur in Leek'].slug}/"
    assert data["tegels"].startswith("https://service.pdok.nl/brt/achtergrondkaart/")
    html = response.content.decode()
    assert "De kaart laat 4 plekken zien. De lijst hieronder heeft dezelfde plekken." in html
    assert html.count('class="kaart-lijst__plek"') == 4
    assert 'src="/static/js/kaart.js"' in html and 'nonce="' in html


def test_help_without_a_fixed_place_is_never_a_pin(client, westerkwartier):
    aanbod = westerkwartier["Thuisadministratie"]
    aanbod.locaties.set(Locatie.objects.filter(naam="Kantoor Leek"))
    lijst = client.get("/hulp/", {"q": "thuisadministratie"})
    assert [a.titel for a in lijst.context["resultaat"].pagina] == ["Thuisadministratie"]
    response = client.get("/hulp/kaart/", {"q": "thuisadministratie"})
    assert response.context["kaart"].plekken == []
    assert "Geen plekken gevonden" in response.content.decode()
    assert 'id="kaart-data"' not in response.content.decode()
    detail = client.get(f"/hulp/{aanbod.slug}/")
    assert 'id="kaart"' not in detail.content.decode()


def test_detail_pages_link_the_address_to_a_route_planner_and_have_bel_and_mail(client, westerkwartier):
    aanbod = westerkwartier["Spreekuur in Leek"]
    html = client.get(f"/hulp/{aanbod.slug}/").content.decode()
    assert 'href="https://www.openstreetmap.org/directions?to=53.161000,6.379000"' in html
    assert 'href="tel:0594001122">Bel<' in html
    assert ">Mail<" in html and "mailto:" in html
    assert "De kaart laat 1 plek zien. Het adres staat hierboven." in html
    html = client.get("/organisatie/sociaal-werk-de-schans/").content.decode()
    assert "De kaart laat 3 plekken zien. De adressen staan hierboven." in html
    assert html.count('href="https://www.openstreetmap.org/directions?to=') == 3


def test_map_and_detail_pages_run_a_bounded_number_of_queries(client, westerkwartier, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        assert client.get("/hulp/kaart/", {"kern": "leek", "afstand": "25", "q": "hulp"}).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/organisatie/sociaal-werk-de-schans/").status_code == 200


@pytest.fixture
def coordinator_client(client, settings):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.create_superuser("coordinator", "c@example.org", "Lang-genoeg-wachtwoord-1")
    device = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def test_coordinates_out_of_range_are_refused_in_the_admin(coordinator_client, dorpen):
    leek = dorpen["Leek"]
    url = f"/beheer/sociale_kaart/kern/{leek.pk}/change/"
    response = coordinator_client.post(url, {"naam": "Leek", "slug": "leek", "latitude": "95", "longitude": "6.37"})
    assert response.status_code == 200
    assert "Zorg ervoor dat deze waarde hoogstens 90 is." in response.content.decode()
    response = coordinator_client.post(url, {"naam": "Leek", "slug": "leek", "latitude": "53.1", "longitude": ""})
    assert "Vul de breedtegraad en de lengtegraad allebei in" in response.content.decode()
    leek.refresh_from_db()
    assert float(leek.latitude) == pytest.approx(53.1628)


def test_coordinator_keeps_the_postcodes(coordinator_client, dorpen):
    leek = dorpen["Leek"]
    response = coordinator_client.post(
        "/beheer/sociale_kaart/postcodegebied/add/", {"postcode": "93a1", "kern": leek.pk}
    )
    assert response.status_code == 200
    assert "Vul 4 cijfers in, bijvoorbeeld 9351." in response.content.decode()
    response = coordinator_client.post(
        "/beheer/sociale_kaart/postcodegebied/add/", {"postcode": "9354", "kern": leek.pk}
    )
    assert response.status_code == 302
    assert Postcodegebied.objects.get(postcode="9354").kern == leek


def test_demo_data_has_the_westerkwartier_postcodes(db):
    import io
    import json as jsonlib
    from pathlib import Path

    from django.conf import settings

    from sociale_kaart import demo

    demo.load(stdout=io.StringIO())
    fixture = jsonlib.loads((Path(settings.BASE_DIR) / "fixtures" / "sociale_kaart_demo.json").read_text())
    assert Postcodegebied.objects.count() == len(fixture["postcodes"]) >= 20
    assert Postcodegebied.objects.get(postcode="9351").kern == Kern.objects.get(slug="leek")
    demo.load(stdout=io.StringIO())  # loading twice changes nothing
    assert Postcodegebied.objects.count() == len(fixture["postcodes"])
