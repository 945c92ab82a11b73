"""Writes for the sociale kaart. Every change to an aanbod, its organisation or
its thema's goes through here, so the stored search vector stays current."""

from collections.abc import Iterable

from django.db import connection

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
    """Recompute the stored search vector; all aanbod when aanbod_ids is None."""
    with connection.cursor() as cursor:
        if aanbod_ids is None:
            cursor.execute(_ZOEKVECTOR_SQL)
        else:
            ids = list(aanbod_ids)
            if ids:
                cursor.execute(_ZOEKVECTOR_SQL + " AND a.id = ANY(%s)", [ids])
