"""The coordinator finds what still needs a translation: the admin lists of content with a
`vertalingen` field filter on "Nog niet in het Engels" (and each other language of the site)."""

import pytest

from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401 (fixture)

from . import factories as f


def _pijler(slug, naam, vertalingen):
    pijler = f.PijlerFactory(slug=slug, naam=naam)  # the pillars may exist already (get_or_create)
    pijler.naam, pijler.vertalingen = naam, vertalingen
    pijler.save()
    return pijler


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("beheer_tweede_factor")]


def test_pillars_without_an_english_translation(admin_client):
    _pijler("netwerk", "Netwerk", {"en": {"naam": "Network"}})
    _pijler("preventie", "Preventie", {"ar": {"naam": "الوقاية"}})
    _pijler("meedoen", "Meedoen", {"en": {}})

    html = admin_client.get("/beheer/sociale_kaart/pijler/").content.decode()
    assert "Nog niet in het Engels" in html and "Nog niet in het Arabisch" in html

    html = admin_client.get("/beheer/sociale_kaart/pijler/?zonder_vertaling=en").content.decode()
    assert "Preventie" in html and "Meedoen" in html  # an empty English block is no translation
    assert ">Netwerk<" not in html

    html = admin_client.get("/beheer/sociale_kaart/pijler/?zonder_vertaling=ar").content.decode()
    assert ">Netwerk<" in html and ">Preventie<" not in html


def test_an_unknown_language_in_the_filter_shows_everything(admin_client):
    _pijler("netwerk", "Netwerk", {"en": {"naam": "Network"}})
    response = admin_client.get("/beheer/sociale_kaart/pijler/?zonder_vertaling=xx")
    assert response.status_code == 200
    assert ">Netwerk<" in response.content.decode()
