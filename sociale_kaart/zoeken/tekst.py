"""The search text: cleaning what a resident types, its words, the everyday
lexicon, and the query that forgives.

A resident types words, a sentence, a typo or a word in another language. From
that we build groups, one per meaningful word: the word itself (as a prefix),
its spelling correction, the compound words it is part of, and (weaker) what the
lexicon says it means. Filler words count for nothing. A result matches when any
group matches; ranking.py counts how many groups match and where."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection

from sociale_kaart.models import Synoniem

MAX_ZOEKTEKST = 200
MAX_WOORDEN = 10
# A typo is corrected to the nearest word of the vocabulary at least this similar
# (pg_trgm similarity: shared trigrams / all trigrams); short words need more.
MIN_GELIJKENIS = 0.35
MIN_GELIJKENIS_KORT = 0.5
# At most this many compound words per typed word ("hulp" -> schuldhulpmaatje, ...).
MAX_SAMENSTELLINGEN = 12

# Letters and digits only: nothing a resident types can change the tsquery syntax.
_WOORD = re.compile(r"[^\W_]+")

# Filler words: they count for nothing (Dutch first; a few English ones, since
# newcomers type English sentences). A word the lexicon knows is never filler.
_STOPWOORDEN_TEKST = """
    ik je jij jou jouw u uw mijn mij me wij we ons onze jullie zij ze hij hem haar hun het de een
    en of maar want dus dat die dit deze wat wie waar hoe welk welke waarom wanneer als dan omdat
    te ten ter om op in aan voor van met bij naar uit tot over door onder tegen zonder na
    is ben bent zijn was waren wordt worden werd heb hebt heeft hebben had hadden
    kan kun kunt kunnen kon wil wilt willen moet moeten mag mogen zal zou zouden ga gaat gaan
    doe doet doen krijg krijgt krijgen weet weten niet geen wel ook nog al er hier daar nu
    zo heel erg te veel meer minder even graag echt toch nooit altijd iets niets iemand niemand
    alles dat hoeveel waarmee waarvoor ergens maken kom komt komen zit zitten sta staat
    the a an and or of to for in on at my me i am is are be have has need with can not no
"""
STOPWOORDEN = frozenset(_STOPWOORDEN_TEKST.split())


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
    return woorden[: MAX_WOORDEN * 2]


# --- The lexicon -------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Rules of the everyday lexicon: a word or phrase (a tuple of words) -> the
    words it also finds. Two-way rules are stored in both directions."""

    regels: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    @property
    def langste_zin(self) -> int:
        return max((len(sleutel) for sleutel in self.regels), default=1)

    def betekent(self, woorden: tuple[str, ...]) -> list[str]:
        return self.regels.get(woorden, [])

    def kent(self, woord: str) -> bool:
        return (woord,) in self.regels

    def enkele_woorden(self) -> list[str]:
        return [sleutel[0] for sleutel in self.regels if len(sleutel) == 1]


def lexicon_laden() -> Lexicon:
    """The coordinator's lexicon (Synoniem), in one query."""
    regels: dict[tuple[str, ...], list[str]] = {}

    def voeg_toe(sleutel: tuple[str, ...], doelen: list[str]) -> None:
        if not sleutel:
            return
        bestaand = regels.setdefault(sleutel, [])
        bestaand += [d for d in doelen if d not in bestaand and (d,) != sleutel]

    for woord, zoekt_ook, wederzijds in Synoniem.objects.values_list("woord", "zoekt_ook", "wederzijds"):
        sleutel = tuple(zoekwoorden(woord))[:4]
        doelen = zoekwoorden(zoekt_ook)
        voeg_toe(sleutel, doelen)
        if wederzijds:
            allemaal = [" ".join(sleutel), *doelen]
            for doel in doelen:
                voeg_toe((doel,), [w for w in allemaal if w != doel and " " not in w] + list(sleutel))
    return Lexicon(regels)


# --- Similarity (the same measure as pg_trgm, for the small lexicon in memory) -----


def trigrammen(woord: str) -> set[str]:
    opgevuld = f"  {woord} "
    return {opgevuld[i : i + 3] for i in range(len(opgevuld) - 2)}


def gelijkenis(a: str, b: str) -> float:
    ta, tb = trigrammen(a), trigrammen(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _drempel(woord: str) -> float:
    return MIN_GELIJKENIS_KORT if len(woord) <= 5 else MIN_GELIJKENIS


# --- What the vocabulary says about the typed words (one query) --------------------

_WOORDENLIJST_SQL = """
WITH q(woord) AS (SELECT DISTINCT unnest(%(woorden)s::text[])),
p(samen) AS (SELECT DISTINCT unnest(%(paren)s::text[]))
SELECT 'bekend', q.woord, NULL, NULL FROM q
WHERE EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord z WHERE z.woord LIKE q.woord || '%%')
UNION ALL
SELECT 'spelling', q.woord, t.woord, similarity(q.woord, t.woord) FROM q
CROSS JOIN LATERAL (
    SELECT z.woord FROM sociale_kaart_zoekwoord z
    WHERE z.woord %% q.woord AND length(q.woord) >= 4
    ORDER BY similarity(z.woord, q.woord) DESC, z.woord LIMIT 1
) t
UNION ALL
SELECT 'deel', q.woord, d.woord, NULL FROM q
CROSS JOIN LATERAL (
    SELECT z.woord FROM sociale_kaart_zoekwoord z,
    LATERAL (SELECT substr(z.woord, 1, strpos(z.woord, q.woord) - 1) AS links,
                    substr(z.woord, strpos(z.woord, q.woord) + length(q.woord)) AS rechts) s
    WHERE length(q.woord) >= 4 AND z.woord LIKE '%%_' || q.woord || '%%'
      AND length(s.links) >= 3
      AND ((length(q.woord) >= 5 AND length(s.links) >= 4)
           OR EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord l
                   WHERE l.woord IN (s.links, rtrim(s.links, 's')) AND l.woord <> z.woord)
           OR (length(s.links) >= 5 AND EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord l
                   WHERE l.woord LIKE s.links || '_%%' AND l.woord <> z.woord)))
      AND (s.rechts = '' OR (length(s.rechts) >= 3 AND EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord r
                   WHERE r.woord = s.rechts AND r.woord <> z.woord)))
    ORDER BY length(z.woord), z.woord
    LIMIT %(max_delen)s
) d
UNION ALL
SELECT 'splitsing', q.woord, substr(q.woord, 1, i) || ' ' || substr(q.woord, i + 1), NULL
FROM q, generate_series(3, length(q.woord) - 3) AS i
WHERE EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord l
              WHERE l.woord IN (substr(q.woord, 1, i), rtrim(substr(q.woord, 1, i), 's')))
  AND EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord r WHERE r.woord LIKE substr(q.woord, i + 1) || '%%')
UNION ALL
SELECT 'samen', p.samen, NULL, NULL FROM p
WHERE EXISTS (SELECT 1 FROM sociale_kaart_zoekwoord z WHERE z.woord LIKE p.samen || '%%')
"""


@dataclass
class _Woordenlijst:
    bekend: set[str] = field(default_factory=set)
    spelling: dict[str, tuple[str, float]] = field(default_factory=dict)
    delen: dict[str, list[str]] = field(default_factory=dict)
    splitsing: dict[str, tuple[str, str]] = field(default_factory=dict)
    samen: set[str] = field(default_factory=set)


def _woordenlijst_raadplegen(woorden: list[str], paren: list[str]) -> _Woordenlijst:
    uitkomst = _Woordenlijst()
    if not woorden and not paren:
        return uitkomst
    with connection.cursor() as cursor:
        cursor.execute(_WOORDENLIJST_SQL, {"woorden": woorden, "paren": paren, "max_delen": MAX_SAMENSTELLINGEN})
        for soort, woord, kandidaat, score in cursor.fetchall():
            if soort == "bekend":
                uitkomst.bekend.add(woord)
            elif soort == "spelling":
                uitkomst.spelling[woord] = (kandidaat, float(score))
            elif soort == "deel":
                uitkomst.delen.setdefault(woord, []).append(kandidaat)
            elif soort == "splitsing":
                links, rechts = kandidaat.split(" ")
                # The longest known head wins ("sportvereniging" -> sport + vereniging).
                if woord not in uitkomst.splitsing or len(links) > len(uitkomst.splitsing[woord][0]):
                    uitkomst.splitsing[woord] = (links, rechts)
            elif soort == "samen":
                uitkomst.samen.add(woord)
    return uitkomst


# --- The query -------------------------------------------------------------------


@dataclass
class Groep:
    """One meaningful word of the resident: matching any alternative counts once.

    direct: the word, its corrected spelling, compound words that contain it, or
    its two parts (as "links rechts": both must match). ruim: what the lexicon says
    it means (counts less in the ranking)."""

    woord: str
    direct: list[str]
    ruim: list[str] = field(default_factory=list)


@dataclass
class Zoekvraag:
    woorden: list[str]
    groepen: list[Groep]
    # What we also searched for, to show: "Wij zochten ook naar: voedselbank".
    ook_gezocht: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groepen)


def _term(woord: str, gewicht: str = "") -> str:
    """A tsquery term for a word, or "links rechts" (both parts) for a split compound."""
    delen = woord.split(" ")
    if len(delen) == 1:
        return f"{woord}:*{gewicht}"
    return "(" + " & ".join(f"{deel}:*{gewicht}" for deel in delen) + ")"


def tsquery_van(woorden: list[str], gewicht: str = "") -> str:
    """A raw to_tsquery text that matches any of the words (as prefixes)."""
    return "(" + " | ".join(_term(w, gewicht) for w in woorden) + ")" if woorden else ""


def tsquery_bouwen(woorden: list[str], synoniemen: dict[str, list[str]], *, operator: str = "&") -> str:
    """A raw to_tsquery text: every word as a prefix, or one of its synonyms.

    "geld schuld" with geld -> inkomen becomes "(geld:* | inkomen:*) & (schuld:*)".
    The words come from zoekwoorden(), so they hold letters and digits only."""
    groepen = []
    for woord in woorden:
        alternatieven = [woord] + [s for s in synoniemen.get(woord, []) if s != woord]
        groepen.append(tsquery_van(alternatieven))
    return f" {operator} ".join(groepen)


def zoekvraag_ontleden(tekst: str, lexicon: Lexicon, *, precies: bool = False) -> Zoekvraag:
    """From what a resident typed to the groups of the query. One query (the
    vocabulary) unless the text has no meaningful word. With precies, no spelling
    correction (the resident asked for the exact spelling)."""
    alle = zoekwoorden(tekst)
    # 1. Phrases of the lexicon ("food bank", "baan kwijt"), longest first.
    stukken: list[tuple[str, list[str]]] = []  # (word or phrase, what the lexicon says)
    i = 0
    while i < len(alle):
        for lengte in range(min(lexicon.langste_zin, len(alle) - i), 1, -1):
            zin = tuple(alle[i : i + lengte])
            if lexicon.betekent(zin):
                stukken.append((" ".join(zin), lexicon.betekent(zin)))
                i += lengte
                break
        else:
            woord = alle[i]
            if woord not in STOPWOORDEN or lexicon.kent(woord):
                stukken.append((woord, lexicon.betekent((woord,))))
            i += 1
    stukken = stukken[:MAX_WOORDEN]
    if not stukken:
        return Zoekvraag(woorden=[], groepen=[])

    enkel = [w for w, _ in stukken if " " not in w]
    paren = [a + b for (a, _), (b, _) in zip(stukken, stukken[1:], strict=False) if " " not in a + b]
    lijst = _woordenlijst_raadplegen(enkel, paren)

    groepen: list[Groep] = []
    ook: list[str] = []
    overslaan = False
    for n, (woord, ruim) in enumerate(stukken):
        if overslaan:
            overslaan = False
            continue
        if " " in woord:  # a lexicon phrase: only what it means
            groepen.append(Groep(woord=woord, direct=[], ruim=ruim))
            continue
        volgend = stukken[n + 1][0] if n + 1 < len(stukken) else ""
        if volgend and " " not in volgend and woord + volgend in lijst.samen:
            # Two typed words that form a compound of the index: "voedsel bank" -> voedselbank.
            samen = woord + volgend
            groepen.append(
                Groep(
                    woord=f"{woord} {volgend}",
                    direct=[samen, f"{woord} {volgend}"],
                    ruim=ruim + lexicon.betekent((volgend,)) + lexicon.betekent((samen,)),
                )
            )
            ook.append(samen)
            overslaan = True
            continue
        direct = [woord]
        if woord not in lijst.bekend and not lexicon.kent(woord):
            beste = _beste_spelling(woord, lijst, lexicon) if not precies else None
            if beste:
                direct.append(beste)
                ook.append(beste)
                ruim = ruim + lexicon.betekent((beste,))
            elif woord in lijst.splitsing:
                links, rechts = lijst.splitsing[woord]
                direct.append(f"{links} {rechts}")
        direct += [d for d in lijst.delen.get(woord, []) if d not in direct]
        groepen.append(Groep(woord=woord, direct=direct, ruim=[r for r in ruim if r not in direct]))
    return Zoekvraag(woorden=[w for w, _ in stukken], groepen=groepen, ook_gezocht=list(dict.fromkeys(ook)))


def _beste_spelling(woord: str, lijst: _Woordenlijst, lexicon: Lexicon) -> str | None:
    """The nearest word of the vocabulary or the lexicon, if it is near enough."""
    kandidaten = []
    if woord in lijst.spelling:
        kandidaten.append((lijst.spelling[woord][1], lijst.spelling[woord][0]))
    for sleutel in lexicon.enkele_woorden():
        if abs(len(sleutel) - len(woord)) <= 3:
            kandidaten.append((gelijkenis(woord, sleutel), sleutel))
    kandidaten = [(score, k) for score, k in kandidaten if score >= _drempel(woord) and k != woord]
    if not kandidaten:
        return None
    return max(kandidaten, key=lambda paar: (paar[0], -len(paar[1])))[1]
