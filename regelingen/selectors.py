"""Reads for the check, the command and the admin. Bounded query counts."""

from __future__ import annotations

import functools
from collections import namedtuple
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q

from common.vertalingen import vertaling
from regelingen import eligibility as e
from regelingen import toeslagen
from regelingen.models import (
    AowLeeftijd,
    Huishoudtype,
    Normbedrag,
    Regeling,
    Toeslagparameter,
    Vermogensgrens,
    VermogensSoort,
)
from sociale_kaart.selectors import organisatie_publiek


def regeling_list_actief():
    """Active regelingen with everything the result page shows (3 queries)."""
    return list(
        Regeling.objects.filter(actief=True)
        .select_related("uitvoerder")
        .prefetch_related("helpt_gratis", "themas")
        .order_by("slug")
    )


def regeling_slugs_actief() -> list[str]:
    """The slugs of the active regelingen (1 query)."""
    return list(Regeling.objects.filter(actief=True).order_by("slug").values_list("slug", flat=True))


def regeling_keuzes_actief() -> tuple[tuple[str, str], ...]:
    """(slug, name in the page's language) of the active regelingen, for "Wat krijgt u al?" (1 query)."""
    return tuple(
        (r.slug, vertaling(r, "naam")[0])
        for r in Regeling.objects.filter(actief=True).only("slug", "naam", "vertalingen").order_by("naam")
    )


def regeling_voor_verzoek(slug: str) -> Regeling | None:
    """An active regeling with its uitvoerder, for "Laat mij bellen" (overdracht
    checks that the uitvoerder receives requests)."""
    return Regeling.objects.filter(slug=slug, actief=True).select_related("uitvoerder").first()


def regels_van(regeling: Regeling) -> e.RegelingRegels:
    return e.RegelingRegels(
        slug=regeling.slug,
        naam=regeling.naam,
        percentage=regeling.percentage,
        percentage_met_kinderen=regeling.percentage_met_kinderen,
        vermogenstoets=regeling.vermogenstoets,
        min_leeftijd=regeling.min_leeftijd,
        tot_aow_leeftijd=regeling.tot_aow_leeftijd,
        kind_leeftijd_van=regeling.kind_leeftijd_van,
        kind_leeftijd_tot=regeling.kind_leeftijd_tot,
        min_jaren_laag_inkomen=regeling.min_jaren_laag_inkomen,
        niet_voor_studenten=regeling.niet_voor_studenten,
        alleen_inwoners=regeling.alleen_inwoners,
        hooguit_misschien=regeling.hooguit_misschien,
        hooguit_misschien_reden=regeling.hooguit_misschien_reden,
        bedrag_vast=regeling.bedrag_vast,
        bedrag_per_volwassene=regeling.bedrag_per_volwassene,
        bedrag_per_kind=regeling.bedrag_per_kind,
        leefgeld_basis=regeling.leefgeld_basis,
        leefgeld_per_persoon=regeling.leefgeld_per_persoon,
        actief=regeling.actief,
    )


def regels_voor_engine(regelingen=None) -> tuple[e.RegelingRegels, ...]:
    """The active regelingen as engine input (1 query when `regelingen` is not given)."""
    if regelingen is None:
        regelingen = Regeling.objects.filter(actief=True).order_by("slug")
    return tuple(regels_van(r) for r in regelingen if r.actief)


def normen_voor_engine() -> e.Normen:
    """All dated norm tables (3 small queries)."""
    return e.Normen(
        normbedragen=tuple(
            e.Normbedrag(huishoudtype=n.huishoudtype, bedrag=n.bedrag, geldig_vanaf=n.geldig_vanaf)
            for n in Normbedrag.objects.all()
        ),
        vermogensgrenzen=tuple(
            e.Vermogensgrens(soort=v.soort, bedrag=v.bedrag, geldig_vanaf=v.geldig_vanaf)
            for v in Vermogensgrens.objects.all()
        ),
        aow_leeftijden=tuple(
            e.AowLeeftijd(geldig_vanaf=a.geldig_vanaf, jaren=a.jaren, maanden=a.maanden)
            for a in AowLeeftijd.objects.all()
        ),
    )


def nieuwste_norm_datum() -> date | None:
    row = Normbedrag.objects.order_by("-geldig_vanaf").values_list("geldig_vanaf", flat=True).first()
    return row


# Norms change on 1 January and 1 July: a norm is out of date half a year after it
# started; vermogensgrenzen change on 1 January, so after a year.
NORM_OUD_NA = timedelta(days=183)
VERMOGENSGRENS_OUD_NA = timedelta(days=366)


def is_normdatum(datum: date) -> bool:
    """Norms, vermogensgrenzen and AOW-leeftijden start on 1 January or 1 July."""
    return datum.day == 1 and datum.month in (1, 7)


def normdatum_melding(datum: date) -> str:
    return f"Normen beginnen op 1 januari of 1 juli. {datum:%d-%m-%Y} is een andere dag. Klopt de datum toch?"


def volgende_normdatum(vandaag: date) -> date | None:
    """From 1 December the next 1 January, from 1 June the next 1 July; else None."""
    if vandaag.month == 12:
        return date(vandaag.year + 1, 1, 1)
    if vandaag.month == 6:
        return date(vandaag.year, 7, 1)
    return None


@dataclass(frozen=True)
class NormSoort:
    """One household type (or kind of vermogensgrens) and what is missing for it."""

    model: str  # "normbedrag" or "vermogensgrens"
    naam: str
    nieuwste: date | None  # the newest start date of this type, None when there is none
    verouderd: bool  # no row, or the newest started more than half a year ago
    volgende_ontbreekt: bool  # from 1 December / 1 June: no row for the next period


@dataclass(frozen=True)
class NormStand:
    volgende: date | None
    soorten: tuple[NormSoort, ...]

    @property
    def verouderd(self) -> tuple[NormSoort, ...]:
        return tuple(s for s in self.soorten if s.verouderd)

    @property
    def volgende_ontbreekt(self) -> tuple[NormSoort, ...]:
        return tuple(s for s in self.soorten if s.volgende_ontbreekt)

    @property
    def geen_normbedragen(self) -> bool:
        return all(s.nieuwste is None for s in self.soorten if s.model == "normbedrag")

    @property
    def in_orde(self) -> bool:
        return not self.verouderd and not self.volgende_ontbreekt


def normen_stand(*, vandaag: date) -> NormStand:
    """Per household type of Normbedrag and per kind of Vermogensgrens: is the newest row
    out of date, and (from 1 December and 1 June) is the next period's row missing?
    A new row for one type says nothing about the others. Vermogensgrenzen change once
    a year, so only 1 January is asked for them. 2 queries."""
    volgende = volgende_normdatum(vandaag)
    soorten = []
    for model, veld, keuzes, periodes, oud_na in (
        (Normbedrag, "huishoudtype", Huishoudtype.choices, (1, 7), NORM_OUD_NA),
        (Vermogensgrens, "soort", VermogensSoort.choices, (1,), VERMOGENSGRENS_OUD_NA),
    ):
        datums: dict[str, set[date]] = {}
        for waarde, datum in model.objects.filter(geldig_vanaf__lte=volgende or vandaag).values_list(
            veld, "geldig_vanaf"
        ):
            datums.setdefault(waarde, set()).add(datum)
        for waarde, label in keuzes:
            eigen = datums.get(waarde, set())
            nieuwste = max((d for d in eigen if d <= vandaag), default=None)
            gevraagd = volgende is not None and volgende.month in periodes
            soorten.append(
                NormSoort(
                    model=model._meta.model_name,
                    naam=f"{model._meta.verbose_name}: {label}",
                    nieuwste=nieuwste,
                    verouderd=nieuwste is None or nieuwste < vandaag - oud_na,
                    volgende_ontbreekt=gevraagd and volgende not in eigen,
                )
            )
    return NormStand(volgende=volgende, soorten=tuple(soorten))


_VELDEN_TOESLAG = ("toeslag", "sleutel", "waarde", "bron", "link", "geldig_vanaf")
_Rij = namedtuple("_Rij", _VELDEN_TOESLAG)


@functools.lru_cache(maxsize=8)
def _jaren(rijen: tuple) -> tuple[toeslagen.Toeslagparameters, ...]:
    return toeslagen.jaren_uit_rijen([_Rij(*rij) for rij in rijen])


def toeslagparameters() -> tuple[toeslagen.Toeslagparameters, ...]:
    """The national allowances' parameters per start date, from regelingen.Toeslagparameter
    (the coordinator keeps them in /beheer/). One small query per call (the views call it
    once per request); turning the rows into parameters is memoised on the rows themselves,
    so a changed figure shows at once and an unchanged table costs no parsing."""
    rijen = tuple(Toeslagparameter.objects.order_by("geldig_vanaf", "toeslag", "sleutel").values_list(*_VELDEN_TOESLAG))
    return _jaren(rijen)


def helpers_toeslagen(aantal: int = 3) -> list:
    """Public organisations on the sociale kaart that help with toeslagen for free (1 query)."""
    return list(
        organisatie_publiek()
        .filter(Q(korte_omschrijving__icontains="toeslag") | Q(naam__icontains="formulierenhulp"))
        .order_by("naam")[:aantal]
    )
