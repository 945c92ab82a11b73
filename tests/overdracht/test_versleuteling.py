"""Personal details are encrypted at rest: a raw SELECT shows ciphertext, the ORM
the text; a changed token or a wrong key fails loudly; keys can be rotated."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from common.versleuteling import OnleesbaarGeheim
from overdracht.models import Verzoek


def _rauw(verzoek) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT naam, telefoon, email, vraag, uitslag FROM overdracht_verzoek WHERE id = %s", [verzoek.pk]
        )
        return dict(zip(["naam", "telefoon", "email", "vraag", "uitslag"], cursor.fetchone(), strict=True))


def test_a_raw_select_shows_only_ciphertext(ontvanger):
    verzoek = Verzoek.objects.create(
        ontvanger=ontvanger, naam="Jan de Vries", telefoon="0612345678", email="jan@voorbeeld.nl", vraag="Schulden"
    )
    rauw = _rauw(verzoek)
    for veld in ("naam", "telefoon", "email", "vraag"):
        assert rauw[veld].startswith("gAAAA"), veld
    assert "Jan" not in str(rauw) and "0612345678" not in str(rauw) and "voorbeeld" not in str(rauw)
    assert rauw["uitslag"] == ""  # empty stays empty
    opnieuw = Verzoek.objects.get(pk=verzoek.pk)
    assert (opnieuw.naam, opnieuw.telefoon, opnieuw.email) == ("Jan de Vries", "0612345678", "jan@voorbeeld.nl")


def test_a_changed_token_is_refused_not_misread(ontvanger):
    verzoek = Verzoek.objects.create(ontvanger=ontvanger, naam="Jan de Vries")
    token = _rauw(verzoek)["naam"]
    kapot = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE overdracht_verzoek SET naam = %s WHERE id = %s", [kapot, verzoek.pk])
    with pytest.raises(OnleesbaarGeheim):
        Verzoek.objects.get(pk=verzoek.pk)


def test_key_rotation_re_encrypts_with_the_new_key(ontvanger, settings):
    verzoek = Verzoek.objects.create(ontvanger=ontvanger, naam="Jan de Vries", telefoon="0612345678")
    oude_sleutel = settings.VERSLEUTELING_SLEUTELS[0]
    nieuwe_sleutel = Fernet.generate_key().decode()
    settings.VERSLEUTELING_SLEUTELS = [nieuwe_sleutel, oude_sleutel]
    call_command("sleutels_roteren")
    # Only the new key left: the rows still read.
    settings.VERSLEUTELING_SLEUTELS = [nieuwe_sleutel]
    assert Verzoek.objects.get(pk=verzoek.pk).naam == "Jan de Vries"
    assert Fernet(nieuwe_sleutel.encode()).decrypt(_rauw(verzoek)["telefoon"].encode()) == b"0612345678"
    # And the old key alone no longer reads them.
    settings.VERSLEUTELING_SLEUTELS = [oude_sleutel]
    with pytest.raises(OnleesbaarGeheim):
        Verzoek.objects.get(pk=verzoek.pk)
