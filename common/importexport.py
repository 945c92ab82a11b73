"""The app-neutral base of every import and export (django-import-export), as CSV and XLSX:
Dutch widgets and a base resource with Dutch reasons.

Every import runs as one transaction: the admin first shows a dry run (what is
created, changed or refused, with the row and the reason) and only offers to
import when no row is refused. A file with one bad row changes nothing.

The resources of each app live in that app (sociale_kaart/resources.py,
regelingen/resources.py); the admin mixin is common.admin.CsvXlsxImportExportMixin.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV, XLSX

DATUM_FORMATEN = ("%Y-%m-%d", "%d-%m-%Y")


class DatumWidget(widgets.DateWidget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        tekst = str(value).strip()
        for formaat in DATUM_FORMATEN:
            try:
                return datetime.strptime(tekst, formaat).date()
            except ValueError:
                continue
        raise ValueError(f"De datum '{tekst[:30]}' kunnen we niet lezen. Schrijf hem als 2026-07-01 of 01-07-2026.")

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class BedragWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        tekst = str(value).strip().replace("€", "").replace(" ", "")
        if "," in tekst:
            tekst = tekst.replace(".", "").replace(",", ".")
        try:
            getal = Decimal(tekst)
        except InvalidOperation:
            raise ValueError(f"'{str(value)[:30]}' is geen getal. Schrijf bijvoorbeeld 120 of 1250,50.") from None
        if not getal.is_finite():
            raise ValueError(f"'{str(value)[:30]}' is geen getal. Schrijf bijvoorbeeld 120 of 1250,50.")
        return getal


class GetalWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        tekst = str(value).strip()
        if tekst.endswith(".0"):
            tekst = tekst[:-2]
        if not tekst.removeprefix("-").isdigit():
            raise ValueError(f"'{tekst[:30]}' is geen heel getal. Schrijf bijvoorbeeld 18.")
        return int(tekst)


class JaNeeWidget(widgets.BooleanWidget):
    JA = {"ja", "j", "1", "true", "waar", "yes"}
    NEE = {"nee", "n", "0", "false", "onwaar", "no", ""}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        tekst = "" if value is None else str(value).strip().lower()
        if tekst in self.JA:
            return True
        if tekst in self.NEE:
            return False
        raise ValueError(f"Schrijf ja of nee, niet '{tekst[:30]}'.")

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nee"


class SlugWidget(widgets.ForeignKeyWidget):
    """A foreign key by slug, with a Dutch message when the slug is unknown."""

    def __init__(self, model, naam: str):
        super().__init__(model, field="slug")
        self.naam = naam

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return super().clean(str(value).strip(), row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(f"Er is geen {self.naam} met de slug '{str(value)[:60]}'.") from None


class SlugsWidget(widgets.ManyToManyWidget):
    def __init__(self, model):
        super().__init__(model, separator=",", field="slug")


def veld(kolom: str, widget=None) -> fields.Field:
    """A column with the same name as the model field."""
    return fields.Field(attribute=kolom, column_name=kolom, widget=widget)


def _databasefout(instance, fout: IntegrityError) -> dict | str:
    """A Dutch reason for what PostgreSQL refused, by column when it names one."""
    diag = getattr(getattr(fout, "__cause__", None), "diag", None)
    kolom = getattr(diag, "column_name", None)
    if kolom:
        try:
            veldnaam = instance._meta.get_field(kolom.removesuffix("_id")).name
        except Exception:
            veldnaam = kolom
        return {veldnaam: "Deze cel mag niet leeg zijn of heeft een waarde die niet past."}
    if getattr(diag, "constraint_name", None):
        return "Deze rij botst met een andere rij (twee keer dezelfde waarde). Er is niets veranderd."
    return "Deze rij kunnen we niet opslaan. Kijk of alle cellen goed zijn ingevuld."


class BestandTeGroot(ValueError):
    """An import file over the limits; the message is Dutch and shown as it is."""


def _rijen_tellen(dataset):
    from django.conf import settings

    if len(dataset) > settings.IMPORT_MAX_RIJEN:
        raise BestandTeGroot(
            f"Het bestand heeft meer dan {settings.IMPORT_MAX_RIJEN} regels. Dat is te veel voor één keer. "
            "Splits het in kleinere bestanden. Er is niets veranderd."
        )
    return dataset


class VeiligCSV(CSV):
    def create_dataset(self, in_stream, **kwargs):
        return _rijen_tellen(super().create_dataset(in_stream, **kwargs))


class VeiligXLSX(XLSX):
    """Checks what an XLSX (a zip file) unpacks to before anything unpacks it."""

    def create_dataset(self, in_stream, **kwargs):
        import io
        import zipfile

        from django.conf import settings

        try:
            with zipfile.ZipFile(io.BytesIO(in_stream)) as zip_:
                uitgepakt = sum(info.file_size for info in zip_.infolist())
        except zipfile.BadZipFile as fout:
            raise BestandTeGroot("Dit is geen goed XLSX-bestand. Sla het opnieuw op als .xlsx of als .csv.") from fout
        if uitgepakt > settings.IMPORT_MAX_UITGEPAKT:
            raise BestandTeGroot(
                f"Dit XLSX-bestand is uitgepakt {uitgepakt // 1_000_000} MB. Dat is te groot "
                f"(hoogstens {settings.IMPORT_MAX_UITGEPAKT // 1_000_000} MB). Sla alleen de tabel op, "
                "zonder plaatjes, of gebruik een CSV-bestand. Er is niets veranderd."
            )
        return _rijen_tellen(super().create_dataset(in_stream, **kwargs))


_FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")
_GETAL = re.compile(r"-?\d+([.,]\d+)?")


def veilige_cel(waarde):
    """A cell value for a CSV or XLSX file: text that a spreadsheet would run as a
    formula (=, +, -, @, tab, return at the start) gets a leading apostrophe, so it
    stays text. Numbers, also negative ones, stay as they are."""
    if isinstance(waarde, str) and waarde.startswith(_FORMULE_BEGIN) and not _GETAL.fullmatch(waarde):
        return "'" + waarde
    return waarde


class BasisResource(resources.ModelResource):
    """Refuses unknown columns and duplicate keys in one file; Dutch reasons.
    Exports write formula-like text as text (veilige_cel).

    An empty cell of a text column is an empty text, not NULL (a spreadsheet
    gives None for an empty cell; a TextField has no widget of its own in
    django-import-export). What the database still refuses is told in Dutch,
    with the column, and the whole file is rolled back."""

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        # Every column that is not declared reads as the declared ones do, with Dutch reasons.
        if isinstance(f, models.TextField):
            return widgets.CharWidget
        if isinstance(f, models.DecimalField):
            return BedragWidget
        if isinstance(f, models.IntegerField) and not isinstance(f, models.AutoField):
            return GetalWidget
        if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
            return DatumWidget
        if isinstance(f, models.BooleanField):
            return JaNeeWidget
        return super().widget_from_django_field(f, default)

    @classmethod
    def widget_kwargs_for_field(cls, field_name, django_field):
        kwargs = super().widget_kwargs_for_field(field_name, django_field)
        if isinstance(django_field, models.CharField | models.TextField):
            kwargs["allow_blank"] = not django_field.null
        return kwargs

    def import_data(self, dataset, **kwargs):
        # One bad row changes nothing, also on the real import after the dry run.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def save_instance(self, instance, is_create, row, **kwargs):
        try:
            with transaction.atomic():
                super().save_instance(instance, is_create, row, **kwargs)
        except IntegrityError as fout:
            raise ValidationError(_databasefout(instance, fout)) from None

    def export(self, *args, **kwargs):
        dataset = super().export(*args, **kwargs)
        veilig = [tuple(veilige_cel(cel) for cel in rij) for rij in dataset]
        del dataset[:]
        for rij in veilig:
            dataset.append(rij)
        return dataset

    # Many-to-many columns: (column, model, name for the message)
    lijsten: tuple[tuple[str, type, str], ...] = ()

    class Meta:
        # Every import: validate each row as the admin would, report unchanged
        # rows, and all-or-nothing in one transaction.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def before_import(self, dataset, **kwargs):
        self._gezien: dict[tuple, int] = {}
        self._rij = 0
        kolommen = [str(kolom or "").strip() for kolom in (dataset.headers or [])]
        bekend = {kolomveld.column_name for kolomveld in self.get_import_fields()}
        onbekend = [kolom for kolom in kolommen if kolom not in bekend]
        if onbekend:
            raise ValueError(
                "De kopregel (de eerste regel van het bestand): "
                f"de kolom {', '.join(repr(k) for k in onbekend)} kennen we niet. "
                f"Gebruik alleen deze kolommen: {', '.join(sorted(bekend))}. Er is niets veranderd."
            )
        ontbreekt = [kolom for kolom in self._meta.import_id_fields if kolom not in kolommen]
        if ontbreekt:
            raise ValueError(
                "De kopregel (de eerste regel van het bestand): "
                f"de kolom {', '.join(ontbreekt)} ontbreekt. Die is nodig. Er is niets veranderd."
            )
        dataset.headers = kolommen

    def before_import_row(self, row, **kwargs):
        self._rij += 1
        sleutel = tuple(str(row.get(kolom, "")).strip() for kolom in self._meta.import_id_fields)
        if sleutel in self._gezien:
            tekst = " en ".join(sleutel)
            raise ValidationError(
                {
                    self._meta.import_id_fields[0]: (
                        f"'{tekst}' staat twee keer in het bestand (ook in rij {self._gezien[sleutel]}). "
                        "Elke rij moet een eigen waarde hebben."
                    )
                }
            )
        self._gezien[sleutel] = self._rij
        fouten = {}
        for kolom, model, naam in self.lijsten:
            if kolom not in row:
                continue
            slugs = [s.strip() for s in str(row.get(kolom) or "").split(",") if s.strip()]
            bestaand = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
            missend = [s for s in slugs if s not in bestaand]
            if missend:
                fouten[kolom] = f"Deze {naam} kennen we niet: {', '.join(missend)}."
        if fouten:
            raise ValidationError(fouten)
