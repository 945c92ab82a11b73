import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sociale_kaart.models import Lidmaatschap, Rol
from tests.armoedepact.regie.otp import admin_client  # noqa: F401


@pytest.fixture
def partner_browser(org):
    """A partner of the module's `org`, in a browser of her own (the coordinator uses `client`)."""
    partner = get_user_model().objects.create_user(username="p@voorbeeld.nl", email="p@voorbeeld.nl")
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=org, rol=Rol.BEHEERDER)  # may edit the organisation too
    browser = Client()
    browser.force_login(partner)
    return browser
