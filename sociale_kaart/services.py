"""Writes for the sociale kaart. Every change to an aanbod, its organisation or
its thema's goes through here, so the stored search vector stays current."""

import datetime
import re
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from sociale_kaart.models import Aanbod

_LIJKT_PERSOONLIJK = re.compile(r"@|\d{5,}|\b\d{4}\b|\d{4}\s?[a-z]{2}\b")

# Weighted Dutch full-text vector: A = titel, B = organisation name and
# thema's, C = what you get and for whom.
_ZOEKVECTOR_SQL = """
UPDATE sociale_kaart_aanbod AS a
SET zoekvector =
    setweight(to_tsvector('dutch', coalesce(a.titel, '')), 'A')
 || setweight(to_tsvector('dutch', coalesce(o.naam, '')), 'B')
 || setweight(to_tsvector('dutch', coalesce((
        SELECT string_agg(t.naam, ' ')
        FROM sociale_kaart_aanbod_themas at
        JOIN sociale_kaart_thema t ON t.id = at.thema_id
        WHERE at.aanbod_id = a.id), '')), 'B')
 || setweight(to_tsvector('dutch', coalesce(a.wat_u_krijgt, '') || ' ' || coalesce(a.voor_wie, '')), 'C')
FROM sociale_kaart_organisatie AS o
WHERE o.id = a.organisatie_id
"""


def aanbod_zoekvector_bijwerken(*, aanbod_ids: Iterable[int] | None = None) -> None:
    """Recompute the stored search vector; all aanbod when aanbod_ids is None.

    The search reads a copy in AanbodZoekindex: a PostgreSQL trigger (migration
    0003) copies the vector there in the same statement, so callers need nothing else."""
    with connection.cursor() as cursor:
        if aanbod_ids is None:
            cursor.execute(_ZOEKVECTOR_SQL)
        else:
            ids = list(aanbod_ids)
            if ids:
                cursor.execute(_ZOEKVECTOR_SQL + " AND a.id = ANY(%s)", [ids])


def organisatie_zoekvector_bijwerken(*, organisatie_ids: Iterable[int]) -> None:
    """After an organisation changed (its name is in the vector of each of its aanbod)."""
    ids = list(organisatie_ids)
    if ids:
        with connection.cursor() as cursor:
            cursor.execute(_ZOEKVECTOR_SQL + " AND a.organisatie_id = ANY(%s)", [ids])


def thema_zoekvector_bijwerken(*, thema_ids: Iterable[int]) -> None:
    """After a thema was renamed or removed: every aanbod that has (or had) it."""
    ids = list(thema_ids)
    if ids:
        aanbod_ids = Aanbod.themas.through.objects.filter(thema_id__in=ids).values_list("aanbod_id", flat=True)
        aanbod_zoekvector_bijwerken(aanbod_ids=list(aanbod_ids))


def lijkt_persoonlijk(tekst: str) -> bool:
    """True for search text that may hold personal data or a place: never counted."""
    return bool(_LIJKT_PERSOONLIJK.search(tekst))


def zoekterm_zonder_resultaat_tellen(*, zoekterm: str, vandaag: datetime.date | None = None) -> None:
    """Count a search that found nothing, per month: the words only, no person, no time.

    Texts that look like personal data (an e-mail address, a long number such as
    a BSN or phone number) are not kept at all."""
    tekst = " ".join(zoekterm.lower().split())[:200]
    if not tekst or lijkt_persoonlijk(tekst):
        return
    maand = (vandaag or timezone.localdate()).replace(day=1)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO sociale_kaart_zoektermzonderresultaat (zoekterm, maand, aantal)
            VALUES (%s, %s, 1)
            ON CONFLICT (zoekterm, maand)
            DO UPDATE SET aantal = sociale_kaart_zoektermzonderresultaat.aantal + 1
            """,
            [tekst, maand],
        )
