from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from common import anoniem
from common.admin import AlleenAnoniemeAantallenMixin, CsvXlsxImportExportMixin, ZonderVertalingFilter
from regelingen import selectors
from regelingen.admin_mixins import NormControleMixin, RegelingControleMixin
from regelingen.models import (
    VOORWAARDE_VELDEN,
    AowLeeftijd,
    CheckTelling,
    Normbedrag,
    Regeling,
    Toeslagparameter,
    Vermogensgrens,
)
from regelingen.resources import NormbedragResource, RegelingResource


def _waarschuw_oude_normen(request):
    """The same warnings as the start page of /beheer/, per household type."""
    stand = selectors.normen_stand(vandaag=timezone.localdate())
    if stand.geen_normbedragen:
        messages.warning(request, "Er zijn nog geen normbedragen. De check werkt pas als die er zijn.")
        return
    if stand.volgende_ontbreekt:
        messages.warning(
            request,
            f"Op {stand.volgende:%d-%m-%Y} gaan de nieuwe normen in. Deze bedragen voor die dag ontbreken nog: "
            + "; ".join(soort.naam for soort in stand.volgende_ontbreekt)
            + ".",
        )
    if stand.verouderd:
        messages.warning(
            request,
            "Deze bedragen zijn te oud of ontbreken: "
            + "; ".join(soort.naam for soort in stand.verouderd)
            + ". Normen veranderen op 1 januari en 1 juli: vul de nieuwe bedragen in.",
        )


class NormDatumForm(forms.ModelForm):
    """A norm starts on 1 January or 1 July; another day only when the coordinator confirms it."""

    andere_begindatum = forms.BooleanField(
        required=False,
        label="Deze begindatum klopt echt",
        help_text="Normen beginnen op 1 januari of 1 juli. "
        "Vink dit alleen aan als deze norm echt op een andere dag begint.",
    )

    def clean(self):
        cleaned = super().clean()
        datum = cleaned.get("geldig_vanaf")
        if datum and not selectors.is_normdatum(datum) and not cleaned.get("andere_begindatum"):
            self.add_error(
                "geldig_vanaf", selectors.normdatum_melding(datum) + " Vink dan 'Deze begindatum klopt echt' aan."
            )
        return cleaned


@admin.register(Regeling)
class RegelingAdmin(RegelingControleMixin, CsvXlsxImportExportMixin, SimpleHistoryAdmin):
    # Regie: import/export as CSV or XLSX, and the testgevallen check before saving.
    resource_classes = [RegelingResource]
    list_display = ["naam", "slug", "actief", "percentage", "percentage_met_kinderen", "uitvoerder"]
    list_filter = ["actief", "vermogenstoets", "hooguit_misschien", ZonderVertalingFilter]
    search_fields = ["naam", "slug"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["helpt_gratis", "themas"]
    list_select_related = ["uitvoerder"]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "actief", "laatst_gecontroleerd"]}),
        (
            "Voor de inwoner (B1)",
            {
                "fields": [
                    "korte_uitleg",
                    "wat_u_krijgt",
                    "hoe_aanvragen",
                    "aanvraag_link",
                    "telefoon",
                    "meenemen",
                    "voorbeeld_toelichting",
                    "uitvoerder",
                    "helpt_gratis",
                    "themas",
                ]
            },
        ),
        (
            "Voorwaarden",
            {"fields": VOORWAARDE_VELDEN},
        ),
        ("Bedragen per jaar", {"fields": ["bedrag_vast", "bedrag_per_volwassene", "bedrag_per_kind"]}),
        ("Vertalingen", {"fields": ["vertalingen"], "classes": ["collapse"]}),
    ]


@admin.register(Normbedrag)
class NormbedragAdmin(NormControleMixin, CsvXlsxImportExportMixin, admin.ModelAdmin):
    # Regie: import/export, the testgevallen check and a warning for a start date in the past.
    form = NormDatumForm
    resource_classes = [NormbedragResource]
    list_display = ["huishoudtype", "bedrag", "geldig_vanaf"]
    list_filter = ["geldig_vanaf", "huishoudtype"]
    date_hierarchy = "geldig_vanaf"

    def changelist_view(self, request, extra_context=None):
        _waarschuw_oude_normen(request)
        return super().changelist_view(request, extra_context)


@admin.register(Vermogensgrens)
class VermogensgrensAdmin(admin.ModelAdmin):
    form = NormDatumForm
    list_display = ["soort", "bedrag", "geldig_vanaf"]

    def changelist_view(self, request, extra_context=None):
        _waarschuw_oude_normen(request)
        return super().changelist_view(request, extra_context)


@admin.register(AowLeeftijd)
class AowLeeftijdAdmin(admin.ModelAdmin):
    form = NormDatumForm
    list_display = ["geldig_vanaf", "jaren", "maanden"]


@admin.register(Toeslagparameter)
class ToeslagparameterAdmin(admin.ModelAdmin):
    """The national allowances' figures, dated like the norms: add a row with a new
    'geldig vanaf' for a new year; the check takes the latest row of each figure."""

    list_display = ["toeslag", "sleutel", "waarde", "geldig_vanaf", "gelezen"]
    list_filter = ["toeslag", "geldig_vanaf"]
    search_fields = ["sleutel", "bron"]
    date_hierarchy = "geldig_vanaf"
    fields = ["toeslag", "sleutel", "waarde", "bron", "link", "gelezen", "geldig_vanaf"]


@admin.register(CheckTelling)
class CheckTellingAdmin(AlleenAnoniemeAantallenMixin, admin.ModelAdmin):
    """Per regeling per month. A row adds up to the month's checks, so the cells
    are hidden as a row (anoniem.rij): no hidden cell follows from the total."""

    list_display = ["regeling", "maand", "ja_tekst", "misschien_tekst", "nee_tekst"]
    list_filter = ["maand"]
    list_select_related = ["regeling"]

    def _cellen(self, obj):
        return anoniem.rij([obj.ja, obj.misschien, obj.nee])

    @admin.display(description="ja")
    def ja_tekst(self, obj):
        return self._cellen(obj)[0]

    @admin.display(description="misschien")
    def misschien_tekst(self, obj):
        return self._cellen(obj)[1]

    @admin.display(description="nee")
    def nee_tekst(self, obj):
        return self._cellen(obj)[2]
