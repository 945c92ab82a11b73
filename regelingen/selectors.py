"""Reads for the check, the command and the admin. Bounded query counts."""

from __future__ import annotations

import functools
from collections import namedtuple
from datetime import date

from django.db.models import Q

from common.vertalingen import vertaling
from regelingen import eligibility as e
from regelingen import toeslagen
from regelingen.models import AowLeeftijd, Normbedrag, Regeling, Toeslagparameter, Vermogensgrens
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
