"""Writes of the regelingen app. The only write the resident's check makes is
`check_tellen`: anonymous counts per regeling per month, nothing else."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import F

from regelingen import eligibility as e
from regelingen.models import CheckTelling, Regeling


@transaction.atomic
def check_tellen(*, uitkomsten: Iterable[e.Uitkomst], op: date) -> None:
    """Count one completed check: +1 in ja, misschien or nee for each regeling, this month."""
    maand = op.replace(day=1)
    per_slug = {u.regeling: u.uitkomst for u in uitkomsten}
    if not per_slug:
        return
    ids = dict(Regeling.objects.filter(slug__in=per_slug).values_list("slug", "pk"))
    for uitkomst in (e.JA, e.MISSCHIEN, e.NEE):
        regeling_ids = [ids[slug] for slug, waarde in per_slug.items() if waarde == uitkomst and slug in ids]
        if not regeling_ids:
            continue
        CheckTelling.objects.bulk_create(
            [CheckTelling(regeling_id=pk, maand=maand) for pk in regeling_ids],
            ignore_conflicts=True,
        )
        CheckTelling.objects.filter(regeling_id__in=regeling_ids, maand=maand).update(**{uitkomst: F(uitkomst) + 1})
