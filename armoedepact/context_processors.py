from django.conf import settings


def site(request):
    return {
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "centraal_telefoonnummer": settings.CENTRAAL_TELEFOONNUMMER,
        "centraal_telefoon_link": "".join(ch for ch in settings.CENTRAAL_TELEFOONNUMMER if ch.isdigit()),
    }
