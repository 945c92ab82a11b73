"""factory_boy factories for the sociale kaart. Published by default, with the
search vector computed, so a test sees what a resident would see."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from sociale_kaart import services
from sociale_kaart.models import (
    Aanbod,
    Doelgroep,
    Kern,
    Kosten,
    Levensgebeurtenis,
    Lidmaatschap,
    Locatie,
    Openingstijd,
    Organisatie,
    Rol,
    Status,
    Synoniem,
    Thema,
)


class KernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kern
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Dorp {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class _TaxonomieFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"Onderwerp {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))


class ThemaFactory(_TaxonomieFactory):
    class Meta:
        model = Thema


class DoelgroepFactory(_TaxonomieFactory):
    class Meta:
        model = Doelgroep


class LevensgebeurtenisFactory(_TaxonomieFactory):
    class Meta:
        model = Levensgebeurtenis


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Stichting Hulp {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.naam))
    korte_omschrijving = "Wij helpen mensen in de buurt. Bel ons gerust."
    telefoon = "0594 - 00 11 22"
    email = factory.LazyAttribute(lambda o: f"info@{o.slug}.example")
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example")
    status = Status.GEPUBLICEERD
    laatst_gecontroleerd = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie

    organisatie = factory.SubFactory(OrganisatieFactory)
    naam = "Buurthuis"
    straat = "Voorbeeldstraat 1"
    postcode = "9999 ZZ"
    plaats = "Leek"


class AanbodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbod
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory)
    titel = factory.Sequence(lambda n: f"Hulp nummer {n}")
    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.titel)}-{n}")
    wat_u_krijgt = "U krijgt een gesprek. Samen kijken we wat u nodig heeft."
    voor_wie = "Voor iedereen in de gemeente."
    kosten = Kosten.GRATIS
    status = Status.GEPUBLICEERD
    laatst_gecontroleerd = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create and extracted:
            self.themas.set(extracted)

    @factory.post_generation
    def doelgroepen(self, create, extracted, **kwargs):
        if create and extracted:
            self.doelgroepen.set(extracted)

    @factory.post_generation
    def levensgebeurtenissen(self, create, extracted, **kwargs):
        if create and extracted:
            self.levensgebeurtenissen.set(extracted)

    @factory.post_generation
    def kernen(self, create, extracted, **kwargs):
        if create and extracted:
            self.kernen.set(extracted)

    @factory.post_generation
    def zoekvector(self, create, extracted, **kwargs):
        if create:
            services.aanbod_zoekvector_bijwerken(aanbod_ids=[self.pk])


class OpeningstijdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Openingstijd

    aanbod = factory.SubFactory(AanbodFactory)
    weekdag = 0
    van = datetime.time(9, 0)
    tot = datetime.time(12, 0)


class SynoniemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Synoniem
        django_get_or_create = ["woord"]

    woord = "eten"
    zoekt_ook = "voedselbank"


class GebruikerFactory(factory.django.DjangoModelFactory):
    """A partner user; `organisatie=` (and `rol=`) make them a member of it."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    email = factory.LazyAttribute(lambda o: o.username)

    @classmethod
    def _create(cls, model_class, *args, organisatie=None, rol=Rol.MEDEWERKER, **kwargs):
        kwargs.setdefault("password", "Een-lang-wachtwoord-42")
        user = model_class.objects.create_user(*args, **kwargs)
        if organisatie is not None:
            Lidmaatschap.objects.create(gebruiker=user, organisatie=organisatie, rol=rol)
        return user
