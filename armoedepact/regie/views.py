"""Views of the regie in /beheer/. Thin: selectors read, services write."""

import base64
import csv

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from armoedepact.models import DirectePublicatie
from armoedepact.regie import selectors, services, svg
from armoedepact.regie.site import is_geverifieerd
from common import pdf
from common.importexport import veilige_cel
from regelingen.testgevallen import testgeval_list, testgevallen_draaien
from sociale_kaart import selectors as kaart_selectors


def _context(request, site, titel: str, **extra) -> dict:
    return {**site.each_context(request), "title": titel, **extra}


# --- Two-factor log-in -----------------------------------------------------------------


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw app",
        max_length=20,
        help_text="De 6 cijfers die uw authenticator-app nu laat zien.",
        error_messages={"required": "Vul de code van 6 cijfers uit uw app in."},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Vul de code in als 6 cijfers, bijvoorbeeld 123456.")
        return code


def _qr_svg(uri: str) -> str:
    import qrcode
    import qrcode.image.svg

    svg_bytes = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg_bytes).decode()


def _sleutel_tekst(apparaat: TOTPDevice) -> str:
    geheim = base64.b32encode(apparaat.bin_key).decode().rstrip("=")
    return " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4))


APP_LINK_SESSIE = "regie_app_link"


@never_cache
def app_instellen(request, token, site):
    """The one-time link to set up the app: remembered in this browser's session,
    then the normal log-in (password, then the QR code for this account only)."""
    link = services.app_link_zoeken(token=token)
    if link is None:
        return render(request, "regie/app_link_ongeldig.html", _context(request, site, "Link werkt niet"), status=404)
    request.session[APP_LINK_SESSIE] = link.pk
    doel = reverse("admin:tweestaps", current_app=site.name)
    if request.user.is_authenticated and request.user.pk == link.user_id:
        return HttpResponseRedirect(doel)
    return HttpResponseRedirect(reverse("admin:login", current_app=site.name) + "?" + urlencode({"next": doel}))


@never_cache
@csrf_protect
def tweestaps(request, site):
    """Second step of the log-in: the code of the authenticator app; the first time, set the app up."""
    user = request.user
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return HttpResponseRedirect(reverse("admin:login", current_app=site.name))
    volgende = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if not url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
        volgende = ""
    volgende = volgende or reverse("admin:index", current_app=site.name)
    if is_geverifieerd(user):
        return HttpResponseRedirect(volgende)

    apparaat = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    instellen = apparaat is None
    link = None
    if instellen:
        # Setting up an app needs a one-time link from a colleague: a password alone is not enough.
        link = services.app_link_geldig(pk=request.session.get(APP_LINK_SESSIE), user=user)
        if link is None:
            return render(request, "regie/app_link_nodig.html", _context(request, site, "Inloggen: tweede stap"))
        apparaat = services.totp_apparaat_voorbereiden(user=user)

    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if apparaat.verify_token(form.cleaned_data["code"]):
            if instellen:
                services.totp_apparaat_bevestigen(apparaat=apparaat)
                services.app_link_gebruikt(link=link)
                request.session.pop(APP_LINK_SESSIE, None)
            otp_login(request, apparaat)
            return HttpResponseRedirect(volgende)
        form.add_error(
            "code",
            "Deze code klopt niet. Kijk in uw app en typ de 6 cijfers die u nu ziet. "
            "Na een paar foute codes moet u even wachten.",
        )
    context = _context(
        request,
        site,
        "Inloggen: tweede stap",
        form=form,
        instellen=instellen,
        next=volgende,
        qr=_qr_svg(apparaat.config_url) if instellen else "",
        sleutel=_sleutel_tekst(apparaat) if instellen else "",
    )
    return render(request, "regie/tweestaps.html", context)


# --- Bereik -----------------------------------------------------------------------------


def _mag_bereik_zien(user) -> None:
    if not user.has_perm("regelingen.view_checktelling"):
        raise PermissionDenied


def bereik(request, site):
    _mag_bereik_zien(request.user)
    data = selectors.bereik()
    checks = [(f"{m.maand:%m-%Y}", m.checks) for m in reversed(data.maanden)]
    context = _context(
        request,
        site,
        "Bereik",
        bereik=data,
        grafiek_checks=svg.staafdiagram(checks),
        grafiek_themas=svg.staafdiagram(data.themas),
        grafiek_zoektermen=svg.staafdiagram(data.zoektermen),
        grafiek_zonder=svg.staafdiagram(data.zonder_resultaat[:15]),
        themas=[(naam, selectors.klein(n)) for naam, n in data.themas],
        zoektermen=[(naam, selectors.klein(n)) for naam, n in data.zoektermen],
        zonder_resultaat=[(naam, selectors.klein(n)) for naam, n in data.zonder_resultaat],
    )
    return render(request, "regie/bereik.html", context)


class _VeiligeCsv:
    """A csv writer whose cells cannot start a formula (common.importexport.veilige_cel)."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, rij):
        self._writer.writerow([veilige_cel(cel) for cel in rij])


def bereik_csv(request):
    _mag_bereik_zien(request.user)
    data = selectors.bereik()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bereik-{timezone.localdate():%Y-%m-%d}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the accents right
    writer = _VeiligeCsv(csv.writer(response, delimiter=";"))
    writer.writerow(["onderdeel", "maand", "onderwerp", "ja", "misschien", "nee", "aantal"])
    for maand in data.maanden:
        writer.writerow(["checks", f"{maand.maand:%Y-%m}", "afgeronde checks", "", "", "", maand.checks_tekst])
        for regeling in maand.regelingen:
            writer.writerow(["regeling", f"{maand.maand:%Y-%m}", regeling.naam, *regeling.cellen, ""])
    van = f"vanaf {data.van:%Y-%m}"
    for onderdeel, rijen in (
        ("thema", data.themas),
        ("zoekterm", data.zoektermen),
        ("zoekterm zonder resultaat", data.zonder_resultaat),
    ):
        for naam, aantal in rijen:
            writer.writerow([onderdeel, van, naam, "", "", "", selectors.klein(aantal)])
    for maand, aantal, (open_, klaar) in data.correcties_tekst():
        tekst = f"open {open_}, afgehandeld {klaar}"
        writer.writerow(["melding klopt er iets niet", f"{maand:%Y-%m}", tekst, "", "", "", aantal])
    return response


# --- Regels testen ------------------------------------------------------------------------


@csrf_protect
def testgevallen(request, site):
    if not request.user.has_perm("regelingen.view_testgeval"):
        raise PermissionDenied
    uitslagen = None
    if request.method == "POST":
        uitslagen = testgevallen_draaien()
        lijst = []
    else:
        lijst = testgeval_list()
    context = _context(
        request,
        site,
        "Regels testen",
        uitslagen=uitslagen,
        fout=[u for u in uitslagen if not u.geslaagd] if uitslagen is not None else [],
        testgevallen=lijst,
    )
    return render(request, "regie/testgevallen.html", context)


# --- Verification: the work list of critical fields -------------------------------------


def verificatie(request, site):
    """Published aanbod, most out of date first: when its phone, address, opening hours
    and "how to start" were last confirmed, and whether residents still see it."""
    if not request.user.has_perm("sociale_kaart.change_aanbod"):
        raise PermissionDenied
    vandaag = timezone.localdate()
    regels = kaart_selectors.verificatie_werklijst(vandaag=vandaag)
    context = _context(
        request,
        site,
        "Gegevens controleren",
        regels=regels,
        verouderd=sum(1 for regel in regels if regel.verouderd),
        maanden=settings.VERIFICATIE_MAANDEN,
        melding_dagen=settings.VERIFICATIE_MELDING_DAGEN,
        grens=kaart_selectors.verificatie_grens(vandaag=vandaag),
    )
    return render(request, "regie/verificatie.html", context)


# --- Net gepubliceerd: what trusted organisations published directly -----------------------


def _mag_modereren(request) -> None:
    if not request.user.has_perm(selectors.BLOK_PERMISSIES["net_gepubliceerd"]):
        raise PermissionDenied


def net_gepubliceerd(request, site):
    _mag_modereren(request)
    lijst = list(selectors.net_gepubliceerd()[:200])
    context = _context(request, site, "Net gepubliceerd door vertrouwde organisaties", publicaties=lijst)
    return render(request, "regie/net_gepubliceerd.html", context)


@require_POST
@csrf_protect
def net_gepubliceerd_actie(request, pk: int):
    """POST "gezien" or "terugdraaien" for one direct publication, then back to where it came from."""
    _mag_modereren(request)
    publicatie = get_object_or_404(DirectePublicatie, pk=pk)
    try:
        if "terugdraaien" in request.POST:
            services.directe_publicatie_terugdraaien(publicatie=publicatie, door=request.user)
            if publicatie.wacht_na_terugdraaien:
                lijst = "Voortgang" if publicatie.voortgang_id else "Agendabijdragen"
                messages.success(
                    request,
                    f"Teruggedraaid: {publicatie}. Het staat niet meer op de website en wacht op controle. "
                    f"Klopt het toch? Keur het dan goed bij {lijst}.",
                )
            else:
                messages.success(request, f"Teruggedraaid: {publicatie}. Inwoners zien de vorige versie.")
        else:
            services.directe_publicatie_gezien(publicatie=publicatie, door=request.user)
            messages.success(request, f"Gezien: {publicatie}.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    terug = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(terug, allowed_hosts={request.get_host()}):
        terug = reverse("admin:regie_net_gepubliceerd")
    return HttpResponseRedirect(terug)


# --- The pact's yearly overview (printable) -------------------------------------------


def _jaaroverzicht_jaar(request, jaar) -> int:
    if not request.user.has_perm("werkgroepen.view_actiepunt"):
        raise PermissionDenied
    jaar = jaar or timezone.localdate().year
    if not 2000 <= jaar <= 2100:
        raise Http404("Kies een jaar tussen 2000 en 2100.")
    return jaar


def jaaroverzicht(request, site, jaar=None):
    from werkgroepen import jaaroverzicht as overzicht

    jaar = _jaaroverzicht_jaar(request, jaar)
    data = overzicht.jaaroverzicht(jaar=jaar)
    context = _context(
        request, site, f"Jaaroverzicht van het pact {jaar}", overzicht=data, vorig=jaar - 1, volgend=jaar + 1
    )
    return render(request, "regie/jaaroverzicht.html", context)


@pdf.beperkt
def jaaroverzicht_pdf(request, jaar):
    """The same overview as a tagged PDF to print or send; never stored (it is staff-only)."""
    from werkgroepen import export, selectors
    from werkgroepen import jaaroverzicht as overzicht

    jaar = _jaaroverzicht_jaar(request, jaar)
    context = {
        "overzicht": overzicht.jaaroverzicht(jaar=jaar),
        "pact": selectors.pact_instellingen(),
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "basis_url": request.build_absolute_uri("/").rstrip("/"),
        "vandaag": timezone.localdate(),
    }
    response = HttpResponse(export.jaaroverzicht_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="jaaroverzicht-pact-{jaar}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
