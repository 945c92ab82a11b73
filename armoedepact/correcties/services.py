"""Writes for corrections from the public."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from armoedepact.correcties.selectors import Pagina
from armoedepact.models import Correctie

# Done corrections are deleted this many months later: long enough for the counts
# of the last 12 months on the bereik page, and nothing is kept longer than that.
BEWAREN_MAANDEN = 12


def correctie_indienen(*, pagina: Pagina, wat: str, toelichting: str) -> Correctie:
    correctie = Correctie(
        onderwerp=pagina.onderwerp,
        naam=pagina.naam[:200],
        organisatie=pagina.organisatie,
        aanbod=pagina.aanbod,
        regeling=pagina.regeling,
        wat=wat,
        toelichting=toelichting,
    )
    correctie.full_clean()
    correctie.save()
    return correctie


def correctie_afhandelen(*, correctie: Correctie, door) -> Correctie:
    if not correctie.open:
        raise ValidationError("Deze melding was al afgehandeld.")
    correctie.afgehandeld_op = timezone.localdate()
    correctie.afgehandeld_door = door
    correctie.full_clean()
    correctie.save(update_fields=["afgehandeld_op", "afgehandeld_door"])
    return correctie


def _maanden_terug(vandaag: date, maanden: int) -> date:
    jaar, maand = divmod(vandaag.year * 12 + vandaag.month - 1 - maanden, 12)
    dag = min(vandaag.day, 28)
    return date(jaar, maand + 1, dag)


def correcties_opruimen(*, vandaag: date | None = None) -> int:
    """Delete corrections done more than BEWAREN_MAANDEN ago; the number deleted."""
    grens = _maanden_terug(vandaag or timezone.localdate(), BEWAREN_MAANDEN)
    aantal, _ = Correctie.objects.filter(afgehandeld_op__lt=grens).delete()
    return aantal
