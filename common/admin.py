"""Admin pieces that belong to no app."""

from __future__ import annotations

from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

FORMATEN = [CSV, XLSX]


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
