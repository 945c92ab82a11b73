"""Site-wide pages: home, privacy, toegankelijkheid, errors, and partner accounts."""

from datetime import UTC, timedelta

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from armoedepact.forms import InloggenForm, NieuwWachtwoordForm, UitnodigingAccepterenForm, WachtwoordVergetenForm
from common import security
from sociale_kaart import selectors as sociale_kaart_selectors
from sociale_kaart import services


def home(request):
    taxonomie = sociale_kaart_selectors.home_taxonomie()
    return render(
        request,
        "armoedepact/home.html",
        {"themas": taxonomie.themas, "levensgebeurtenissen": taxonomie.levensgebeurtenissen},
    )


def privacy(request):
    return render(request, "armoedepact/privacy.html")


def toegankelijkheid(request):
    return render(request, "armoedepact/toegankelijkheid.html")


def bad_request(request, exception):
    return render(request, "armoedepact/400.html", status=400)


def permission_denied(request, exception):
    return render(request, "armoedepact/403.html", status=403)


def page_not_found(request, exception):
    return render(request, "armoedepact/404.html", status=404)


def server_error(request):
    return render(request, "armoedepact/500.html", {"request_id": getattr(request, "request_id", "")}, status=500)


def csrf_failure(request, reason=""):
    """A form sent without (or with an old) security code: explain, never blame."""
    return render(request, "armoedepact/403_csrf.html", status=403)


def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires moves with the date."""
    verloopt = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    regels = [
        f"Contact: {getattr(settings, 'SECURITY_TXT_CONTACT', 'mailto:security@westerkwartier.example')}",
        f"Expires: {verloopt.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")


# --- Partner accounts ------------------------------------------------------------

inloggen = auth_views.LoginView.as_view(
    template_name="armoedepact/partner/inloggen.html",
    authentication_form=InloggenForm,
    redirect_authenticated_user=True,
)
uitloggen = auth_views.LogoutView.as_view()
_wachtwoord_vergeten = auth_views.PasswordResetView.as_view(
    template_name="armoedepact/partner/wachtwoord_vergeten.html",
    form_class=WachtwoordVergetenForm,
    email_template_name="armoedepact/partner/email_wachtwoord.txt",
    subject_template_name="armoedepact/partner/email_wachtwoord_onderwerp.txt",
    success_url=reverse_lazy("wachtwoord_vergeten_verstuurd"),
)


def wachtwoord_vergeten(request, *args, **kwargs):
    """Password reset, with a limit per address per hour. The limit counts
    requests, not accounts, so it tells nobody whether an address is known."""
    if request.method == "POST":
        wacht = security.te_vaak(
            soort="wachtwoord",
            sleutel=security.adres_sleutel(request),
            limiet=settings.WACHTWOORD_HERSTEL_PER_UUR,
            seconden=3600,
        )
        if wacht:
            response = render(request, "armoedepact/te_vaak.html", status=429)
            response["Retry-After"] = str(wacht)
            return response
    return _wachtwoord_vergeten(request, *args, **kwargs)


wachtwoord_vergeten_verstuurd = auth_views.PasswordResetDoneView.as_view(
    template_name="armoedepact/partner/wachtwoord_vergeten_verstuurd.html"
)
wachtwoord_nieuw = auth_views.PasswordResetConfirmView.as_view(
    template_name="armoedepact/partner/wachtwoord_nieuw.html",
    form_class=NieuwWachtwoordForm,
    success_url=reverse_lazy("wachtwoord_ingesteld"),
)
wachtwoord_ingesteld = auth_views.PasswordResetCompleteView.as_view(
    template_name="armoedepact/partner/wachtwoord_ingesteld.html"
)


def uitgesloten(request, credentials=None, *args, **kwargs):
    """django-axes calls this after 5 failed log-ins."""
    return render(request, "armoedepact/partner/uitgesloten.html", status=429)


@never_cache
@sensitive_post_parameters("wachtwoord1", "wachtwoord2")
def uitnodiging_accepteren(request, token):
    uitnodiging = services.uitnodiging_zoeken(token=token)
    if uitnodiging is None:
        return render(request, "armoedepact/partner/uitnodiging_ongeldig.html", status=404)
    form = UitnodigingAccepterenForm(request.POST if request.method == "POST" else None, email=uitnodiging.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.uitnodiging_accepteren(
                token=token,
                wachtwoord=form.cleaned_data["wachtwoord1"],
                voornaam=form.cleaned_data["voornaam"],
                achternaam=form.cleaned_data["achternaam"],
            )
        except ValidationError:
            return render(request, "armoedepact/partner/uitnodiging_ongeldig.html", status=404)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("partner_start")
    return render(request, "armoedepact/partner/uitnodiging.html", {"form": form, "uitnodiging": uitnodiging})


@login_required
def partner_start(request):
    organisaties = sociale_kaart_selectors.organisaties_van_gebruiker(user=request.user).order_by("naam")
    return render(request, "armoedepact/partner/start.html", {"organisaties": organisaties})
