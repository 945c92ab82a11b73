"""Admin classes of the regie: testgevallen and the latest link check.
Registered from BeheerAdminConfig.ready(), after the apps' own admin modules."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from armoedepact.models import KapotteLink
from regelingen.models import Testgeval


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
