"""Exports of the pact: iCalendar (.ics) for meetings, the yearly agenda and the yearly overview as PDF."""

from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext

from common import pdf
from common.vertalingen import vertaling

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PDF_CSS = Path(__file__).resolve().parent / "pdf.css"
JAAROVERZICHT_CSS = Path(__file__).resolve().parent / "jaaroverzicht_pdf.css"


def bijeenkomsten_ics(bijeenkomsten: Iterable, *, basis_url: str, naam: str) -> bytes:
    """An iCalendar file with one VEVENT per meeting, times in Europe/Amsterdam (TZID + VTIMEZONE).

    In the active language: the title where the meeting has a translation, the fixed words
    and the link to the page in that language; the description (content without
    translations) stays Dutch and says so with LANGUAGE=nl."""
    import icalendar

    taal = get_language() or settings.LANGUAGE_CODE

    kalender = icalendar.Calendar()
    kalender.add("prodid", f"-//Armoedepact {settings.GEMEENTE_NAAM}//Bijeenkomsten//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("x-wr-calname", naam)
    kalender.add("x-wr-timezone", "Europe/Amsterdam")
    gestempeld = timezone.now()
    for bijeenkomst in bijeenkomsten:
        event = icalendar.Event()
        event.add("uid", f"bijeenkomst-{bijeenkomst.pk}@armoedepact.{settings.GEMEENTE_NAAM.lower()}")
        event.add("dtstamp", gestempeld)
        event.add("dtstart", bijeenkomst.start.astimezone(AMSTERDAM).replace(microsecond=0))
        event.add("dtend", bijeenkomst.eind.astimezone(AMSTERDAM).replace(microsecond=0))
        titel, vertaald = vertaling(bijeenkomst, "titel", taal)
        event.add("summary", titel, parameters={"language": taal if vertaald else settings.LANGUAGE_CODE})
        event.add("location", ", ".join(part for part in [bijeenkomst.plaats, bijeenkomst.adres] if part))
        beschrijving = [bijeenkomst.omschrijving]
        if bijeenkomst.agenda:
            beschrijving.append(gettext("Agenda") + ":\n" + bijeenkomst.agenda)
        event.add(
            "description",
            "\n\n".join(part for part in beschrijving if part),
            parameters={"language": settings.LANGUAGE_CODE},
        )
        pagina = reverse("werkgroepen:bijeenkomst", args=[bijeenkomst.pk])
        event.add("url", f"{basis_url.rstrip('/')}{pagina}")
        event.add("last-modified", bijeenkomst.gewijzigd_op)
        kalender.add_component(event)
    kalender.add_missing_timezones()
    return kalender.to_ical()


def agenda_pdf(context: dict) -> bytes:
    """Render the Lokale Sociale Agenda of one year as PDF; CSS is read from disk, nothing is fetched."""
    html = render_to_string("werkgroepen/agenda_pdf.html", context)
    return pdf.html_naar_pdf(html, stylesheets=[PDF_CSS], base_url=PDF_CSS.parent)


def jaaroverzicht_pdf(context: dict) -> bytes:
    """The coordinator's yearly overview as a tagged PDF: the agenda's print style with the
    overview's own footer and progress bars. `context` holds `overzicht`
    (werkgroepen.jaaroverzicht), `pact` and `basis_url`, the site's whole address, because
    paper cannot follow a bare path."""
    html = render_to_string("werkgroepen/jaaroverzicht_pdf.html", context)
    return pdf.html_naar_pdf(html, stylesheets=[PDF_CSS, JAAROVERZICHT_CSS], base_url=PDF_CSS.parent)
