"""Import and export (CSV, XLSX) of regelingen and normbedragen, on the base in common.importexport."""

from __future__ import annotations

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

    class Meta:
        model = Normbedrag
        import_id_fields = ["huishoudtype", "geldig_vanaf"]
        fields = ["huishoudtype", "bedrag", "geldig_vanaf"]
