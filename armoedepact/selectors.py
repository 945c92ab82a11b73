"""Reads about partner accounts, used by every app's partner pages."""

from django.db.models import QuerySet

from armoedepact.models import Lidmaatschap, Rol


def organisaties_van_gebruiker(*, user) -> QuerySet:
    """The organisations a user may act for (none for anonymous users)."""
    from sociale_kaart.models import Organisatie

    if not user.is_authenticated:
        return Organisatie.objects.none()
    return Organisatie.objects.filter(lidmaatschappen__gebruiker=user).distinct()


def gebruiker_is_lid(*, user, organisatie, rol: str | None = None) -> bool:
    if not user.is_authenticated:
        return False
    filters = {"gebruiker": user, "organisatie": organisatie}
    if rol is not None:
        filters["rol"] = rol
    return Lidmaatschap.objects.filter(**filters).exists()


def gebruiker_is_beheerder(*, user, organisatie) -> bool:
    return gebruiker_is_lid(user=user, organisatie=organisatie, rol=Rol.BEHEERDER)
