"""History in /beheer/: one version per admin save (with its opening hours, locations
and thema's), a restore that brings all of that back, and the "Wie deed wat" page.

The ModelAdmins of aanbod, organisaties, regelingen and norms live in their own
apps; BeheerAdminConfig.ready() re-registers them here with `VersieAdminMixin`
(armoedepact/regie/admin.py), because only the top may write versions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse

from armoedepact import historie
from armoedepact.models import VERSIES


class VersieAdminMixin:
    """For a SimpleHistoryAdmin of a tracked model."""

    object_history_template = "admin/regie/versies.html"
    object_history_form_template = "admin/regie/versie_herstellen.html"

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True  # the version is written in save_related, after the inlines
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        obj.__dict__.pop("skip_history_when_saving", None)
        historie.versie_vastleggen(obj, soort="~" if change else "+", door=request.user)

    def history_view(self, request, object_id, extra_context=None):
        pk = unquote(object_id)
        versies = self.model.history.model.objects.filter(**{self.model._meta.pk.attname: pk})
        versies = versies.select_related("history_user", "goedgekeurd_door").order_by("-history_date")[:200]
        extra = {
            "wie_deed_wat_url": _wie_deed_wat_url(self.model, pk),
            "rijen": [_regel(self.model, versie) for versie in versies],
        }
        return super().history_view(request, object_id, {**extra, **(extra_context or {})})

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        historisch = self.model.history.model
        versie = get_object_or_404(
            historisch, **{self.model._meta.pk.attname: unquote(object_id), "history_id": version_id}
        )
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            try:
                historie.versie_herstellen(versie=versie, door=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return HttpResponseRedirect(request.path)
            messages.success(
                request,
                f"De versie van {versie.history_date:%d-%m-%Y %H:%M} is teruggezet, met alles wat erbij hoorde.",
            )
            opts = self.model._meta
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[versie.instance.pk])
            )
        request._regie_versie = versie
        extra = {"samenhang": historie.beschrijf_samenhang(versie), "versie": versie}
        return super().history_form_view(request, object_id, version_id, {**extra, **(extra_context or {})})

    def get_readonly_fields(self, request, obj=None):
        if getattr(request, "_regie_versie", None) is not None:
            # The restore page shows the old version; the button restores it as a whole.
            # (simple-history reads `prepopulated_fields` directly: those stay form fields.)
            voorgevuld = set(self.prepopulated_fields)
            for bronnen in self.prepopulated_fields.values():
                voorgevuld.update(bronnen)
            namen = [f.name for f in self.model._meta.fields if f.editable]
            namen += [f.name for f in self.model._meta.many_to_many]
            return [naam for naam in namen if naam not in voorgevuld]
        return super().get_readonly_fields(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        versie = getattr(request, "_regie_versie", None)
        if versie is not None and obj is not None:
            # Show the thema's, kernen... of that version, not today's.
            oud = versie.samenhang or {}
            cache = obj.__dict__.setdefault("_prefetched_objects_cache", {})
            for field in self.model._meta.many_to_many:
                if field.name in oud:
                    cache[field.name] = field.related_model.objects.filter(pk__in=oud[field.name])
        return super().get_form(request, obj, **kwargs)


def _wie_deed_wat_url(model, pk) -> str:
    return reverse("admin:regie_wie_deed_wat") + f"?soort={model._meta.model_name}&id={pk}"


# --- "Wie deed wat" -------------------------------------------------------------------

SOORT_TEKST = {"+": "Aangemaakt", "~": "Gewijzigd", "-": "Verwijderd"}


def _soorten() -> dict:
    return {model._meta.model_name: model for model in VERSIES}


def _regel(model, versie) -> dict:
    vorige = versie.prev_record
    veranderd = []
    if vorige is not None and versie.history_type == "~":
        try:
            delta = versie.diff_against(vorige, foreign_keys_are_objs=False)
            veranderd = [model._meta.get_field(c.field).verbose_name for c in delta.changes]
        except Exception:  # noqa: BLE001 - a field removed since; the list still shows who and when
            veranderd = []
        if (versie.samenhang or {}).get("openingstijden") != (vorige.samenhang or {}).get("openingstijden"):
            veranderd.append("openingstijden")
        if model._meta.model_name == "organisatie" and (versie.samenhang or {}).get("locaties") != (
            vorige.samenhang or {}
        ).get("locaties"):
            veranderd.append("locaties")
    opts = model._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[versie.instance.pk, versie.pk])
    except NoReverseMatch:
        url = ""
    return {
        "datum": versie.history_date,
        "soort": opts.verbose_name,
        "naam": str(versie.instance),
        "wat": SOORT_TEKST.get(versie.history_type, versie.history_type),
        "velden": ", ".join(str(v) for v in veranderd),
        "reden": versie.history_change_reason or "",
        "door": versie.history_user,
        "goedgekeurd_door": versie.goedgekeurd_door,
        "url": url,
    }


def wie_deed_wat(request, site):
    """Every version of one object (?soort=aanbod&id=5), of one person (?gebruiker=3), or all, newest first."""
    from django.contrib.auth import get_user_model

    soorten = _soorten()
    soort = request.GET.get("soort", "")
    object_id = request.GET.get("id", "")
    gebruiker_id = request.GET.get("gebruiker", "")
    gekozen = {soort: soorten[soort]} if soort in soorten else soorten
    titel = "Wie deed wat"
    regels = []
    gebruiker = None
    if gebruiker_id.isdigit():
        gebruiker = get_user_model().objects.filter(pk=int(gebruiker_id)).first()
    for model in gekozen.values():
        qs = model.history.model.objects.select_related("history_user", "goedgekeurd_door").order_by("-history_date")
        if object_id.isdigit() and soort in soorten:
            qs = qs.filter(**{model._meta.pk.attname: int(object_id)})
        if gebruiker is not None:
            from django.db.models import Q

            qs = qs.filter(Q(history_user=gebruiker) | Q(goedgekeurd_door=gebruiker))
        regels.extend((model, v) for v in qs[:500])
    regels.sort(key=lambda mv: mv[1].history_date, reverse=True)
    pagina = Paginator(regels, 50).get_page(request.GET.get("p"))
    rijen = [_regel(model, versie) for model, versie in pagina.object_list]
    if object_id.isdigit() and soort in soorten and rijen:
        titel = f"Wie deed wat: {rijen[0]['naam']}"
    elif gebruiker is not None:
        titel = f"Wie deed wat: {gebruiker.get_full_name() or gebruiker.email or gebruiker.username}"
    context = {
        **site.each_context(request),
        "title": titel,
        "rijen": rijen,
        "pagina": pagina,
        "soorten": [(naam, model._meta.verbose_name_plural) for naam, model in soorten.items()],
        "soort": soort,
        "object_id": object_id,
        "gebruiker": gebruiker,
        "mensen": get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "email"),
    }
    return render(request, "regie/wie_deed_wat.html", context)
