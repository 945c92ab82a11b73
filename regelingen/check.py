"""The question flow of the check: which steps there are, which are skipped,
and where the answers are kept between the pages.

The answers travel in the resident's own cookie `potjeswijzer`, encrypted with
a key only the server has (common/versleuteling.py), in the same shape as the
command's input. It is a browser-session cookie: closing the browser forgets it.
The server keeps one row per running check (regelingen.CheckSessie): a random
id and the time of the last answer, nothing a resident typed. 30 minutes after
the last answer, or at "Stoppen en alles wissen", the row goes, and with it
every copy of the cookie (docs/adr/0008).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.conf import settings
from django.utils.translation import gettext_lazy

from common import versleuteling
from regelingen import eligibility as e
from regelingen import forms
from regelingen.invoer import InvoerFout, huishouden_uit_dict

COOKIE_NAAM = "potjeswijzer"
MAX_STIL = 30 * 60  # seconds after the last answer


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


# Already receiving one of these means there are children at home / a rented home.
GEEFT_KINDEREN = frozenset({"kinderbijslag", "kindgebonden-budget"})
GEEFT_HUUR = frozenset({"huurtoeslag"})


def ontvangt(antwoorden: dict) -> frozenset[str]:
    """What the resident said they already receive ("Wat krijgt u al?")."""
    return frozenset(antwoorden.get("ontvangt") or ())


def heeft_kinderen(antwoorden: dict) -> bool | None:
    if ontvangt(antwoorden) & GEEFT_KINDEREN:
        return True
    return antwoorden.get("heeft_kinderen")


def huurt(antwoorden: dict) -> bool | None:
    if ontvangt(antwoorden) & GEEFT_HUUR:
        return True
    return antwoorden.get("huurt")


STAPPEN: tuple[Stap, ...] = (
    Stap(
        "woonplaats",
        gettext_lazy("Woont u in de gemeente?"),
        forms.WoonplaatsForm,
        ("woont_in_gemeente",),
        lambda regels: any(r.alleen_inwoners for r in regels),
    ),
    # First, so that what it answers (children, renting, questions only for what the
    # resident already gets) is skipped later on.
    Stap("ontvangt", gettext_lazy("Wat krijgt u al?"), forms.OntvangtForm, ("ontvangt",), lambda regels: True),
    Stap(
        "samenwonen",
        gettext_lazy("Samenwonend of getrouwd"),
        forms.SamenwonenForm,
        ("partner",),
        lambda regels: True,  # the national allowances depend on a partner too
    ),
    Stap("leeftijd", gettext_lazy("Leeftijd"), forms.LeeftijdForm, ("leeftijd",), lambda regels: True),
    Stap(
        "kinderen",
        gettext_lazy("Kinderen onder 18 thuis"),
        forms.KinderenForm,
        ("heeft_kinderen",),
        lambda regels: True,  # kinderbijslag and kindgebonden budget
        lambda antwoorden: not ontvangt(antwoorden) & GEEFT_KINDEREN,
    ),
    Stap(
        "leeftijd-kinderen",
        gettext_lazy("Leeftijd van de kinderen"),
        forms.KinderenLeeftijdenForm,
        ("kinderen",),
        lambda regels: True,
        lambda antwoorden: heeft_kinderen(antwoorden) is True,
    ),
    # Always asked: zorgtoeslag and the scenario page need the income too.
    Stap(
        "inkomen", gettext_lazy("Netto inkomen per maand"), forms.InkomenForm, ("netto_inkomen",), lambda regels: True
    ),
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
    Stap(
        "vaste-lasten",
        gettext_lazy("Vaste lasten per maand"),
        forms.VasteLastenForm,
        ("vaste_lasten",),
        lambda regels: any(r.leefgeld_basis is not None for r in regels),
    ),
    # For the national allowances (huurtoeslag), asked whatever the local regelingen are.
    # Skipped for who already gets huurtoeslag: the rent then changes no outcome.
    Stap(
        "woning",
        gettext_lazy("Huurt u uw woning?"),
        forms.WoningForm,
        ("huurt",),
        lambda regels: True,
        lambda antwoorden: not ontvangt(antwoorden) & GEEFT_HUUR,
    ),
    Stap(
        "huur",
        gettext_lazy("Kale huur per maand"),
        forms.HuurForm,
        ("huur",),
        lambda regels: True,
        lambda antwoorden: antwoorden.get("huurt") is True and not ontvangt(antwoorden) & GEEFT_HUUR,
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
    "huurt": None,
    "huur": None,
    "vaste_lasten": None,
    "ontvangt": [],
}


def stappen_voor(regels: Sequence[e.RegelingRegels], antwoorden: dict) -> list[Stap]:
    """The questions this resident gets, in order. A question only a regeling the
    resident already receives needs is not asked."""
    al = ontvangt(antwoorden)
    if al:
        regels = [r for r in regels if r.slug not in al]
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
    "huurt": (bool, type(None)),
    "huur": (str, type(None)),
    "vaste_lasten": (str, type(None)),
    "ontvangt": (list,),
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
    if not all(isinstance(naam, str) for naam in antwoorden.get("ontvangt", [])):
        return False
    return all(isinstance(k, int) and not isinstance(k, bool) for k in kinderen)


def _nu() -> float:
    return time.time()


def _moment(seconden: float) -> datetime:
    return datetime.fromtimestamp(seconden, tz=UTC)


class _Stand:
    """This request's view of the check: the cookie as read, and what to send back."""

    __slots__ = ("antwoorden", "geteld", "id", "schrijven", "wissen")

    def __init__(self):
        self.id: str | None = None
        self.antwoorden: dict = {}
        self.geteld = False
        self.schrijven = False
        self.wissen = False


def _stand(request) -> tuple[_Stand, str | None]:
    stand = getattr(request, "_potjeswijzer", None)
    if stand is not None:
        return stand, None
    stand = _Stand()
    request._potjeswijzer = stand
    reden = _lezen(request, stand)
    return stand, reden


def _lezen(request, stand: _Stand) -> str | None:
    """Fill `stand` from the cookie; why it was just dropped ("verlopen" or "kapot"), if so."""
    from regelingen.models import CheckSessie

    waarde = request.COOKIES.get(COOKIE_NAAM)
    if not waarde:
        return None
    try:
        data = versleuteling.ontsleutelen(waarde, doel=COOKIE_NAAM)
    except versleuteling.Onleesbaar:
        data = None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("i"), str)
        or not isinstance(data.get("a"), dict)
        or not _geldig(data["a"])
    ):
        _vergeten(stand, data.get("i") if isinstance(data, dict) and isinstance(data.get("i"), str) else None)
        return "kapot"
    laatst = CheckSessie.objects.filter(pk=data["i"]).values_list("laatst", flat=True).first()
    if laatst is None:
        # Stopped, or long expired and cleaned up: a copy of an old cookie opens nothing.
        stand.wissen = True
        return None
    if _nu() - laatst.timestamp() > MAX_STIL:
        _vergeten(stand, data["i"])
        return "verlopen"
    stand.id, stand.antwoorden, stand.geteld = data["i"], dict(data["a"]), bool(data.get("g"))
    return None


def _vergeten(stand: _Stand, sessie_id: str | None) -> None:
    from regelingen.models import CheckSessie

    if sessie_id:
        CheckSessie.objects.filter(pk=sessie_id).delete()
    stand.id, stand.antwoorden, stand.geteld = None, {}, False
    stand.schrijven, stand.wissen = False, True


def antwoorden(request) -> tuple[dict, str | None]:
    """The answers of this browser's check, and why they were just dropped ("verlopen" or "kapot"), if so."""
    stand, reden = _stand(request)
    return dict(stand.antwoorden), reden


def bewaar(request, antwoorden: dict, *, geteld: bool | None = None) -> None:
    """Keep the answers (in the encrypted cookie) and restart the 30 minutes.
    Unchanged answers change nothing: only an answer restarts the clock."""
    from regelingen.models import CheckSessie

    stand, _ = _stand(request)
    geteld = stand.geteld if geteld is None else geteld
    if stand.id is not None and antwoorden == stand.antwoorden and geteld == stand.geteld:
        return
    nu = _moment(_nu())
    if stand.id is None or not CheckSessie.objects.filter(pk=stand.id).update(laatst=nu):
        # Tidy up rows nobody can use any more, then start a new check.
        CheckSessie.objects.filter(laatst__lt=_moment(_nu() - MAX_STIL)).delete()
        stand.id = secrets.token_urlsafe(32)
        CheckSessie.objects.create(id=stand.id, laatst=nu)
    stand.antwoorden, stand.geteld = dict(antwoorden), geteld
    stand.schrijven, stand.wissen = True, False


def is_geteld(request) -> bool:
    stand, _ = _stand(request)
    return stand.geteld


def wissen(request) -> None:
    """End the check: the server forgets its id, the browser gets its cookie removed."""
    stand, _ = _stand(request)
    sessie_id = stand.id
    if sessie_id is None:
        # Also a cookie that no longer opens (so its row, if any, is gone too).
        try:
            data = versleuteling.ontsleutelen(request.COOKIES.get(COOKIE_NAAM, ""), doel=COOKIE_NAAM)
            sessie_id = data.get("i") if isinstance(data, dict) and isinstance(data.get("i"), str) else None
        except versleuteling.Onleesbaar:
            sessie_id = None
    _vergeten(stand, sessie_id)
    if COOKIE_NAAM not in request.COOKIES:
        stand.wissen = False


def cookie_bijwerken(request, response) -> None:
    """Send the new cookie, or remove it, when this request changed the check."""
    stand = getattr(request, "_potjeswijzer", None)
    if stand is None:
        return
    if stand.wissen:
        response.delete_cookie(COOKIE_NAAM, path="/", samesite="Lax")
    elif stand.schrijven and stand.id is not None:
        waarde = versleuteling.versleutelen({"i": stand.id, "a": stand.antwoorden, "g": stand.geteld}, doel=COOKIE_NAAM)
        # No max_age and no expires: a browser-session cookie, gone when the browser closes.
        response.set_cookie(
            COOKIE_NAAM,
            waarde,
            path="/",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )


def huishouden_van(antwoorden: dict, *, vandaag: date | None = None) -> e.Huishouden:
    """Build the engine's household from the answers; InvoerFout when they are not consistent."""
    data = {**STANDAARD, **{k: v for k, v in antwoorden.items() if k not in ("heeft_kinderen", "huurt")}}
    huur = huurt(antwoorden)
    data["huur"] = "0.00" if huur is False else (data.get("huur") if huur else None)
    if not heeft_kinderen(antwoorden):
        data["kinderen"] = []
    if not data.get("partner"):
        data["leeftijd_partner"] = None
    data["peildatum"] = (vandaag or date.today()).isoformat()
    # The choices of "Wat krijgt u al?" were checked by its form; local slugs included.
    return huishouden_uit_dict(data, vandaag=vandaag, lokaal=data["ontvangt"])


__all__ = ["InvoerFout", "STAPPEN", "Stap", "antwoorden", "bewaar", "cookie_bijwerken", "huishouden_van", "wissen"]
