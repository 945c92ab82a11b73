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


def test_empty_choice_of_a_select_is_dutch(admin_client):
    html = admin_client.get("/beheer/sociale_kaart/aanbod/add/").content.decode()
    assert "- Kies een optie -" in html
    assert "Select an option" not in html


def test_yes_no_icons_are_read_out_in_dutch(admin_client, admin_user):
    html = admin_client.get("/beheer/auth/user/").content.decode()
    assert re.search(r'icon-yes\.svg" alt="ja"', html)
    assert not re.search(r'alt="(True|False|None)"', html)


def test_permissions_are_named_in_dutch(admin_client):
    html = admin_client.get("/beheer/auth/group/add/").content.decode()
    assert "Sociale kaart | aanbod | bekijken" in html
    assert "Armoedepact | authenticator-app | toevoegen" in html
    assert "Armoedepact | geschiedenis van aanbod | wijzigen" in html
    assert not re.search(r"Can (add|change|delete|view) ", html)
    assert "TOTP" not in html


def test_authenticator_apps_have_dutch_names_and_never_show_the_secret(admin_client, admin_user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    apparaat = TOTPDevice.objects.filter(user=admin_user).first()
    lijst = admin_client.get("/beheer/armoedepact/inlogapp/").content.decode()
    assert "authenticator-app" in lijst and "TOTP" not in lijst
    assert "Zoek op gebruikersnaam of e-mailadres." in lijst
    html = admin_client.get(f"/beheer/armoedepact/inlogapp/{apparaat.pk}/change/").content.decode()
    assert "Wanneer voor het laatst een foute code is ingevuld." in html
    assert not re.search(r">[^<]*(TOTP|device)", html)
    assert apparaat.key not in html
    # The package's own English pages are gone.
    assert admin_client.get("/beheer/otp_totp/totpdevice/").status_code == 404


def test_log_in_records_have_dutch_names(admin_client):
    html = admin_client.get("/beheer/armoedepact/inlogregistratie/").content.decode()
    assert "inlogregistraties" in html.lower() and "Tijdstip van uitloggen" in html
    assert "Access" not in html and "Logout Time" not in html
    assert admin_client.get("/beheer/axes/accesslog/").status_code == 404


def test_a_national_allowance_figure_without_a_source_says_so():
    from datetime import date
    from decimal import Decimal

    from regelingen.models import Toeslag, Toeslagparameter

    leeg = Toeslagparameter(toeslag=Toeslag.HUURTOESLAG, sleutel="max", waarde=None, geldig_vanaf=date(2026, 1, 1))
    assert str(leeg).endswith("geen bedrag (niet gevonden in een bron)")
    getal = Toeslagparameter(
        toeslag=Toeslag.ZORGTOESLAG, sleutel="max", waarde=Decimal("1200.5000"), geldig_vanaf=date(2026, 1, 1)
    )
    assert str(getal).endswith(": 1200,5")
    rond = Toeslagparameter(
        toeslag=Toeslag.ZORGTOESLAG, sleutel="max", waarde=Decimal("1200"), geldig_vanaf=date(2026, 1, 1)
    )
    assert str(rond).endswith(": 1200")


def test_calendar_and_clock_of_date_fields_speak_dutch(admin_client):
    catalogus = admin_client.get("/beheer/jsi18n/").content.decode()
    assert '"Today (%(date)s)": "Vandaag (%(date)s)"' in catalogus
