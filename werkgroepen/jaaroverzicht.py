"""The yearly overview the coordinator prints (issue 19): per pillar its goals,
the action points of that year with Wie, Wanneer, status and percentage, its
indicators with their last value, and the meetings of the year with attendance.
A read; the page and the PDF (werkgroepen.export.jaaroverzicht_pdf) are in armoedepact.regie.views."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

from werkgroepen import selectors
from werkgroepen.models import Bijeenkomst


@dataclass
class PijlerJaar:
    pijler: object
    doelen: list = field(default_factory=list)  # (doel, [actiepunten of the year])
    losse: list = field(default_factory=list)
    bijeenkomsten: list = field(default_factory=list)
    indicatoren: list = field(default_factory=list)


@dataclass
class Jaaroverzicht:
    jaar: int
    pijlers: list[PijlerJaar]
    pact_bijeenkomsten: list  # meetings of the whole pact (not of one pillar's group)
    pact_indicatoren: list = field(default_factory=list)  # indicators of the whole pact


def _van_het_jaar(actiepunt, jaar: int) -> bool:
    """An action point belongs to the year it is filed under, or whose period touches it."""
    if actiepunt.jaar == jaar:
        return True
    begin, eind = date(jaar, 1, 1), date(jaar, 12, 31)
    van = actiepunt.periode_van or actiepunt.periode_tot
    tot = actiepunt.periode_tot or actiepunt.periode_van
    return bool(van and tot and van <= eind and tot >= begin)


def jaaroverzicht(*, jaar: int) -> Jaaroverzicht:
    pijlers = selectors.pijlers_met_voortgang()
    begin = timezone.make_aware(datetime.combine(date(jaar, 1, 1), time.min))
    eind = timezone.make_aware(datetime.combine(date(jaar + 1, 1, 1), time.min))
    bijeenkomsten = list(
        Bijeenkomst.objects.filter(Q(start__gte=begin) & Q(start__lt=eind))
        .select_related("werkgroep", "gastorganisatie")
        .prefetch_related("aanwezige_organisaties")
        .order_by("start")
    )
    indicatoren = selectors.indicatoren_per_pijler()
    rijen = []
    for pijler in pijlers:
        rij = PijlerJaar(pijler=pijler)
        for doel in pijler.doelen_met_punten:
            rij.doelen.append((doel, [a for a in doel.punten if _van_het_jaar(a, jaar)]))
        rij.losse = [a for a in pijler.losse_actiepunten if _van_het_jaar(a, jaar)]
        rij.bijeenkomsten = [b for b in bijeenkomsten if b.werkgroep and b.werkgroep.pijler_id == pijler.pk]
        rij.indicatoren = indicatoren.get(pijler.pk, [])
        rijen.append(rij)
    pact = [b for b in bijeenkomsten if not (b.werkgroep and b.werkgroep.pijler_id)]
    return Jaaroverzicht(jaar=jaar, pijlers=rijen, pact_bijeenkomsten=pact, pact_indicatoren=indicatoren.get(None, []))
