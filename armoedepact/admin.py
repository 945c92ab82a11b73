from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from armoedepact.correcties import services as correctie_services
from armoedepact.models import Correctie, Revisie
from common.admin import AfgehandeldFilter
from sociale_kaart import services
from sociale_kaart.models import Lidmaatschap, Uitnodiging


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "organisatie", "rol", "sinds"]
    list_filter = ["rol"]
    search_fields = ["gebruiker__email", "gebruiker__first_name", "gebruiker__last_name", "organisatie__naam"]
    raw_id_fields = ["gebruiker", "organisatie"]


@admin.register(Uitnodiging)
class UitnodigingAdmin(admin.ModelAdmin):
    """The coordinator invites a partner: fill in e-mail, organisation and role; the link is e-mailed."""

    list_display = ["email", "organisatie", "rol", "aangemaakt_op", "verloopt_op", "gebruikt_op"]
    list_filter = ["rol"]
    search_fields = ["email", "organisatie__naam"]
    fields = ["email", "organisatie", "rol"]
    raw_id_fields = ["organisatie"]

    def has_change_permission(self, request, obj=None):
        # An invitation is never edited: send a new one instead.
        return False if obj is not None else super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        uitnodiging, token = services.uitnodiging_maken(
            email=obj.email, organisatie=obj.organisatie, rol=obj.rol, door=request.user
        )
        services.uitnodiging_versturen(uitnodiging=uitnodiging, token=token, basis_url=request.build_absolute_uri("/"))
        obj.pk = uitnodiging.pk
        messages.success(request, f"De uitnodiging is verstuurd naar {uitnodiging.email}.")


@admin.register(Revisie)
class RevisieAdmin(admin.ModelAdmin):
    """Moderation: the coordinator sees what changes, field by field, and approves or rejects with a reason."""

    list_display = ["__str__", "organisatie", "nieuw", "ingediend_door", "ingediend_op", "status"]
    list_filter = ["status", "soort", "nieuw"]
    search_fields = ["organisatie__naam", "aanbod__titel"]
    readonly_fields = [
        "soort",
        "nieuw",
        "organisatie",
        "aanbod",
        "status",
        "ingediend_door",
        "ingediend_op",
        "beoordeeld_door",
        "beoordeeld_op",
        "reden",
        "verschillen",
    ]
    exclude = ["data"]
    change_form_template = "admin/armoedepact/revisie/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisatie", "aanbod", "ingediend_door")

    @admin.display(description="Wat verandert er")
    def verschillen(self, obj):
        from armoedepact.partner.services import revisie_verschillen

        rijen = format_html_join("", "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>", revisie_verschillen(obj))
        return format_html(
            "<table><thead><tr><th scope='col'>Veld</th><th scope='col'>Nu</th><th scope='col'>Voorstel</th></tr>"
            "</thead><tbody>{}</tbody></table>",
            rijen,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from armoedepact.partner import services as partner_services

        if request.method == "POST" and ("_goedkeuren" in request.POST or "_afwijzen" in request.POST):
            revisie = self.get_object(request, object_id)
            if revisie is None or not self.has_change_permission(request, revisie):
                raise PermissionDenied
            try:
                if "_goedkeuren" in request.POST:
                    partner_services.revisie_goedkeuren(
                        revisie=revisie,
                        door=request.user,
                        basis_url=request.build_absolute_uri("/"),
                        gezien=request.POST.get("vingerafdruk", ""),
                    )
                    from armoedepact.partner.selectors import publicatie_uitleg

                    messages.success(request, publicatie_uitleg(revisie=revisie))
                else:
                    partner_services.revisie_afwijzen(
                        revisie=revisie,
                        door=request.user,
                        reden=request.POST.get("reden", ""),
                        basis_url=request.build_absolute_uri("/"),
                    )
                    messages.success(request, "De wijziging is afgewezen. De partner ziet uw reden.")
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return HttpResponseRedirect(request.path)
            return HttpResponseRedirect(reverse("admin:armoedepact_revisie_changelist"))
        revisie = self.get_object(request, object_id)
        extra_context = {**(extra_context or {})}
        if revisie is not None:
            # The approval carries what this page shows (see revisie_goedkeuren).
            extra_context["vingerafdruk"] = partner_services.revisie_vingerafdruk(revisie)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Correctie)
class CorrectieAdmin(admin.ModelAdmin):
    """ "Klopt er iets niet?": what visitors reported, open ones first; the coordinator marks them done."""

    list_display = ["naam", "onderwerp", "wat", "toelichting", "organisatie", "ingediend_op", "afgehandeld_op"]
    list_filter = [AfgehandeldFilter, "onderwerp", "wat"]
    search_fields = ["naam", "toelichting", "organisatie__naam"]
    readonly_fields = [
        "onderwerp",
        "naam",
        "organisatie",
        "aanbod",
        "regeling",
        "wat",
        "toelichting",
        "ingediend_op",
        "afgehandeld_op",
        "afgehandeld_door",
    ]
    actions = ["markeer_afgehandeld"]
    change_form_template = "admin/armoedepact/correctie/change_form.html"

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisatie")

    @admin.action(description="Markeer als afgehandeld", permissions=["change"])
    def markeer_afgehandeld(self, request, queryset):
        aantal = 0
        for correctie in queryset.filter(afgehandeld_op=None):
            correctie_services.correctie_afhandelen(correctie=correctie, door=request.user)
            aantal += 1
        messages.success(request, f"{aantal} melding(en) afgehandeld.")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and "_afgehandeld" in request.POST:
            correctie = self.get_object(request, object_id)
            if correctie is None or not self.has_change_permission(request, correctie):
                raise PermissionDenied
            try:
                correctie_services.correctie_afhandelen(correctie=correctie, door=request.user)
                messages.success(request, "De melding is afgehandeld.")
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(reverse("admin:armoedepact_correctie_changelist"))
        return super().change_view(request, object_id, form_url, extra_context)
