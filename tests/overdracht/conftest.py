import pytest

from tests.sociale_kaart.factories import AanbodFactory, GebruikerFactory, OrganisatieFactory


@pytest.fixture
def ontvanger(db):
    """SchuldHulpMaatje: receives requests; one member with an account."""
    return OrganisatieFactory(naam="SchuldHulpMaatje", slug="schuldhulpmaatje", ontvangt_verzoeken=True)


@pytest.fixture
def aanbod(ontvanger):
    return AanbodFactory(organisatie=ontvanger, titel="Hulp bij schulden", slug="hulp-bij-schulden")


@pytest.fixture
def medewerker(ontvanger):
    return GebruikerFactory(organisatie=ontvanger, username="maatje@schuldhulpmaatje.example")


@pytest.fixture
def andere_org(db):
    return OrganisatieFactory(naam="Sociaal Werk De Schans", slug="de-schans")


@pytest.fixture
def collega(andere_org):
    return GebruikerFactory(organisatie=andere_org, username="werker@deschans.example")


GEGEVENS = {
    "naam": "Jan de Vries",
    "telefoon": "06 12345678",
    "email": "jan@voorbeeld.nl",
    "beste_tijd": "ochtend",
    "vraag": "Ik heb schulden en weet niet waar ik moet beginnen.",
}
