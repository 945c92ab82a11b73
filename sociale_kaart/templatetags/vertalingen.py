"""Content in the page's language (common/vertalingen.py), for every resident page.

{% load vertalingen %}
{% vertaald aanbod "titel" %}                  the text; Dutch marked lang="nl" when untranslated
{% vertaald aanbod "wat_u_krijgt" melding=True %}  ... plus the note "Alleen in het Nederlands"
{% vertaalde_lijst regeling "hoe_aanvragen" as stappen %}  one item per line
{% alleen_nl aanbod "titel" "wat_u_krijgt" %}  the note alone, when one of these fields is Dutch only
{% alleen_nl_melding %}                         the note, on every page not in Dutch
<p{% nl_inhoud %}>...</p>                       content that is never translated, marked lang="nl"
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from common.vertalingen import vertaald_html, vertaling

register = template.Library()


def _melding() -> str:
    return format_html('<span class="alleen-nl">({})</span>', gettext("alleen in het Nederlands"))


@register.simple_tag
def vertaald(obj, veld, melding=False):
    tekst = vertaald_html(obj, veld)
    if melding and not vertaling(obj, veld)[1]:
        return format_html("{} {}", tekst, _melding())
    return tekst


@register.simple_tag
def vertaalde_lijst(obj, veld):
    tekst, _ = vertaling(obj, veld)
    return [regel.strip() for regel in tekst.splitlines() if regel.strip()]


@register.simple_tag
def alleen_nl(obj, *velden):
    if obj is None or all(vertaling(obj, veld)[1] for veld in velden):
        return ""
    return format_html(
        '<p class="utrecht-paragraph alleen-nl" data-alleen-nl>{}</p>',
        gettext("Een deel van deze tekst is alleen in het Nederlands. Wij hebben het nog niet vertaald."),
    )


@register.simple_tag
def vertaling_van(obj, veld):
    """The plain text (translated, or the Dutch fallback), for filters like linebreaks."""
    return vertaling(obj, veld)[0]


@register.simple_tag
def nl_attr(obj, veld):
    """' lang="nl" dir="ltr"' on an element whose text falls back to Dutch."""
    return mark_safe(' lang="nl" dir="ltr"') if not vertaling(obj, veld)[1] else ""


@register.simple_tag
def nl_inhoud():
    """' lang="nl" dir="ltr"' on an element with content that has no translations at all
    (meeting reports, agenda contributions, lists of names), on a page in another language."""
    if (translation.get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE:
        return ""
    return mark_safe(' lang="nl" dir="ltr"')


@register.simple_tag
def alleen_nl_melding():
    """The note "only in Dutch" as a paragraph, on a page in another language."""
    if (translation.get_language() or settings.LANGUAGE_CODE) == settings.LANGUAGE_CODE:
        return ""
    return format_html(
        '<p class="utrecht-paragraph alleen-nl" data-alleen-nl>{}</p>',
        gettext("Een deel van deze tekst is alleen in het Nederlands. Wij hebben het nog niet vertaald."),
    )
