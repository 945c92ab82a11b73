"""The four national allowances beside the local regelingen, as an indication.

Huurtoeslag, zorgtoeslag, kindgebonden budget and kinderbijslag. Pure, like
`regelingen/eligibility.py`: frozen dataclasses in, results out, no database.
The parameters are data (fixtures/toeslagen.json), each with its source and
the date it was read; `parameters_uit_dict` turns them into `Toeslagparameters`.
Where a figure for the year could not be found (it is null in the data), the
allowance gets no amount and the resident is sent to the official
proefberekening: never a guessed amount. docs/toeslagen.md explains every rule.

The toeslagen test the *toetsingsinkomen*: gross income per year. The check
asks net income per month, so unless the household gives `toetsingsinkomen`
we estimate it (`bruto_per_jaar_per_netto_maand`) and say "misschien" near a limit.
These results are never added into the local income test.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regelingen.eligibility import (
    CENT,
    JA,
    MISSCHIEN,
    NEE,
    Huishouden,
    al_ontvangen_niet_meer,
    al_ontvangen_reden,
    euro,
    euro_rond,
    round_half_up,
)

HUURTOESLAG = "huurtoeslag"
ZORGTOESLAG = "zorgtoeslag"
KINDGEBONDEN_BUDGET = "kindgebonden-budget"
KINDERBIJSLAG = "kinderbijslag"
TOESLAGEN = (HUURTOESLAG, ZORGTOESLAG, KINDGEBONDEN_BUDGET, KINDERBIJSLAG)
NAMEN = {
    HUURTOESLAG: "Huurtoeslag",
    ZORGTOESLAG: "Zorgtoeslag",
    KINDGEBONDEN_BUDGET: "Kindgebonden budget",
    KINDERBIJSLAG: "Kinderbijslag",
}
UITVOERDER = {
    HUURTOESLAG: "Dienst Toeslagen",
    ZORGTOESLAG: "Dienst Toeslagen",
    KINDGEBONDEN_BUDGET: "Dienst Toeslagen",
    KINDERBIJSLAG: "SVB (Sociale Verzekeringsbank)",
}


@dataclass(frozen=True, slots=True)
class Toeslagparameters:
    """One year's parameters. A None amount means: not found in a source, so no estimate."""

    geldig_vanaf: date
    zorgtoeslag_max_alleen: Decimal  # per month
    zorgtoeslag_max_partner: Decimal
    zorgtoeslag_grens_alleen: Decimal  # toetsingsinkomen per year
    zorgtoeslag_grens_partner: Decimal
    zorgtoeslag_vermogen_alleen: Decimal
    zorgtoeslag_vermogen_partner: Decimal
    zorgtoeslag_afbouw: Decimal
    huurtoeslag_huurgrens: Decimal
    huurtoeslag_huurgrens_jong: Decimal
    huurtoeslag_vermogen_alleen: Decimal
    huurtoeslag_vermogen_partner: Decimal
    kinderbijslag_0_5: Decimal  # per quarter
    kinderbijslag_6_11: Decimal
    kinderbijslag_12_17: Decimal
    bruto_per_netto: Decimal
    marge: Decimal
    bronnen: dict  # toeslag slug -> (bron, link)


@dataclass(frozen=True, slots=True)
class LandelijkeUitkomst:
    regeling: str
    uitkomst: str  # ja / misschien / nee, as in the spec
    bedrag_per_jaar: Decimal | None
    redenen: tuple[str, ...]
    bron: str
    link: str
    al_ontvangen: bool = False

    @property
    def naam(self) -> str:
        """The allowance's name in the active language (its Dutch name is the msgid)."""
        return _(NAMEN[self.regeling])

    @property
    def uitvoerder(self) -> str:
        return UITVOERDER[self.regeling]

    @property
    def bedrag_per_maand(self) -> Decimal | None:
        return None if self.bedrag_per_jaar is None else round_half_up(self.bedrag_per_jaar / 12)


def _waarde(blok: dict, sleutel: str) -> Decimal:
    return Decimal(str(blok[sleutel]["waarde"]))


def parameters_uit_dict(jaar: dict) -> Toeslagparameters:
    """One entry of fixtures/toeslagen.json's "jaren" as parameters."""
    zt, ht, kb, ti = jaar["zorgtoeslag"], jaar["huurtoeslag"], jaar["kinderbijslag"], jaar["toetsingsinkomen"]
    return Toeslagparameters(
        geldig_vanaf=date.fromisoformat(jaar["geldig_vanaf"]),
        zorgtoeslag_max_alleen=_waarde(zt, "max_per_maand_alleen"),
        zorgtoeslag_max_partner=_waarde(zt, "max_per_maand_partner"),
        zorgtoeslag_grens_alleen=_waarde(zt, "inkomensgrens_alleen"),
        zorgtoeslag_grens_partner=_waarde(zt, "inkomensgrens_partner"),
        zorgtoeslag_vermogen_alleen=_waarde(zt, "vermogensgrens_alleen"),
        zorgtoeslag_vermogen_partner=_waarde(zt, "vermogensgrens_partner"),
        zorgtoeslag_afbouw=_waarde(zt, "afbouw"),
        huurtoeslag_huurgrens=_waarde(ht, "maximale_huurgrens"),
        huurtoeslag_huurgrens_jong=_waarde(ht, "maximale_huurgrens_jong"),
        huurtoeslag_vermogen_alleen=_waarde(ht, "vermogensgrens_alleen"),
        huurtoeslag_vermogen_partner=_waarde(ht, "vermogensgrens_partner"),
        kinderbijslag_0_5=_waarde(kb, "per_kwartaal_0_5"),
        kinderbijslag_6_11=_waarde(kb, "per_kwartaal_6_11"),
        kinderbijslag_12_17=_waarde(kb, "per_kwartaal_12_17"),
        bruto_per_netto=_waarde(ti, "bruto_per_jaar_per_netto_maand"),
        marge=_waarde(ti, "marge"),
        bronnen={
            HUURTOESLAG: (ht["bron"], ht["link"]),
            ZORGTOESLAG: (zt["bron"], zt["link"]),
            KINDGEBONDEN_BUDGET: (jaar["kindgebonden_budget"]["bron"], jaar["kindgebonden_budget"]["link"]),
            KINDERBIJSLAG: (kb["bron"], kb["link"]),
        },
    )


# The blocks of fixtures/toeslagen.json, as stored in regelingen.Toeslagparameter.
BLOKKEN = ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "kinderbijslag", "toetsingsinkomen")
REGELS = "regels"  # the row with the block's own source and official link


def rijen_uit_fixture(data: dict) -> list[dict]:
    """fixtures/toeslagen.json as rows of regelingen.Toeslagparameter (for the data
    migration and load_demo): one per figure, plus one "regels" row per block."""
    rijen = []
    for jaar in data["jaren"]:
        vanaf = date.fromisoformat(jaar["geldig_vanaf"])
        for blok in BLOKKEN:
            inhoud = jaar.get(blok) or {}
            gelezen = []
            for sleutel, figuur in inhoud.items():
                if not isinstance(figuur, dict):
                    continue
                waarde = figuur["waarde"]
                if isinstance(waarde, bool):
                    waarde = int(waarde)
                gelezen.append(figuur["gelezen"])
                rijen.append(
                    {
                        "toeslag": blok,
                        "sleutel": sleutel,
                        "geldig_vanaf": vanaf,
                        "waarde": None if waarde is None else Decimal(str(waarde)),
                        "bron": figuur["bron"],
                        "link": "",
                        "gelezen": date.fromisoformat(figuur["gelezen"]),
                    }
                )
            if "bron" in inhoud:
                rijen.append(
                    {
                        "toeslag": blok,
                        "sleutel": REGELS,
                        "geldig_vanaf": vanaf,
                        "waarde": None,
                        "bron": inhoud["bron"],
                        "link": inhoud.get("link", ""),
                        "gelezen": date.fromisoformat(max(gelezen)) if gelezen else vanaf,
                    }
                )
    return rijen


def jaren_uit_rijen(rijen) -> tuple[Toeslagparameters, ...]:
    """Parameters per start date from stored rows (objects with toeslag, sleutel, waarde,
    bron, link, geldig_vanaf). Every figure is dated on its own: on each start date the
    latest row of every figure up to that date holds, so a new year may change one
    figure only. A date on which a needed figure is missing gives no parameters."""
    rijen = sorted(rijen, key=lambda r: r.geldig_vanaf)
    jaren = []
    for vanaf in sorted({r.geldig_vanaf for r in rijen}):
        laatste: dict = {}
        for rij in rijen:
            if rij.geldig_vanaf <= vanaf:
                laatste[(rij.toeslag, rij.sleutel)] = rij
        jaar: dict = {"geldig_vanaf": vanaf.isoformat()}
        for (blok, sleutel), rij in laatste.items():
            inhoud = jaar.setdefault(blok, {})
            if sleutel == REGELS:
                inhoud["bron"], inhoud["link"] = rij.bron, rij.link
            else:
                inhoud[sleutel] = {"waarde": rij.waarde}
        try:
            jaren.append(parameters_uit_dict(jaar))
        except (KeyError, TypeError, ArithmeticError):
            continue  # incomplete for this date (e.g. a figure left empty that must have a value)
    return tuple(jaren)


def parameters_op(jaren: tuple[Toeslagparameters, ...], peildatum: date) -> Toeslagparameters | None:
    """The parameters in force on the peildatum (the latest geldig_vanaf on or before it)."""
    geldig = [p for p in jaren if p.geldig_vanaf <= peildatum]
    return max(geldig, key=lambda p: p.geldig_vanaf) if geldig else None


_GEEN_BEDRAG = "We weten de bedragen voor dit jaar niet zeker. Daarom noemen we geen bedrag. Maak een proefberekening."


@dataclass(frozen=True, slots=True)
class _Inkomen:
    bedrag: Decimal  # toetsingsinkomen per year
    geschat: bool
    zin: str


def toetsingsinkomen(huishouden: Huishouden, p: Toeslagparameters) -> _Inkomen:
    if huishouden.toetsingsinkomen is not None:
        bedrag = huishouden.toetsingsinkomen
        return _Inkomen(
            bedrag,
            False,
            _("Uw inkomen voor de Belastingdienst is %(bedrag)s per jaar.") % {"bedrag": euro_rond(bedrag)},
        )
    bedrag = round_half_up(huishouden.netto_inkomen * p.bruto_per_netto, 0)
    return _Inkomen(
        bedrag,
        True,
        _(
            "Uw netto inkomen is %(netto)s per maand. Voor de Belastingdienst is dat "
            "ongeveer %(bruto)s bruto per jaar. Dat is een schatting."
        )
        % {"netto": euro(huishouden.netto_inkomen), "bruto": euro_rond(bedrag)},
    )


def _uitkomst(slug: str, p: Toeslagparameters, uitkomst: str, bedrag, redenen: list[str], *, al=False):
    bron, link = p.bronnen[slug]
    return LandelijkeUitkomst(slug, uitkomst, bedrag, tuple(redenen), bron, link, al)


def _al(uitkomst: LandelijkeUitkomst) -> LandelijkeUitkomst:
    """What the household already receives: still estimated (the scenarios show when it
    stops), shown as "U krijgt dit al"; when the rules now say no, "misschien" with why."""
    if uitkomst.uitkomst == NEE:
        return dataclasses.replace(
            uitkomst,
            uitkomst=MISSCHIEN,
            redenen=(al_ontvangen_niet_meer(), *uitkomst.redenen),
            al_ontvangen=True,
        )
    return dataclasses.replace(
        uitkomst, uitkomst=JA, redenen=(al_ontvangen_reden(), *uitkomst.redenen), al_ontvangen=True
    )


def zorgtoeslag(huishouden: Huishouden, p: Toeslagparameters) -> LandelijkeUitkomst:
    """Zorgtoeslag = standaardpremie - normpremie; the normpremie rises by `afbouw` (13,7%)
    of the income above the drempelinkomen, so the allowance falls from the maximum to 0
    at the inkomensgrens: per month min(max, afbouw * (grens - inkomen) / 12)."""
    if huishouden.leeftijd < 18:
        return _uitkomst(
            ZORGTOESLAG,
            p,
            NEE,
            None,
            [_("U bent %(leeftijd)s jaar. Zorgtoeslag is vanaf 18 jaar.") % {"leeftijd": huishouden.leeftijd}],
        )
    partner = huishouden.partner
    maximum = p.zorgtoeslag_max_partner if partner else p.zorgtoeslag_max_alleen
    grens = p.zorgtoeslag_grens_partner if partner else p.zorgtoeslag_grens_alleen
    vermogensgrens = p.zorgtoeslag_vermogen_partner if partner else p.zorgtoeslag_vermogen_alleen
    inkomen = toetsingsinkomen(huishouden, p)
    redenen = [inkomen.zin]
    twijfel = []
    getal = {"grens": euro_rond(grens)}
    if inkomen.bedrag > grens:
        if partner:
            zin = _("De grens met uw partner is %(grens)s per jaar. Uw inkomen is hoger.") % getal
        else:
            zin = _("De grens voor u alleen is %(grens)s per jaar. Uw inkomen is hoger.") % getal
        if inkomen.geschat and inkomen.bedrag <= grens * (1 + p.marge):
            twijfel.append(
                zin + " " + _("Maar uw inkomen is geschat en ligt dicht bij de grens. Maak een proefberekening.")
            )
        else:
            return _uitkomst(ZORGTOESLAG, p, NEE, None, [*redenen, zin])
    else:
        if partner:
            redenen.append(_("De grens met uw partner is %(grens)s per jaar. Uw inkomen is niet hoger.") % getal)
        else:
            redenen.append(_("De grens voor u alleen is %(grens)s per jaar. Uw inkomen is niet hoger.") % getal)
        if inkomen.geschat and inkomen.bedrag >= grens * (1 - p.marge):
            twijfel.append(_("Uw inkomen is geschat en ligt dicht bij de grens. Maak een proefberekening."))
    if huishouden.vermogen is None:
        twijfel.append(
            _("U weet niet precies hoeveel spaargeld u heeft. De grens is %(grens)s.")
            % {"grens": euro_rond(vermogensgrens)}
        )
    elif huishouden.vermogen > vermogensgrens:
        return _uitkomst(
            ZORGTOESLAG,
            p,
            NEE,
            None,
            [
                *redenen,
                _("Uw spaargeld en bezit is meer dan %(grens)s. Dat is te veel.")
                % {"grens": euro_rond(vermogensgrens)},
            ],
        )
    per_maand = min(maximum, p.zorgtoeslag_afbouw * (grens - inkomen.bedrag) / 12)
    per_maand = max(Decimal(0), round_half_up(per_maand))
    if per_maand == 0 and not twijfel:
        return _uitkomst(ZORGTOESLAG, p, NEE, None, [*redenen, _("Bij dit inkomen is de zorgtoeslag € 0.")])
    bedrag = per_maand * 12
    redenen.append(
        _("U krijgt dan ongeveer %(per_maand)s per maand. Het hoogste bedrag is %(maximum)s.")
        % {"per_maand": euro(per_maand), "maximum": euro(maximum)}
    )
    if twijfel:
        return _uitkomst(ZORGTOESLAG, p, MISSCHIEN, bedrag or None, [*twijfel, *redenen])
    return _uitkomst(ZORGTOESLAG, p, JA, bedrag, redenen)


def kinderbijslag(huishouden: Huishouden, p: Toeslagparameters) -> LandelijkeUitkomst:
    """Per child under 18, by age (0-5, 6-11, 12-17), paid per quarter; not income-dependent."""
    kinderen = huishouden.kinderen
    if not kinderen:
        return _uitkomst(KINDERBIJSLAG, p, NEE, None, [_("U heeft geen kinderen onder de 18 jaar thuis.")])
    per_kwartaal = Decimal(0)
    for leeftijd in kinderen:
        if leeftijd <= 5:
            per_kwartaal += p.kinderbijslag_0_5
        elif leeftijd <= 11:
            per_kwartaal += p.kinderbijslag_6_11
        else:
            per_kwartaal += p.kinderbijslag_12_17
    aantal = len(kinderen)
    redenen = [
        ngettext(
            "U heeft %(aantal)s kind onder de 18 jaar thuis. Kinderbijslag hangt niet af van uw inkomen.",
            "U heeft %(aantal)s kinderen onder de 18 jaar thuis. Kinderbijslag hangt niet af van uw inkomen.",
            aantal,
        )
        % {"aantal": aantal},
        _("Dat is %(bedrag)s per kwartaal.") % {"bedrag": euro(per_kwartaal)},
    ]
    if any(leeftijd >= 16 for leeftijd in kinderen):
        redenen.append(_("Voor een kind van 16 of 17 jaar moet het kind naar school gaan of niet te veel verdienen."))
    return _uitkomst(KINDERBIJSLAG, p, JA, per_kwartaal * 4, redenen)


def kindgebonden_budget(huishouden: Huishouden, p: Toeslagparameters) -> LandelijkeUitkomst:
    """Depends on income, the children's ages and whether you are a single parent. The 2026
    amounts and drempelinkomen were not found in a source: "misschien", no amount."""
    if not huishouden.kinderen:
        return _uitkomst(KINDGEBONDEN_BUDGET, p, NEE, None, [_("U heeft geen kinderen onder de 18 jaar thuis.")])
    redenen = [
        _("U heeft kinderen onder de 18 jaar thuis. Met een laag of middeninkomen krijgt u vaak kindgebonden budget."),
        _("Hoeveel, hangt af van uw inkomen, uw spaargeld en de leeftijd van de kinderen.")
        + (" " + _("Als alleenstaande ouder krijgt u meer.") if not huishouden.partner else ""),
        _(_GEEN_BEDRAG),
    ]
    return _uitkomst(KINDGEBONDEN_BUDGET, p, MISSCHIEN, None, redenen)


def huurtoeslag(huishouden: Huishouden, p: Toeslagparameters) -> LandelijkeUitkomst:
    """For renters of a self-contained home, 18+, savings under the limit. Since 2026 the
    rent is never too high (the part above the huurgrens does not count) and service
    costs do not count. The 2026 basishuur was not found: no amount, "misschien"."""
    if huishouden.leeftijd < 18:
        return _uitkomst(
            HUURTOESLAG,
            p,
            NEE,
            None,
            [_("U bent %(leeftijd)s jaar. Huurtoeslag is vanaf 18 jaar.") % {"leeftijd": huishouden.leeftijd}],
        )
    huur = huishouden.huur
    if huur is not None and huur <= 0:
        return _uitkomst(HUURTOESLAG, p, NEE, None, [_("U huurt geen woning. Huurtoeslag is alleen voor huurders.")])
    partner = huishouden.partner
    vermogensgrens = p.huurtoeslag_vermogen_partner if partner else p.huurtoeslag_vermogen_alleen
    if huishouden.vermogen is not None and huishouden.vermogen > vermogensgrens:
        return _uitkomst(
            HUURTOESLAG,
            p,
            NEE,
            None,
            [
                _("Uw spaargeld en bezit is meer dan %(grens)s. Dat is te veel voor huurtoeslag.")
                % {"grens": euro_rond(vermogensgrens)}
            ],
        )
    redenen = []
    if huur is None:
        redenen.append(_("U weet niet of u huurt of hoeveel huur u betaalt. Huurtoeslag is voor huurders."))
    else:
        jong = huishouden.leeftijd < 21 and not (partner and (huishouden.leeftijd_partner or 0) >= 21)
        huurgrens = p.huurtoeslag_huurgrens_jong if jong else p.huurtoeslag_huurgrens
        zin = _("U betaalt %(huur)s kale huur per maand.") % {"huur": euro(huur)}
        if huur > huurgrens:
            zin += " " + _("Huurtoeslag telt alleen de huur tot %(grens)s.") % {"grens": euro(huurgrens)}
        redenen.append(zin)
        if huishouden.servicekosten:
            redenen.append(_("Servicekosten tellen vanaf 2026 niet mee voor huurtoeslag."))
    if huishouden.vermogen is None:
        redenen.append(
            _("U weet niet precies hoeveel spaargeld u heeft. De grens is %(grens)s.")
            % {"grens": euro_rond(vermogensgrens)}
        )
    redenen.append(_("Hoeveel u krijgt, hangt af van uw inkomen en uw huur.") + " " + _(_GEEN_BEDRAG))
    return _uitkomst(HUURTOESLAG, p, MISSCHIEN, None, redenen)


def beoordeel_landelijk(huishouden: Huishouden, p: Toeslagparameters | None) -> tuple[LandelijkeUitkomst, ...]:
    """The four allowances in a fixed order; empty when there are no parameters for the date."""
    if p is None:
        return ()
    uitkomsten = (
        huurtoeslag(huishouden, p),
        zorgtoeslag(huishouden, p),
        kindgebonden_budget(huishouden, p),
        kinderbijslag(huishouden, p),
    )
    if not huishouden.ontvangt:
        return uitkomsten
    return tuple(_al(u) if u.regeling in huishouden.ontvangt else u for u in uitkomsten)


def per_maand_voor_leefgeld(uitkomsten) -> Decimal:
    """The toeslagen per month that count as income in a leefgeld test (Voedselbank:
    huurtoeslag, zorgtoeslag, kindgebonden budget; not the kinderbijslag), estimated."""
    per_jaar = sum(
        (
            u.bedrag_per_jaar
            for u in uitkomsten
            if u.regeling != KINDERBIJSLAG and u.uitkomst != NEE and u.bedrag_per_jaar
        ),
        Decimal(0),
    )
    return round_half_up(per_jaar / 12)


def landelijk_als_dict(uitkomsten: tuple[LandelijkeUitkomst, ...]) -> list[dict]:
    """The command's `landelijk` key (money as strings with two decimals)."""
    return [
        {
            "regeling": u.regeling,
            "uitkomst": u.uitkomst,
            "bedrag_per_jaar": None if u.bedrag_per_jaar is None else f"{u.bedrag_per_jaar:.2f}",
            "redenen": list(u.redenen),
            "bron": u.bron,
            "link": u.link,
        }
        for u in uitkomsten
    ]


def som_geschat(uitkomsten) -> Decimal:
    """The estimated amounts per year (ja or misschien: every national amount is an
    estimate already), also of what the household already receives: the income asked
    leaves the toeslagen out, so the total needs them. Counting "misschien" too keeps
    the total smooth where an estimated income nears a limit."""
    return sum(
        (u.bedrag_per_jaar for u in uitkomsten if u.uitkomst != NEE and u.bedrag_per_jaar),
        Decimal(0),
    )


__all__ = ["CENT", "TOESLAGEN", "LandelijkeUitkomst", "Toeslagparameters", "beoordeel_landelijk"]
