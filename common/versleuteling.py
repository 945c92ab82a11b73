"""Encrypted text fields (authenticated encryption: Fernet, AES-128-CBC with
HMAC-SHA256, from the `cryptography` package).

The keys come from settings.VERSLEUTELING_SLEUTELS (the environment variable
`VERSLEUTELING_SLEUTELS`, comma-separated Fernet keys). The first key encrypts;
every key decrypts, so a key is rotated by putting a new key in front, running
`manage.py sleutels_roteren` (re-encrypts every row with the first key) and
then removing the old key. A raw SELECT shows only ciphertext ("gAAAA...").

A value that cannot be decrypted (wrong key, changed in the database) raises
an error instead of returning garbage: the HMAC makes tampering visible.
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


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
