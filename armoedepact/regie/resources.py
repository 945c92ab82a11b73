"""Import and export (django-import-export) of organisaties, aanbod, regelingen and
normbedragen, as CSV and XLSX.

Every import runs as one transaction: the admin first shows a dry run (what is
created, changed or refused, with the row and the reason) and only offers to
import when no row is refused. A file with one bad row changes nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from regelingen.models import BEDRAG_VELDEN, VOORWAARDE_VELDEN, Normbedrag, Regeling
from sociale_kaart import services as kaart_services
from sociale_kaart.models import Aanbod, Doelgroep, Kern, Levensgebeurtenis, Organisatie, Thema

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
        if not tekst.isdigit():
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


def _veld(kolom: str, widget=None) -> fields.Field:
    return fields.Field(attribute=kolom, column_name=kolom, widget=widget)


class BasisResource(resources.ModelResource):
    """Refuses unknown columns and duplicate keys in one file; Dutch reasons."""

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
        bekend = {veld.column_name for veld in self.get_import_fields()}
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


class OrganisatieResource(BasisResource):
    pactpartner = _veld("pactpartner", JaNeeWidget())
    kernpartner = _veld("kernpartner", JaNeeWidget())
    vertrouwd = _veld("vertrouwd", JaNeeWidget())
    pactpartner_sinds = _veld("pactpartner_sinds", DatumWidget())
    laatst_gecontroleerd = _veld("laatst_gecontroleerd", DatumWidget())

    class Meta:
        model = Organisatie
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "naam",
            "korte_omschrijving",
            "website",
            "telefoon",
            "email",
            "pactpartner",
            "pactpartner_sinds",
            "kernpartner",
            "vertrouwd",
            "status",
            "laatst_gecontroleerd",
        ]

    def after_import(self, dataset, result, **kwargs):
        if not kwargs.get("dry_run"):
            ids = [r.object_id for r in result.rows if r.object_id]
            kaart_services.organisatie_zoekvector_bijwerken(organisatie_ids=ids)


class AanbodResource(BasisResource):
    organisatie = _veld("organisatie", SlugWidget(Organisatie, "organisatie"))
    themas = _veld("themas", SlugsWidget(Thema))
    doelgroepen = _veld("doelgroepen", SlugsWidget(Doelgroep))
    levensgebeurtenissen = _veld("levensgebeurtenissen", SlugsWidget(Levensgebeurtenis))
    kernen = _veld("kernen", SlugsWidget(Kern))
    heel_de_gemeente = _veld("heel_de_gemeente", JaNeeWidget())
    op_afstand = _veld("op_afstand", JaNeeWidget())
    min_leeftijd = _veld("min_leeftijd", GetalWidget())
    max_leeftijd = _veld("max_leeftijd", GetalWidget())
    laatst_gecontroleerd = _veld("laatst_gecontroleerd", DatumWidget())
    lijsten = (
        ("themas", Thema, "thema's"),
        ("doelgroepen", Doelgroep, "doelgroepen"),
        ("levensgebeurtenissen", Levensgebeurtenis, "levensgebeurtenissen"),
        ("kernen", Kern, "kernen"),
    )

    class Meta:
        model = Aanbod
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "titel",
            "organisatie",
            "wat_u_krijgt",
            "voor_wie",
            "themas",
            "doelgroepen",
            "levensgebeurtenissen",
            "kernen",
            "heel_de_gemeente",
            "op_afstand",
            "kosten",
            "kosten_toelichting",
            "hoe_aanvragen",
            "meenemen",
            "telefoon",
            "email",
            "website",
            "openingstijden_toelichting",
            "min_leeftijd",
            "max_leeftijd",
            "pijler",
            "status",
            "laatst_gecontroleerd",
        ]

    def after_import(self, dataset, result, **kwargs):
        if not kwargs.get("dry_run"):
            ids = [r.object_id for r in result.rows if r.object_id]
            kaart_services.aanbod_zoekvector_bijwerken(aanbod_ids=ids)


class RegelingResource(BasisResource):
    uitvoerder = _veld("uitvoerder", SlugWidget(Organisatie, "organisatie"))
    helpt_gratis = _veld("helpt_gratis", SlugsWidget(Organisatie))
    themas = _veld("themas", SlugsWidget(Thema))
    actief = _veld("actief", JaNeeWidget())
    vermogenstoets = _veld("vermogenstoets", JaNeeWidget())
    tot_aow_leeftijd = _veld("tot_aow_leeftijd", JaNeeWidget())
    niet_voor_studenten = _veld("niet_voor_studenten", JaNeeWidget())
    alleen_inwoners = _veld("alleen_inwoners", JaNeeWidget())
    hooguit_misschien = _veld("hooguit_misschien", JaNeeWidget())
    percentage = _veld("percentage", BedragWidget())
    percentage_met_kinderen = _veld("percentage_met_kinderen", BedragWidget())
    bedrag_vast = _veld("bedrag_vast", BedragWidget())
    bedrag_per_volwassene = _veld("bedrag_per_volwassene", BedragWidget())
    bedrag_per_kind = _veld("bedrag_per_kind", BedragWidget())
    min_leeftijd = _veld("min_leeftijd", GetalWidget())
    kind_leeftijd_van = _veld("kind_leeftijd_van", GetalWidget())
    kind_leeftijd_tot = _veld("kind_leeftijd_tot", GetalWidget())
    min_jaren_laag_inkomen = _veld("min_jaren_laag_inkomen", GetalWidget())
    laatst_gecontroleerd = _veld("laatst_gecontroleerd", DatumWidget())
    lijsten = (("helpt_gratis", Organisatie, "organisaties"), ("themas", Thema, "thema's"))

    class Meta:
        model = Regeling
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "naam",
            "actief",
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
            *VOORWAARDE_VELDEN,
            *BEDRAG_VELDEN,
            "laatst_gecontroleerd",
        ]


class NormbedragResource(BasisResource):
    bedrag = _veld("bedrag", BedragWidget())
    geldig_vanaf = _veld("geldig_vanaf", DatumWidget())

    class Meta:
        model = Normbedrag
        import_id_fields = ["huishoudtype", "geldig_vanaf"]
        fields = ["huishoudtype", "bedrag", "geldig_vanaf"]
