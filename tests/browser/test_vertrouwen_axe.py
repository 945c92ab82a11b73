"""Issue 15: the pages it added pass axe (WCAG 2.1 A/AA): the invitation for an
existing account, "wait for a colleague's link" in /beheer/, and the check's start page."""

import pytest
from django.contrib.auth import get_user_model

from sociale_kaart import services
from sociale_kaart.models import Organisatie
from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "Paars-Fietsje-Onder-De-Brug-26"


def test_new_pages_are_accessible(page):
    organisatie = Organisatie.objects.create(naam="Voedselbank Leek", slug="vb", korte_omschrijving="Eten.")
    get_user_model().objects.create_user(username="anna@voorbeeld.nl", email="anna@voorbeeld.nl", password=WACHTWOORD)
    get_user_model().objects.create_user(
        username="staf@voorbeeld.nl", email="staf@voorbeeld.nl", password=WACHTWOORD, is_staff=True
    )
    _, token = services.uitnodiging_maken(email="anna@voorbeeld.nl", organisatie=organisatie)
    page.goto(f"/partner/uitnodiging/{token}/")
    assert "U heeft al een account" in page.content()
    assert_accessible(page, "uitnodiging bestaand account")
    page.goto("/beheer/login/")
    page.fill("#id_username", "staf@voorbeeld.nl")
    page.fill("#id_password", WACHTWOORD)
    page.click("input[type=submit]")
    page.goto("/beheer/tweestaps/")
    assert "Vraag een collega" in page.content()
    assert_accessible(page, "beheer app-link nodig")
