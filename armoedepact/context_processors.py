from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from armoedepact.regie.selectors import talen_nagekeken
from common.talen import zonder_taal


def site(request):
    return {
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "centraal_telefoonnummer": settings.CENTRAAL_TELEFOONNUMMER,
        "centraal_telefoon_link": "".join(ch for ch in settings.CENTRAAL_TELEFOONNUMMER if ch.isdigit()),
        **talen(request),
        "snel_weg": any(zonder_taal(request.path).startswith(p) for p in settings.SNEL_WEG_PADEN),
        "snel_weg_url": settings.SNEL_WEG_URL,
    }


def talen(request) -> dict:
    """The language switch: this page in every language, each language in its own name.

    Empty on pages that exist in Dutch only (the partner portal, /beheer/): their
    path does not change with the language."""
    huidig = translation.get_language() or settings.LANGUAGE_CODE
    pad = request.get_full_path()
    keuzes = []
    for code, naam in settings.LANGUAGES:
        url = translate_url(pad, code)
        keuzes.append(
            {
                "code": code,
                "naam": naam,
                "url": url,
                "huidig": code == huidig,
                "rtl": translation.get_language_info(code)["bidi"],
            }
        )
    vertaalbaar = len({k["url"] for k in keuzes}) > 1
    return {
        "andere_talen": keuzes if vertaalbaar else [],
        # Only pages with a language switch (the resident pages) ask; Dutch is the master text.
        "taal_nagekeken": huidig == settings.LANGUAGE_CODE or not vertaalbaar or huidig in talen_nagekeken(),
    }
