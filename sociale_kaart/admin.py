"""Beheer of the sociale kaart for the coordinator. Every save that changes what
search sees (an aanbod, an organisation's name, a thema) recomputes the stored
search vectors through sociale_kaart.services, after the many-to-many fields
are saved."""

from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from common import anoniem
from common.admin import (
    AfgehandeldFilter,
    AlleenAnoniemeAantallenMixin,
    BenoemdeLijstveldenMixin,
    CsvXlsxImportExportMixin,
    ZonderVertalingFilter,
)
from sociale_kaart import services
from sociale_kaart.models import (
    Aanbod,
    Doelgroep,
    Kern,
    Levensgebeurtenis,
    Locatie,
    Openingstijd,
    Organisatie,
    Postcodegebied,
    Synoniem,
    Thema,
    Voorrang,
    ZoektermAfhandeling,
    ZoektermZonderResultaat,
)
from sociale_kaart.resources import AanbodResource, OrganisatieResource


class TaxonomieAdmin(BenoemdeLijstveldenMixin, admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]
    list_editable = ["volgorde"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    list_filter = [ZonderVertalingFilter]


class VoorrangInline(admin.TabularInline):
    """The help shown first on the list of this thema or levensgebeurtenis (the home page tiles)."""

    model = Voorrang
    extra = 1
    autocomplete_fields = ["aanbod"]
    fields = ["volgorde", "aanbod"]
    verbose_name = "eerst tonen"
    verbose_name_plural = "Eerst tonen: dit aanbod staat bovenaan (1 komt eerst)"


@admin.register(Thema)
class ThemaAdmin(TaxonomieAdmin):
    """Thema names are part of the search vector of every aanbod that has them."""

    inlines = [VoorrangInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.thema_zoekvector_bijwerken(thema_ids=[form.instance.pk])

    def delete_model(self, request, obj):
        aanbod_ids = list(obj.aanbod.values_list("pk", flat=True))
        super().delete_model(request, obj)
        services.aanbod_zoekvector_bijwerken(aanbod_ids=aanbod_ids)

    def delete_queryset(self, request, queryset):
        aanbod_ids = list(Aanbod.objects.filter(themas__in=queryset).values_list("pk", flat=True).distinct())
        super().delete_queryset(request, queryset)
        services.aanbod_zoekvector_bijwerken(aanbod_ids=aanbod_ids)


@admin.register(Doelgroep)
class DoelgroepAdmin(TaxonomieAdmin):
    pass


@admin.register(Levensgebeurtenis)
class LevensgebeurtenisAdmin(TaxonomieAdmin):
    inlines = [VoorrangInline]


@admin.register(Kern)
class KernAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "latitude", "longitude"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    fields = ["naam", "slug", "latitude", "longitude"]


@admin.register(Postcodegebied)
class PostcodegebiedAdmin(admin.ModelAdmin):
    """The gemeente's postcodes (4 digits) and their kern: residents may type a postcode on /hulp/."""

    list_display = ["postcode", "kern"]
    list_select_related = ["kern"]
    list_filter = ["kern"]
    search_fields = ["postcode", "kern__naam"]
    autocomplete_fields = ["kern"]


class LocatieInline(admin.StackedInline):
    model = Locatie
    extra = 0
    autocomplete_fields = ["kern"]


@admin.register(Organisatie)
class OrganisatieAdmin(CsvXlsxImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [OrganisatieResource]  # regie: import/export as CSV or XLSX
    list_display = ["naam", "status", "pactpartner", "laatst_gecontroleerd"]
    list_filter = ["status", "pactpartner", "kernpartner", ZonderVertalingFilter]
    search_fields = ["naam", "korte_omschrijving"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [LocatieInline]
    date_hierarchy = "laatst_gecontroleerd"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.organisatie_zoekvector_bijwerken(organisatie_ids=[form.instance.pk])


class OpeningstijdInline(admin.TabularInline):
    model = Openingstijd
    extra = 1


@admin.register(Aanbod)
class AanbodAdmin(CsvXlsxImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [AanbodResource]  # regie: import/export as CSV or XLSX
    list_display = ["titel", "organisatie", "status", "kosten", "laatst_gecontroleerd"]
    list_filter = ["status", "kosten", "themas", "pijler", ZonderVertalingFilter]
    list_select_related = ["organisatie"]
    search_fields = ["titel", "organisatie__naam"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["organisatie", "kernen"]
    filter_horizontal = ["themas", "doelgroepen", "levensgebeurtenissen", "locaties"]
    inlines = [OpeningstijdInline]
    fieldsets = [
        (None, {"fields": ["organisatie", "titel", "slug", "status", "laatst_gecontroleerd"]}),
        ("Wat en voor wie", {"fields": ["wat_u_krijgt", "voor_wie", "min_leeftijd", "max_leeftijd"]}),
        ("Indeling", {"fields": ["themas", "doelgroepen", "levensgebeurtenissen", "pijler"]}),
        ("Waar", {"fields": ["heel_de_gemeente", "kernen", "locaties", "op_afstand", "rolstoeltoegankelijk"]}),
        ("Kosten en aanvragen", {"fields": ["kosten", "kosten_toelichting", "hoe_aanvragen", "meenemen"]}),
        (
            "Contact en openingstijden",
            {"fields": ["telefoon", "email", "website", "openingstijden_toelichting", "talen"]},
        ),
        ("Vertalingen", {"fields": ["vertalingen"], "classes": ["collapse"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.aanbod_zoekvector_bijwerken(aanbod_ids=[form.instance.pk])


@admin.register(Synoniem)
class SynoniemAdmin(admin.ModelAdmin):
    """The everyday lexicon of the search; a change works at the next search."""

    list_display = ["woord", "zoekt_ook", "wederzijds"]
    list_filter = ["wederzijds"]
    search_fields = ["woord", "zoekt_ook"]


@admin.register(ZoektermZonderResultaat)
class ZoektermZonderResultaatAdmin(AlleenAnoniemeAantallenMixin, admin.ModelAdmin):
    """The gaps in the offer: what residents searched for and did not find."""

    # Not afgehandeld_op: a second sorted column would show a sort priority "2" next to the counts.
    list_display = ["zoekterm", "maand", "aantal_tekst", "afhandeling"]
    list_filter = [AfgehandeldFilter, "afhandeling", "maand"]
    search_fields = ["zoekterm"]
    actions = ["synoniem_toegevoegd", "aanbod_toegevoegd", "niet_onze_taak"]

    def has_afhandelen_permission(self, request):
        return request.user.has_perm("sociale_kaart.change_zoektermzonderresultaat")

    def _afhandelen(self, request, queryset, afhandeling: ZoektermAfhandeling):
        termen = set(queryset.values_list("zoekterm", flat=True))
        for zoekterm in termen:
            services.zoekterm_afhandelen(zoekterm=zoekterm, afhandeling=afhandeling)
        messages.success(request, f"{len(termen)} zoekterm(en) afgehandeld: {afhandeling.label.lower()}.")

    @admin.action(description="Afgehandeld: synoniem toegevoegd", permissions=["afhandelen"])
    def synoniem_toegevoegd(self, request, queryset):
        self._afhandelen(request, queryset, ZoektermAfhandeling.SYNONIEM)

    @admin.action(description="Afgehandeld: aanbod toegevoegd", permissions=["afhandelen"])
    def aanbod_toegevoegd(self, request, queryset):
        self._afhandelen(request, queryset, ZoektermAfhandeling.AANBOD)

    @admin.action(description="Afgehandeld: niet onze taak", permissions=["afhandelen"])
    def niet_onze_taak(self, request, queryset):
        self._afhandelen(request, queryset, ZoektermAfhandeling.NIET_ONZE_TAAK)

    @admin.display(description="aantal")
    def aantal_tekst(self, obj):
        return anoniem.klein(obj.aantal)
