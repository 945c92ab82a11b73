from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from sociale_kaart import services
from sociale_kaart.models import Lidmaatschap, Organisatie, Uitnodiging
from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401

PASSWORD = "Lang-en-Sterk-Wachtwoord-2026"


@pytest.fixture
def organisatie(db):
    return Organisatie.objects.create(naam="Humanitas Westerkwartier", slug="humanitas", korte_omschrijving="Hulp.")


@pytest.fixture
def partner(db, organisatie):
    user = get_user_model().objects.create_user(
        username="anna@voorbeeld.nl", email="anna@voorbeeld.nl", password=PASSWORD
    )
    Lidmaatschap.objects.create(gebruiker=user, organisatie=organisatie)
    return user


def _login(client, username, password):
    return client.post("/partner/inloggen/", {"username": username, "password": password})


def test_partner_logs_in_and_sees_own_organisation(client, partner):
    response = _login(client, "Anna@Voorbeeld.nl ", PASSWORD)
    assert response.status_code == 302 and response.url == "/partner/"
    page = client.get("/partner/").content.decode()
    assert "Humanitas Westerkwartier" in page


def test_partner_pages_need_login(client, db):
    response = client.get("/partner/")
    assert response.status_code == 302
    assert response.url.startswith("/partner/inloggen/")


def test_wrong_password_says_what_to_do_without_revealing_accounts(client, partner):
    wrong = _login(client, "anna@voorbeeld.nl", "fout")
    unknown = _login(client, "niemand@voorbeeld.nl", "fout")
    for response in (wrong, unknown):
        html = response.content.decode()
        assert response.status_code == 200
        assert "Het e-mailadres of het wachtwoord klopt niet" in html
        assert "<title>Fout:" in html


def test_five_failed_logins_lock_the_account_for_15_minutes(client, partner):
    for _ in range(5):
        _login(client, "anna@voorbeeld.nl", "fout")
    response = _login(client, "anna@voorbeeld.nl", PASSWORD)
    assert response.status_code == 429
    assert "15 minuten niet inloggen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_mails_a_link_and_the_same_page_for_unknown_addresses(client, partner):
    known = client.post("/partner/wachtwoord-vergeten/", {"email": "anna@voorbeeld.nl"})
    unknown = client.post("/partner/wachtwoord-vergeten/", {"email": "niemand@voorbeeld.nl"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    link = next(line for line in body.splitlines() if "/partner/wachtwoord/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Kies een nieuw wachtwoord" in form_page.content.decode()
    new = "Nieuw-Veilig-Wachtwoord-99"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    partner.refresh_from_db()
    assert partner.check_password(new)


def test_invitation_creates_account_and_membership_once(client, organisatie):
    uitnodiging, token = services.uitnodiging_maken(email="Bert@Voorbeeld.nl", organisatie=organisatie)
    assert token not in uitnodiging.token_hash  # only a hash is stored
    page = client.get(f"/partner/uitnodiging/{token}/")
    assert "Humanitas Westerkwartier" in page.content.decode()
    data = {"voornaam": "Bert", "achternaam": "Bakker", "wachtwoord1": PASSWORD, "wachtwoord2": PASSWORD}
    response = client.post(f"/partner/uitnodiging/{token}/", data)
    assert response.status_code == 302 and response.url == "/partner/"
    user = get_user_model().objects.get(username="bert@voorbeeld.nl")
    assert Lidmaatschap.objects.filter(gebruiker=user, organisatie=organisatie).exists()
    client.logout()
    replay = client.post(f"/partner/uitnodiging/{token}/", data)
    assert replay.status_code == 404
    assert "werkt niet meer" in replay.content.decode()
    assert get_user_model().objects.filter(username="bert@voorbeeld.nl").count() == 1


def test_expired_invitation_is_refused(client, organisatie):
    uitnodiging, token = services.uitnodiging_maken(email="c@voorbeeld.nl", organisatie=organisatie)
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(verloopt_op=timezone.now() - timedelta(minutes=1))
    response = client.get(f"/partner/uitnodiging/{token}/")
    assert response.status_code == 404


def test_weak_or_different_passwords_are_refused_with_a_message(client, organisatie):
    _, token = services.uitnodiging_maken(email="d@voorbeeld.nl", organisatie=organisatie)
    weak = client.post(
        f"/partner/uitnodiging/{token}/",
        {"voornaam": "D", "achternaam": "E", "wachtwoord1": "12345678", "wachtwoord2": "12345678"},
    )
    assert weak.status_code == 200 and "Er is een probleem" in weak.content.decode()
    different = client.post(
        f"/partner/uitnodiging/{token}/",
        {"voornaam": "D", "achternaam": "E", "wachtwoord1": PASSWORD, "wachtwoord2": PASSWORD + "x"},
    )
    assert "niet gelijk" in different.content.decode()
    assert not get_user_model().objects.filter(username="d@voorbeeld.nl").exists()


@pytest.mark.usefixtures("beheer_tweede_factor")  # /beheer/ needs a second factor
def test_coordinator_invites_from_the_admin(admin_client, organisatie):
    response = admin_client.post(
        "/beheer/sociale_kaart/uitnodiging/add/",
        {"email": "nieuw@voorbeeld.nl", "organisatie": organisatie.pk, "rol": "beheerder"},
    )
    assert response.status_code == 302
    assert Uitnodiging.objects.filter(email="nieuw@voorbeeld.nl").count() == 1
    assert len(mail.outbox) == 1
    assert "/partner/uitnodiging/" in mail.outbox[0].body


def test_username_that_grows_when_lower_cased_gets_a_message(client, db):
    # Found by the fuzz test: 150 x "İ" is 300 characters after lower(), too long for the lock-out log.
    response = _login(client, "İ" * 150, "wachtwoord")
    assert response.status_code == 200
    assert "te lang" in response.content.decode()


# --- Issue 15: an invitation for an existing account only adds the membership after a normal log-in


@pytest.fixture
def tweede_organisatie(db):
    return Organisatie.objects.create(naam="Voedselbank Leek", slug="voedselbank", korte_omschrijving="Eten.")


def test_an_invitation_for_an_existing_account_does_not_log_in_or_change_the_password(
    client, partner, tweede_organisatie
):
    _, token = services.uitnodiging_maken(email="anna@voorbeeld.nl", organisatie=tweede_organisatie)
    page = client.get(f"/partner/uitnodiging/{token}/").content.decode()
    assert "U heeft al een account" in page and 'name="wachtwoord1"' not in page
    aanval = "Een-Ander-Lang-Wachtwoord-77"
    data = {"voornaam": "X", "achternaam": "Y", "wachtwoord1": aanval, "wachtwoord2": aanval}
    response = client.post(f"/partner/uitnodiging/{token}/", data)
    assert response.status_code == 302 and response["Location"].startswith("/partner/inloggen/")
    assert "_auth_user_id" not in client.session
    partner.refresh_from_db()
    assert partner.check_password(PASSWORD) and not partner.check_password(aanval)
    assert not Lidmaatschap.objects.filter(gebruiker=partner, organisatie=tweede_organisatie).exists()


def test_after_a_normal_log_in_the_invitation_adds_the_membership(client, partner, tweede_organisatie):
    _, token = services.uitnodiging_maken(email="anna@voorbeeld.nl", organisatie=tweede_organisatie)
    login_url = client.get(f"/partner/uitnodiging/{token}/", follow=False)
    assert login_url.status_code == 200
    response = _login_met_next(client, f"/partner/uitnodiging/{token}/")
    assert response["Location"] == f"/partner/uitnodiging/{token}/"
    page = client.get(f"/partner/uitnodiging/{token}/").content.decode()
    assert "Voedselbank Leek" in page and "Uitnodiging accepteren" in page
    response = client.post(f"/partner/uitnodiging/{token}/")
    assert response.status_code == 302 and response["Location"] == "/partner/"
    assert Lidmaatschap.objects.filter(gebruiker=partner, organisatie=tweede_organisatie).exists()
    assert client.get(f"/partner/uitnodiging/{token}/").status_code == 404  # used


def test_someone_else_logged_in_cannot_take_the_invitation(client, partner, tweede_organisatie):
    _, token = services.uitnodiging_maken(email="anna@voorbeeld.nl", organisatie=tweede_organisatie)
    bert = get_user_model().objects.create_user(username="bert@voorbeeld.nl", email="bert@voorbeeld.nl")
    client.force_login(bert)
    assert "voor een ander e-mailadres" in client.get(f"/partner/uitnodiging/{token}/").content.decode()
    client.post(f"/partner/uitnodiging/{token}/")
    assert not Lidmaatschap.objects.filter(organisatie=tweede_organisatie).exists()


def _login_met_next(client, volgende):
    return client.post("/partner/inloggen/?next=" + volgende, {"username": "anna@voorbeeld.nl", "password": PASSWORD})
