"""Issue 15: common Dutch passwords are refused (a list kept in the repository),
and so are passwords made of the user's own name or organisation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from sociale_kaart import services
from sociale_kaart.models import Lidmaatschap, Organisatie

GOED = "Lang-en-Sterk-Wachtwoord-2026"


@pytest.fixture
def anna(db):
    user = get_user_model().objects.create_user(
        username="anna@voorbeeld.nl", email="anna@voorbeeld.nl", first_name="Anna", last_name="de Vries"
    )
    organisatie = Organisatie.objects.create(naam="Humanitas Westerkwartier", slug="humanitas", korte_omschrijving="x")
    Lidmaatschap.objects.create(gebruiker=user, organisatie=organisatie)
    return user


def _geweigerd(wachtwoord, user=None) -> str:
    with pytest.raises(ValidationError) as fout:
        validate_password(wachtwoord, user)
    return " ".join(fout.value.messages)


@pytest.mark.parametrize(
    "wachtwoord",
    [
        "wachtwoord1234",
        "Wachtwoord2026!",
        "W@chtw00rd1234",
        "welkom123456",
        "Feyenoord1908!",
        "voetbal12345",
        "geheim-geheim",
        "ikhouvanjou12",
        "Zomer2026!!!!",
        "qwertyuiop12",
        "Amsterdam010!",
    ],
)
def test_common_dutch_passwords_are_refused(db, wachtwoord):
    assert "veel gebruikt" in _geweigerd(wachtwoord)


def test_the_list_is_in_the_repository_and_dutch():
    from armoedepact import wachtwoorden

    lijst = wachtwoorden.lijst()
    assert len(lijst) >= 300
    assert {"wachtwoord", "welkom", "geheim", "voetbal", "feyenoord", "ikhouvanjou"} <= lijst


@pytest.mark.parametrize("wachtwoord", ["Humanitas2026!", "anna.devries1980", "Westerkwartier-12", "AnnaAnna2026!"])
def test_a_password_made_of_the_own_name_or_organisation_is_refused(anna, wachtwoord):
    assert "naam" in _geweigerd(wachtwoord, anna)


def test_a_good_password_passes(anna):
    validate_password(GOED, anna)
    validate_password("paars fietsje onder de brug", anna)


def test_the_invitation_form_checks_the_organisation_name(client, db):
    organisatie = Organisatie.objects.create(naam="Voedselbank Leek", slug="vb", korte_omschrijving="x")
    _, token = services.uitnodiging_maken(email="bert@voorbeeld.nl", organisatie=organisatie)
    data = {"voornaam": "Bert", "achternaam": "Bakker", "wachtwoord1": "Voedselbank2026!", "wachtwoord2": ""}
    data["wachtwoord2"] = data["wachtwoord1"]
    html = client.post(f"/partner/uitnodiging/{token}/", data).content.decode()
    assert "lijkt op uw naam of de naam van uw organisatie" in html
    assert not get_user_model().objects.filter(username="bert@voorbeeld.nl").exists()


def test_the_reset_form_refuses_wachtwoord1234(client, anna):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(anna.pk))
    pagina = client.get(f"/partner/wachtwoord/{uid}/{default_token_generator.make_token(anna)}/", follow=True)
    response = client.post(
        pagina.redirect_chain[-1][0], {"new_password1": "wachtwoord1234", "new_password2": "wachtwoord1234"}
    )
    assert response.status_code == 200
    assert "veel gebruikt" in response.content.decode()
    anna.refresh_from_db()
    assert not anna.check_password("wachtwoord1234")
