"""factory_boy factories for the pact, in the same style as tests/sociale_kaart/factories.py
(whose OrganisatieFactory and GebruikerFactory the pact tests use too)."""

from datetime import timedelta

import factory
from django.utils import timezone

from tests.sociale_kaart.factories import GebruikerFactory, OrganisatieFactory
from werkgroepen.models import Actiepunt, AgendaRonde, AgendaRondeStatus, Bijeenkomst, BijeenkomstSoort, Pijler

__all__ = [
    "ActiepuntFactory",
    "AgendaRondeFactory",
    "BijeenkomstFactory",
    "GebruikerFactory",
    "OrganisatieFactory",
    "PijlerFactory",
]


class PijlerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pijler
        django_get_or_create = ["slug"]

    slug = "netwerk"
    naam = "Netwerk"
    tekst = "Tekst."
    volgorde = 1


class ActiepuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actiepunt

    pijler = factory.SubFactory(PijlerFactory)
    titel = factory.Sequence(lambda n: f"Actiepunt {n}")
    jaar = factory.LazyFunction(lambda: timezone.localdate().year)
    trekker = None


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    """A meeting `dagen` days from now (negative: in the past), two hours long."""

    class Meta:
        model = Bijeenkomst

    class Params:
        dagen = 10

    titel = factory.Sequence(lambda n: f"Pactbijeenkomst {n}")
    soort = BijeenkomstSoort.PACTBIJEENKOMST
    plaats = "Dorpshuis"
    adres = "Hoofdstraat 1, Zuidhorn"
    start = factory.LazyAttribute(lambda o: timezone.now() + timedelta(days=o.dagen))
    eind = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))


class AgendaRondeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaRonde

    jaar = factory.LazyFunction(lambda: timezone.localdate().year)
    status = AgendaRondeStatus.OPEN
