"""The question flow of the check: which steps there are, which are skipped,
and the answers in the session (and nowhere else).

The answers live in `request.session["potjeswijzer"]` (a signed cookie, see
docs/adr/0003) in the same shape as the command's input. After 30 minutes
without activity they are dropped; "Stoppen en alles wissen" drops them at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy

from regelingen import eligibility as e
from regelingen import forms
from regelingen.invoer import InvoerFout, huishouden_uit_dict

SESSIE_SLEUTEL = "potjeswijzer"
MAX_STIL = 30 * 60


@dataclass(frozen=True)
class Stap:
    slug: str
    titel: str  # short name for the check-answers page (lazily translated)
    form: type
    velden: tuple[str, ...]
    nodig: Callable[[Sequence[e.RegelingRegels]], bool]
    geldt: Callable[[dict], bool] = lambda antwoorden: True

    def beantwoord(self, antwoorden: dict) -> bool:
        velden = self.velden
        if self.slug == "leeftijd" and antwoorden.get("partner"):
            velden = (*velden, "leeftijd_partner")
        return all(veld in antwoorden for veld in velden)


def _inkomenstoets(regels):
    return any(r.percentage is not None for r in regels)


STAPPEN: tuple[Stap, ...] = (
    Stap(
        "woonplaats",
        gettext_lazy("Woont u in de gemeente?"),
        forms.WoonplaatsForm,
        ("woont_in_gemeente",),
        lambda regels: any(r.alleen_inwoners for r in regels),
    ),
    Stap(
        "samenwonen",
        gettext_lazy("Samenwonend of getrouwd"),
        forms.SamenwonenForm,
        ("partner",),
        lambda regels: (
            _inkomenstoets(regels) or any(r.vermogenstoets or r.bedrag_per_volwassene is not None for r in regels)
        ),
    ),
    Stap("leeftijd", gettext_lazy("Leeftijd"), forms.LeeftijdForm, ("leeftijd",), lambda regels: True),
    Stap(
        "kinderen",
        gettext_lazy("Kinderen onder 18 thuis"),
        forms.KinderenForm,
        ("heeft_kinderen",),
        lambda regels: (
            _inkomenstoets(regels)
            or any(r.vermogenstoets or r.heeft_kind_voorwaarde or r.bedrag_per_kind is not None for r in regels)
        ),
    ),
    Stap(
        "leeftijd-kinderen",
        gettext_lazy("Leeftijd van de kinderen"),
        forms.KinderenLeeftijdenForm,
        ("kinderen",),
        lambda regels: True,
        lambda antwoorden: antwoorden.get("heeft_kinderen") is True,
    ),
    Stap("inkomen", gettext_lazy("Netto inkomen per maand"), forms.InkomenForm, ("netto_inkomen",), _inkomenstoets),
    Stap(
        "spaargeld",
        gettext_lazy("Spaargeld en bezit"),
        forms.VermogenForm,
        ("vermogen",),
        lambda regels: any(r.vermogenstoets for r in regels),
    ),
    Stap(
        "laag-inkomen",
        gettext_lazy("Hoe lang al een laag inkomen"),
        forms.JarenForm,
        ("jaren_laag_inkomen",),
        lambda regels: any(r.min_jaren_laag_inkomen for r in regels),
    ),
    Stap(
        "studie",
        gettext_lazy("School of studie"),
        forms.StudieForm,
        ("student",),
        lambda regels: any(r.niet_voor_studenten for r in regels),
    ),
)
STAP_PER_SLUG = {stap.slug: stap for stap in STAPPEN}

# What a skipped question means: it cannot change any outcome, so any value will do.
STANDAARD = {
    "woont_in_gemeente": True,
    "partner": False,
    "heeft_kinderen": False,
    "kinderen": [],
    "netto_inkomen": "0.00",
    "vermogen": None,
    "jaren_laag_inkomen": None,
    "student": False,
}


def stappen_voor(regels: Sequence[e.RegelingRegels], antwoorden: dict) -> list[Stap]:
    """The questions this resident gets, in order."""
    return [stap for stap in STAPPEN if stap.nodig(regels) and stap.geldt(antwoorden)]


def eerste_open_stap(stappen: list[Stap], antwoorden: dict) -> Stap | None:
    return next((stap for stap in stappen if not stap.beantwoord(antwoorden)), None)


# --- Session -------------------------------------------------------------------------------


_TYPES = {
    "woont_in_gemeente": (bool,),
    "partner": (bool,),
    "heeft_kinderen": (bool,),
    "student": (bool,),
    "leeftijd": (int,),
    "leeftijd_partner": (int, type(None)),
    "kinderen": (list,),
    "netto_inkomen": (str,),
    "vermogen": (str, type(None)),
    "jaren_laag_inkomen": (int, type(None)),
}


def _geldig(antwoorden: dict) -> bool:
    for sleutel, waarde in antwoorden.items():
        soorten = _TYPES.get(sleutel)
        if soorten is None or not isinstance(waarde, soorten):
            return False
        if isinstance(waarde, int) and not isinstance(waarde, bool) and bool in soorten:
            return False
        if sleutel in ("leeftijd", "leeftijd_partner", "jaren_laag_inkomen") and isinstance(waarde, bool):
            return False
    kinderen = antwoorden.get("kinderen", [])
    return all(isinstance(k, int) and not isinstance(k, bool) for k in kinderen)


def antwoorden(session) -> tuple[dict, str | None]:
    """The answers in the session, and why they were just dropped ("verlopen" or "kapot"), if so."""
    data = session.get(SESSIE_SLEUTEL)
    if data is None:
        return {}, None
    if not isinstance(data, dict) or not isinstance(data.get("a"), dict) or not _geldig(data["a"]):
        wissen(session)
        return {}, "kapot"
    laatst = data.get("t")
    if not isinstance(laatst, int | float) or time.time() - laatst > MAX_STIL:
        wissen(session)
        return {}, "verlopen"
    return dict(data["a"]), None


def bewaar(session, antwoorden: dict, *, geteld: bool | None = None) -> None:
    oud = session.get(SESSIE_SLEUTEL) if isinstance(session.get(SESSIE_SLEUTEL), dict) else {}
    session[SESSIE_SLEUTEL] = {
        "a": antwoorden,
        "t": int(time.time()),
        "g": bool(oud.get("g")) if geteld is None else geteld,
    }


def is_geteld(session) -> bool:
    data = session.get(SESSIE_SLEUTEL)
    return isinstance(data, dict) and bool(data.get("g"))


def wissen(session) -> None:
    session.pop(SESSIE_SLEUTEL, None)


def huishouden_van(antwoorden: dict, *, vandaag: date | None = None) -> e.Huishouden:
    """Build the engine's household from the answers; InvoerFout when they are not consistent."""
    data = {**STANDAARD, **{k: v for k, v in antwoorden.items() if k != "heeft_kinderen"}}
    if not antwoorden.get("heeft_kinderen"):
        data["kinderen"] = []
    if not data.get("partner"):
        data["leeftijd_partner"] = None
    data["peildatum"] = (vandaag or date.today()).isoformat()
    return huishouden_uit_dict(data, vandaag=vandaag)


__all__ = ["InvoerFout", "STAPPEN", "Stap", "antwoorden", "bewaar", "huishouden_van", "wissen"]
