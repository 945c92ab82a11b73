"""Admin pieces that belong to no app."""

from __future__ import annotations

from django.contrib import admin
from import_export.admin import ImportExportMixin

from common.importexport import BestandTeGroot, VeiligCSV, VeiligXLSX

# CSV and XLSX with a row limit; an XLSX's unpacked size is checked before it is read.
FORMATEN = [VeiligCSV, VeiligXLSX]


class CsvXlsxImportExportMixin(ImportExportMixin):
    """Import/export as CSV or XLSX; refused rows and file errors in plain Dutch, without tracebacks.

    The resources are built on common.importexport.BasisResource."""

    formats = FORMATEN
    import_template_name = "admin/common/import.html"

    def has_import_permission(self, request):
        # An import adds and changes rows: it needs both rights (a redacteur cannot import regelingen).
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def process_result(self, result, request):
        # The real import after the dry run: when a row or a check (such as the
        # testgevallen of regelingen) refuses it now, everything was rolled back.
        if result.has_errors() or result.has_validation_errors():
            from django.contrib import messages
            from django.http import HttpResponseRedirect
            from django.urls import reverse

            redenen = [str(fout.error) for fout in result.base_errors]
            redenen += [f"Rij {rij.number}: {fout}" for rij in result.invalid_rows for fout in rij.error.messages]
            redenen += [f"Rij {regel}: {fout.error}" for regel, fouten in result.row_errors() for fout in fouten]
            messages.error(request, "Er is niets ingelezen en niets veranderd. " + " ".join(redenen))
            info = self.opts.app_label, self.opts.model_name
            return HttpResponseRedirect(reverse("admin:{}_{}_import".format(*info), current_app=self.admin_site.name))
        return super().process_result(result, request)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, BestandTeGroot):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)


class AfgehandeldFilter(admin.SimpleListFilter):
    """Open or done, for a model with a date field `afgehandeld_op` (empty while open)."""

    title = "afgehandeld"
    parameter_name = "afgehandeld"

    def lookups(self, request, model_admin):
        return [("nee", "Nog open"), ("ja", "Afgehandeld")]

    def queryset(self, request, queryset):
        if self.value() == "nee":
            return queryset.filter(afgehandeld_op=None)
        if self.value() == "ja":
            return queryset.exclude(afgehandeld_op=None)
        return queryset


class ZonderVertalingFilter(admin.SimpleListFilter):
    """Rows without a translation yet in one of the site's languages (the `vertalingen`
    field, common/vertalingen.py): what the coordinator still has to have translated."""

    title = "vertaling"
    parameter_name = "zonder_vertaling"

    @staticmethod
    def _talen() -> list[str]:
        from django.conf import settings

        return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

    def lookups(self, request, model_admin):
        from django.utils.translation import get_language_info

        return [(code, f"Nog niet in het {get_language_info(code)['name_translated']}") for code in self._talen()]

    def queryset(self, request, queryset):
        from django.db.models import Q

        code = self.value()
        if code not in self._talen():
            return queryset
        vertaald = Q(vertalingen__has_key=code) & ~Q(**{f"vertalingen__{code}": {}})
        return queryset.exclude(vertaald)


class AlleenAnoniemeAantallenMixin:
    """An admin list of counts: small ones hidden (common/anoniem.py), no detail
    page with the exact numbers, nothing to add or change."""

    list_display_links = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        from django.shortcuts import redirect

        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")


class BenoemdeLijstveldenMixin:
    """`list_editable` fields (such as an order number) sit in a table cell without a
    label; screen readers then announce "edit text" only. Each input gets the field's
    name and the row it belongs to, for example "Volgorde van Inkomen"."""

    def get_changelist_formset(self, request, **kwargs):
        formset_class = super().get_changelist_formset(request, **kwargs)

        class BenoemdeFormset(formset_class):
            def _construct_form(self, i, **form_kwargs):
                form = super()._construct_form(i, **form_kwargs)
                for naam, veld in form.fields.items():
                    if veld.widget.is_hidden:
                        continue
                    label = str(veld.label or naam).capitalize()
                    veld.widget.attrs["aria-label"] = f"{label} van {form.instance}" if form.instance.pk else label
                return form

        return BenoemdeFormset
