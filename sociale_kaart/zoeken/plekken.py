"""Pins on a map: a place with an address and coordinates, its route link and
what static/js/kaart.js needs. Used by the map page and by the detail pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static

from sociale_kaart.zoeken import afstand as afst

ROUTEPLANNER = "https://www.openstreetmap.org/directions?to={latitude},{longitude}"


@dataclass
class Plek:
    """A place with an address and coordinates: one pin on the map."""

    id: int
    naam: str
    organisatie: str
    straat: str
    postcode: str
    plaats: str
    latitude: float
    longitude: float
    aanbod: list[tuple[str, str]] = field(default_factory=list)  # (titel, url)
    afstand_km: float | None = None

    @property
    def titel(self) -> str:
        if self.naam and self.organisatie and self.organisatie not in self.naam:
            return f"{self.organisatie}, {self.naam}"
        return self.naam or self.organisatie

    @property
    def adres(self) -> list[str]:
        regels = [self.straat, " ".join(d for d in (self.postcode, self.plaats) if d)]
        return [r for r in regels if r]

    @property
    def afstand_tekst(self) -> str:
        return afst.km_tekst(self.afstand_km)

    @property
    def route_url(self) -> str:
        return route_url(self.latitude, self.longitude)

    def als_json(self, *, met_links: bool = True) -> dict:
        return {
            "lat": self.latitude,
            "lon": self.longitude,
            "naam": self.titel,
            "adres": self.adres,
            "links": [{"tekst": titel, "url": url} for titel, url in self.aanbod] if met_links else [],
            "route": self.route_url,
        }


def route_url(latitude, longitude) -> str:
    """A plain link to a route planner (OpenStreetMap); no third-party script on our pages."""
    return ROUTEPLANNER.format(latitude=f"{float(latitude):.6f}", longitude=f"{float(longitude):.6f}")


def plekken_van_locaties(locaties, *, organisatie: str, aanbod: list[tuple[str, str]] | None = None) -> list[Plek]:
    """Pins for a detail page, from locaties already loaded (no query)."""
    plekken = []
    for locatie in locaties:
        if locatie.latitude is None or locatie.longitude is None:
            continue
        plekken.append(
            Plek(
                id=locatie.pk,
                naam=locatie.naam,
                organisatie=organisatie,
                straat=locatie.straat,
                postcode=locatie.postcode,
                plaats=locatie.plaats or (locatie.kern.naam if locatie.kern_id else ""),
                latitude=float(locatie.latitude),
                longitude=float(locatie.longitude),
                aanbod=list(aanbod or []),
            )
        )
    return plekken


def kaart_gegevens(plekken: list[Plek], *, met_links: bool = True) -> dict:
    """What static/js/kaart.js needs, passed as JSON in a non-executed script block."""
    return {
        "tegels": settings.KAART_TEGELS_URL,
        "attributie": "Kaart: Kadaster (PDOK)",
        "icoon": {
            "url": static("leaflet/images/marker-icon.png"),
            "url2x": static("leaflet/images/marker-icon-2x.png"),
            "schaduw": static("leaflet/images/marker-shadow.png"),
        },
        "plekken": [plek.als_json(met_links=met_links) for plek in plekken],
    }
