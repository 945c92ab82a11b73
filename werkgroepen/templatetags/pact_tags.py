"""Numbers on the public pact pages in the page's language (babel, like the check):
45% in Dutch, %45 in Turkish, 45% read left to right inside Arabic; 2.150,5 in Dutch, 2,150.5 in English.

{% load pact_tags %}
{{ procent|procent }}   a whole percentage (0-100)
{{ naam|tussen_haakjes }} "(naam)" kept on one line
{% niveau pact "enkelvoud" as niveau %}  the pact's word for its parts ("pijler", "pad") in the page's language
{{ waarde|getal }}      a figure with at most two decimals
"""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_decimal, format_percent
from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, gettext

from common.vertalingen import vertaling

register = template.Library()


def _locale() -> str:
    return (get_language() or settings.LANGUAGE_CODE).replace("-", "_")


def _decimal(waarde) -> Decimal | None:
    try:
        return Decimal(str(waarde))
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def procent(waarde) -> str:
    getal = _decimal(waarde)
    if getal is None:
        return ""
    tekst = format_percent(getal / 100, locale=_locale())
    # In Arabic the digits after Arabic letters would become "Arabic numbers" and the sign
    # would jump to their other side (%13); a left-to-right mark keeps "13%" together, as
    # the locale's own percent sign (LRM % LRM) intends.
    return "\u200e" + tekst if get_language_bidi() else tekst


@register.filter
def getal(waarde) -> str:
    nummer = _decimal(waarde)
    if nummer is None:
        return ""
    return format_decimal(nummer, format="#,##0.##", locale=_locale())


@register.filter
def tussen_haakjes(tekst) -> str:
    """ "(tekst)" that stays together on one line: in a right-to-left line a Dutch name that
    moves to the next line otherwise leaves its opening bracket behind."""
    return format_html('<span class="wg-heel" dir="auto">({})</span>', tekst)


@register.simple_tag
def niveau(pact, getal="enkelvoud") -> str:
    """The pact's word for its parts in the page's language: the coordinator's translation
    (Pact.vertalingen), else the catalogue's for the default words "pijler" and "pijlers",
    else the Dutch word."""
    veld = "niveau_meervoud" if getal == "meervoud" else "niveau_enkelvoud"
    tekst, vertaald = vertaling(pact, veld)
    return tekst if vertaald else gettext(tekst)
