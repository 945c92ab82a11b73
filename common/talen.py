"""The language prefix of a resident page (/en/hulp/ -> "en", "/hulp/").

Dutch has no prefix; the other languages of settings.LANGUAGES do. Middleware
that looks at paths (the page cache, the search counter) strips the prefix, so
/en/hulp/ is treated like /hulp/."""

from django.conf import settings


def zonder_taal(pad: str) -> str:
    """The path without a language prefix: "/ar/check/" -> "/check/", "/en" -> "/"."""
    deel = pad.split("/", 2)
    andere = {code for code, _ in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    if len(deel) >= 2 and deel[1] in andere:
        return "/" + (deel[2] if len(deel) > 2 else "")
    return pad
