"""The coordinator's tools in /beheer/: everything about the pact, in Dutch.

Writes with rules (approving applications, status changes, the waiting list)
go through werkgroepen.services."""

from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from common.admin import BenoemdeLijstveldenMixin, ZonderVertalingFilter
from sociale_kaart.models import Organisatie, Pijler
from werkgroepen import bijeenkomst_services, selectors, services
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
    ConvenantActiviteit,
    DatumPeiling,
    DatumPeilingStatus,
    Doel,
    GastStatus,
    Indicator,
    IndicatorWaarde,
    Pact,
    PeilingDatum,
    PeilingKeuze,
    Thematafel,
    VerslagStatus,
    Voortgang,
    Werkgroep,
)

TERMIJN_WAARSCHUWING_DAGEN = 60


def _pactbijeenkomsten_waarschuwing(request) -> None:
    stand = selectors.planningsstand()
    if stand.te_laat:
        messages.warning(request, f"Let op: {stand.melding}")


def _termijn_waarschuwing(request) -> None:
    bijna = list(selectors.ambassadeurschappen_bijna_afgelopen(dagen=TERMIJN_WAARSCHUWING_DAGEN))
    for a in bijna:
        messages.warning(
            request,
            f"De termijn van {a.naam} ({a.get_rol_display().lower()}, {a.werkgroep}) eindigt op "
            f"{a.termijn_eind:%d-%m-%Y}. Regel op tijd een opvolger.",
        )


@admin.register(Pact)
class PactAdmin(admin.ModelAdmin):
    """One row: how the pact names its parts, how often it meets, who hosts."""

    list_display = ["naam", "niveau_meervoud", "bijeenkomsten_per_jaar"]
    fieldsets = [
        (None, {"fields": ["naam", "niveau_enkelvoud", "niveau_meervoud"]}),
        ("Bijeenkomsten", {"fields": ["bijeenkomsten_per_jaar", "plannen_weken_vooraf", "reactietermijn_dagen"]}),
        ("Gastheren", {"fields": ["gastorganisaties"]}),
        ("Vertalingen", {"fields": ["vertalingen"], "classes": ["collapse"]}),
    ]
    formfield_overrides = {}

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "gastorganisaties":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["queryset"] = Organisatie.objects.filter(pactpartner=True).order_by("naam")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Pact.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        return redirect(reverse("admin:werkgroepen_pact_change", args=[services.pact_instellingen_bewaren().pk]))


class DoelInline(admin.TabularInline):
    model = Doel
    extra = 1
    fields = ["titel", "gewicht", "volgorde"]


@admin.register(Pijler)
class PijlerAdmin(BenoemdeLijstveldenMixin, admin.ModelAdmin):
    """The pact's parts (pijlers, paden, thema's...): add, rename, order, retire. Never deleted."""

    list_display = ["naam", "slug", "volgorde", "actief"]
    list_editable = ["volgorde"]
    list_filter = ["actief", ZonderVertalingFilter]
    ordering = ["volgorde", "naam"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [DoelInline]
    actions = ["uit_gebruik", "weer_in_gebruik"]

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Niet meer gebruiken (bewaren, niet meer op de website)")
    def uit_gebruik(self, request, queryset):
        aantal = queryset.update(actief=False)
        self.message_user(request, f"{aantal} onderdeel/onderdelen staan niet meer op de website.", messages.SUCCESS)

    @admin.action(description="Weer gebruiken")
    def weer_in_gebruik(self, request, queryset):
        aantal = queryset.update(actief=True)
        self.message_user(request, f"{aantal} onderdeel/onderdelen staan weer op de website.", messages.SUCCESS)


@admin.register(Doel)
class DoelAdmin(admin.ModelAdmin):
    list_display = ["titel", "pijler", "gewicht"]
    list_filter = ["pijler", ZonderVertalingFilter]
    list_select_related = ["pijler"]


class AmbassadeurschapInline(admin.TabularInline):
    model = Ambassadeurschap
    extra = 0


@admin.register(Werkgroep)
class WerkgroepAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "pijler", "aantal_leden"]
    list_filter = ["soort", "pijler", ZonderVertalingFilter]
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
        fields = [
            "pijler",
            "doel",
            "titel",
            "omschrijving",
            "trekker",
            "organisaties",
            "jaar",
            "periode_van",
            "periode_tot",
            "status",
            "gewicht",
            "volgorde",
            "vertalingen",
        ]
        widgets = {
            "organisaties": forms.CheckboxSelectMultiple,
            "periode_van": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "periode_tot": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pijler"].queryset = Pijler.objects.filter(actief=True)
        self.fields["organisaties"].queryset = Organisatie.objects.order_by("naam")

    def clean(self):
        data = super().clean()
        doel, pijler = data.get("doel"), data.get("pijler")
        if doel and pijler and doel.pijler_id != pijler.pk:
            self.add_error("doel", f"Dit doel hoort bij '{doel.pijler}', niet bij '{pijler}'.")
        return data

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
    fields = ["datum", "tekst", "percentage", "status_na", "organisatie", "door"]
    readonly_fields = ["status_na", "door"]


@admin.register(Actiepunt)
class ActiepuntAdmin(admin.ModelAdmin):
    form = ActiepuntAdminForm
    list_display = ["titel", "pijler", "doel", "trekker", "wanneer", "status", "voortgang"]
    list_filter = ["pijler", "status", "jaar", ZonderVertalingFilter]
    search_fields = ["titel", "omschrijving"]
    list_select_related = ["pijler", "doel", "trekker"]
    readonly_fields = ["herkomst"]
    inlines = [VoortgangInline]

    def get_fields(self, request, obj=None):
        return [*super().get_fields(request, obj), *(["herkomst"] if obj and obj.thematafel_id else [])]

    @admin.display(description="wanneer")
    def wanneer(self, obj):
        if obj.periode_van or obj.periode_tot:
            van = f"{obj.periode_van:%d-%m-%Y}" if obj.periode_van else "?"
            tot = f"{obj.periode_tot:%d-%m-%Y}" if obj.periode_tot else "?"
            return f"{van} tot en met {tot}"
        return obj.jaar

    @admin.display(description="voortgang")
    def voortgang(self, obj):
        return f"{selectors.actiepunt_voortgang(obj)}%"

    @admin.display(description="komt uit thematafel")
    def herkomst(self, obj):
        tafel = obj.thematafel
        url = reverse("admin:werkgroepen_thematafel_change", args=[tafel.pk])
        return format_html('<a href="{}">{}</a> ({})', url, tafel.titel, tafel.bijeenkomst.titel)

    def save_formset(self, request, form, formset, change):
        # Progress added here moves the action point's percentage too.
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            obj.delete()
        for voortgang in instances:
            if not voortgang.pk:
                voortgang.door = request.user
            voortgang.save()
            if voortgang.percentage is not None:
                Actiepunt.objects.filter(pk=voortgang.actiepunt_id).update(percentage=voortgang.percentage)
        formset.save_m2m()


class BeoordelenMixin:
    """Moderation of what partners send in: "Goedkeuren" makes it public, "Afwijzen"
    keeps it (or takes it) off the public pact pages. Trusted organisations' go live at once."""

    actions = ["goedkeuren", "afwijzen"]
    beoordelen = None  # the service: (item, goedkeuren) -> item

    def _beoordeel(self, request, queryset, *, goedkeuren: bool) -> None:
        gelukt, fouten = 0, []
        for item in queryset:
            try:
                type(self).beoordelen(item, goedkeuren=goedkeuren)
                gelukt += 1
            except ValidationError as error:
                fouten.append(f"{item}: {' '.join(error.messages)}")
        wat = "goedgekeurd en staan op de website" if goedkeuren else "afgewezen en staan niet op de website"
        if gelukt:
            self.message_user(request, f"{gelukt} {wat}.", messages.SUCCESS)
        for fout in fouten:
            self.message_user(request, fout, messages.ERROR)

    @admin.action(description="Goedkeuren: op de website zetten")
    def goedkeuren(self, request, queryset):
        self._beoordeel(request, queryset, goedkeuren=True)

    @admin.action(description="Afwijzen: niet op de website")
    def afwijzen(self, request, queryset):
        self._beoordeel(request, queryset, goedkeuren=False)


@admin.register(Voortgang)
class VoortgangAdmin(BeoordelenMixin, admin.ModelAdmin):
    list_display = ["actiepunt", "datum", "organisatie", "door", "beoordeling"]
    list_filter = ["beoordeling", "actiepunt__pijler"]
    list_select_related = ["actiepunt", "organisatie", "door"]
    readonly_fields = ["door", "status_na", "beoordeling"]

    @staticmethod
    def beoordelen(item, *, goedkeuren):
        return services.voortgang_beoordelen(voortgang=item, goedkeuren=goedkeuren)


class AanmeldingInline(admin.TabularInline):
    model = Aanmelding
    extra = 0
    fields = ["organisatie", "gebruiker", "status", "aangemeld_op"]
    readonly_fields = ["organisatie", "gebruiker", "aangemeld_op"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ThematafelInline(admin.StackedInline):
    model = Thematafel
    extra = 0
    fields = ["titel", "pijler", "samenvatting", "prioriteiten", "ideeen", "vragen", "acties", "volgorde"]


class BijeenkomstSluitenForm(forms.Form):
    verslag = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Wat is besproken en afgesproken. De aanwezigen kunnen er nog op reageren.",
    )
    aantal_aanwezigen = forms.IntegerField(label="Aantal aanwezigen", min_value=1, max_value=10000)
    organisaties = forms.ModelMultipleChoiceField(
        label="Aanwezige organisaties", queryset=Organisatie.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    actiepunten = forms.ModelMultipleChoiceField(
        label="Besproken actiepunten",
        queryset=Actiepunt.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisaties"].queryset = Organisatie.objects.order_by("naam")
        self.fields["actiepunten"].queryset = Actiepunt.objects.filter(pijler__actief=True).select_related("pijler")


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(admin.ModelAdmin):
    list_display = [
        "titel",
        "soort",
        "start",
        "plaats",
        "gastorganisatie",
        "gast_status",
        "openbaar",
        "aangemeld",
        "verslag_status",
    ]
    list_filter = ["soort", "openbaar", "verslag_status", ZonderVertalingFilter]
    date_hierarchy = "start"
    search_fields = ["titel", "plaats"]
    inlines = [ThematafelInline, AanmeldingInline]
    exclude = ["aanwezige_organisaties", "besproken_actiepunten"]
    readonly_fields = ["gastheer_voorstel", "verslag_status", "reageren_tot", "afsluiten"]
    actions = ["gastheer_vragen", "verslag_definitief"]

    class Media:
        css = {"all": ["css/regie-inlines.css"]}

    def get_readonly_fields(self, request, obj=None):
        velden = list(super().get_readonly_fields(request, obj))
        if obj and obj.verslag_status == VerslagStatus.DEFINITIEF:
            velden += ["verslag", "aantal_aanwezigen"]  # a final verslag is locked
        return velden

    def get_urls(self):
        eigen = [
            path(
                "<int:pk>/sluiten/",
                self.admin_site.admin_view(self.sluiten_view),
                name="werkgroepen_bijeenkomst_sluiten",
            )
        ]
        return eigen + super().get_urls()

    @admin.display(description="voorstel voor de gastheer")
    def gastheer_voorstel(self, obj):
        voorstel = selectors.gastheer_voorstel()
        if not voorstel:
            return "Nog geen organisaties die willen ontvangen (zie de instellingen van het pact)."
        eerste = voorstel[0]
        wanneer = f"laatst op {eerste.laatst_gastheer:%d-%m-%Y}" if eerste.laatst_gastheer else "nog nooit"
        return f"{eerste.naam} (was {wanneer} gastheer). Kies de actie 'Gastheer vragen' in de lijst."

    @admin.display(description="sluiten")
    def afsluiten(self, obj):
        if obj is None or not obj.pk:
            return "-"
        if obj.verslag_status:
            return obj.get_verslag_status_display()
        url = reverse("admin:werkgroepen_bijeenkomst_sluiten", args=[obj.pk])
        return format_html('<a href="{}">Bijeenkomst sluiten: verslag en aanwezigen</a>', url)

    def sluiten_view(self, request, pk):
        bijeenkomst = get_object_or_404(Bijeenkomst, pk=pk)
        if not self.has_change_permission(request, bijeenkomst):
            raise PermissionDenied
        form = BijeenkomstSluitenForm(request.POST or None, initial={"verslag": bijeenkomst.verslag})
        if request.method == "POST" and form.is_valid():
            try:
                bijeenkomst_services.bijeenkomst_sluiten(
                    bijeenkomst=bijeenkomst,
                    verslag=form.cleaned_data["verslag"],
                    aantal_aanwezigen=form.cleaned_data["aantal_aanwezigen"],
                    organisaties=form.cleaned_data["organisaties"],
                    actiepunten=form.cleaned_data["actiepunten"],
                )
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                bijeenkomst.refresh_from_db()
                tot = f" tot en met {bijeenkomst.reageren_tot:%d-%m-%Y}" if bijeenkomst.reageren_tot else ""
                self.message_user(
                    request, f"De bijeenkomst is gesloten. De aanwezigen kunnen reageren{tot}.", messages.SUCCESS
                )
                return redirect(reverse("admin:werkgroepen_bijeenkomst_change", args=[bijeenkomst.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Bijeenkomst sluiten: {bijeenkomst.titel}",
            "bijeenkomst": bijeenkomst,
            "form": form,
            "opts": self.model._meta,
        }
        return render(request, "admin/werkgroepen/bijeenkomst_sluiten.html", context)

    @admin.action(description="Gastheer vragen: de organisatie die het langst geleden gastheer was")
    def gastheer_vragen(self, request, queryset):
        for bijeenkomst in queryset:
            try:
                bijeenkomst_services.gastheer_vragen(bijeenkomst=bijeenkomst)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return
            self.message_user(
                request,
                f"{bijeenkomst.gastorganisatie} is gevraagd voor '{bijeenkomst.titel}'. "
                "De organisatie bevestigt op haar partnerpagina.",
                messages.SUCCESS,
            )

    @admin.action(description="Verslag definitief maken")
    def verslag_definitief(self, request, queryset):
        for bijeenkomst in queryset:
            try:
                bijeenkomst_services.verslag_definitief_maken(bijeenkomst=bijeenkomst)
            except ValidationError as error:
                self.message_user(request, f"{bijeenkomst.titel}: {' '.join(error.messages)}", messages.ERROR)

    def get_queryset(self, request):
        return selectors._bijeenkomsten().select_related(None).select_related("gastorganisatie")

    @admin.display(description="aangemeld")
    def aangemeld(self, obj):
        tekst = str(obj.aantal_aangemeld)
        return f"{tekst} van {obj.max_plaatsen}" if obj.max_plaatsen else tekst

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        if not change and obj.organisator_id is None:
            obj.organisator = request.user
        if change and "gastorganisatie" in form.changed_data and "gast_status" not in form.changed_data:
            obj.gast_status = GastStatus.GEVRAAGD if obj.gastorganisatie_id else GastStatus.GEEN
        super().save_model(request, obj, form, change)
        if change and "max_plaatsen" in form.changed_data:
            opgeschoven = services.wachtlijst_opschuiven(bijeenkomst=obj)
            if opgeschoven:
                messages.info(request, f"{len(opgeschoven)} aanmelding(en) van de wachtlijst hebben nu een plaats.")

    def changelist_view(self, request, extra_context=None):
        _pactbijeenkomsten_waarschuwing(request)
        for b in selectors.bijeenkomsten_te_sluiten()[:5]:
            messages.info(request, f"'{b.titel}' is voorbij. Sluit de bijeenkomst met het verslag en de aanwezigen.")
        return super().changelist_view(request, extra_context)


@admin.register(Thematafel)
class ThematafelAdmin(admin.ModelAdmin):
    list_display = ["titel", "bijeenkomst", "pijler", "aantal_actiepunten"]
    list_filter = ["bijeenkomst", "pijler"]
    list_select_related = ["bijeenkomst", "pijler"]
    actions = ["acties_overnemen"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_actiepunten=Count("actiepunten"))

    @admin.display(description="actiepunten")
    def aantal_actiepunten(self, obj):
        return obj.n_actiepunten

    @admin.action(description="Acties van de tafel overnemen als actiepunten")
    def acties_overnemen(self, request, queryset):
        for tafel in queryset.select_related("bijeenkomst"):
            try:
                nieuw = bijeenkomst_services.tafel_acties_overnemen(tafel=tafel)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"{tafel.titel}: {len(nieuw)} nieuwe actiepunten, met een link naar de tafel.",
                    messages.SUCCESS,
                )


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
        "vertegenwoordiger",
        "missie",
        "mogelijk_dezelfde_organisatie",
        "status",
        "organisatie",
        "behandeld_door",
        "behandeld_op",
        "aangemaakt_op",
    ]
    actions = ["goedkeuren", "afwijzen"]
    # inlines: ConvenantActiviteitInline, set at the end of this module.

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
class AgendaBijdrageAdmin(BeoordelenMixin, admin.ModelAdmin):
    list_display = ["organisatie", "ronde", "gewijzigd_op", "beoordeling"]
    list_filter = ["beoordeling", "ronde"]
    list_select_related = ["organisatie", "ronde"]
    readonly_fields = ["beoordeling"]
    inlines = [AgendaActiviteitInline]

    @staticmethod
    def beoordelen(item, *, goedkeuren):
        return services.agendabijdrage_beoordelen(bijdrage=item, goedkeuren=goedkeuren)


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


class ConvenantActiviteitInline(admin.TabularInline):
    """The activities an applicant promised in the convenant; on approval they enter the agenda."""

    model = ConvenantActiviteit
    extra = 0
    fields = ["pijler", "omschrijving"]


AansluitverzoekAdmin.inlines = [ConvenantActiviteitInline]


class IndicatorWaardeInline(admin.TabularInline):
    model = IndicatorWaarde
    extra = 1
    fields = ["datum", "waarde", "bron", "bron_link"]


@admin.register(Indicator)
class IndicatorAdmin(BenoemdeLijstveldenMixin, admin.ModelAdmin):
    """Indicators of a pillar or the whole pact, with their dated, sourced values inline."""

    list_display = ["naam", "pijler", "eenheid", "nulmeting", "streefwaarde", "demo", "volgorde"]
    list_editable = ["volgorde"]
    list_filter = ["pijler", "demo", ZonderVertalingFilter]
    list_select_related = ["pijler"]
    search_fields = ["naam"]
    inlines = [IndicatorWaardeInline]


class PeilingDatumInline(admin.TabularInline):
    model = PeilingDatum
    extra = 3
    fields = ["start", "eind", "antwoorden_kort"]
    readonly_fields = ["antwoorden_kort"]

    @admin.display(description="antwoorden van de partners")
    def antwoorden_kort(self, obj):
        if not obj.pk:
            return "-"
        antwoorden = list(obj.antwoorden.select_related("organisatie"))
        ja = sum(a.keuze == PeilingKeuze.JA for a in antwoorden)
        lijst = "; ".join(f"{a.organisatie.naam}: {a.get_keuze_display().lower()}" for a in antwoorden)
        return f"{ja} keer ja. {lijst}" if antwoorden else "Nog niemand"


@admin.register(DatumPeiling)
class DatumPeilingAdmin(admin.ModelAdmin):
    """Ask the partners which dates suit them; choosing a date closes the poll and plans the meeting."""

    list_display = ["titel", "status", "gekozen", "aangemaakt_op"]
    list_filter = ["status"]
    fields = ["titel", "toelichting", "status", "gekozen", "plaats", "adres", "bijeenkomst_link"]
    readonly_fields = ["status", "bijeenkomst_link"]
    inlines = [PeilingDatumInline]

    @admin.display(description="bijeenkomst")
    def bijeenkomst_link(self, obj):
        if not obj.bijeenkomst_id:
            return "Nog niet gepland."
        url = reverse("admin:werkgroepen_bijeenkomst_change", args=[obj.bijeenkomst_id])
        return format_html('<a href="{}">{}</a>', url, obj.bijeenkomst)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        veld = form.base_fields.get("gekozen")
        if veld is not None:
            veld.queryset = PeilingDatum.objects.filter(peiling=obj) if obj else PeilingDatum.objects.none()
        return form

    def save_model(self, request, obj, form, change):
        self._gekozen = obj.gekozen if obj.status == DatumPeilingStatus.OPEN else None
        if self._gekozen is not None:
            obj.gekozen = None  # the service sets it when it closes the poll
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(self, "_gekozen", None) is None:
            return
        try:
            bijeenkomst = services.peiling_sluiten_en_plannen(
                peiling=form.instance,
                datum=self._gekozen,
                plaats=form.instance.plaats,
                adres=form.instance.adres,
                door=request.user,
            )
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request, f"De datumprikker is gesloten. {bijeenkomst.titel} is gepland.", messages.SUCCESS
            )
