"""A small Westerkwartier for the distance and map tests: real village centres,
places at known spots, and aanbod of every kind (with places, with kernen only,
in the whole gemeente, by phone)."""

from decimal import Decimal

import pytest

from sociale_kaart.models import Kern, Locatie, Postcodegebied
from tests.sociale_kaart.factories import AanbodFactory, OrganisatieFactory, ThemaFactory

KERNEN = {
    "Leek": (53.1628, 6.3764),
    "Tolbert": (53.1667, 6.3625),
    "Zevenhuizen": (53.1411, 6.3386),
    "Marum": (53.1436, 6.2625),
    "Zuidhorn": (53.2467, 6.4036),
    "Grootegast": (53.2117, 6.2706),
    "Ezinge": (53.3050, 6.4458),
}


def _graden(waarde: float) -> Decimal:
    return Decimal(str(waarde)).quantize(Decimal("0.000001"))


@pytest.fixture
def dorpen(db) -> dict[str, Kern]:
    return {
        naam: Kern.objects.create(naam=naam, slug=naam.lower(), latitude=_graden(lat), longitude=_graden(lon))
        for naam, (lat, lon) in KERNEN.items()
    }


@pytest.fixture
def westerkwartier(dorpen):
    """Aanbod named after where it is. Returns the aanbod by title."""
    thema = ThemaFactory(naam="Geld en schulden")
    Postcodegebied.objects.create(postcode="9351", kern=dorpen["Leek"])
    Postcodegebied.objects.create(postcode="9801", kern=dorpen["Zuidhorn"])

    def plek(organisatie, naam, kern, lat, lon):
        return Locatie.objects.create(
            organisatie=organisatie,
            naam=naam,
            straat="Voorbeeldstraat 1",
            postcode="9999 XX",
            plaats=kern.naam,
            kern=kern,
            latitude=_graden(lat),
            longitude=_graden(lon),
        )

    alles = {}

    def aanbod(titel, *, locaties=(), kernen=(), **velden):
        a = AanbodFactory(titel=titel, themas=[thema], kernen=list(kernen), **velden)
        a.locaties.set(locaties)
        alles[titel] = a
        return a

    schans = OrganisatieFactory(naam="Sociaal Werk De Schans")
    leek_kantoor = plek(schans, "Kantoor Leek", dorpen["Leek"], 53.1610, 6.3790)
    tolbert_kantoor = plek(schans, "Buurthuis Tolbert", dorpen["Tolbert"], 53.1680, 6.3600)
    zuidhorn_kantoor = plek(schans, "Kantoor Zuidhorn", dorpen["Zuidhorn"], 53.2450, 6.4060)
    voedselbank = OrganisatieFactory(naam="Voedselbank Marum")
    marum_kantoor = plek(voedselbank, "Uitgifte Marum", dorpen["Marum"], 53.1440, 6.2600)
    ezinge = plek(OrganisatieFactory(naam="Dorpshuis Ezinge"), "Dorpshuis", dorpen["Ezinge"], 53.3040, 6.4470)

    aanbod("Spreekuur in Leek", locaties=[leek_kantoor], kernen=[dorpen["Leek"]])
    aanbod("Koffie in Tolbert", locaties=[tolbert_kantoor], kernen=[dorpen["Tolbert"]])
    # Two places: the nearest one counts.
    aanbod("Schuldhulp Zuidhorn en Leek", locaties=[zuidhorn_kantoor, leek_kantoor], kernen=[dorpen["Zuidhorn"]])
    aanbod("Voedselbank Marum", locaties=[marum_kantoor], kernen=[dorpen["Marum"]])
    aanbod("Taalcafe Ezinge", locaties=[ezinge], kernen=[dorpen["Ezinge"]])
    # No address: the centre of its kern counts.
    aanbod("Klusjes in Zevenhuizen", kernen=[dorpen["Zevenhuizen"]])
    aanbod("Fietsen in Grootegast", kernen=[dorpen["Grootegast"]])
    # No place at all: stays in the list, marked.
    aanbod("Thuisadministratie", heel_de_gemeente=True, op_afstand=True)
    aanbod("Belcirkel", op_afstand=True)
    # The whole gemeente, with an office in Zuidhorn.
    aanbod("Gemeentelijke regeling", heel_de_gemeente=True, locaties=[zuidhorn_kantoor])
    return alles
