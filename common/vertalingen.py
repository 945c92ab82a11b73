"""Translations of content, per field, in one JSON column `vertalingen`:

    {"en": {"naam": "Food bank", "omschrijving": "..."}, "ar": {...}}

The Dutch text stays in the model's own fields and is the master. A field
without a translation in the page's language shows the Dutch text, marked
lang="nl", with a short note in the page's language (the `vertalingen`
template tags in sociale_kaart/templatetags/). Partners and the coordinator
enter translations; nothing is sent to a translation service.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.deconstruct import deconstructible
from django.utils.html import format_html
from django.utils.safestring import SafeString

MAX_LENGTE = 5000


@deconstructible
class VertalingenValidator:
    """Only languages of settings.TAAL_NAMEN (not Dutch), only the given fields, only text."""

    def __init__(self, velden: tuple[str, ...]):
        self.velden = tuple(velden)

    def __call__(self, waarde) -> None:
        if not isinstance(waarde, dict):
            raise ValidationError('Vul de vertalingen in als {"en": {"veld": "tekst"}}.')
        for taal, teksten in waarde.items():
            if taal == settings.LANGUAGE_CODE or taal not in settings.TAAL_NAMEN:
                talen = ", ".join(t for t in settings.TAAL_NAMEN if t != settings.LANGUAGE_CODE)
                raise ValidationError(f"'{taal}' is geen taal voor een vertaling. Kies uit: {talen}.")
            if not isinstance(teksten, dict):
                raise ValidationError(f'Vul de vertaling voor \'{taal}\' in als {{"veld": "tekst"}}.')
            for veld, tekst in teksten.items():
                if veld not in self.velden:
                    raise ValidationError(
                        f"'{veld}' kan niet vertaald worden. Vertaal alleen: {', '.join(self.velden)}."
                    )
                if not isinstance(tekst, str) or len(tekst) > MAX_LENGTE:
                    raise ValidationError(
                        f"De vertaling van '{veld}' ({taal}) moet tekst zijn van hoogstens {MAX_LENGTE} tekens."
                    )

    def __eq__(self, other):
        return isinstance(other, VertalingenValidator) and self.velden == other.velden


def vertalingen_veld(*velden: str) -> models.JSONField:
    return models.JSONField(
        "vertalingen",
        default=dict,
        blank=True,
        validators=[VertalingenValidator(velden)],
        help_text=(
            "Vertalingen per taal en per veld, bijvoorbeeld "
            '{"en": {"' + velden[0] + '": "..."}, "ar": {"' + velden[0] + '": "..."}}. '
            f"Velden: {', '.join(velden)}. Zonder vertaling ziet de inwoner de Nederlandse tekst."
        ),
    )


def vertaling(obj, veld: str, taal: str | None = None) -> tuple[str, bool]:
    """(text, is_vertaald) of one field in `taal` (default: the active language).

    is_vertaald is False when the Dutch text shows on a page in another language."""
    taal = taal or translation.get_language() or settings.LANGUAGE_CODE
    nederlands = getattr(obj, veld, "") or ""
    if taal == settings.LANGUAGE_CODE:
        return nederlands, True
    teksten = (getattr(obj, "vertalingen", None) or {}).get(taal) or {}
    tekst = teksten.get(veld) if isinstance(teksten, dict) else None
    if isinstance(tekst, str) and tekst.strip():
        return tekst, True
    return nederlands, not nederlands


def vertaald_html(obj, veld: str) -> SafeString | str:
    """The field in the page's language for HTML: the Dutch fallback marked lang="nl"."""
    tekst, is_vertaald = vertaling(obj, veld)
    if is_vertaald:
        return tekst
    return format_html('<span lang="nl" dir="ltr">{}</span>', tekst)
