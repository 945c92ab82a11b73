"""Authenticated encryption for small values that travel to the browser and
back (the check's answers, see regelingen/check.py).

Fernet (AES-128-CBC with HMAC-SHA256) under a key derived from SECRET_KEY and a
purpose, so a value made for one purpose cannot be opened as another. Without
the server's secret key a value is unreadable and cannot be changed unnoticed.
"""

from __future__ import annotations

import base64
import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils.crypto import salted_hmac


class Onleesbaar(Exception):
    """The value was not made by this server (or not for this purpose), or was changed."""


def _fernet(doel: str, geheim: str) -> Fernet:
    sleutel = salted_hmac(f"armoedepact.versleuteling.{doel}", "sleutel", secret=geheim, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(sleutel))


def versleutelen(waarde, *, doel: str) -> str:
    """JSON-serialisable value -> an opaque, URL- and cookie-safe string."""
    data = json.dumps(waarde, separators=(",", ":")).encode()
    return _fernet(doel, settings.SECRET_KEY).encrypt(data).decode("ascii")


def ontsleutelen(tekst: str, *, doel: str):
    """The value back; Onleesbaar when it was not made here or was changed.
    Keys in SECRET_KEY_FALLBACKS still open old values after a key rotation."""
    try:
        token = tekst.encode("ascii")
    except UnicodeEncodeError as fout:
        raise Onleesbaar from fout
    for geheim in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            data = _fernet(doel, geheim).decrypt(token)
        except InvalidToken:
            continue
        try:
            return json.loads(data)
        except ValueError as fout:
            raise Onleesbaar from fout
    raise Onleesbaar
