"""The coordinator's tools in /beheer/: everything about the pact, in Dutch.

Writes with rules (approving applications, status changes, the waiting list)
go through werkgroepen.services."""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html_join

from werkgroepen import selectors, services
from werkgroepen.models import (
    Aanmelding,
    Aansluitverzoek,
    AansluitverzoekStatus,
    Actiepunt,
    AgendaActiviteit,
    AgendaBijdrage,
    AgendaRonde,
    Ambassadeurschap,
    Bijeenkomst,
    Pijler,
    Voortgang,
    Werkgroep,
)

TERMIJN_WAARSCHUWING_DAGEN = 60


def _pactbijeenkomsten_waarschuwing(request) -> None:
    jaar = timezone.localdate().year
    aantal = selectors.pactbijeenkomsten_in_jaar(jaar=jaar)
    if aantal < 2:
        messages.warning(
            request,
            f"Let op: in {jaar} staan {aantal} pactbijeenkomsten gepland. Het pact komt twee keer per jaar bij elkaar.",
        )


def _termijn_waarschuwing(request) -> None:
    bijna = list(selectors.ambassadeurschappen_bijna_afgelopen(dagen=TERMIJN_WAARSCHUWING_DAGEN))
    for a in bijna:
        messages.warning(
            request,
            f"De termijn van {a.naam} ({a.get_rol_display().lower()}, {a.werkgroep}) eindigt op "
            f"{a.termijn_eind:%d-%m-%Y}. Regel op tijd een opvolger.",
        )


@admin.register(Pijler)
class PijlerAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]
    ordering = ["volgorde"]


class AmbassadeurschapInline(admin.TabularInline):
    model = Ambassadeurschap
    extra = 0


@admin.register(Werkgroep)
class WerkgroepAdmin(admin.ModelAdmin):
    list_display = ["naam", "pijler", "aantal_leden"]
    filter_horizontal = ["leden"]
    inlines = [AmbassadeurschapInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("pijler").prefetch_related("leden")

    @admin.display(description="leden")
    def aantal_leden(self, obj):
        return len(obj.leden.all())

    def changelist_view(self, request, extra_context=None):
        _termijn_waarschuwing(request)
        return super().changelist_view(request, extra_context)


class TermijnFilter(admin.SimpleListFilter):
    title = "termijn"
    parameter_name = "termijn"

    def lookups(self, request, model_admin):
        return [("bijna", f"Eindigt binnen {TERMIJN_WAARSCHUWING_DAGEN} dagen"), ("voorbij", "Afgelopen")]

    def queryset(self, request, queryset):
        if self.value() == "bijna":
            ids = selectors.ambassadeurschappen_bijna_afgelopen(dagen=TERMIJN_WAARSCHUWING_DAGEN).values("pk")
            return queryset.filter(pk__in=ids)
        if self.value() == "voorbij":
            return queryset.filter(termijn_eind__lt=timezone.localdate())
        return queryset


@admin.register(Ambassadeurschap)
class AmbassadeurschapAdmin(admin.ModelAdmin):
    list_display = ["naam", "rol", "werkgroep", "organisatie", "termijn_start", "termijn_eind", "loopt_bijna_af"]
    list_filter = [TermijnFilter, "rol", "werkgroep"]
    list_select_related = ["werkgroep", "organisatie"]

    @admin.display(boolean=True, description=f"eindigt binnen {TERMIJN_WAARSCHUWING_DAGEN} dagen")
    def loopt_bijna_af(self, obj):
        vandaag = timezone.localdate()
        return vandaag <= obj.termijn_eind <= vandaag + timedelta(days=TERMIJN_WAARSCHUWING_DAGEN)

    def changelist_view(self, request, extra_context=None):
        _termijn_waarschuwing(request)
        return super().changelist_view(request, extra_context)


class ActiepuntAdminForm(forms.ModelForm):
    class Meta:
        model = Actiepunt
        fields = ["pijler", "titel", "omschrijving", "trekker", "jaar", "status", "volgorde"]

    def clean_status(self):
        status = self.cleaned_data["status"]
        if self.instance.pk:
            van = Actiepunt.objects.values_list("status", flat=True).get(pk=self.instance.pk)
            try:
                services.actiepunt_overgang_controleren(van=van, naar=status)
            except ValidationError as error:
                raise forms.ValidationError(error.messages) from error
        return status


class VoortgangInline(admin.TabularInline):
    model = Voortgang
    extra = 0
    fields = ["datum", "tekst", "status_na", "organisatie", "door"]
    readonly_fields = ["status_na", "door"]


@admin.register(Actiepunt)
class ActiepuntAdmin(admin.ModelAdmin):
    form = ActiepuntAdminForm
    list_display = ["titel", "pijler", "trekker", "jaar", "status"]
    list_filter = ["pijler", "status", "jaar"]
    search_fields = ["titel", "omschrijving"]
    list_select_related = ["pijler", "trekker"]
    inlines = [VoortgangInline]


@admin.register(Voortgang)
class VoortgangAdmin(admin.ModelAdmin):
    list_display = ["actiepunt", "datum", "organisatie", "door"]
    list_filter = ["actiepunt__pijler"]
    list_select_related = ["actiepunt", "organisatie", "door"]
    readonly_fields = ["door", "status_na"]


class AanmeldingInline(admin.TabularInline):
    model = Aanmelding
    extra = 0
    fields = ["organisatie", "gebruiker", "status", "aangemeld_op"]
    readonly_fields = ["organisatie", "gebruiker", "aangemeld_op"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(admin.ModelAdmin):
    list_display = ["titel", "soort", "start", "plaats", "gastorganisatie", "openbaar", "aangemeld"]
    list_filter = ["soort", "openbaar"]
    date_hierarchy = "start"
    search_fields = ["titel", "plaats"]
    inlines = [AanmeldingInline]

    def get_queryset(self, request):
        return selectors._bijeenkomsten().select_related(None).select_related("gastorganisatie")

    @admin.display(description="aangemeld")
    def aangemeld(self, obj):
        tekst = str(obj.aantal_aangemeld)
        return f"{tekst} van {obj.max_plaatsen}" if obj.max_plaatsen else tekst

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "max_plaatsen" in form.changed_data:
            opgeschoven = services.wachtlijst_opschuiven(bijeenkomst=obj)
            if opgeschoven:
                messages.info(request, f"{len(opgeschoven)} aanmelding(en) van de wachtlijst hebben nu een plaats.")

    def changelist_view(self, request, extra_context=None):
        _pactbijeenkomsten_waarschuwing(request)
        return super().changelist_view(request, extra_context)


@admin.register(Aanmelding)
class AanmeldingAdmin(admin.ModelAdmin):
    list_display = ["bijeenkomst", "organisatie", "gebruiker", "status", "aangemeld_op"]
    list_filter = ["status", "bijeenkomst"]
    list_select_related = ["bijeenkomst", "organisatie", "gebruiker"]
    readonly_fields = ["bijeenkomst", "organisatie", "gebruiker", "status", "aangemeld_op"]

    def has_add_permission(self, request):
        return False


@admin.register(Aansluitverzoek)
class AansluitverzoekAdmin(admin.ModelAdmin):
    list_display = ["organisatie_naam", "contactpersoon", "email", "status", "aangemaakt_op", "mogelijk_dubbel"]
    list_filter = ["status"]
    search_fields = ["organisatie_naam", "email", "contactpersoon"]
    readonly_fields = [
        "status",
        "organisatie",
        "behandeld_door",
        "behandeld_op",
        "aangemaakt_op",
        "mogelijk_dezelfde_organisatie",
    ]
    fields = [
        "organisatie_naam",
        "contactpersoon",
        "email",
        "wat_doet_u",
        "bijdrage",
        "mogelijk_dezelfde_organisatie",
        "status",
        "organisatie",
        "behandeld_door",
        "behandeld_op",
        "aangemaakt_op",
    ]
    actions = ["goedkeuren", "afwijzen"]

    def _dubbelen(self, obj):
        return list(selectors.mogelijke_dubbele_organisaties(organisatie_naam=obj.organisatie_naam, email=obj.email))

    @admin.display(description="mogelijk dubbel", boolean=True)
    def mogelijk_dubbel(self, obj):
        return bool(self._dubbelen(obj)) if obj.status == AansluitverzoekStatus.NIEUW else None

    @admin.display(description="mogelijk dezelfde organisatie als")
    def mogelijk_dezelfde_organisatie(self, obj):
        dubbelen = self._dubbelen(obj)
        if not dubbelen:
            return "Geen bestaande organisatie met dezelfde naam of hetzelfde e-maildomein."
        return format_html_join(", ", "{} ({})", ((o.naam, o.get_status_display().lower()) for o in dubbelen))

    @admin.action(description="Goedkeuren: organisatie maken en contactpersoon uitnodigen")
    def goedkeuren(self, request, queryset):
        basis_url = request.build_absolute_uri("/")
        for verzoek in queryset:
            try:
                organisatie, _ = services.aansluitverzoek_goedkeuren(
                    verzoek=verzoek, door=request.user, basis_url=basis_url
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"{organisatie.naam} is partner (nog niet gepubliceerd op de sociale kaart). "
                    f"{verzoek.email} krijgt een uitnodiging per e-mail.",
                    messages.SUCCESS,
                )

    @admin.action(description="Afwijzen")
    def afwijzen(self, request, queryset):
        for verzoek in queryset:
            try:
                services.aansluitverzoek_afwijzen(verzoek=verzoek, door=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"De aanvraag van {verzoek.organisatie_naam} is afgewezen. Laat het de contactpersoon zelf weten.",
                    messages.SUCCESS,
                )


class AgendaActiviteitInline(admin.TabularInline):
    model = AgendaActiviteit
    extra = 0


@admin.register(AgendaBijdrage)
class AgendaBijdrageAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "ronde", "gewijzigd_op"]
    list_filter = ["ronde"]
    list_select_related = ["organisatie", "ronde"]
    inlines = [AgendaActiviteitInline]


@admin.register(AgendaRonde)
class AgendaRondeAdmin(admin.ModelAdmin):
    list_display = ["jaar", "status", "aantal_bijdragen"]
    actions = ["openen", "sluiten"]

    def get_queryset(self, request):
        return selectors.agendarondes()

    @admin.display(description="bijdragen")
    def aantal_bijdragen(self, obj):
        return obj.aantal

    @admin.action(description="Ronde openen: partners kunnen hun agenda invullen")
    def openen(self, request, queryset):
        for ronde in queryset:
            services.agendaronde_openen(jaar=ronde.jaar)
        self.message_user(request, "De gekozen ronde(s) zijn open.", messages.SUCCESS)

    @admin.action(description="Ronde sluiten")
    def sluiten(self, request, queryset):
        for ronde in queryset:
            services.agendaronde_sluiten(ronde=ronde)
        self.message_user(request, "De gekozen ronde(s) zijn gesloten.", messages.SUCCESS)
