"""The review status of each language: the coordinator sees and changes it in /beheer/,
and the footer of a language nobody checked says so (issue 18)."""

import pytest
from django.contrib.auth.models import Group

from armoedepact.models import Taalstatus
from tests.armoedepact.regie.otp import otp_verifieer

pytestmark = pytest.mark.django_db

MELDING = "data-vertaling-niet-nagekeken"


@pytest.fixture
def coordinator(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="coordinator@voorbeeld.nl", password="x" * 20, is_staff=True, first_name="Cora"
    )
    user.groups.add(Group.objects.get(name="coördinator"))
    client.force_login(user)
    otp_verifieer(client, user)
    return user


def test_every_language_has_a_status_row_after_migrating_and_none_is_checked():
    assert set(Taalstatus.objects.values_list("code", flat=True)) >= {"en", "ar", "tr", "pl", "uk"}
    assert not Taalstatus.objects.filter(nagekeken=True).exists()


def test_coordinator_marks_english_as_checked_and_the_footer_note_goes(client, coordinator):
    assert MELDING in client.get("/en/").content.decode()
    lijst = client.get("/beheer/armoedepact/taalstatus/")
    assert lijst.status_code == 200
    assert "English (en)" in lijst.content.decode()

    en = Taalstatus.objects.get(code="en")
    response = client.post(
        f"/beheer/armoedepact/taalstatus/{en.pk}/change/", {"nagekeken": "on", "opmerking": "Nagekeken door Sam."}
    )
    assert response.status_code == 302
    en.refresh_from_db()
    assert en.nagekeken and en.nagekeken_door == coordinator and en.nagekeken_op is not None

    assert MELDING not in client.get("/en/").content.decode()
    assert MELDING in client.get("/ar/").content.decode()
    assert MELDING not in client.get("/").content.decode()  # Dutch is the master text

    # Unchecking brings the note back and forgets who and when.
    client.post(f"/beheer/armoedepact/taalstatus/{en.pk}/change/", {"opmerking": "Nieuwe teksten."})
    en.refresh_from_db()
    assert not en.nagekeken and en.nagekeken_door is None and en.nagekeken_op is None
    assert MELDING in client.get("/en/").content.decode()


def test_the_partner_portal_never_shows_the_note(client):
    assert MELDING not in client.get("/partner/inloggen/").content.decode()
