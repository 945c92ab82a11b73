"""Small builders for the pact tests (plain functions: fewer moving parts than factories)."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from sociale_kaart.models import Lidmaatschap, Organisatie, Rol, Status
from werkgroepen.models import Actiepunt, AgendaRonde, AgendaRondeStatus, Bijeenkomst, BijeenkomstSoort, Pijler

_teller = itertools.count(1)


def organisatie(naam=None, **velden) -> Organisatie:
    n = next(_teller)
    naam = naam or f"Organisatie {n}"
    velden.setdefault("slug", f"org-{n}")
    velden.setdefault("korte_omschrijving", "Wij helpen inwoners.")
    velden.setdefault("status", Status.GEPUBLICEERD)
    return Organisatie.objects.create(naam=naam, **velden)


def gebruiker(org=None, email=None, rol=Rol.MEDEWERKER):
    email = email or f"user{next(_teller)}@example.org"
    user = get_user_model().objects.create_user(username=email, email=email, password="Een-lang-wachtwoord-42")
    if org is not None:
        Lidmaatschap.objects.create(gebruiker=user, organisatie=org, rol=rol)
    return user


def pijler(slug="netwerk", naam="Netwerk", volgorde=1) -> Pijler:
    return Pijler.objects.get_or_create(slug=slug, defaults={"naam": naam, "tekst": "Tekst.", "volgorde": volgorde})[0]


def actiepunt(trekker=None, **velden) -> Actiepunt:
    velden.setdefault("pijler", pijler())
    velden.setdefault("titel", f"Actiepunt {next(_teller)}")
    velden.setdefault("jaar", timezone.localdate().year)
    return Actiepunt.objects.create(trekker=trekker, **velden)


def bijeenkomst(dagen=10, **velden) -> Bijeenkomst:
    start = velden.pop("start", timezone.now() + timedelta(days=dagen))
    velden.setdefault("titel", f"Pactbijeenkomst {next(_teller)}")
    velden.setdefault("soort", BijeenkomstSoort.PACTBIJEENKOMST)
    velden.setdefault("plaats", "Dorpshuis")
    velden.setdefault("adres", "Hoofdstraat 1, Zuidhorn")
    return Bijeenkomst.objects.create(start=start, eind=velden.pop("eind", start + timedelta(hours=2)), **velden)


def ronde(jaar=None, status=AgendaRondeStatus.OPEN) -> AgendaRonde:
    return AgendaRonde.objects.create(jaar=jaar or timezone.localdate().year, status=status)
