"""B1 hints for partners: a readability score for Dutch (Flesch-Douma) and the
sentences and words that make a text hard. A hint, never a block. Pure."""

import re
from dataclasses import dataclass, field

import textstat

LANGE_ZIN = 20  # words
LANG_WOORD = 14  # letters
_ZINNEN = re.compile(r"(?<=[.!?])\s+|\n+")
_WOORDEN = re.compile(r"[A-Za-zÀ-ÿ'-]+")
# Long words that residents know well; not worth a hint.
_BEKENDE_WOORDEN = {"verjaardagsfeest", "zorgverzekering", "huurtoeslag", "kinderbijslag", "zorgtoeslag"}


@dataclass(frozen=True)
class Advies:
    score: float | None
    uitleg: str
    lange_zinnen: list[str] = field(default_factory=list)
    lange_woorden: list[str] = field(default_factory=list)


def _score_uitleg(score: float) -> str:
    if score >= 70:
        return "Deze tekst is makkelijk te lezen."
    if score >= 60:
        return "Deze tekst is redelijk makkelijk te lezen."
    return "Deze tekst is moeilijk te lezen. Maak de zinnen korter en kies gewone woorden."


def advies(tekst: str) -> Advies:
    tekst = (tekst or "").strip()
    if len(_WOORDEN.findall(tekst)) < 5:
        return Advies(score=None, uitleg="")
    textstat.set_lang("nl")
    score = round(float(textstat.flesch_reading_ease(tekst)), 1)
    zinnen = [zin.strip() for zin in _ZINNEN.split(tekst) if zin.strip()]
    lange_zinnen = [zin for zin in zinnen if len(_WOORDEN.findall(zin)) > LANGE_ZIN]
    lange_woorden = []
    for woord in _WOORDEN.findall(tekst):
        kaal = woord.strip("'-").lower()
        if len(kaal) >= LANG_WOORD and kaal not in _BEKENDE_WOORDEN and kaal not in lange_woorden:
            lange_woorden.append(kaal)
    return Advies(score=score, uitleg=_score_uitleg(score), lange_zinnen=lange_zinnen, lange_woorden=lange_woorden)


def advies_per_veld(velden: dict[str, tuple[str, str]]) -> list[tuple[str, Advies]]:
    """velden: name -> (label, text). Returns (label, advies) for texts that have tips."""
    resultaat = []
    for label, tekst in velden.values():
        uitkomst = advies(tekst)
        if uitkomst.score is not None:
            resultaat.append((label, uitkomst))
    return resultaat
