"""The resident's "Laat mij bellen" flow on an aanbod page or a regeling in the
check result (soort "aanbod" or "regeling"), in every language of the site:

1. explanation (who, why, exactly which details) with a yes/no consent question;
   no consent -> a page with the phone number, nothing kept;
2. the details; 3. check your answers; 4. sent, with when to expect a call.

Nothing is stored before the resident presses "Verstuur" on the check page:
the details travel between steps as form fields (POST), not in the session
or a table. The check result is only attached when the resident ticks it."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from common.security import adres_sleutel, te_vaak
from common.vertalingen import vertaald_html, vertaling
from overdracht import selectors, services
from overdracht.forms import InwonerForm, ToestemmingForm
from overdracht.models import BesteTijd

VERZOEKEN_PER_UUR = 5

# The top floor passes in the function that summarises this browser's check
# result (regelingen is a sibling: this app cannot import it).
_uitslag_bron: Callable | None = None


def uitslag_bron_aansluiten(bron: Callable) -> None:
    global _uitslag_bron
    _uitslag_bron = bron


def _uitslag(request) -> str | None:
    return _uitslag_bron(request) if _uitslag_bron is not None else None


STAPPEN = ("uitleg", "geen_toestemming", "gegevens", "controleren", "versturen", "verstuurd")


def _urlnaam(soort: str, stap: str) -> str:
    return f"overdracht:{'regeling_' if soort == 'regeling' else ''}{stap}"


def _url(onderwerp: selectors.Onderwerp, stap: str) -> str:
    return reverse(_urlnaam(onderwerp.soort, stap), kwargs={"slug": onderwerp.slug})


def _context(onderwerp: selectors.Onderwerp, **extra) -> dict:
    return {
        "onderwerp": onderwerp,
        "organisatie": onderwerp.organisatie,
        # Names in the page's language: HTML (Dutch marked lang="nl") and plain text for <title>.
        "naam": vertaald_html(onderwerp.organisatie, "naam"),
        "naam_tekst": vertaling(onderwerp.organisatie, "naam")[0],
        "titel": vertaald_html(onderwerp.bron, onderwerp.bron_veld) if onderwerp.bron else onderwerp.titel,
        "urls": {stap: _url(onderwerp, stap) for stap in STAPPEN},
        **extra,
    }


@never_cache
@require_http_methods(["GET", "POST"])
def uitleg(request, slug, soort="aanbod"):
    onderwerp = selectors.onderwerp_voor_verzoek(soort=soort, slug=slug)
    form = ToestemmingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["toestemming"] == "nee":
            return redirect(_url(onderwerp, "geen_toestemming"))
        return redirect(_url(onderwerp, "gegevens") + "?toestemming=ja")
    return render(request, "overdracht/uitleg.html", _context(onderwerp, form=form))


@never_cache
def geen_toestemming(request, slug, soort="aanbod"):
    onderwerp = selectors.onderwerp_voor_verzoek(soort=soort, slug=slug)
    return render(request, "overdracht/geen_toestemming.html", _context(onderwerp))


@never_cache
@require_http_methods(["GET", "POST"])
def gegevens(request, slug, soort="aanbod"):
    """GET after consent; POST from "Wijzigen" on the check page (the form filled in again)."""
    onderwerp = selectors.onderwerp_voor_verzoek(soort=soort, slug=slug)
    met_uitslag = _uitslag(request) is not None
    if request.method == "POST":
        if request.POST.get("toestemming") != "ja":
            return redirect(_url(onderwerp, "uitleg"))
        initial = {k: request.POST.get(k, "") for k in ("naam", "telefoon", "email", "beste_tijd", "vraag")}
        initial["uitslag_meesturen"] = bool(request.POST.get("uitslag_meesturen"))
        form = InwonerForm(initial=initial, met_uitslag=met_uitslag)
    elif request.GET.get("toestemming") != "ja":
        return redirect(_url(onderwerp, "uitleg"))
    else:
        form = InwonerForm(met_uitslag=met_uitslag)
    return render(request, "overdracht/gegevens.html", _context(onderwerp, form=form))


@never_cache
@require_POST
def controleren(request, slug, soort="aanbod"):
    onderwerp = selectors.onderwerp_voor_verzoek(soort=soort, slug=slug)
    if request.POST.get("toestemming") != "ja":
        return redirect(_url(onderwerp, "uitleg"))
    uitslag = _uitslag(request)
    form = InwonerForm(request.POST, met_uitslag=uitslag is not None)
    if not form.is_valid():
        return render(request, "overdracht/gegevens.html", _context(onderwerp, form=form))
    data = form.cleaned_data
    meesturen = bool(data.get("uitslag_meesturen")) and uitslag is not None
    niet_ingevuld = _("Niet ingevuld")
    rijen = [
        (_("Naam"), data["naam"]),
        (_("Telefoonnummer"), data["telefoon"] or niet_ingevuld),
        (_("E-mailadres"), data["email"] or niet_ingevuld),
        (_("Beste tijd om te bellen"), BesteTijd(data["beste_tijd"]).label),
        (_("Uw vraag"), data["vraag"] or niet_ingevuld),
    ]
    if uitslag is not None:
        rijen.append((_("Uitslag van de check meesturen"), _("Ja") if meesturen else _("Nee")))
    verborgen = {**{k: data[k] for k in ("naam", "telefoon", "email", "beste_tijd", "vraag")}, "toestemming": "ja"}
    if meesturen:
        verborgen["uitslag_meesturen"] = "on"
    context = _context(onderwerp, rijen=rijen, verborgen=verborgen, uitslag=uitslag if meesturen else None)
    return render(request, "overdracht/controleren.html", context)


@never_cache
@require_POST
def versturen(request, slug, soort="aanbod"):
    onderwerp = selectors.onderwerp_voor_verzoek(soort=soort, slug=slug)
    if request.POST.get("toestemming") != "ja":
        return redirect(_url(onderwerp, "uitleg"))
    uitslag = _uitslag(request)
    form = InwonerForm(request.POST, met_uitslag=uitslag is not None)
    if not form.is_valid():
        return render(request, "overdracht/gegevens.html", _context(onderwerp, form=form))
    if te_vaak(soort="overdracht", sleutel=adres_sleutel(request), limiet=VERZOEKEN_PER_UUR, seconden=3600):
        form.add_error(
            None, _("U heeft in het afgelopen uur al een paar verzoeken gestuurd. Bel de organisatie liever.")
        )
        return render(request, "overdracht/gegevens.html", _context(onderwerp, form=form), status=429)
    meesturen = bool(form.cleaned_data.get("uitslag_meesturen")) and uitslag is not None
    try:
        services.verzoek_indienen(
            ontvanger=onderwerp.organisatie,
            aanbod=onderwerp.aanbod,
            onderwerp=onderwerp.titel if onderwerp.aanbod is None else "",
            gegevens=form.cleaned_data,
            uitslag=uitslag if meesturen else "",
            basis_url=request.build_absolute_uri("/"),
        )
    except ValidationError as error:
        form.add_error(None, " ".join(error.messages))
        return render(request, "overdracht/gegevens.html", _context(onderwerp, form=form))
    return redirect(_url(onderwerp, "verstuurd"))


@never_cache
def verstuurd(request, slug, soort="aanbod"):
    onderwerp = selectors.onderwerp_voor_verzoek(soort=soort, slug=slug)
    return render(request, "overdracht/verstuurd.html", _context(onderwerp))
