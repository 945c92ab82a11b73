"""Password validators for partner and staff accounts (AUTH_PASSWORD_VALIDATORS).

* `VeelGebruiktValidator`: refuses common Dutch passwords from
  veelgebruikt-nl.txt (kept in this folder), also with digits, symbols or
  look-alike characters around them: "wachtwoord1234", "W@chtw00rd!", "Welkom2026".
* `EigenNaamValidator`: refuses a password that contains the user's own name,
  e-mail name, or the name of an organisation they belong to (or are invited
  to), or the gemeente's name: "Humanitas2026!" for a Humanitas volunteer.

Django's own validators (length 12, its English common list, numbers only,
similarity) stay in front of these.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

LIJST = Path(__file__).resolve().parent / "veelgebruikt-nl.txt"
_GELIJKENDE = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
MIN_NAAM = 4  # shorter name parts ("de", "Jan") would refuse ordinary words


@cache
def lijst() -> frozenset[str]:
    regels = LIJST.read_text(encoding="utf-8").splitlines()
    return frozenset(r.strip().lower() for r in regels if r.strip() and not r.startswith("#"))


def _kernen(wachtwoord: str) -> set[str]:
    """The letters of a password, without digits and symbols: as typed, and with look-alikes undone."""
    laag = wachtwoord.lower()
    # Digits and symbols around a word are padding; inside it they may be look-alikes.
    midden = re.sub(r"^[^a-z]+|[^a-z]+$", "", laag)
    return {re.sub(r"[^a-z]", "", laag), re.sub(r"[^a-z]", "", midden.translate(_GELIJKENDE))} - {""}


def _herhaling_van(kern: str, woorden: frozenset[str]) -> bool:
    for lengte in range(1, len(kern) // 2 + 1):
        if len(kern) % lengte == 0 and kern[:lengte] * (len(kern) // lengte) == kern and kern[:lengte] in woorden:
            return True
    return False


class VeelGebruiktValidator:
    def validate(self, password, user=None):
        woorden = lijst()
        for kern in _kernen(password):
            if kern in woorden or _herhaling_van(kern, woorden):
                raise ValidationError(
                    "Dit wachtwoord wordt veel gebruikt. Dan is het makkelijk te raden. "
                    "Kies een ander wachtwoord, bijvoorbeeld drie of vier losse woorden.",
                    code="veel_gebruikt",
                )

    def get_help_text(self):
        return "Gebruik geen wachtwoord dat veel mensen gebruiken, zoals wachtwoord1234 of welkom2026."


def _namen_van(user) -> set[str]:
    stukken: list[str] = [getattr(settings, "GEMEENTE_NAAM", "")]
    if user is not None:
        voornaam, achternaam = getattr(user, "first_name", "") or "", getattr(user, "last_name", "") or ""
        stukken += [voornaam, achternaam, voornaam + achternaam]
        email = getattr(user, "email", "") or getattr(user, "username", "") or ""
        lokaal, _, domein = email.partition("@")
        stukken += [lokaal, domein.rsplit(".", 1)[0]]
        stukken += list(getattr(user, "organisatie_namen", None) or _organisaties(user))
    namen = set()
    for stuk in stukken:
        woorden = re.split(r"[^a-z]+", stuk.lower().translate(_GELIJKENDE))
        namen.update(w for w in woorden if len(w) >= MIN_NAAM)
        aaneen = "".join(woorden)
        if len(aaneen) >= MIN_NAAM:
            namen.add(aaneen)
    return namen


def _organisaties(user) -> list[str]:
    if getattr(user, "pk", None) is None:
        return []
    from sociale_kaart.selectors import organisaties_van_gebruiker

    return list(organisaties_van_gebruiker(user=user).values_list("naam", flat=True))


class EigenNaamValidator:
    def validate(self, password, user=None):
        namen = _namen_van(user)
        for kern in _kernen(password):
            if any(naam in kern for naam in namen):
                raise ValidationError(
                    "Uw wachtwoord lijkt op uw naam of de naam van uw organisatie of gemeente. "
                    "Dat is makkelijk te raden. Kies een ander wachtwoord.",
                    code="eigen_naam",
                )

    def get_help_text(self):
        return "Gebruik niet uw naam, de naam van uw organisatie of de naam van de gemeente."
