"""Import and export (CSV, XLSX) of regelingen and normbedragen, on the base in common.importexport."""

from __future__ import annotations

from django.utils import timezone

from common.importexport import (
    BasisResource,
    BedragWidget,
    DatumWidget,
    GetalWidget,
    JaNeeWidget,
    SlugsWidget,
    SlugWidget,
    veld,
)
from regelingen import selectors as regeling_selectors
from regelingen import testgevallen
from regelingen.models import BEDRAG_VELDEN, VOORWAARDE_VELDEN, Normbedrag, Regeling
from sociale_kaart.models import Organisatie, Thema


class RegelingResource(BasisResource):
    uitvoerder = veld("uitvoerder", SlugWidget(Organisatie, "organisatie"))
    helpt_gratis = veld("helpt_gratis", SlugsWidget(Organisatie))
    themas = veld("themas", SlugsWidget(Thema))
    actief = veld("actief", JaNeeWidget())
    vermogenstoets = veld("vermogenstoets", JaNeeWidget())
    tot_aow_leeftijd = veld("tot_aow_leeftijd", JaNeeWidget())
    niet_voor_studenten = veld("niet_voor_studenten", JaNeeWidget())
    alleen_inwoners = veld("alleen_inwoners", JaNeeWidget())
    hooguit_misschien = veld("hooguit_misschien", JaNeeWidget())
    percentage = veld("percentage", BedragWidget())
    percentage_met_kinderen = veld("percentage_met_kinderen", BedragWidget())
    bedrag_vast = veld("bedrag_vast", BedragWidget())
    bedrag_per_volwassene = veld("bedrag_per_volwassene", BedragWidget())
    bedrag_per_kind = veld("bedrag_per_kind", BedragWidget())
    min_leeftijd = veld("min_leeftijd", GetalWidget())
    kind_leeftijd_van = veld("kind_leeftijd_van", GetalWidget())
    kind_leeftijd_tot = veld("kind_leeftijd_tot", GetalWidget())
    min_jaren_laag_inkomen = veld("min_jaren_laag_inkomen", GetalWidget())
    laatst_gecontroleerd = veld("laatst_gecontroleerd", DatumWidget())
    lijsten = (("helpt_gratis", Organisatie, "organisaties"), ("themas", Thema, "thema's"))

    # The testgevallen, as the admin form runs them: the rules before the file
    # are kept, and after the last row (still inside the import's transaction)
    # the rules as the file makes them are compared. The differences are on the
    # result (shown before the import is confirmed); a testgeval that would then
    # fail refuses the whole file, on the dry run and on the real import.
    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self._regels_voor = testgevallen.alle_regels()

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        result.testgeval_verschillen = []
        if result.has_errors() or result.has_validation_errors():
            return
        normen = regeling_selectors.normen_voor_engine()
        verschillen = testgevallen.verschillen(
            testgevallen=testgevallen.testgeval_list(),
            regels_nu=self._regels_voor,
            regels_straks=testgevallen.alle_regels(),
            normen_nu=normen,
            normen_straks=normen,
            peildatum=timezone.localdate(),
        )
        result.testgeval_verschillen = verschillen
        fout = [v for v in verschillen if v.straks_fout]
        if fout:
            namen = "; ".join(
                f"{v.testgeval.naam} ({v.testgeval.regeling.naam}: {v.straks}, "
                f"verwacht {v.testgeval.verwachte_uitkomst})"
                for v in fout
            )
            raise ValueError(
                f"Met dit bestand klopt de uitkomst van {len(fout)} testgeval(len) niet meer: {namen}. "
                "Verbeter het bestand of het testgeval. Er is niets veranderd."
            )

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
    bedrag = veld("bedrag", BedragWidget())
    geldig_vanaf = veld("geldig_vanaf", DatumWidget())

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # As in the admin form, but a file has no box to confirm another day.
        fouten = dict(import_validation_errors or {})
        if instance.geldig_vanaf and not regeling_selectors.is_normdatum(instance.geldig_vanaf):
            fouten.setdefault("geldig_vanaf", []).append(
                regeling_selectors.normdatum_melding(instance.geldig_vanaf)
                + " Voer deze norm dan in met het formulier in het beheer"
                " en vink daar 'Deze begindatum klopt echt' aan."
            )
        super().validate_instance(instance, fouten, validate_unique)

    class Meta:
        model = Normbedrag
        import_id_fields = ["huishoudtype", "geldig_vanaf"]
        fields = ["huishoudtype", "bedrag", "geldig_vanaf"]
