"""The potjeswijzer engine: which regelingen a household may get, and why.

Pure: frozen dataclasses in, a `Resultaat` out. No database, no request, no
logging. The web check, the `potjeswijzer` command, the benchmark and the
tests all call `beoordeel()`. The rules are those of
`docs/potjeswijzer-spec.md` (sections 3-5).

The reasons are written in the active language (Django's gettext; Dutch is the
msgid, so the command and the tests read Dutch), amounts in that language's
money format. No other state is read.

Ages are whole years, as residents give them. The AOW-leeftijd can include
months (67 jaar en 3 maanden from 2028); somebody of "67" has then reached at
least 67 years and 0 months, which is all we know, so we count them as below
the AOW-leeftijd (age in months = years * 12). See docs/adr/0004.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from babel import Locale
from babel.numbers import format_currency
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

JA = "ja"
MISSCHIEN = "misschien"
NEE = "nee"


def al_ontvangen_reden() -> str:
    """The first reason for what the household says it already receives (`ontvangt`),
    in the active language."""
    return _("U krijgt dit al. Geef veranderingen op tijd door.")


def al_ontvangen_niet_meer() -> str:
    """The same, when the rules of this check now say no."""
    return _("U krijgt dit al. Maar volgens deze check past u misschien niet meer bij de regels. Vraag het na.")


CENT = Decimal("0.01")
ZONDER_VAKANTIETOESLAG = Decimal("0.95")
HONDERD = Decimal(100)

# Huishoudtypes (codes of the spec, section 1).
ALLEENSTAAND_21 = "alleenstaand_21"
SAMEN_21 = "samen_21"
ALLEENSTAAND_AOW = "alleenstaand_aow"
SAMEN_AOW = "samen_aow"
ALLEENSTAAND_18 = "alleenstaand_18"
SAMEN_18_18 = "samen_18_18"
SAMEN_18_18_KIND = "samen_18_18_kind"
SAMEN_18_21 = "samen_18_21"
SAMEN_18_21_KIND = "samen_18_21_kind"
HUISHOUDTYPES = (
    ALLEENSTAAND_21,
    SAMEN_21,
    ALLEENSTAAND_AOW,
    SAMEN_AOW,
    ALLEENSTAAND_18,
    SAMEN_18_18,
    SAMEN_18_18_KIND,
    SAMEN_18_21,
    SAMEN_18_21_KIND,
)

# Vermogensgrens kinds (Participatiewet art. 34).
VERMOGEN_ALLEENSTAANDE = "alleenstaande"
VERMOGEN_GEZIN = "gezin"  # alleenstaande ouder, gehuwden/samenwonenden


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to `places` decimals, halves away from zero (1331.425 -> 1331.43)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


_EURO_CACHE: dict = {}


def euro(value: Decimal) -> str:
    """Money in the active language's format: € 1.650,00 in Dutch, €1,650.00 in English."""
    taal = get_language() or "nl"
    sleutel = (taal, value)
    tekst = _EURO_CACHE.get(sleutel)
    if tekst is None:
        if taal == "nl":
            tekst = "€ " + f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        else:
            tekst = format_currency(value, "EUR", locale=taal.replace("-", "_"))
        if len(_EURO_CACHE) > 10_000:
            _EURO_CACHE.clear()
        _EURO_CACHE[sleutel] = tekst
    return tekst


def euro_rond(bedrag: Decimal) -> str:
    """Whole euros in the active language's format (€ 1.650 in Dutch, €1,650 in English)."""
    bedrag = round_half_up(bedrag, 0)
    taal = (get_language() or "nl").replace("-", "_")
    if taal == "nl":
        return euro(bedrag).replace(",00", "")
    patroon = Locale.parse(taal).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(bedrag, "EUR", locale=taal, format=patroon, currency_digits=False)


# --- Input ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Huishouden:
    peildatum: date
    woont_in_gemeente: bool
    leeftijd: int
    partner: bool
    leeftijd_partner: int | None
    kinderen: tuple[int, ...]
    netto_inkomen: Decimal
    vermogen: Decimal | None
    jaren_laag_inkomen: int | None
    student: bool
    # Only for the national allowances (regelingen/toeslagen.py); the local engine ignores them.
    huur: Decimal | None = None  # kale huur per month; 0: no rent (own home); None: unknown
    servicekosten: Decimal | None = None
    ontvangt: frozenset[str] = frozenset()  # what the household already receives
    toetsingsinkomen: Decimal | None = None  # gross per year, when known; else estimated
    # Only for a regeling with a leefgeld test: fixed costs per month (rent, energy, health
    # insurance, other) and the income-dependent toeslagen per month (the caller estimates them).
    vaste_lasten: Decimal | None = None
    toeslagen_per_maand: Decimal | None = None
    # Whether the fixed costs were asked (the key `vaste_lasten` given, null = unknown).
    # A regeling with a leefgeld test is only judged then: the spec's households, which
    # never carry it, keep exactly the outcomes of the spec (docs/potjeswijzer-spec.md).
    vaste_lasten_gevraagd: bool = False


@dataclass(frozen=True, slots=True)
class RegelingRegels:
    slug: str
    naam: str = ""
    percentage: Decimal | None = None
    percentage_met_kinderen: Decimal | None = None
    vermogenstoets: bool = False
    min_leeftijd: int = 18
    tot_aow_leeftijd: bool = False
    kind_leeftijd_van: int | None = None
    kind_leeftijd_tot: int | None = None
    min_jaren_laag_inkomen: int | None = None
    niet_voor_studenten: bool = False
    alleen_inwoners: bool = True
    hooguit_misschien: bool = False
    hooguit_misschien_reden: str = ""
    bedrag_vast: Decimal | None = None
    bedrag_per_volwassene: Decimal | None = None
    bedrag_per_kind: Decimal | None = None
    # The leefgeld test (e.g. the Voedselbank) instead of a percentage of the norm:
    # income incl. toeslagen minus fixed costs, per month, below basis + per person.
    leefgeld_basis: Decimal | None = None
    leefgeld_per_persoon: Decimal | None = None
    actief: bool = True

    @property
    def heeft_kind_voorwaarde(self) -> bool:
        return self.kind_leeftijd_van is not None or self.kind_leeftijd_tot is not None


@dataclass(frozen=True, slots=True)
class Normbedrag:
    huishoudtype: str
    bedrag: Decimal
    geldig_vanaf: date


@dataclass(frozen=True, slots=True)
class Vermogensgrens:
    soort: str
    bedrag: Decimal
    geldig_vanaf: date


@dataclass(frozen=True, slots=True)
class AowLeeftijd:
    geldig_vanaf: date
    jaren: int
    maanden: int = 0

    @property
    def in_maanden(self) -> int:
        return self.jaren * 12 + self.maanden

    def tekst(self) -> str:
        if self.maanden:
            return ngettext(
                "%(jaren)s jaar en %(maanden)s maand", "%(jaren)s jaar en %(maanden)s maanden", self.maanden
            ) % {"jaren": self.jaren, "maanden": self.maanden}
        return ngettext("%(jaren)s jaar", "%(jaren)s jaar", self.jaren) % {"jaren": self.jaren}


def _latest(rows: Iterable, peildatum: date):
    best = None
    for row in rows:
        if row.geldig_vanaf <= peildatum and (best is None or row.geldig_vanaf > best.geldig_vanaf):
            best = row
    return best


@dataclass(frozen=True)
class Normen:
    """The dated tables the engine needs: norms, vermogensgrenzen, AOW-leeftijd."""

    normbedragen: tuple[Normbedrag, ...]
    vermogensgrenzen: tuple[Vermogensgrens, ...]
    aow_leeftijden: tuple[AowLeeftijd, ...]
    # Per-peildatum lookups are memoised; the tables themselves never change.
    _cache: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    def op(self, peildatum: date) -> _NormenOpDatum:
        found = self._cache.get(peildatum)
        if found is None:
            norms = {}
            for code in HUISHOUDTYPES:
                row = _latest((n for n in self.normbedragen if n.huishoudtype == code), peildatum)
                if row is not None:
                    norms[code] = row.bedrag
            grenzen = {}
            for soort in (VERMOGEN_ALLEENSTAANDE, VERMOGEN_GEZIN):
                row = _latest((v for v in self.vermogensgrenzen if v.soort == soort), peildatum)
                if row is not None:
                    grenzen[soort] = row.bedrag
            found = _NormenOpDatum(norms=norms, vermogensgrenzen=grenzen, aow=_latest(self.aow_leeftijden, peildatum))
            if len(self._cache) > 1000:
                self._cache.clear()
            self._cache[peildatum] = found
        return found

    def ontbreekt_op(self, peildatum: date) -> list[str]:
        """What is missing for this date (empty when the engine has all it needs), in Dutch."""
        op = self.op(peildatum)
        missing = []
        if not op.norms:
            missing.append("normbedragen")
        if len(op.vermogensgrenzen) < 2:
            missing.append("vermogensgrenzen")
        if op.aow is None:
            missing.append("de AOW-leeftijd")
        return missing


@dataclass(frozen=True, slots=True)
class _NormenOpDatum:
    norms: dict
    vermogensgrenzen: dict
    aow: AowLeeftijd | None
    grens_cache: dict = field(default_factory=dict)

    def inkomensgrens(self, norm: Decimal, percentage: Decimal) -> tuple[Decimal, str]:
        """The income limit (spec section 3) and its Dutch text, memoised."""
        key = (norm, percentage)
        found = self.grens_cache.get(key)
        if found is None:
            zonder_vt = round_half_up(norm * ZONDER_VAKANTIETOESLAG)
            grens = round_half_up(zonder_vt * percentage / HONDERD)
            found = self.grens_cache[key] = (grens, None)
        return found[0], euro(found[0])


# --- Output -----------------------------------------------------------------------------


class Uitkomst(NamedTuple):
    """One regeling's outcome (immutable; a named tuple because the engine makes many)."""

    regeling: str
    uitkomst: str
    inkomensgrens: Decimal | None
    bedrag_per_jaar: Decimal | None
    redenen: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resultaat:
    peildatum: date
    huishoudtype: str | None
    norm: Decimal | None
    vermogensgrens: Decimal | None
    uitkomsten: tuple[Uitkomst, ...]


def _geld(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def resultaat_als_dict(resultaat: Resultaat) -> dict:
    """The JSON shape of spec section 6 (money as strings with two decimals)."""
    return {
        "peildatum": resultaat.peildatum.isoformat(),
        "huishoudtype": resultaat.huishoudtype,
        "norm": _geld(resultaat.norm),
        "uitkomsten": [
            {
                "regeling": u.regeling,
                "uitkomst": u.uitkomst,
                "inkomensgrens": _geld(u.inkomensgrens),
                "bedrag_per_jaar": _geld(u.bedrag_per_jaar),
                "redenen": list(u.redenen),
            }
            for u in resultaat.uitkomsten
        ],
    }


# --- The rules --------------------------------------------------------------------------


def bepaal_huishoudtype(huishouden: Huishouden, aow: AowLeeftijd | None) -> str | None:
    """Section 3. None for an applicant under 18 (nobody under 18 applies himself)."""
    aow_maanden = aow.in_maanden if aow is not None else 67 * 12

    def is_aow(leeftijd: int) -> bool:
        return leeftijd * 12 >= aow_maanden

    eigen = huishouden.leeftijd
    if eigen < 18:
        return None
    if not huishouden.partner or huishouden.leeftijd_partner is None:
        if is_aow(eigen):
            return ALLEENSTAAND_AOW
        return ALLEENSTAAND_21 if eigen >= 21 else ALLEENSTAAND_18
    partner = huishouden.leeftijd_partner
    if is_aow(eigen) or is_aow(partner):
        return SAMEN_AOW
    # A partner under 18 is counted in the youngest band (18-20); see docs/adr/0004.
    jong = (eigen < 21) + (partner < 21)
    if jong == 0:
        return SAMEN_21
    kind = "_kind" if huishouden.kinderen else ""
    return (SAMEN_18_21 if jong == 1 else SAMEN_18_18) + kind


@functools.cache
def _leeftijden_tekst(van: int | None, tot: int | None, taal: str | None = None) -> str:
    van = 0 if van is None else van
    tot = 17 if tot is None else tot
    return _("van %(van)s tot en met %(tot)s jaar") % {"van": van, "tot": tot}


def beoordeel(huishouden: Huishouden, regelingen: Sequence[RegelingRegels], normen: Normen) -> Resultaat:
    """Check every active regeling for this household (spec section 5), sorted by slug."""
    op = normen.op(huishouden.peildatum)
    huishoudtype = bepaal_huishoudtype(huishouden, op.aow)
    norm = op.norms.get(huishoudtype) if huishoudtype is not None else None
    kinderen = huishouden.kinderen
    heeft_kinderen = bool(kinderen)
    gezin = huishouden.partner or heeft_kinderen
    vermogensgrens = op.vermogensgrenzen.get(VERMOGEN_GEZIN if gezin else VERMOGEN_ALLEENSTAANDE)
    volwassenen = 2 if huishouden.partner else 1
    inkomen = huishouden.netto_inkomen
    taal = get_language()
    inkomen_tekst = euro(inkomen)
    leeftijd = huishouden.leeftijd
    aow_maanden = op.aow.in_maanden if op.aow is not None else None
    onder_aow = aow_maanden is None or leeftijd * 12 < aow_maanden
    woont = huishouden.woont_in_gemeente
    vermogen = huishouden.vermogen
    jaren = huishouden.jaren_laag_inkomen

    uitkomsten = []
    vermogensgrens_tekst = euro(vermogensgrens) if vermogensgrens is not None else ""
    vermogen_tekst = euro(vermogen) if vermogen is not None else ""
    gevraagd = huishouden.vaste_lasten_gevraagd or huishouden.vaste_lasten is not None
    for regeling in _actief_gesorteerd(regelingen):
        if regeling.leefgeld_basis is not None and not gevraagd:
            continue
        nee: list[str] = []
        twijfel: list[str] = []
        goed: list[str] = []

        if regeling.alleen_inwoners:
            if woont:
                goed.append(_("U woont in de gemeente."))
            else:
                nee.append(_("U woont niet in de gemeente. Deze regeling is alleen voor inwoners van de gemeente."))

        if leeftijd < regeling.min_leeftijd:
            nee.append(
                _("U bent %(leeftijd)s jaar. Deze regeling is voor mensen van %(min)s jaar of ouder.")
                % {"leeftijd": leeftijd, "min": regeling.min_leeftijd}
            )
        elif huishoudtype is None:
            nee.append(
                _(
                    "U bent %(leeftijd)s jaar. Onder de 18 jaar vraagt u dit niet zelf aan. "
                    "Uw ouder of verzorger kan dat wel doen."
                )
                % {"leeftijd": leeftijd}
            )

        if regeling.tot_aow_leeftijd:
            if op.aow is None:
                twijfel.append(_("We weten de AOW-leeftijd voor deze datum nog niet. Vraag het na."))
            elif onder_aow:
                goed.append(
                    _("U bent %(leeftijd)s jaar. Dat is jonger dan de AOW-leeftijd (%(aow)s).")
                    % {"leeftijd": leeftijd, "aow": op.aow.tekst()}
                )
            else:
                nee.append(
                    _(
                        "U bent %(leeftijd)s jaar. Deze regeling is voor mensen die jonger zijn "
                        "dan de AOW-leeftijd (%(aow)s)."
                    )
                    % {"leeftijd": leeftijd, "aow": op.aow.tekst()}
                )

        if regeling.kind_leeftijd_van is not None or regeling.kind_leeftijd_tot is not None:
            van = regeling.kind_leeftijd_van if regeling.kind_leeftijd_van is not None else 0
            tot = regeling.kind_leeftijd_tot if regeling.kind_leeftijd_tot is not None else 17
            passend = sum(1 for k in kinderen if van <= k <= tot) if kinderen else 0
            bereik = _leeftijden_tekst(van, tot, taal)
            if passend:
                goed.append(
                    ngettext(
                        "U heeft %(aantal)s kind %(bereik)s thuis.",
                        "U heeft %(aantal)s kinderen %(bereik)s thuis.",
                        passend,
                    )
                    % {"aantal": passend, "bereik": bereik}
                )
            else:
                nee.append(
                    _("Deze regeling is voor kinderen %(bereik)s. U heeft geen kind van die leeftijd thuis.")
                    % {"bereik": bereik}
                )
        else:
            passend = len(kinderen)

        percentage = regeling.percentage_met_kinderen if heeft_kinderen else regeling.percentage
        if percentage is None:
            percentage = regeling.percentage
        inkomensgrens = None
        if percentage is not None and norm is not None:
            inkomensgrens, grens_tekst = op.inkomensgrens(norm, percentage)
            getallen = {"inkomen": inkomen_tekst, "grens": grens_tekst}
            if inkomen <= inkomensgrens:
                goed.append(
                    _(
                        "Uw inkomen is %(inkomen)s per maand. De grens voor u is %(grens)s. "
                        "Uw inkomen is niet hoger dan de grens."
                    )
                    % getallen
                )
            else:
                nee.append(
                    _(
                        "Uw inkomen is %(inkomen)s per maand. De grens voor u is %(grens)s. "
                        "Uw inkomen is hoger dan de grens."
                    )
                    % getallen
                )
        elif percentage is not None and huishoudtype is not None:
            twijfel.append(_("We weten de inkomensgrens voor deze datum nog niet. Vraag het na."))

        if regeling.leefgeld_basis is not None:
            _leefgeld(regeling, huishouden, volwassenen, goed, twijfel, nee)

        if regeling.vermogenstoets:
            if vermogensgrens is None:
                twijfel.append(_("We weten de grens voor spaargeld en bezit voor deze datum nog niet. Vraag het na."))
            elif vermogen is None:
                twijfel.append(
                    _(
                        "U weet niet precies hoeveel spaargeld en bezit u heeft. "
                        "De grens voor u is %(grens)s. Kijk dit na."
                    )
                    % {"grens": vermogensgrens_tekst}
                )
            else:
                getallen = {"vermogen": vermogen_tekst, "grens": vermogensgrens_tekst}
                if vermogen <= vermogensgrens:
                    goed.append(
                        _(
                            "Uw spaargeld en bezit is %(vermogen)s. De grens voor u is %(grens)s. "
                            "Dat is niet meer dan de grens."
                        )
                        % getallen
                    )
                else:
                    nee.append(
                        _(
                            "Uw spaargeld en bezit is %(vermogen)s. De grens voor u is %(grens)s. "
                            "Dat is meer dan de grens."
                        )
                        % getallen
                    )

        minimaal = regeling.min_jaren_laag_inkomen
        if minimaal:
            if jaren is None:
                twijfel.append(
                    _(
                        "U weet niet precies hoe lang u al een laag inkomen heeft. "
                        "Dat moet minstens %(minimaal)s jaar zijn."
                    )
                    % {"minimaal": minimaal}
                )
            else:
                zin = _("U heeft %(jaren)s jaar een laag inkomen. Dat moet minstens %(minimaal)s jaar zijn.") % {
                    "jaren": jaren,
                    "minimaal": minimaal,
                }
                (goed if jaren >= minimaal else nee).append(zin)

        if regeling.niet_voor_studenten:
            if huishouden.student:
                nee.append(_("U studeert. Deze regeling is niet voor studenten."))
            else:
                goed.append(_("U studeert niet."))

        if regeling.hooguit_misschien:
            twijfel.append(
                regeling.hooguit_misschien_reden
                or _("Of u dit krijgt, hangt af van uw kosten of van de plekken die er nog zijn. Vraag het na.")
            )

        if nee:
            uitkomsten.append(Uitkomst(regeling.slug, NEE, inkomensgrens, None, tuple(nee)))
            continue
        bedrag = None
        if not (
            regeling.bedrag_vast is None and regeling.bedrag_per_volwassene is None and regeling.bedrag_per_kind is None
        ):
            bedrag = Decimal(0)
            if regeling.bedrag_vast is not None:
                bedrag += regeling.bedrag_vast
            if regeling.bedrag_per_volwassene is not None:
                bedrag += regeling.bedrag_per_volwassene * volwassenen
            if regeling.bedrag_per_kind is not None:
                bedrag += regeling.bedrag_per_kind * passend
            bedrag = round_half_up(bedrag)
        if twijfel:
            uitkomsten.append(Uitkomst(regeling.slug, MISSCHIEN, inkomensgrens, bedrag, tuple(twijfel + goed)))
        else:
            uitkomsten.append(Uitkomst(regeling.slug, JA, inkomensgrens, bedrag, tuple(goed)))

    return Resultaat(
        peildatum=huishouden.peildatum,
        huishoudtype=huishoudtype,
        norm=norm,
        vermogensgrens=vermogensgrens,
        uitkomsten=tuple(uitkomsten),
    )


def _leefgeld(regeling: RegelingRegels, huishouden: Huishouden, volwassenen: int, goed, twijfel, nee) -> None:
    """The leefgeld test: what is left per month after fixed costs must be lower than
    basis + per person (Voedselbanken Nederland's criteria; docs/potjeswijzer-spec.md)."""
    personen = volwassenen + len(huishouden.kinderen)
    grens = regeling.leefgeld_basis + (regeling.leefgeld_per_persoon or Decimal(0)) * personen
    grens_tekst = euro(grens)
    if huishouden.vaste_lasten is None:
        twijfel.append(
            ngettext(
                "We weten uw vaste lasten niet. Wat u per maand overhoudt, moet lager zijn dan %(grens)s "
                "(voor %(aantal)s persoon). Vraag het na.",
                "We weten uw vaste lasten niet. Wat u per maand overhoudt, moet lager zijn dan %(grens)s "
                "(voor %(aantal)s personen). Vraag het na.",
                personen,
            )
            % {"grens": grens_tekst, "aantal": personen}
        )
        return
    toeslagen = huishouden.toeslagen_per_maand or Decimal(0)
    leefgeld = huishouden.netto_inkomen + toeslagen - huishouden.vaste_lasten
    getallen = {
        "leefgeld": euro(leefgeld),
        "inkomen": euro(huishouden.netto_inkomen),
        "toeslagen": euro(toeslagen),
        "lasten": euro(huishouden.vaste_lasten),
    }
    if toeslagen:
        zin = _(
            "U houdt per maand ongeveer %(leefgeld)s over: inkomen %(inkomen)s plus toeslagen %(toeslagen)s "
            "min vaste lasten %(lasten)s."
        )
    else:
        zin = _("U houdt per maand ongeveer %(leefgeld)s over: inkomen %(inkomen)s min vaste lasten %(lasten)s.")
    zin = (zin % getallen) + " "
    zin += ngettext(
        "De grens voor %(aantal)s persoon is %(grens)s.", "De grens voor %(aantal)s personen is %(grens)s.", personen
    ) % {"aantal": personen, "grens": grens_tekst}
    if leefgeld < grens:
        goed.append(zin + " " + _("U houdt minder over dan de grens."))
    else:
        nee.append(zin + " " + _("U houdt niet minder over dan de grens."))


_GESORTEERD: dict = {}


def _actief_gesorteerd(regelingen: Sequence[RegelingRegels]) -> list[RegelingRegels]:
    """Active regelingen sorted by slug; memoised per input sequence (which is kept alive in the memo)."""
    found = _GESORTEERD.get(id(regelingen))
    if found is not None and found[0] is regelingen:
        return found[1]
    gesorteerd = sorted((r for r in regelingen if r.actief), key=lambda r: r.slug)
    if isinstance(regelingen, tuple):
        if len(_GESORTEERD) > 100:
            _GESORTEERD.clear()
        _GESORTEERD[id(regelingen)] = (regelingen, gesorteerd)
    return gesorteerd


def inkomens_om_te_proberen(huishouden: Huishouden, resultaat: Resultaat, *, stap: Decimal = Decimal(50)) -> list:
    """Incomes for "Wat als ik meer ga verdienen?": the current income, every income
    limit plus one cent (where a regeling stops), and a regular grid in between."""
    grenzen = sorted({u.inkomensgrens for u in resultaat.uitkomsten if u.inkomensgrens is not None})
    start = huishouden.netto_inkomen
    hoogste = max([start, *grenzen]) + stap * 4
    punten = {start}
    punten.update(g + CENT for g in grenzen if g >= start)
    waarde = (start // stap + 1) * stap
    while waarde <= hoogste:
        punten.add(waarde)
        waarde += stap
    return sorted(punten)
