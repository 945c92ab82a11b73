"""Partner pages of the warm handover: the requests an organisation received
(open -> Geopend, accept, reject with a reason, close), the ones it sent (status
only), a referral to another organisation, and the organisation's settings.

Access: only members of the receiving organisation read a request's details;
members of the sending organisation see its status; everybody else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from overdracht import selectors, services
from overdracht.forms import BesluitForm, DoorverwijsForm, InstellingenForm
from overdracht.models import VerzoekStatus
from sociale_kaart.selectors import organisatie_van_gebruiker

ACTIES = {
    "accepteren": (VerzoekStatus.GEACCEPTEERD, "U heeft het verzoek geaccepteerd. Neem contact op met de inwoner."),
    "afwijzen": (VerzoekStatus.AFGEWEZEN, "U heeft het verzoek afgewezen."),
    "afronden": (VerzoekStatus.AFGEROND, "Het verzoek is afgerond. Na de bewaartermijn wissen wij de gegevens."),
}


@login_required
@never_cache
def verzoeken(request, slug):
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    context = {
        "organisatie": organisatie,
        "ontvangen": selectors.verzoeken_ontvangen(organisatie=organisatie),
        "verstuurd": selectors.verzoeken_verstuurd(organisatie=organisatie),
    }
    return render(request, "partner/verzoeken.html", context)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def verzoek(request, uuid):
    verzoek, ontvanger = selectors.verzoek_voor_gebruiker(user=request.user, uuid=uuid)
    if not ontvanger:
        if request.method == "POST":
            raise Http404("Verzoek niet gevonden")
        return render(request, "partner/verzoek_status.html", {"verzoek": verzoek})
    form = BesluitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        naar, bericht = ACTIES[form.cleaned_data["actie"]]
        try:
            services.verzoek_besluiten(verzoek=verzoek, naar=naar, door=request.user, reden=form.cleaned_data["reden"])
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, bericht)
            return redirect("partner:verzoek", uuid=verzoek.uuid)
    if request.method == "GET":
        verzoek = services.verzoek_inzien(verzoek=verzoek, door=request.user)
    return render(request, "partner/verzoek.html", {"verzoek": verzoek, "form": form, "Status": VerzoekStatus})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def doorverwijzen(request, slug):
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    organisaties = selectors.organisaties_die_ontvangen(behalve=organisatie)
    form = DoorverwijsForm(request.POST if request.method == "POST" else None, organisaties=organisaties)
    if request.method == "POST":
        # The two confirmations first: without them nothing is checked or kept.
        if not request.POST.get("toestemming_inwoner"):
            return redirect("partner:doorverwijzen_stop", slug=slug, reden="toestemming")
        if not request.POST.get("privacyverklaring_gedeeld"):
            return redirect("partner:doorverwijzen_stop", slug=slug, reden="privacyverklaring")
        if form.is_valid():
            try:
                nieuw = services.verzoek_indienen(
                    ontvanger=form.cleaned_data["ontvanger"],
                    gegevens=form.cleaned_data,
                    afzender=request.user,
                    afzender_organisatie=organisatie,
                    basis_url=request.build_absolute_uri("/"),
                )
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                messages.success(
                    request, f"Uw doorverwijzing is verstuurd naar {nieuw.ontvanger.naam}. Hier ziet u de status."
                )
                return redirect(reverse("partner:verzoeken", kwargs={"slug": slug}) + "#verstuurd")
    return render(request, "partner/doorverwijzen.html", {"organisatie": organisatie, "form": form})


@login_required
@never_cache
def doorverwijzen_stop(request, slug, reden):
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    if reden not in ("toestemming", "privacyverklaring"):
        raise Http404("Onbekende pagina")
    return render(request, "partner/doorverwijzen_stop.html", {"organisatie": organisatie, "reden": reden})


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def verzoeken_instellingen(request, slug):
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    initial = {
        "ontvangt_verzoeken": "ja" if organisatie.ontvangt_verzoeken else "nee",
        "verzoeken_email": organisatie.verzoeken_email,
    }
    form = InstellingenForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.instellingen_opslaan(organisatie=organisatie, **form.cleaned_data)
        messages.success(request, "Uw instellingen zijn opgeslagen.")
        return redirect("partner:verzoeken", slug=slug)
    return render(request, "partner/verzoeken_instellingen.html", {"organisatie": organisatie, "form": form})
