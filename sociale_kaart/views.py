"""Public pages of the sociale kaart. Thin: selectors read, services write."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from common.middleware import parameters_bekend
from sociale_kaart import selectors, services
from sociale_kaart.zoeken.kaart import kaart_zoeken
from sociale_kaart.zoeken.plekken import kaart_gegevens
from sociale_kaart.zoeken.resultaten import aanbod_zoeken

# Parameters that say where a resident lives.
_PLAATS_PARAMETERS = ("kern", "postcode")


def _zonder_opslaan(response):
    """A page that shows where a resident lives is never kept in the page cache
    (its key is built from the address) nor by a shared proxy."""
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _met_plaats(request, resultaat) -> bool:
    return resultaat.bevat_plaats or any(request.GET.get(naam) for naam in _PLAATS_PARAMETERS)


# The query parameters the search and the map understand.
_BEKENDE_PARAMETERS = {
    "q",
    "thema",
    "doelgroep",
    "levensgebeurtenis",
    "kern",
    "gratis",
    "open",
    "afstand",
    "sorteer",
    "precies",
    "pagina",
    "postcode",
}


def _alleen_bekende_filters(request, resultaat) -> None:
    """Only a search whose every parameter and filter value we know may be kept in the page
    cache: an unknown thema or kern slug (a melding) or parameter would fill it with junk."""
    if resultaat.meldingen or resultaat.postcode_fout or not set(request.GET) <= _BEKENDE_PARAMETERS:
        return
    if not request.GET.get("pagina", "1").isdigit():
        return
    parameters_bekend(request)


def zoeken(request):
    resultaat = aanbod_zoeken(params=request.GET)
    if resultaat.doorsturen_naar is not None:
        # A postcode becomes its village at once: the postcode leaves the address bar and history.
        return _zonder_opslaan(redirect(request.path + resultaat.doorsturen_naar))
    _alleen_bekende_filters(request, resultaat)
    response = render(request, "sociale_kaart/zoeken.html", {"resultaat": resultaat})
    if resultaat.aantal == 0 and resultaat.zoekwoorden:
        services.zoekterm_zonder_resultaat_tellen(zoekterm=resultaat.zoektekst)
        # Not from a page cache: every search without results must be counted.
        patch_cache_control(response, private=True, no_cache=True)
    if _met_plaats(request, resultaat):
        _zonder_opslaan(response)
    return response


def kaart(request):
    kaart = kaart_zoeken(params=request.GET)
    if kaart.zoek.doorsturen_naar is not None:
        return _zonder_opslaan(redirect(request.path + kaart.zoek.doorsturen_naar))
    context = {
        "resultaat": kaart.zoek,
        "kaart": kaart,
        "kaart_gegevens": kaart_gegevens(kaart.plekken),
    }
    _alleen_bekende_filters(request, kaart.zoek)
    response = render(request, "sociale_kaart/kaart.html", context)
    if _met_plaats(request, kaart.zoek):
        _zonder_opslaan(response)
    return response


def aanbod_detail(request, slug):
    aanbod = selectors.aanbod_detail(slug=slug)
    gerelateerd = selectors.aanbod_gerelateerd(aanbod=aanbod)
    plekken = [] if aanbod.op_afstand else aanbod.plekken
    context = {
        "aanbod": aanbod,
        "gerelateerd": gerelateerd,
        "plekken": plekken,
        "kaart_gegevens": kaart_gegevens(plekken, met_links=False),
        "snel_weg": _gaat_over_geweld_of_schulden(aanbod),
        "over_geweld": _bevat_woord(aanbod, ("geweld", "onveilig")),
    }
    return render(request, "sociale_kaart/aanbod_detail.html", context)


def _bevat_woord(aanbod, woorden) -> bool:
    tekst = f"{aanbod.titel} {aanbod.wat_u_krijgt}".lower()
    return any(woord in tekst for woord in woorden)


def _gaat_over_geweld_of_schulden(aanbod) -> bool:
    """The pages about violence and debts get the "Snel weg" button (settings.SNEL_WEG_*)."""
    if any(thema.slug in settings.SNEL_WEG_THEMAS for thema in aanbod.themas.all()):
        return True
    return _bevat_woord(aanbod, settings.SNEL_WEG_WOORDEN)


def organisatie_detail(request, slug):
    organisatie = selectors.organisatie_detail(slug=slug)
    context = {
        "organisatie": organisatie,
        "plekken": organisatie.plekken,
        "kaart_gegevens": kaart_gegevens(organisatie.plekken, met_links=False),
    }
    return render(request, "sociale_kaart/organisatie_detail.html", context)
