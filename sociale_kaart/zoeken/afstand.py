"""Distances between a resident's village and the places where help is.

PostgreSQL has no PostGIS here, so distances are great-circle (haversine)
distances computed in plain SQL, after a bounding-box prefilter on the indexed
latitude/longitude columns of Locatie and Kern. The distance of an aanbod is
that of its nearest locatie; an aanbod without locaties with coordinates gets
the distance of the nearest centre of its kernen. Also: the kern of a postcode.

Nothing here stores or logs the point it measures from."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import formats
from django.utils.translation import gettext as _

from sociale_kaart.models import Kern, Postcodegebied
from sociale_kaart.zoeken.tekst import zoektekst_opschonen

AARDSTRAAL_KM = 6371.0088
KM_PER_GRAAD = math.pi * AARDSTRAAL_KM / 180
# Sorting by distance without a distance filter still measures within this
# radius only; help further away comes after it, without a distance. A gemeente
# is much smaller, so residents never notice; a national data set stays fast.
MAX_AFSTAND_KM = 30
AFSTANDEN_KM = (5, 10, 25)


@dataclass(frozen=True)
class Punt:
    latitude: float
    longitude: float


def haversine_km(a: Punt, b: Punt) -> float:
    """Great-circle distance in km (used for the short list of places on the map page)."""
    phi1, phi2 = math.radians(a.latitude), math.radians(b.latitude)
    dphi = phi2 - phi1
    dlambda = math.radians(b.longitude - a.longitude)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * AARDSTRAAL_KM * math.asin(min(1.0, math.sqrt(h)))


def omhullende(punt: Punt, km: float) -> tuple[float, float, float, float]:
    """(lat_min, lat_max, lon_min, lon_max) of a box that holds every point within km."""
    dlat = km / KM_PER_GRAAD
    # Use the latitude furthest from the equator inside the box: there a degree of
    # longitude is shortest, so the box is wide enough everywhere.
    verste = min(89.0, abs(punt.latitude) + dlat)
    dlon = min(180.0, km / (KM_PER_GRAAD * math.cos(math.radians(verste))))
    return punt.latitude - dlat, punt.latitude + dlat, punt.longitude - dlon, punt.longitude + dlon


def km_tekst(km: float | None) -> str:
    """'2,4 km' (Dutch decimal comma); whole kilometres from 10 km on."""
    if km is None:
        return ""
    if km < 10:
        return formats.number_format(round(km, 1), 1) + " km"
    return f"{round(km)} km"


def _haversine_sql(tabel: str) -> str:
    """SQL for the distance in km from (%s lat, %s lon) to the row's point; 3 params: lat, lat, lon."""
    return (
        f"2 * {AARDSTRAAL_KM} * asin(least(1.0, sqrt("
        f"power(sin(radians({tabel}.latitude::float8 - %s) / 2), 2)"
        f" + cos(radians(%s)) * cos(radians({tabel}.latitude::float8))"
        f" * power(sin(radians({tabel}.longitude::float8 - %s) / 2), 2))))"
    )


_LOCATIE_MET_PUNT = "l2.latitude IS NOT NULL AND l2.longitude IS NOT NULL"


def afstanden_sql(punt: Punt, km: float) -> tuple[str, list]:
    """SQL giving (aanbod_id, km) for every aanbod within km of punt, and its params.

    Both halves start from an index range scan on (latitude, longitude); the exact
    distance is then computed only for the points inside the box."""
    lat_min, lat_max, lon_min, lon_max = omhullende(punt, km)
    afstand_params = [punt.latitude, punt.latitude, punt.longitude]
    box = [lat_min, lat_max, lon_min, lon_max]
    sql = f"""
        SELECT d.aanbod_id, min(d.km) AS km FROM (
            SELECT al.aanbod_id, {_haversine_sql("l")} AS km
            FROM sociale_kaart_locatie l
            JOIN sociale_kaart_aanbod_locaties al ON al.locatie_id = l.id
            WHERE l.latitude BETWEEN %s AND %s AND l.longitude BETWEEN %s AND %s
            UNION ALL
            SELECT ak.aanbod_id, {_haversine_sql("k")} AS km
            FROM sociale_kaart_kern k
            JOIN sociale_kaart_aanbod_kernen ak ON ak.kern_id = k.id
            WHERE k.latitude BETWEEN %s AND %s AND k.longitude BETWEEN %s AND %s
              AND NOT EXISTS (
                SELECT 1 FROM sociale_kaart_aanbod_locaties al2
                JOIN sociale_kaart_locatie l2 ON l2.id = al2.locatie_id
                WHERE al2.aanbod_id = ak.aanbod_id AND {_LOCATIE_MET_PUNT}
              )
        ) d
        WHERE d.km <= %s
        GROUP BY d.aanbod_id
    """  # noqa: S608 (table names are constants; every value is a parameter)
    return sql, [*afstand_params, *box, *afstand_params, *box, float(km)]


def afstanden_voor(punt: Punt, aanbod_ids: Iterable[int]) -> dict[int, float]:
    """Distance in km of each given aanbod (those with a known place), in one query."""
    ids = list(aanbod_ids)
    if not ids:
        return {}
    afstand_params = [punt.latitude, punt.latitude, punt.longitude]
    sql = f"""
        SELECT d.aanbod_id, min(d.km) FROM (
            SELECT al.aanbod_id, {_haversine_sql("l")} AS km
            FROM sociale_kaart_aanbod_locaties al
            JOIN sociale_kaart_locatie l ON l.id = al.locatie_id
            WHERE al.aanbod_id = ANY(%s) AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
            UNION ALL
            SELECT ak.aanbod_id, {_haversine_sql("k")} AS km
            FROM sociale_kaart_aanbod_kernen ak
            JOIN sociale_kaart_kern k ON k.id = ak.kern_id
            WHERE ak.aanbod_id = ANY(%s) AND k.latitude IS NOT NULL AND k.longitude IS NOT NULL
              AND NOT EXISTS (
                SELECT 1 FROM sociale_kaart_aanbod_locaties al2
                JOIN sociale_kaart_locatie l2 ON l2.id = al2.locatie_id
                WHERE al2.aanbod_id = ak.aanbod_id AND {_LOCATIE_MET_PUNT}
              )
        ) d
        GROUP BY d.aanbod_id
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*afstand_params, ids, *afstand_params, ids])
        return {aanbod_id: float(km) for aanbod_id, km in cursor.fetchall()}


_POSTCODE = re.compile(r"^\s*([0-9]{4})\s*(?:[a-zA-Z]{2})?\s*$")


def postcode_opzoeken(invoer: str) -> tuple[Kern | None, str]:
    """The kern of a postcode a resident typed ("9351", "9351 AB"), or a message
    that says what to do. Only the 4 digits are looked up; the letters are dropped."""
    tekst = zoektekst_opschonen(invoer)[:20]
    gevonden = _POSTCODE.match(tekst)
    if not gevonden:
        return None, _("Vul de 4 cijfers van uw postcode in, bijvoorbeeld 9351. Of kies uw plaats uit de lijst.")
    cijfers = gevonden.group(1)
    gebied = Postcodegebied.objects.select_related("kern").filter(postcode=cijfers).first()
    if gebied is None:
        return None, _(
            "Postcode %(postcode)s ligt niet in de gemeente %(gemeente)s. Kies uw plaats uit de lijst. "
            "Woont u ergens anders? Bel ons, dan zoeken wij samen met u."
        ) % {"postcode": cijfers, "gemeente": settings.GEMEENTE_NAAM}
    return gebied.kern, ""


def punt_van_kern(kern: Kern | None) -> Punt | None:
    if kern is None or kern.latitude is None or kern.longitude is None:
        return None
    return Punt(float(kern.latitude), float(kern.longitude))
