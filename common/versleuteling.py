"""Two uses of authenticated encryption (Fernet: AES-128-CBC with HMAC-SHA256,
from the `cryptography` package).

1. Encrypted text fields (authenticated encryption: Fernet, AES-128-CBC with
HMAC-SHA256, from the `cryptography` package).

The keys come from settings.VERSLEUTELING_SLEUTELS (the environment variable
`VERSLEUTELING_SLEUTELS`, comma-separated Fernet keys). The first key encrypts;
every key decrypts, so a key is rotated by putting a new key in front, running
`manage.py sleutels_roteren` (re-encrypts every row with the first key) and
then removing the old key. A raw SELECT shows only ciphertext ("gAAAA...").

A value that cannot be decrypted (wrong key, changed in the database) raises
an error instead of returning garbage: the HMAC makes tampering visible.

2. Small values that travel to the browser and back (the check's answers, see
regelingen/check.py): `versleutelen`/`ontsleutelen`, under a key derived from
SECRET_KEY and a purpose, so a value made for one purpose cannot be opened as
another. Without the server's secret key a value is unreadable and cannot be
changed unnoticed.
"""

from __future__ import annotations

import base64
import json
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.crypto import salted_hmac


class OnleesbaarGeheim(Exception):
    """The stored value cannot be decrypted with any configured key."""


@cache
def _fernet(sleutels: tuple[str, ...]) -> MultiFernet:
    if not sleutels:
        raise ImproperlyConfigured("VERSLEUTELING_SLEUTELS is empty: the portal cannot encrypt personal details.")
    try:
        return MultiFernet([Fernet(s.encode()) for s in sleutels])
    except ValueError as error:
        raise ImproperlyConfigured(f"VERSLEUTELING_SLEUTELS holds a key that is not a Fernet key: {error}") from None


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.VERSLEUTELING_SLEUTELS))


def versleutel(tekst: str) -> str:
    return fernet().encrypt(tekst.encode()).decode()


def ontsleutel(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise OnleesbaarGeheim("Deze gegevens zijn niet te lezen met de ingestelde sleutels.") from None


def herversleutel(token: str) -> str:
    """The same text, encrypted with the first (newest) key."""
    try:
        return fernet().rotate(token.encode()).decode()
    except InvalidToken:
        raise OnleesbaarGeheim("Deze gegevens zijn niet te lezen met de ingestelde sleutels.") from None


class VersleuteldeTekst(models.TextField):
    """A text stored encrypted. Empty stays empty (nothing to hide). It cannot be
    searched or sorted in SQL: look rows up by another column."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return ontsleutel(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return versleutel(str(value))


# --- Values that travel to the browser and back ---------------------------------


class Onleesbaar(Exception):
    """The value was not made by this server (or not for this purpose), or was changed."""


def _fernet_voor_doel(doel: str, geheim: str) -> Fernet:
    sleutel = salted_hmac(f"armoedepact.versleuteling.{doel}", "sleutel", secret=geheim, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(sleutel))


def versleutelen(waarde, *, doel: str) -> str:
    """JSON-serialisable value -> an opaque, URL- and cookie-safe string."""
    data = json.dumps(waarde, separators=(",", ":")).encode()
    return _fernet_voor_doel(doel, settings.SECRET_KEY).encrypt(data).decode("ascii")


def ontsleutelen(tekst: str, *, doel: str):
    """The value back; Onleesbaar when it was not made here or was changed.
    Keys in SECRET_KEY_FALLBACKS still open old values after a key rotation."""
    try:
        token = tekst.encode("ascii")
    except UnicodeEncodeError as fout:
        raise Onleesbaar from fout
    for geheim in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            data = _fernet_voor_doel(doel, geheim).decrypt(token)
        except InvalidToken:
            continue
        try:
            return json.loads(data)
        except ValueError as fout:
            raise Onleesbaar from fout
    raise Onleesbaar
