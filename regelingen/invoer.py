"""Reading a household from JSON-like data (the command and the web check).

Pure and strict: every problem becomes a Dutch message; nothing is guessed.
The shape is that of spec section 2.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date
from decimal import Decimal, InvalidOperation

from regelingen.eligibility import Huishouden

# What a household may say it already receives (regelingen/toeslagen.py).
ONTVANGT_KEUZES = ("huurtoeslag", "zorgtoeslag", "kindgebonden-budget", "kinderbijslag", "bijstand", "aow", "ww")

# The command accepts any real age: under 18 simply has no norm (spec section 3).
# The web check asks residents from 16 on (MIN_LEEFTIJD_CHECK).
MIN_LEEFTIJD = 0
MIN_LEEFTIJD_CHECK = 16
MAX_LEEFTIJD = 120
MAX_KINDEREN = 20
MAX_INKOMEN = Decimal(1_000_000)
MAX_VERMOGEN = Decimal(1_000_000_000)
MAX_JAREN = 100

_BEDRAG = re.compile(r"^\d{1,12}(\.\d{1,2})?$")
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class InvoerFout(ValueError):
    """Invalid household data; `fouten` holds Dutch messages."""

    def __init__(self, fouten: list[str]):
        super().__init__("; ".join(fouten))
        self.fouten = fouten


def _is_int(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value()


def _bool(data: dict, key: str, label: str, fouten: list[str], *, verplicht: bool, standaard: bool = False) -> bool:
    if key not in data or data[key] is None:
        if verplicht:
            fouten.append(f"'{key}' ontbreekt. Geef aan of {label}: true of false.")
        return standaard
    value = data[key]
    if not isinstance(value, bool):
        fouten.append(f"'{key}' moet true of false zijn (zonder aanhalingstekens). U gaf: {_kort(value)}.")
        return standaard
    return value


def _leeftijd(value, key: str, fouten: list[str]) -> int | None:
    if not _is_int(value):
        fouten.append(f"'{key}' moet een leeftijd in hele jaren zijn, bijvoorbeeld 35. U gaf: {_kort(value)}.")
        return None
    value = int(value)
    if not MIN_LEEFTIJD <= value <= MAX_LEEFTIJD:
        fouten.append(f"'{key}' moet tussen {MIN_LEEFTIJD} en {MAX_LEEFTIJD} jaar zijn. U gaf: {value}.")
        return None
    return value


def _bedrag(value, key: str, fouten: list[str], maximum: Decimal) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        fouten.append(f"'{key}' moet een bedrag zijn, bijvoorbeeld \"1250.00\". U gaf: {_kort(value)}.")
        return None
    if isinstance(value, str):
        tekst = value.strip()
        if tekst.startswith("-") and _BEDRAG.match(tekst[1:]):
            fouten.append(f"'{key}' kan niet negatief zijn. Vul 0 of meer in.")
            return None
        if not _BEDRAG.match(tekst):
            fouten.append(
                f"'{key}' moet een bedrag zijn met een punt voor de centen, bijvoorbeeld \"1250.00\". "
                f"U gaf: {_kort(value)}."
            )
            return None
        bedrag = Decimal(tekst)
    else:
        try:
            bedrag = Decimal(value)
        except (InvalidOperation, ValueError):
            fouten.append(f"'{key}' moet een bedrag zijn, bijvoorbeeld \"1250.00\".")
            return None
        if not bedrag.is_finite():
            fouten.append(f"'{key}' moet een bedrag zijn, bijvoorbeeld \"1250.00\".")
            return None
        if bedrag < 0:
            fouten.append(f"'{key}' kan niet negatief zijn. Vul 0 of meer in.")
            return None
        if bedrag != bedrag.quantize(Decimal("0.01")):
            fouten.append(f"'{key}' mag hoogstens 2 cijfers achter de punt hebben. U gaf: {bedrag}.")
            return None
    if bedrag > maximum:
        fouten.append(f"'{key}' is te hoog. Het mag hoogstens {maximum:.0f} zijn.")
        return None
    return bedrag.quantize(Decimal("0.01"))


def _kort(value) -> str:
    tekst = repr(value) if not isinstance(value, str) else f'"{value}"'
    if isinstance(value, bool):
        tekst = "true" if value else "false"
    elif value is None:
        tekst = "null"
    elif isinstance(value, Decimal):
        tekst = str(value)
    return tekst if len(tekst) <= 40 else tekst[:37] + "..."


def huishouden_uit_dict(data, *, vandaag: date | None = None, lokaal: Collection[str] = ()) -> Huishouden:
    """Validate one household (spec section 2). Raises InvoerFout with Dutch messages.
    `lokaal`: the slugs of the local regelingen that `ontvangt` may name too."""
    if not isinstance(data, dict):
        raise InvoerFout([f"Een huishouden moet een JSON-object zijn, met {{ en }}. U gaf: {_kort(data)}."])
    fouten: list[str] = []

    peildatum = vandaag or date.today()
    if data.get("peildatum") is not None:
        tekst = data["peildatum"]
        if not isinstance(tekst, str) or not _DATUM.match(tekst):
            fouten.append(
                f"'peildatum' moet een datum zijn als \"2026-03-01\" (jaar-maand-dag). U gaf: {_kort(tekst)}."
            )
        else:
            try:
                peildatum = date.fromisoformat(tekst)
            except ValueError:
                fouten.append(f"'peildatum' is geen bestaande datum. U gaf: {_kort(tekst)}.")

    woont = _bool(data, "woont_in_gemeente", "u in de gemeente woont", fouten, verplicht=True)
    partner = _bool(data, "partner", "u een partner heeft", fouten, verplicht=True)
    student = _bool(data, "student", "u student bent", fouten, verplicht=False)

    leeftijd = None
    if data.get("leeftijd") is None:
        fouten.append("'leeftijd' ontbreekt. Vul de leeftijd in hele jaren in, bijvoorbeeld 35.")
    else:
        leeftijd = _leeftijd(data["leeftijd"], "leeftijd", fouten)

    leeftijd_partner = None
    if partner is True:
        if data.get("leeftijd_partner") is None:
            fouten.append("'leeftijd_partner' ontbreekt. Bij een partner is de leeftijd van de partner nodig.")
        else:
            leeftijd_partner = _leeftijd(data["leeftijd_partner"], "leeftijd_partner", fouten)
    elif data.get("leeftijd_partner") is not None:
        _leeftijd(data["leeftijd_partner"], "leeftijd_partner", fouten)

    kinderen: list[int] = []
    raw = data.get("kinderen", [])
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        fouten.append(f"'kinderen' moet een lijst met leeftijden zijn, bijvoorbeeld [4, 7]. U gaf: {_kort(raw)}.")
    elif len(raw) > MAX_KINDEREN:
        fouten.append(f"'kinderen' heeft te veel kinderen. Het mogen er hoogstens {MAX_KINDEREN} zijn.")
    else:
        for kind in raw:
            if not _is_int(kind):
                fouten.append(
                    f"De leeftijd van een kind moet een heel getal zijn, bijvoorbeeld 7. U gaf: {_kort(kind)}."
                )
            elif int(kind) < 0:
                fouten.append(f"De leeftijd van een kind kan niet negatief zijn. U gaf: {int(kind)}.")
            elif int(kind) >= 18:
                fouten.append(f"Een kind van {int(kind)} jaar telt niet mee. Geef alleen kinderen onder de 18 jaar op.")
            else:
                kinderen.append(int(kind))

    inkomen = None
    if data.get("netto_inkomen") is None:
        fouten.append("'netto_inkomen' ontbreekt. Vul het netto inkomen per maand in, bijvoorbeeld \"1250.00\".")
    else:
        inkomen = _bedrag(data["netto_inkomen"], "netto_inkomen", fouten, MAX_INKOMEN)

    vermogen = None
    if data.get("vermogen") is not None:
        vermogen = _bedrag(data["vermogen"], "vermogen", fouten, MAX_VERMOGEN)

    jaren = None
    if data.get("jaren_laag_inkomen") is not None:
        value = data["jaren_laag_inkomen"]
        if not _is_int(value):
            fouten.append(
                f"'jaren_laag_inkomen' moet een heel aantal jaren zijn, bijvoorbeeld 3. U gaf: {_kort(value)}."
            )
        elif not 0 <= int(value) <= MAX_JAREN:
            fouten.append(f"'jaren_laag_inkomen' moet tussen 0 en {MAX_JAREN} zijn. U gaf: {int(value)}.")
        else:
            jaren = int(value)

    huur = servicekosten = toets = vaste_lasten = None
    if data.get("vaste_lasten") is not None:
        vaste_lasten = _bedrag(data["vaste_lasten"], "vaste_lasten", fouten, MAX_INKOMEN)
    if data.get("huur") is not None:
        huur = _bedrag(data["huur"], "huur", fouten, MAX_INKOMEN)
    if data.get("servicekosten") is not None:
        servicekosten = _bedrag(data["servicekosten"], "servicekosten", fouten, MAX_INKOMEN)
    if data.get("toetsingsinkomen") is not None:
        toets = _bedrag(data["toetsingsinkomen"], "toetsingsinkomen", fouten, MAX_VERMOGEN)
    ontvangt: set[str] = set()
    raw = data.get("ontvangt")
    if raw is not None:
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            fouten.append(
                f"'ontvangt' moet een lijst met namen zijn, bijvoorbeeld [\"zorgtoeslag\"]. U gaf: {_kort(raw)}."
            )
        else:
            onbekend = [x for x in raw if x not in ONTVANGT_KEUZES and x not in lokaal]
            if onbekend:
                keuzes = ", ".join((*ONTVANGT_KEUZES, *sorted(lokaal)))
                fouten.append(f"'ontvangt' kent {_kort(onbekend[0])} niet. Kies uit: {keuzes}.")
            ontvangt = set(raw)

    if fouten:
        raise InvoerFout(fouten)
    return Huishouden(
        peildatum=peildatum,
        woont_in_gemeente=woont,
        leeftijd=leeftijd,
        partner=partner,
        leeftijd_partner=leeftijd_partner,
        kinderen=tuple(kinderen),
        netto_inkomen=inkomen,
        vermogen=vermogen,
        jaren_laag_inkomen=jaren,
        student=student,
        huur=huur,
        servicekosten=servicekosten,
        ontvangt=frozenset(ontvangt),
        toetsingsinkomen=toets,
        vaste_lasten=vaste_lasten,
        vaste_lasten_gevraagd="vaste_lasten" in data,
    )
