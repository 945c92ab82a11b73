"""The map of /hulp/kaart/: the places of the filtered aanbod, with the same filters as the list."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from sociale_kaart.models import Aanbod
from sociale_kaart.zoeken import afstand as afst
from sociale_kaart.zoeken.plekken import Plek
from sociale_kaart.zoeken.resultaten import Zoekresultaat, zoekopdracht

MAX_PLEKKEN = 500
_MAX_KOPPELINGEN = 2000


@dataclass
class Kaartresultaat:
    zoek: Zoekresultaat
    plekken: list[Plek]
    meer_dan_maximum: bool = False


def kaart_zoeken(*, params) -> Kaartresultaat:
    """The places of the filtered aanbod for /hulp/kaart/: the same filters as the list.

    Aanbod without a fixed place (op afstand) is never a pin. Queries: 4 taxonomy
    lists, 1 synonyms (only with a search text), 1 for every place with its aanbod."""
    resultaat, qs = zoekopdracht(params)
    if resultaat.doorsturen_naar is not None:
        return Kaartresultaat(zoek=resultaat, plekken=[])
    koppelingen = (
        Aanbod.locaties.through.objects.filter(
            aanbod_id__in=qs.filter(op_afstand=False).order_by().values("pk"),
            locatie__latitude__isnull=False,
            locatie__longitude__isnull=False,
        )
        .order_by("locatie_id", "aanbod__titel")
        .values_list(
            "locatie_id",
            "locatie__naam",
            "locatie__organisatie__naam",
            "locatie__straat",
            "locatie__postcode",
            "locatie__plaats",
            "locatie__kern__naam",
            "locatie__latitude",
            "locatie__longitude",
            "aanbod__titel",
            "aanbod__slug",
        )[: _MAX_KOPPELINGEN + 1]
    )
    plekken: dict[int, Plek] = {}
    rijen = list(koppelingen)
    for locatie_id, naam, organisatie, straat, postcode, plaats, kern, lat, lon, titel, slug in rijen:
        plek = plekken.get(locatie_id)
        if plek is None:
            plek = plekken[locatie_id] = Plek(
                id=locatie_id,
                naam=naam,
                organisatie=organisatie,
                straat=straat,
                postcode=postcode,
                plaats=plaats or kern or "",
                latitude=float(lat),
                longitude=float(lon),
            )
        plek.aanbod.append((titel, reverse("sociale_kaart:aanbod", args=[slug])))
    lijst = list(plekken.values())
    punt = resultaat.punt
    if punt is not None:
        for plek in lijst:
            plek.afstand_km = afst.haversine_km(punt, afst.Punt(plek.latitude, plek.longitude))
        lijst.sort(key=lambda p: (p.afstand_km, p.titel))
    else:
        lijst.sort(key=lambda p: (p.plaats, p.titel))
    meer = len(rijen) > _MAX_KOPPELINGEN or len(lijst) > MAX_PLEKKEN
    return Kaartresultaat(zoek=resultaat, plekken=lijst[:MAX_PLEKKEN], meer_dan_maximum=meer)
