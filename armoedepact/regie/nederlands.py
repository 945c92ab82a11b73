"""/beheer/ in Dutch where Django's packages are English: django-otp's authenticator
apps and django-axes' log-in records under Dutch names (the proxies in
armoedepact/models.py), and permissions named in Dutch ("Aanbod | bekijken" instead of
"Can view aanbod", which Django stores in English in the database).

Texts these packages mark for translation are in locale/nl/LC_MESSAGES/django.po.
Registered from armoedepact/regie/admin.py, after the packages' own admin modules."""

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.utils.html import format_html
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice

from armoedepact.models import InlogApp, Inlogpoging, Inlogregistratie, MisluktePoging
from common.tijdstip import tijdstip

# The package's model -> its Dutch proxy (for /beheer/'s lists and for permission names).
PROXIES = {
    TOTPDevice: InlogApp,
    AccessAttempt: Inlogpoging,
    AccessFailureLog: MisluktePoging,
    AccessLog: Inlogregistratie,
}

ACTIES = {"add": "toevoegen", "change": "wijzigen", "delete": "verwijderen", "view": "bekijken"}


def permissie_label(permissie: Permission) -> str:
    """'Sociale kaart | aanbod | bekijken': Django's default permissions in Dutch;
    a permission of our own keeps its (Dutch) name."""
    soort = permissie.content_type
    model = PROXIES.get(soort.model_class(), soort.model_class())
    actie, _, rest = permissie.codename.partition("_")
    actie = ACTIES.get(actie) if rest == soort.model else None
    if model is None:  # a model that no longer exists (moved to another app)
        return f"{soort.app_label} | {soort.model} (bestaat niet meer) | {actie or permissie.name}"
    naam = model._meta.verbose_name
    if origineel := getattr(model, "instance_type", None):  # django-simple-history's copy
        naam = f"geschiedenis van {origineel._meta.verbose_name}"
    return f"{model._meta.app_config.verbose_name} | {naam} | {actie or permissie.name}"


class NederlandsePermissies:
    """For the user and group admins: the permission choices named in Dutch."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        veld = super().formfield_for_manytomany(db_field, request, **kwargs)
        if veld is not None and db_field.related_model is Permission:
            veld.label_from_instance = permissie_label
        return veld


def _titel(titel: str, basis=admin.DateFieldListFilter):
    """A list filter of `basis` with a Dutch title (the field's own name is English)."""

    class Filter(basis):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = titel

    return Filter


# django-otp's fields have English names and help texts that cannot be translated.
INLOGAPP_VELDEN = {
    "user": ("gebruiker", "Van wie deze app is."),
    "name": ("naam", "Een naam die de gebruiker herkent, bijvoorbeeld 'Telefoon van Anna'."),
    "confirmed": ("bevestigd", "Aan: de app is ingesteld en kan codes geven om in te loggen."),
    "key": ("geheime sleutel", "40 tekens (hexadecimaal). Laat leeg: dan wordt er een gemaakt."),
    "step": ("geldigheid van een code", "In seconden; meestal 30."),
    "t0": ("begintijd", "Het Unix-tijdstip waarop het tellen begint; meestal 0."),
    "digits": ("aantal cijfers", "Hoeveel cijfers een code heeft."),
    "tolerance": ("speling", "Hoeveel codes ervoor of erna ook nog goed zijn."),
    "drift": ("afwijking van de klok", "Hoeveel codes de klok van de telefoon voor- of achterloopt."),
    "throttling_failure_timestamp": (
        "laatste foute code",
        "Wanneer voor het laatst een foute code is ingevuld. Leeg als de laatste code goed was.",
    ),
    "throttling_failure_count": ("foute codes na elkaar", "Na te veel foute codes moet de gebruiker even wachten."),
}


class InlogAppAdmin(TOTPDeviceAdmin):
    """The authenticator apps of staff. Setting one up goes through the link of
    'Link sturen om de app in te stellen' on the user list; this list is for looking
    up, switching off (bevestigd uit) or removing a lost phone's app."""

    list_filter = [
        ("created_at", _titel("aangemaakt op")),
        ("last_used_at", _titel("laatst gebruikt")),
        ("confirmed", _titel("bevestigd", admin.BooleanFieldListFilter)),
    ]
    search_help_text = "Zoek op gebruikersnaam of e-mailadres."
    readonly_fields = ["aangemaakt", "laatst_gebruikt"]

    def get_list_display(self, request):
        # No secret key and no QR code here (settings.OTP_ADMIN_HIDE_SENSITIVE_DATA).
        return ["gebruiker", "naam", "aangemaakt", "laatst_gebruikt", "is_bevestigd"]

    def get_fieldsets(self, request, obj=None):
        instellingen = ["step", "t0", "digits", "tolerance"]
        if obj is None:  # a new app: its key can be typed in once; never shown afterwards
            instellingen = ["key", *instellingen]
        return [
            ("Wie", {"fields": ["user", "name", "confirmed"]}),
            ("Wanneer", {"fields": ["aangemaakt", "laatst_gebruikt"]}),
            ("Instellingen", {"fields": instellingen}),
            ("Klok", {"fields": ["drift"]}),
            ("Foute codes", {"fields": ["throttling_failure_timestamp", "throttling_failure_count"]}),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        veld = super().formfield_for_dbfield(db_field, request, **kwargs)
        if veld is not None and db_field.name in INLOGAPP_VELDEN:
            veld.label, veld.help_text = INLOGAPP_VELDEN[db_field.name]
            veld.label = veld.label[0].upper() + veld.label[1:]
        return veld

    @admin.display(description="gebruiker", ordering="user")
    def gebruiker(self, obj):
        return obj.user

    @admin.display(description="naam", ordering="name")
    def naam(self, obj):
        return obj.name

    @admin.display(description="aangemaakt op", ordering="created_at")
    def aangemaakt(self, obj):
        return tijdstip(obj.created_at)

    @admin.display(description="laatst gebruikt", ordering="last_used_at")
    def laatst_gebruikt(self, obj):
        return tijdstip(obj.last_used_at)

    @admin.display(description="bevestigd", boolean=True, ordering="confirmed")
    def is_bevestigd(self, obj):
        return obj.confirmed


def registreren(site) -> None:
    """Swap the packages' registrations for the Dutch proxies; yes/no icons in Dutch."""
    ja_nee_in_het_nederlands()
    for model in PROXIES:
        if site.is_registered(model):
            site.unregister(model)
    site.register(InlogApp, InlogAppAdmin)
    if settings.AXES_ENABLE_ADMIN:
        site.register(Inlogpoging, AccessAttemptAdmin)
        site.register(MisluktePoging, AccessFailureLogAdmin)
        site.register(Inlogregistratie, AccessLogAdmin)


def _ja_nee_icoon(waarde):
    """Django's yes/no icon with a Dutch text for screen readers (its own says "True")."""
    icoon = {True: "yes", False: "no", None: "unknown"}[waarde]
    tekst = {True: "ja", False: "nee", None: "onbekend"}[waarde]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icoon}.svg"), tekst)


def ja_nee_in_het_nederlands() -> None:
    """The admin imports `_boolean_icon` when it draws a yes/no value (lists, read-only
    fields, history), so replacing it here reaches every page. Django offers no setting."""
    admin_list._boolean_icon = _ja_nee_icoon
