"""Public pages of the sociale kaart. Thin: selectors read, services write."""

from django.shortcuts import render
from django.utils.cache import patch_cache_control

from sociale_kaart import selectors, services


def zoeken(request):
    resultaat = selectors.aanbod_zoeken(params=request.GET)
    response = render(request, "sociale_kaart/zoeken.html", {"resultaat": resultaat})
    if resultaat.aantal == 0 and resultaat.zoekwoorden:
        services.zoekterm_zonder_resultaat_tellen(zoekterm=resultaat.zoektekst)
        # Not from a page cache: every search without results must be counted.
        patch_cache_control(response, private=True, no_cache=True)
    return response


def aanbod_detail(request, slug):
    aanbod = selectors.aanbod_detail(slug=slug)
    gerelateerd = selectors.aanbod_gerelateerd(aanbod=aanbod)
    return render(request, "sociale_kaart/aanbod_detail.html", {"aanbod": aanbod, "gerelateerd": gerelateerd})


def organisatie_detail(request, slug):
    organisatie = selectors.organisatie_detail(slug=slug)
    return render(request, "sociale_kaart/organisatie_detail.html", {"organisatie": organisatie})
