"""Pages of the pact (/pact/): public pages, the application form, the .ics
feeds and the agenda (HTML and PDF). The partner pages of the pact live in
armoedepact.partner. Views stay thin: selectors read, services write."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods

from common import pdf
from common.vertalingen import vertaling
from werkgroepen import export, selectors, services
from werkgroepen.forms import AansluitenForm


def _fout(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Public pages ---------------------------------------------------------------------


def pact(request):
    nu = timezone.now()
    partners = list(selectors.pactpartners())
    ronde = selectors.agendarondes().first()
    context = {
        "pijlers": selectors.pijlers_met_voortgang(),
        "indicatoren": selectors.indicatoren(),
        "pact_groepen": list(selectors.pact_groepen()),
        "komend": list(selectors.bijeenkomsten_komend(nu=nu)[:3]),
        "nieuws": selectors.voortgang_recent(aantal=5),
        "partners": partners,
        "partners_nieuw": sorted(
            partners, key=lambda o: (o.pactpartner_sinds is None, o.pactpartner_sinds), reverse=True
        )[:5],
        "ronde": ronde,
        "agenda_bijdragen": selectors.agenda_van_jaar(ronde=ronde)[0] if ronde else [],
    }
    return render(request, "werkgroepen/pact.html", context)


def pijler_detail(request, slug):
    pijler = selectors.pijler_get(slug=slug)
    context = {"pijler": pijler, "indicatoren": selectors.indicatoren(pijler=pijler)}
    return render(request, "werkgroepen/pijler.html", context)


def partners(request):
    return render(request, "werkgroepen/partners.html", {"partners": selectors.pactpartners()})


def bijeenkomsten(request):
    nu = timezone.now()
    context = {
        "komend": selectors.bijeenkomsten_komend(nu=nu),
        "voorbij": selectors.bijeenkomsten_voorbij(nu=nu),
    }
    return render(request, "werkgroepen/bijeenkomsten.html", context)


def bijeenkomst_detail(request, pk):
    bijeenkomst = selectors.bijeenkomst_openbaar_get(pk=pk)
    context = {
        "bijeenkomst": bijeenkomst,
        "voorbij": bijeenkomst.eind <= timezone.now(),
        "namen": selectors.unieke_namen(bijeenkomst.aangemelde_aanmeldingen),
    }
    return render(request, "werkgroepen/bijeenkomst.html", context)


def _ics_response(inhoud: bytes, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{bestandsnaam}"'
    return response


def bijeenkomsten_ics(request):
    inhoud = export.bijeenkomsten_ics(
        selectors.bijeenkomsten_komend(),
        basis_url=request.build_absolute_uri("/"),
        naam=gettext("Bijeenkomsten van het pact"),
    )
    return _ics_response(inhoud, "bijeenkomsten-armoedepact.ics")


def bijeenkomst_ics(request, pk):
    bijeenkomst = selectors.bijeenkomst_openbaar_get(pk=pk)
    naam = vertaling(bijeenkomst, "titel")[0]
    inhoud = export.bijeenkomsten_ics([bijeenkomst], basis_url=request.build_absolute_uri("/"), naam=naam)
    return _ics_response(inhoud, f"bijeenkomst-{bijeenkomst.pk}.ics")


def agenda_lijst(request):
    return render(request, "werkgroepen/agenda_lijst.html", {"rondes": selectors.agendarondes()})


def _agenda_context(jaar: int) -> dict:
    ronde = selectors.agendaronde_get(jaar=jaar)
    bijdragen, per_pijler = selectors.agenda_van_jaar(ronde=ronde)
    return {
        "ronde": ronde,
        "bijdragen": bijdragen,
        "per_pijler": per_pijler,
        "open": ronde.status == "open",
        "pact": selectors.pact_instellingen(),
    }


def agenda_jaar(request, jaar):
    return render(request, "werkgroepen/agenda.html", _agenda_context(jaar))


@pdf.beperkt
def agenda_pdf(request, jaar):
    from django.conf import settings

    context = {**_agenda_context(jaar), "gemeente_naam": settings.GEMEENTE_NAAM}
    # The same for everyone until the content changes: rendered once per content version.
    inhoud = pdf.bewaard(f"agenda:{jaar}:{get_language()}", lambda: export.agenda_pdf(context))
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="lokale-sociale-agenda-{jaar}.pdf"'
    return response


def open_data_zip(request):
    from werkgroepen import opendata

    response = HttpResponse(opendata.pact_zip(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="open-data-pact.zip"'
    return response


def _afzender(request) -> str:
    # The same client address as the rate limits: REMOTE_ADDR, or behind our own
    # proxy (TRUSTED_PROXIES) the X-Forwarded-For entry that proxy added.
    from common.security import client_adres

    return services.afzender_hash(adres=client_adres(request))


@require_http_methods(["GET", "POST"])
def aansluiten(request):
    form = AansluitenForm(request.POST if request.method == "POST" else None, pijlers=selectors.pijlers_actief())
    if request.method == "POST":
        if form.is_spam():
            # Say thanks like a real application, so a bot learns nothing.
            return redirect("werkgroepen:aansluiten_bedankt")
        if form.is_valid():
            data = {n: form.cleaned_data[n] for n in form.aanvraag_velden_namen()}
            try:
                services.aansluitverzoek_indienen(**data, activiteiten=form.activiteiten(), afzender=_afzender(request))
            except ValidationError as error:
                form.add_error(None, _fout(error))
            else:
                return redirect("werkgroepen:aansluiten_bedankt")
    return render(request, "werkgroepen/aansluiten.html", {"form": form})


def aansluiten_bedankt(request):
    return render(request, "werkgroepen/aansluiten_bedankt.html")
