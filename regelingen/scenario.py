"""What a household has in total, and what changes when its income changes.

Pure: the engine (`eligibility.beoordeel`) and the national estimates
(`toeslagen.beoordeel_landelijk`) are run for the household as it is and for the
same household at other incomes. The result page and "Ik ga meer verdienen"
both take their total from `totaal()`, so they always show the same number.

What counts in the total: the amounts of the local "ja" outcomes, and the national
estimates with an amount (ja or misschien; they are estimates anyway), also what the
household already receives ("Wat krijgt u al?"): the income asked leaves them out.
Local "misschien" amounts are shown apart ("misschien meer"), never added in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from regelingen import eligibility as e
from regelingen import toeslagen as t

TWAALF = Decimal(12)


@dataclass(frozen=True, slots=True)
class Totaal:
    netto_inkomen: Decimal  # per month, as given
    inkomen_per_jaar: Decimal
    regelingen_per_jaar: Decimal  # local "ja" amounts
    toeslagen_per_jaar: Decimal  # national "ja" estimates
    misschien_per_jaar: Decimal  # "misschien" amounts, not in the total
    totaal_per_jaar: Decimal
    regelingen: tuple[str, ...]  # slugs of what counts (ja, with an amount)

    @property
    def hulp_per_jaar(self) -> Decimal:
        return self.regelingen_per_jaar + self.toeslagen_per_jaar

    @property
    def totaal_per_maand(self) -> Decimal:
        return e.round_half_up(self.totaal_per_jaar / TWAALF)


def totaal(huishouden: e.Huishouden, resultaat: e.Resultaat, landelijk) -> Totaal:
    lokaal = sum(
        (u.bedrag_per_jaar for u in resultaat.uitkomsten if u.uitkomst == e.JA and u.bedrag_per_jaar), Decimal(0)
    )
    nationaal = t.som_geschat(landelijk)
    misschien = sum(
        (u.bedrag_per_jaar for u in resultaat.uitkomsten if u.uitkomst == e.MISSCHIEN and u.bedrag_per_jaar),
        Decimal(0),
    )
    telt = tuple(u.regeling for u in resultaat.uitkomsten if u.uitkomst == e.JA and u.bedrag_per_jaar) + tuple(
        u.regeling for u in landelijk if u.uitkomst != e.NEE and u.bedrag_per_jaar
    )
    inkomen = huishouden.netto_inkomen * TWAALF
    return Totaal(
        netto_inkomen=huishouden.netto_inkomen,
        inkomen_per_jaar=inkomen,
        regelingen_per_jaar=lokaal,
        toeslagen_per_jaar=nationaal,
        misschien_per_jaar=misschien,
        totaal_per_jaar=inkomen + lokaal + nationaal,
        regelingen=telt,
    )


def met_inkomen(huishouden: e.Huishouden, inkomen: Decimal) -> e.Huishouden:
    """The same household at another net income (an explicit gross income no longer holds)."""
    return dataclasses.replace(huishouden, netto_inkomen=inkomen, toetsingsinkomen=None)


def doorrekenen(huishouden, regels, normen, parameters) -> tuple[e.Resultaat, tuple, Totaal]:
    """Engine and national estimates for one household, as the result page runs them:
    a leefgeld test counts the household's own estimated toeslagen as income."""
    landelijk = t.beoordeel_landelijk(huishouden, parameters)
    if huishouden.vaste_lasten is not None:
        huishouden = dataclasses.replace(huishouden, toeslagen_per_maand=t.per_maand_voor_leefgeld(landelijk))
    resultaat = e.beoordeel(huishouden, regels, normen)
    return resultaat, landelijk, totaal(huishouden, resultaat, landelijk)


@dataclass(frozen=True, slots=True)
class Stap:
    """A point where the total drops although the income rises: the armoedeval."""

    inkomen: Decimal  # the first income (per month) with the lower total
    verlies_per_jaar: Decimal  # what the regelingen and toeslagen give less
    stopt: tuple[str, ...]  # what stops there (slugs)


def punten(huishouden, regels, normen, parameters, *, stap: Decimal = Decimal(50)) -> list[Totaal]:
    """The total at the current income, just past every income limit, and on a grid."""
    resultaat = e.beoordeel(huishouden, regels, normen)
    inkomens = e.inkomens_om_te_proberen(huishouden, resultaat, stap=stap)
    return [doorrekenen(met_inkomen(huishouden, inkomen), regels, normen, parameters)[2] for inkomen in inkomens]


def kliffen(reeks: list[Totaal]) -> list[Stap]:
    """Where the regelingen and toeslagen together fall by more than what a step of income adds."""
    gevonden = []
    for vorige, volgende in zip(reeks, reeks[1:], strict=False):
        hulp_voor, hulp_na = vorige.hulp_per_jaar, volgende.hulp_per_jaar
        stopt = tuple(s for s in vorige.regelingen if s not in volgende.regelingen)
        if stopt and hulp_na < hulp_voor:
            gevonden.append(Stap(volgende.netto_inkomen, hulp_voor - hulp_na, stopt))
    return gevonden


def hangt_af_van_inkomen(reeks: list[Totaal]) -> bool:
    """False when no regeling or toeslag changes with income (then there is nothing to chart)."""
    return len({(p.hulp_per_jaar, p.regelingen) for p in reeks}) > 1


# --- "Wat als...": a life event, the same household after it ------------------------------

# The ages where kinderbijslag changes band (0-5, 6-11, 12-17) and where a child stops
# counting as a child under 18 (kinderbijslag, kindgebonden budget, the local regelingen).
KINDERBIJSLAG_GRENZEN = (6, 12, 18)


def gaan_samenwonen(huishouden: e.Huishouden, *, leeftijd_partner: int, inkomen_partner: Decimal) -> e.Huishouden:
    """Living together: a partner of that age, whose net income adds to the household's."""
    return dataclasses.replace(
        huishouden,
        partner=True,
        leeftijd_partner=leeftijd_partner,
        netto_inkomen=huishouden.netto_inkomen + inkomen_partner,
        toetsingsinkomen=None,
    )


def kind_wordt(huishouden: e.Huishouden, *, index: int, leeftijd: int) -> e.Huishouden:
    """One child reaches an age; at 18 it no longer counts as a child under 18 at home."""
    kinderen = list(huishouden.kinderen)
    if leeftijd >= 18:
        del kinderen[index]
    else:
        kinderen[index] = leeftijd
    return dataclasses.replace(huishouden, kinderen=tuple(kinderen))


def kind_mijlpalen(huishouden: e.Huishouden, regels) -> list[tuple[int, int, int]]:
    """(child index, age now, age then) for every age where something may change for
    a child: the ages the local regelingen use and those of kinderbijslag; soonest first."""
    leeftijden = set(KINDERBIJSLAG_GRENZEN)
    for regel in regels:
        if regel.kind_leeftijd_van is not None:
            leeftijden.add(regel.kind_leeftijd_van)
        if regel.kind_leeftijd_tot is not None:
            leeftijden.add(regel.kind_leeftijd_tot + 1)
    gevonden = [
        (index, nu, dan) for index, nu in enumerate(huishouden.kinderen) for dan in sorted(leeftijden) if nu < dan <= 18
    ]
    return sorted(gevonden, key=lambda m: (m[2] - m[1], m[0], m[2]))


def aow_leeftijd_in_jaren(aow: e.AowLeeftijd) -> int:
    """The first whole age at or past the AOW-leeftijd (67 jaar en 3 maanden -> 68)."""
    return aow.jaren + (1 if aow.maanden else 0)


def bereikt_aow(huishouden: e.Huishouden, *, aow: e.AowLeeftijd, inkomen: Decimal) -> e.Huishouden:
    return dataclasses.replace(
        huishouden, leeftijd=aow_leeftijd_in_jaren(aow), netto_inkomen=inkomen, toetsingsinkomen=None
    )


def verandering(voor: tuple, na: tuple) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(what stops, what starts): local regelingen "ja" and national estimates that are
    not "nee", before and after. `voor` and `na` are (resultaat, landelijk)."""

    def telt(resultaat, landelijk) -> list[str]:
        return [u.regeling for u in resultaat.uitkomsten if u.uitkomst == e.JA] + [
            u.regeling for u in landelijk if u.uitkomst != e.NEE
        ]

    nu, dan = telt(*voor), telt(*na)
    return tuple(s for s in nu if s not in dan), tuple(s for s in dan if s not in nu)
