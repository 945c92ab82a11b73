"""The search text: cleaning what a resident types, its words, synonyms and the tsquery."""

from __future__ import annotations

import re
import unicodedata

from sociale_kaart.models import Synoniem

MAX_ZOEKTEKST = 200
MAX_WOORDEN = 10

# Letters and digits only: nothing a resident types can change the tsquery syntax.
_WOORD = re.compile(r"[^\W_]+")


def zoektekst_opschonen(tekst: str) -> str:
    """Remove control characters (NUL and friends) and squeeze white space."""
    schoon = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in tekst)
    return " ".join(schoon.split())


def zoekwoorden(tekst: str) -> list[str]:
    """The words of a search text, lower case, letters and digits only."""
    woorden = []
    for woord in _WOORD.findall(tekst.lower()):
        if len(woord) >= 2 and woord not in woorden:
            woorden.append(woord[:50])
    return woorden[:MAX_WOORDEN]


def synoniemen_laden() -> dict[str, list[str]]:
    """Everyday word -> the words it should also find (one query)."""
    resultaat: dict[str, list[str]] = {}
    for woord, zoekt_ook in Synoniem.objects.values_list("woord", "zoekt_ook"):
        for sleutel in zoekwoorden(woord):
            resultaat.setdefault(sleutel, [])
            resultaat[sleutel] += [w for w in zoekwoorden(zoekt_ook) if w not in resultaat[sleutel]]
    return resultaat


def tsquery_bouwen(woorden: list[str], synoniemen: dict[str, list[str]], *, operator: str = "&") -> str:
    """A raw to_tsquery text: every word as a prefix, or one of its synonyms.

    "geld schuld" with geld -> inkomen becomes "(geld:* | inkomen:*) & (schuld:*)".
    The words come from zoekwoorden(), so they hold letters and digits only."""
    groepen = []
    for woord in woorden:
        alternatieven = [woord] + [s for s in synoniemen.get(woord, []) if s != woord]
        groepen.append("(" + " | ".join(f"{a}:*" for a in alternatieven) + ")")
    return f" {operator} ".join(groepen)
