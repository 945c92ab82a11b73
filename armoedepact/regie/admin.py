"""Admin classes of the regie: testgevallen and the latest link check.
Registered from BeheerAdminConfig.ready(), after the apps' own admin modules."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from armoedepact.models import KapotteLink, Taalstatus
from armoedepact.regie.nederlands import NederlandsePermissies, registreren
from armoedepact.regie.versies import VersieAdminMixin
from regelingen.models import AowLeeftijd, Normbedrag, Regeling, Testgeval, Toeslagparameter, Vermogensgrens
from sociale_kaart.models import Aanbod, Organisatie


@admin.register(Testgeval)
class TestgevalAdmin(admin.ModelAdmin):
    list_display = ["naam", "regeling", "verwachte_uitkomst", "netto_inkomen", "peildatum"]
    list_filter = ["regeling", "verwachte_uitkomst"]
    list_select_related = ["regeling"]
    search_fields = ["naam", "regeling__naam"]
    autocomplete_fields = []
    fieldsets = [
        (None, {"fields": ["regeling", "naam", "verwachte_uitkomst", "peildatum"]}),
        (
            "Het huishouden",
            {
                "fields": [
                    "woont_in_gemeente",
                    "leeftijd",
                    "partner",
                    "leeftijd_partner",
                    "kinderen",
                    "netto_inkomen",
                    "vermogen",
                    "jaren_laag_inkomen",
                    "student",
                ]
            },
        ),
    ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "regie_testen_url": reverse("admin:regie_testgevallen")}
        return super().changelist_view(request, extra_context)


@admin.register(KapotteLink)
class KapotteLinkAdmin(admin.ModelAdmin):
    """The broken links of the latest `controleer_links` run (read only)."""

    list_display = ["naam", "soort", "link", "melding", "controle"]
    list_filter = ["soort"]
    list_select_related = ["controle"]

    @admin.display(description="link")
    def link(self, obj):
        return format_html('<span class="regie-url">{}</span>', obj.url)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- Accounts: unlock, log out everywhere -----------------------------------------------

_GebruikerAdminBasis = type(admin.site._registry[get_user_model()])


@admin.action(description="Ontgrendelen: weer laten inloggen na te veel foute wachtwoorden")
def ontgrendelen(modeladmin, request, queryset):
    from armoedepact.auth import ontgrendelen as account_ontgrendelen

    namen = []
    for user in queryset:
        account_ontgrendelen(user.get_username())
        namen.append(user.get_username())
    modeladmin.message_user(request, "Ontgrendeld: " + ", ".join(namen), messages.SUCCESS)


@admin.action(description="Log uit op alle apparaten")
def overal_uitloggen(modeladmin, request, queryset):
    from armoedepact import sessies

    for user in queryset:
        sessies.alle_beeindigen(user)
    modeladmin.message_user(request, f"Uitgelogd op alle apparaten: {queryset.count()} account(s).", messages.SUCCESS)


@admin.action(description="Link sturen om de app in te stellen (tweede stap bij inloggen)")
def app_link_sturen(modeladmin, request, queryset):
    from armoedepact.regie import services

    verstuurd = []
    for user in queryset.filter(is_staff=True, is_active=True):
        link, token = services.app_link_maken(user=user, door=request.user)
        services.app_link_versturen(link=link, token=token, basis_url=request.build_absolute_uri("/"))
        verstuurd.append(user.email or user.get_username())
    if verstuurd:
        modeladmin.message_user(request, "Link verstuurd naar " + ", ".join(verstuurd), messages.SUCCESS)
    else:
        modeladmin.message_user(request, "Alleen accounts met beheertoegang krijgen zo'n link.", messages.WARNING)


admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class GebruikerAdmin(NederlandsePermissies, _GebruikerAdminBasis):
    actions = [*(_GebruikerAdminBasis.actions or []), ontgrendelen, overal_uitloggen, app_link_sturen]


_GroepAdminBasis = type(admin.site._registry[Group])
admin.site.unregister(Group)


@admin.register(Group)
class GroepAdmin(NederlandsePermissies, _GroepAdminBasis):
    pass


# django-otp and django-axes under Dutch names (armoedepact/regie/nederlands.py).
registreren(admin.site)


def _met_versies(model) -> None:
    """Re-register a tracked model's own ModelAdmin with one version per save and a full restore."""
    origineel = type(admin.site._registry[model])
    bases = (VersieAdminMixin, origineel)
    if not issubclass(origineel, SimpleHistoryAdmin):
        bases += (SimpleHistoryAdmin,)
    admin.site.unregister(model)
    admin.site.register(model, type(origineel.__name__, bases, {"__module__": __name__}))


for _model in (Aanbod, Organisatie, Regeling, Normbedrag, Vermogensgrens, AowLeeftijd, Toeslagparameter):
    _met_versies(_model)


@admin.register(Taalstatus)
class TaalstatusAdmin(admin.ModelAdmin):
    """Per language: has a person checked the translation? Who and when are filled in by the site."""

    list_display = ["__str__", "nagekeken", "nagekeken_door", "nagekeken_op"]
    list_filter = ["nagekeken"]
    fields = ["code", "nagekeken", "opmerking", "nagekeken_door", "nagekeken_op"]
    readonly_fields = ["nagekeken_door", "nagekeken_op"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "code"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        from armoedepact.regie import services

        services.taalstatus_bijwerken(
            status=obj, nagekeken=form.cleaned_data["nagekeken"], opmerking=obj.opmerking, door=request.user
        )
