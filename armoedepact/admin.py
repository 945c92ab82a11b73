from django.contrib import admin, messages

from armoedepact import services
from armoedepact.models import Lidmaatschap, Uitnodiging


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
