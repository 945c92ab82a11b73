"""Partner accounts (/partner/...): log-in and out, forgotten passwords,
accepting an invitation, and the start page that lists the user's organisations."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from armoedepact import sessies
from armoedepact.partner.forms import (
    InloggenForm,
    NieuwWachtwoordForm,
    UitnodigingAccepterenForm,
    WachtwoordVergetenForm,
)
from common import security
from sociale_kaart import selectors as sociale_kaart_selectors
from sociale_kaart import services

inloggen = auth_views.LoginView.as_view(
    template_name="partner/inloggen.html",
    authentication_form=InloggenForm,
    redirect_authenticated_user=True,
)
uitloggen = auth_views.LogoutView.as_view()


@require_POST
@login_required
def uitloggen_overal(request):
    """ "Log uit op alle apparaten": end every session of this account, this one too."""
    sessies.alle_beeindigen(request.user)
    logout(request)
    messages.info(request, "U bent uitgelogd op alle apparaten. Log opnieuw in om verder te gaan.")
    return redirect("inloggen")


_wachtwoord_vergeten = auth_views.PasswordResetView.as_view(
    template_name="partner/wachtwoord_vergeten.html",
    form_class=WachtwoordVergetenForm,
    email_template_name="partner/email_wachtwoord.txt",
    subject_template_name="partner/email_wachtwoord_onderwerp.txt",
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
    template_name="partner/wachtwoord_vergeten_verstuurd.html"
)
wachtwoord_nieuw = auth_views.PasswordResetConfirmView.as_view(
    template_name="partner/wachtwoord_nieuw.html",
    form_class=NieuwWachtwoordForm,
    success_url=reverse_lazy("wachtwoord_ingesteld"),
)
wachtwoord_ingesteld = auth_views.PasswordResetCompleteView.as_view(template_name="partner/wachtwoord_ingesteld.html")


def uitgesloten(request, credentials=None, *args, **kwargs):
    """django-axes calls this after 5 failed log-ins."""
    return render(request, "partner/uitgesloten.html", status=429)


@never_cache
@sensitive_post_parameters("wachtwoord1", "wachtwoord2")
def uitnodiging_accepteren(request, token):
    uitnodiging = services.uitnodiging_zoeken(token=token)
    if uitnodiging is None:
        return render(request, "partner/uitnodiging_ongeldig.html", status=404)
    if services.uitnodiging_heeft_account(uitnodiging=uitnodiging):
        return _uitnodiging_bestaand_account(request, token, uitnodiging)
    form = UitnodigingAccepterenForm(
        request.POST if request.method == "POST" else None,
        email=uitnodiging.email,
        organisatie=uitnodiging.organisatie.naam,
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.uitnodiging_accepteren(
                token=token,
                wachtwoord=form.cleaned_data["wachtwoord1"],
                voornaam=form.cleaned_data["voornaam"],
                achternaam=form.cleaned_data["achternaam"],
            )
        except ValidationError:
            return render(request, "partner/uitnodiging_ongeldig.html", status=404)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("partner_start")
    return render(request, "partner/uitnodiging.html", {"form": form, "uitnodiging": uitnodiging})


def _uitnodiging_bestaand_account(request, token, uitnodiging):
    """The invited address has an account: log in normally first, then accept. The
    invitation never logs anyone in and never sets a password of an existing account."""
    hier = request.get_full_path()
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(hier, login_url=settings.LOGIN_URL)
        return render(request, "partner/uitnodiging_inloggen.html", {"uitnodiging": uitnodiging, "hier": hier})
    if request.user.get_username().lower() != uitnodiging.email.lower():
        return render(request, "partner/uitnodiging_ander_account.html", {"uitnodiging": uitnodiging}, status=403)
    if request.method == "POST":
        try:
            services.uitnodiging_accepteren_bestaand(token=token, user=request.user)
        except ValidationError:
            return render(request, "partner/uitnodiging_ongeldig.html", status=404)
        messages.success(request, f"U werkt nu ook mee voor {uitnodiging.organisatie.naam}.")
        return redirect("partner_start")
    return render(request, "partner/uitnodiging_bestaand.html", {"uitnodiging": uitnodiging})


@login_required
def partner_start(request):
    organisaties = sociale_kaart_selectors.organisaties_van_gebruiker(user=request.user).order_by("naam")
    return render(request, "partner/start.html", {"organisaties": organisaties})
