"""E-mail messages in plain text and HTML from one pair of templates.

`templates/berichten/<naam>.txt` and `.html` extend a base that always ends
with why the reader gets the message and how to change that (context keys
`waarom` and `wijzigen`). The subject is passed in. Messages are sent after
the current transaction commits, so a rolled-back change sends nothing."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string


def bericht_maken(*, aan: Iterable[str], onderwerp: str, sjabloon: str, context: dict) -> EmailMultiAlternatives:
    context = {"gemeente": settings.GEMEENTE_NAAM, "telefoon": settings.CENTRAAL_TELEFOONNUMMER, **context}
    tekst = render_to_string(f"berichten/{sjabloon}.txt", context)
    html = render_to_string(f"berichten/{sjabloon}.html", context)
    bericht = EmailMultiAlternatives(subject=onderwerp, body=tekst, to=sorted(set(aan)))
    bericht.attach_alternative(html, "text/html")
    return bericht


def bericht_sturen(*, aan: Iterable[str], onderwerp: str, sjabloon: str, context: dict) -> bool:
    """Send after commit; False (and nothing sent) when there is nobody to send to."""
    adressen = sorted({a for a in aan if a})
    if not adressen:
        return False
    bericht = bericht_maken(aan=adressen, onderwerp=onderwerp, sjabloon=sjabloon, context=context)
    transaction.on_commit(bericht.send)
    return True
