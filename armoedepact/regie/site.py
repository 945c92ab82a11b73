"""The admin site at /beheer/: Dutch, a start page "Wat vraagt aandacht", and
two-factor log-in (TOTP with django-otp) for every staff account."""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def is_geverifieerd(user) -> bool:
    """Logged in with password and a second factor (django-otp's OTPMiddleware sets is_verified)."""
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


class BeheerSite(admin.AdminSite):
    site_header = "Beheer Armoedepact"
    site_title = "Beheer Armoedepact"
    index_title = "Wat vraagt aandacht"
    index_template = "regie/index.html"

    @property
    def login_form(self):
        # Built on first use: armoedepact.auth needs the app registry.
        from django.contrib.admin.forms import AdminAuthenticationForm

        from armoedepact.auth import GeremdMelding

        return type("BeheerInloggenForm", (GeremdMelding, AdminAuthenticationForm), {})

    def has_permission(self, request):
        return super().has_permission(request) and is_geverifieerd(request.user)

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff and not is_geverifieerd(user):
            # Password done; now the second factor.
            volgende = request.GET.get("next", "")
            url = reverse("admin:tweestaps", current_app=self.name)
            if volgende and url_has_allowed_host_and_scheme(volgende, allowed_hosts={request.get_host()}):
                url += "?" + urlencode({"next": volgende})
            return HttpResponseRedirect(url)
        return super().login(request, extra_context)

    def get_urls(self):
        from armoedepact.regie import versies, views

        eigen = [
            path("tweestaps/", views.tweestaps, {"site": self}, name="tweestaps"),
            path("app-instellen/<str:token>/", views.app_instellen, {"site": self}, name="app_instellen"),
            path("regie/bereik/", self.admin_view(views.bereik), {"site": self}, name="regie_bereik"),
            path("regie/bereik.csv", self.admin_view(views.bereik_csv), name="regie_bereik_csv"),
            path(
                "regie/wie-deed-wat/", self.admin_view(versies.wie_deed_wat), {"site": self}, name="regie_wie_deed_wat"
            ),
            path(
                "regie/jaaroverzicht/", self.admin_view(views.jaaroverzicht), {"site": self}, name="regie_jaaroverzicht"
            ),
            path(
                "regie/jaaroverzicht/<int:jaar>/",
                self.admin_view(views.jaaroverzicht),
                {"site": self},
                name="regie_jaaroverzicht_jaar",
            ),
            path(
                "regie/jaaroverzicht/<int:jaar>.pdf",
                self.admin_view(views.jaaroverzicht_pdf),
                name="regie_jaaroverzicht_pdf",
            ),
            path(
                "regie/net-gepubliceerd/",
                self.admin_view(views.net_gepubliceerd),
                {"site": self},
                name="regie_net_gepubliceerd",
            ),
            path(
                "regie/net-gepubliceerd/<int:pk>/",
                self.admin_view(views.net_gepubliceerd_actie),
                name="regie_net_gepubliceerd_actie",
            ),
            path("regie/testgevallen/", self.admin_view(views.testgevallen), {"site": self}, name="regie_testgevallen"),
            path("regie/verificatie/", self.admin_view(views.verificatie), {"site": self}, name="regie_verificatie"),
        ]
        return eigen + super().get_urls()

    def index(self, request, extra_context=None):
        from armoedepact.regie import selectors

        context = {"aandacht": selectors.aandacht(user=request.user), **(extra_context or {})}
        return super().index(request, context)
