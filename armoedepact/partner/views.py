"""Partner portal views: the organisation and its aanbod (/partner/...) and the
pact (/pact/partner/...). Thin: access via the access functions (404 for other
organisations' objects), writes via services. Accounts: armoedepact.partner.account."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.views.decorators.http import require_http_methods, require_POST

from armoedepact.correcties import selectors as correctie_selectors
from armoedepact.correcties import services as correctie_services
from armoedepact.models import Revisie
from armoedepact.partner import pact_services, selectors, services
from armoedepact.partner.forms import B1_VELDEN, AanbodForm, LocatieForm, OrganisatieForm
from armoedepact.partner.leesbaarheid import advies as advies_tekst
from armoedepact.partner.leesbaarheid import advies_per_veld
from sociale_kaart.models import VERIFICATIE_VELDEN, Aanbod, Locatie, Status
from sociale_kaart.selectors import (
    collegas_per_organisatie,
    collegas_van,
    is_beheerder,
    organisatie_als_beheerder,
    organisatie_van_gebruiker,
)
from werkgroepen import bijeenkomst_services
from werkgroepen import selectors as werkgroepen_selectors
from werkgroepen import services as werkgroepen_services
from werkgroepen.forms import AgendaForm, VoortgangForm
from werkgroepen.models import AanmeldingStatus, AgendaRondeStatus

WACHT_BERICHT = (
    "Uw wijziging is opgeslagen. De coördinator kijkt er nog naar. Tot die tijd ziet iedereen nog de oude tekst."
)
DIRECT_BERICHT = "Uw wijziging is opgeslagen."


def _b1_tips(form) -> list:
    velden = {}
    for name in B1_VELDEN:
        if name in form.fields:
            waarde = form.data.get(name) if form.is_bound else form.initial.get(name, "")
            velden[name] = (str(form.fields[name].label), waarde or "")
    return advies_per_veld(velden)


@login_required
def dashboard(request, slug):
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    context = selectors.dashboard(organisatie=organisatie)
    context["verificatie_keuzes"] = [(naam, label) for naam, label, _ in VERIFICATIE_VELDEN]
    context["is_beheerder"] = is_beheerder(user=request.user, organisatie=organisatie)
    return render(request, "partner/dashboard.html", context)


@login_required
def organisatie_bewerken(request, slug):
    organisatie = organisatie_als_beheerder(user=request.user, slug=slug)
    wacht = selectors.wachtende_revisie(organisatie=organisatie)
    if request.method == "POST":
        form = OrganisatieForm(request.POST, instance=organisatie)
        if form.is_valid():
            revisie = services.organisatie_opslaan(form=form, door=request.user)
            messages.success(request, WACHT_BERICHT if revisie else DIRECT_BERICHT)
            return redirect(f"{request.path}?opgeslagen=1")
    elif wacht is not None:
        form = OrganisatieForm(data=MultiValueDict(wacht.data), instance=organisatie)
    else:
        form = OrganisatieForm(instance=organisatie)
    toon_tips = request.method == "POST" or "opgeslagen" in request.GET
    return render(
        request,
        "partner/organisatie_form.html",
        {"form": form, "organisatie": organisatie, "wacht": wacht, "tips": _b1_tips(form) if toon_tips else []},
    )


def _aanbod_formulier(request, *, organisatie, aanbod: Aanbod | None):
    wacht = selectors.wachtende_revisie(aanbod=aanbod) if aanbod else None
    instance = aanbod or Aanbod()
    if request.method == "POST":
        form = AanbodForm(request.POST, instance=instance)
        if form.is_valid():
            revisie = services.aanbod_opslaan(form=form, organisatie=organisatie, door=request.user)
            messages.success(request, WACHT_BERICHT if revisie else DIRECT_BERICHT)
            return redirect(reverse("partner:aanbod_bewerken", kwargs={"uuid": form.instance.uuid}) + "?opgeslagen=1")
    elif wacht is not None:
        form = AanbodForm(data=MultiValueDict(wacht.data), instance=instance)
    else:
        form = AanbodForm(instance=instance)
    toon_tips = request.method == "POST" or "opgeslagen" in request.GET
    return render(
        request,
        "partner/aanbod_form.html",
        {
            "form": form,
            "organisatie": organisatie,
            "aanbod": aanbod,
            "wacht": wacht,
            "tips": _b1_tips(form) if toon_tips else [],
        },
    )


@login_required
def aanbod_nieuw(request, slug):
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    return _aanbod_formulier(request, organisatie=organisatie, aanbod=None)


@login_required
def aanbod_bewerken(request, uuid):
    aanbod = selectors.aanbod_get_for_user(user=request.user, uuid=uuid)
    if aanbod.status == Status.GEARCHIVEERD:
        messages.info(request, "Dit aanbod is gearchiveerd. Zet het eerst terug als u het wilt aanpassen.")
        return redirect("partner:dashboard", slug=aanbod.organisatie.slug)
    return _aanbod_formulier(request, organisatie=aanbod.organisatie, aanbod=aanbod)


@login_required
def locaties(request, slug):
    """The organisation's locations: address, hours, contact; add, change, remove (beheerder and medewerker)."""
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    rijen, nieuw_wachtend = selectors.locaties_van(organisatie=organisatie)
    return render(
        request,
        "partner/locaties.html",
        {"organisatie": organisatie, "locaties": rijen, "nieuw_wachtend": nieuw_wachtend},
    )


def _locatie_formulier(request, *, organisatie, locatie):
    instance = locatie or Locatie(organisatie=organisatie)
    if request.method == "POST":
        form = LocatieForm(request.POST, instance=instance)
        if form.is_valid():
            revisie = services.locatie_opslaan(form=form, organisatie=organisatie, door=request.user)
            messages.success(request, WACHT_BERICHT if revisie else DIRECT_BERICHT)
            return redirect("partner:locaties", slug=organisatie.slug)
    else:
        form = LocatieForm(instance=instance)
    return render(request, "partner/locatie_form.html", {"form": form, "organisatie": organisatie, "locatie": locatie})


@login_required
def locatie_nieuw(request, slug):
    organisatie = organisatie_van_gebruiker(user=request.user, slug=slug)
    return _locatie_formulier(request, organisatie=organisatie, locatie=None)


@login_required
def locatie_bewerken(request, uuid):
    locatie = selectors.locatie_get_for_user(user=request.user, uuid=uuid)
    return _locatie_formulier(request, organisatie=locatie.organisatie, locatie=locatie)


@login_required
@require_http_methods(["GET", "POST"])
def locatie_verwijderen(request, uuid):
    locatie = selectors.locatie_get_for_user(user=request.user, uuid=uuid)
    if request.method == "POST":
        revisie = services.locatie_verwijderen(locatie=locatie, door=request.user)
        messages.success(
            request,
            "De coördinator kijkt nog naar het verwijderen. Tot die tijd staat de locatie nog op de website."
            if revisie
            else "De locatie is verwijderd.",
        )
        return redirect("partner:locaties", slug=locatie.organisatie.slug)
    return render(request, "partner/locatie_verwijderen.html", {"locatie": locatie, "organisatie": locatie.organisatie})


@login_required
@require_POST
def organisatie_klopt(request, slug):
    organisatie = organisatie_als_beheerder(user=request.user, slug=slug)
    services.alles_klopt(item=organisatie, door=request.user)
    messages.success(request, f"Dank u. De gegevens van {organisatie.naam} zijn gecontroleerd.")
    return redirect("partner:dashboard", slug=organisatie.slug)


@login_required
@require_POST
def aanbod_klopt(request, uuid):
    aanbod = selectors.aanbod_get_for_user(user=request.user, uuid=uuid)
    if "deel" in request.POST:  # only some fields ("Alleen een deel bevestigen")
        try:
            services.velden_bevestigen(aanbod=aanbod, velden=request.POST.getlist("veld"), door=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Dank u. Wat u aanvinkte bij '{aanbod.titel}' is bevestigd.")
        return redirect("partner:dashboard", slug=aanbod.organisatie.slug)
    services.alles_klopt(item=aanbod, door=request.user)
    messages.success(request, f"Dank u. '{aanbod.titel}' is gecontroleerd.")
    return redirect("partner:dashboard", slug=aanbod.organisatie.slug)


@login_required
@require_POST
def correctie_afgehandeld(request, pk):
    correctie = correctie_selectors.correctie_van_gebruiker(user=request.user, pk=pk)
    try:
        correctie_services.correctie_afhandelen(correctie=correctie, door=request.user)
        messages.success(request, f"Dank u. De melding over '{correctie.naam}' is afgehandeld.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("partner:dashboard", slug=correctie.organisatie.slug)


@login_required
def aanbod_archiveren(request, uuid):
    aanbod = selectors.aanbod_get_for_user(user=request.user, uuid=uuid)
    if request.method == "POST":
        nieuw = Status.CONCEPT if aanbod.status == Status.GEARCHIVEERD else Status.GEARCHIVEERD
        try:
            services.aanbod_status_zetten(aanbod=aanbod, status=nieuw, door=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if nieuw == Status.GEARCHIVEERD:
                messages.success(request, f"'{aanbod.titel}' is gearchiveerd. Inwoners zien het niet meer.")
            else:
                messages.success(
                    request,
                    f"'{aanbod.titel}' is terug uit het archief."
                    + (
                        ""
                        if aanbod.organisatie.vertrouwd
                        else " De coördinator kijkt er nog naar. Daarna staat het weer op de website."
                    ),
                )
        return redirect("partner:dashboard", slug=aanbod.organisatie.slug)
    return render(request, "partner/archiveren.html", {"aanbod": aanbod})


@login_required
def revisie(request, pk):
    revisie = selectors.revisie_get_for_user(user=request.user, pk=pk)
    verschillen = services.revisie_verschillen(revisie) if revisie.status == "wacht" else []
    return render(request, "partner/revisie.html", {"revisie": revisie, "verschillen": verschillen, "Revisie": Revisie})


@login_required
@require_POST
def b1_advies(request):
    """The B1 hint while typing: JSON with the readability of one text (not stored, not logged)."""
    tekst = request.POST.get("tekst", "")[:5000]
    advies = advies_tekst(tekst)
    return JsonResponse(
        {
            "score": None if advies.score is None else round(advies.score),
            "uitleg": advies.uitleg,
            "lange_zinnen": [" ".join(zin.split()[:25]) for zin in advies.lange_zinnen],
            "lange_woorden": advies.lange_woorden,
        }
    )


# --- The pact (/pact/partner/) ------------------------------------------------------


@login_required
def pact_overzicht(request):
    nu = timezone.now()
    overzicht = werkgroepen_selectors.partner_overzicht(user=request.user, nu=nu)
    # Colleagues the user can sign up for a meeting too (issue 20), one query for all organisations.
    collegas = collegas_per_organisatie(
        organisaties=[po.organisatie for po in overzicht.organisaties], behalve=request.user
    )
    for po in overzicht.organisaties:
        po.collegas = collegas.get(po.organisatie.pk, [])
    peilingen = list(werkgroepen_selectors.peilingen_open())
    context = {"overzicht": overzicht, "nu": nu, "peilingen": peilingen}
    return render(request, "partner/pact_overzicht.html", context)


def _aanmelden_bericht(request, *, bijeenkomst, resultaat, naam: str | None) -> None:
    wie = "U" if naam is None else naam
    status = resultaat.aanmelding.status
    if not resultaat.gewijzigd:
        messages.info(request, f"{wie} was al aangemeld voor {bijeenkomst.titel}. Er is niets veranderd.")
    elif status == AanmeldingStatus.WACHTLIJST:
        messages.info(
            request,
            f"{bijeenkomst.titel} is vol. {wie} staat op de wachtlijst. Komt er een plaats vrij? Dan krijgt "
            f"{'u' if naam is None else naam} die.",
        )
    else:
        messages.success(request, f"{'U bent' if naam is None else naam + ' is'} aangemeld voor {bijeenkomst.titel}.")


@login_required
@require_POST
def pact_aanmelden(request, organisatie_pk, pk):
    """Sign up yourself and/or colleagues of the same organisation (the form sends `wie`:
    "zelf" and colleagues' user ids; without `wie`, as before, only yourself)."""
    organisatie = organisatie_van_gebruiker(user=request.user, pk=organisatie_pk)
    bijeenkomst = werkgroepen_selectors.bijeenkomst_voor_partner_get(pk=pk)
    gekozen = request.POST.getlist("wie") if "formulier" in request.POST else ["zelf"]
    toegestaan = {str(u.pk): u for u in collegas_van(organisatie=organisatie, behalve=request.user)}
    personen = [(request.user, None)] if "zelf" in gekozen else []
    personen += [
        (toegestaan[k], toegestaan[k].get_full_name() or toegestaan[k].email) for k in gekozen if k in toegestaan
    ]
    if not personen:
        messages.error(request, "Kies wie er komt: uzelf, een collega of allebei.")
    for gebruiker, naam in personen:
        try:
            resultaat = werkgroepen_services.aanmelden(
                bijeenkomst=bijeenkomst, organisatie=organisatie, gebruiker=gebruiker
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            break
        _aanmelden_bericht(request, bijeenkomst=bijeenkomst, resultaat=resultaat, naam=naam)
    return redirect(reverse("partner:pact") + "#bijeenkomsten")


@login_required
@require_POST
def pact_afmelden(request, organisatie_pk, pk):
    organisatie_van_gebruiker(user=request.user, pk=organisatie_pk)
    bijeenkomst = werkgroepen_selectors.bijeenkomst_voor_partner_get(pk=pk)
    try:
        aanmelding = werkgroepen_services.afmelden(bijeenkomst=bijeenkomst, gebruiker=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if aanmelding is None:
            messages.info(request, f"U was niet aangemeld voor {bijeenkomst.titel}. Er is niets veranderd.")
        else:
            messages.success(request, f"U bent afgemeld voor {bijeenkomst.titel}.")
    return redirect(reverse("partner:pact") + "#bijeenkomsten")


@login_required
@require_http_methods(["GET", "POST"])
def pact_voortgang(request, organisatie_pk, pk):
    organisatie, actiepunt = selectors.actiepunt_get_for_user(user=request.user, organisatie_pk=organisatie_pk, pk=pk)
    form = VoortgangForm(request.POST if request.method == "POST" else None, huidige_status=actiepunt.status)
    if request.method == "POST" and form.is_valid():
        try:
            pact_services.voortgang_melden(
                actiepunt=actiepunt,
                tekst=form.cleaned_data["tekst"],
                status=form.cleaned_data["status"],
                percentage=form.cleaned_data["percentage"],
                door=request.user,
                organisatie=organisatie,
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            if organisatie.vertrouwd:
                messages.success(request, f"Uw update over '{actiepunt.titel}' staat op de website.")
            else:
                messages.success(
                    request,
                    f"Uw update over '{actiepunt.titel}' wacht op controle door de coördinator. "
                    "Daarna staat hij op de website.",
                )
            return redirect(reverse("partner:pact") + "#actiepunten")
    context = {"form": form, "actiepunt": actiepunt, "organisatie": organisatie}
    return render(request, "partner/pact_voortgang.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pact_agenda(request, organisatie_pk):
    organisatie = organisatie_van_gebruiker(user=request.user, pk=organisatie_pk)
    ronde = werkgroepen_selectors.agendaronde_open()
    if ronde is None or ronde.status != AgendaRondeStatus.OPEN:
        raise Http404("Er is nu geen open agendaronde.")
    bijdrage = werkgroepen_selectors.agendabijdrage_van(ronde=ronde, organisatie=organisatie)
    form = AgendaForm(request.POST if request.method == "POST" else None, initial=AgendaForm.initial_van(bijdrage))
    if request.method == "POST" and form.is_valid():
        try:
            pact_services.agenda_opslaan(
                ronde=ronde,
                organisatie=organisatie,
                missie=form.cleaned_data["missie"],
                activiteiten=form.activiteiten(),
                door=request.user,
                vertegenwoordiger=form.cleaned_data["vertegenwoordiger"],
            )
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            wacht = "" if organisatie.vertrouwd else " Hij wacht op controle door de coördinator."
            messages.success(request, f"Uw agenda voor {ronde.jaar} is opgeslagen. Dank u wel.{wacht}")
            return redirect(reverse("partner:pact") + "#agenda")
    context = {"form": form, "ronde": ronde, "organisatie": organisatie, "bijdrage": bijdrage}
    return render(request, "partner/pact_agenda.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pact_gastheer(request, organisatie_pk, pk):
    """The organisation asked to host a meeting says yes or no."""
    organisatie = organisatie_van_gebruiker(user=request.user, pk=organisatie_pk)
    bijeenkomst = werkgroepen_selectors.gastverzoek_get(organisatie=organisatie, pk=pk)
    fout = ""
    if request.method == "POST":
        antwoord = request.POST.get("antwoord")
        if antwoord not in ("ja", "nee"):
            fout = "Kies ja of nee."
        else:
            try:
                bijeenkomst_services.gastheer_antwoorden(
                    bijeenkomst=bijeenkomst, organisatie=organisatie, ja=antwoord == "ja"
                )
            except ValidationError as error:
                fout = " ".join(error.messages)
            else:
                if antwoord == "ja":
                    messages.success(request, f"Dank u wel. {organisatie.naam} is gastheer van {bijeenkomst.titel}.")
                else:
                    messages.info(request, "Jammer. De coördinator vraagt een andere organisatie.")
                return redirect(reverse("partner:pact") + "#gastheer")
    context = {"bijeenkomst": bijeenkomst, "organisatie": organisatie, "fout": fout}
    return render(request, "partner/pact_gastheer.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pact_peiling(request, organisatie_pk, pk):
    """The datumprikker: the organisation says ja / misschien / nee per date and sees the others' answers."""
    organisatie = organisatie_van_gebruiker(user=request.user, pk=organisatie_pk)
    peiling = werkgroepen_selectors.peiling_voor_partner_get(pk=pk)
    fout = ""
    if request.method == "POST":
        keuzes = {}
        for datum in peiling.datums.all():
            keuze = request.POST.get(f"datum-{datum.pk}")
            if keuze:
                keuzes[datum.pk] = keuze
        try:
            werkgroepen_services.peiling_beantwoorden(peiling=peiling, organisatie=organisatie, keuzes=keuzes)
        except ValidationError as error:
            fout = " ".join(error.messages)
        else:
            messages.success(request, f"Dank u wel. Uw voorkeur voor {peiling.titel} is opgeslagen.")
            return redirect("partner:pact_peiling", organisatie_pk=organisatie.pk, pk=peiling.pk)
    datums = []
    for datum in peiling.datums.all():
        antwoorden = list(datum.antwoorden.all())
        eigen = next((a.keuze for a in antwoorden if a.organisatie_id == organisatie.pk), "")
        datums.append(
            {
                "datum": datum,
                "eigen": request.POST.get(f"datum-{datum.pk}", eigen) if fout else eigen,
                "antwoorden": antwoorden,
                "ja": sum(a.keuze == "ja" for a in antwoorden),
            }
        )
    context = {"peiling": peiling, "organisatie": organisatie, "datums": datums, "fout": fout}
    return render(request, "partner/pact_peiling.html", context, status=400 if fout else 200)
