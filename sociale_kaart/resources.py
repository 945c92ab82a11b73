"""Import and export (CSV, XLSX) of organisaties and aanbod, on the base in common.importexport.
After a real import the stored search vectors of the imported rows are recomputed."""

from __future__ import annotations

from common.importexport import BasisResource, DatumWidget, GetalWidget, JaNeeWidget, SlugsWidget, SlugWidget, veld
from sociale_kaart import services as kaart_services
from sociale_kaart.models import Aanbod, Doelgroep, Kern, Levensgebeurtenis, Organisatie, Pijler, Thema


class OrganisatieResource(BasisResource):
    pactpartner = veld("pactpartner", JaNeeWidget())
    kernpartner = veld("kernpartner", JaNeeWidget())
    vertrouwd = veld("vertrouwd", JaNeeWidget())
    pactpartner_sinds = veld("pactpartner_sinds", DatumWidget())
    laatst_gecontroleerd = veld("laatst_gecontroleerd", DatumWidget())

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
    organisatie = veld("organisatie", SlugWidget(Organisatie, "organisatie"))
    themas = veld("themas", SlugsWidget(Thema))
    doelgroepen = veld("doelgroepen", SlugsWidget(Doelgroep))
    levensgebeurtenissen = veld("levensgebeurtenissen", SlugsWidget(Levensgebeurtenis))
    kernen = veld("kernen", SlugsWidget(Kern))
    pijler = veld("pijler", SlugWidget(Pijler, "pijler"))
    heel_de_gemeente = veld("heel_de_gemeente", JaNeeWidget())
    op_afstand = veld("op_afstand", JaNeeWidget())
    min_leeftijd = veld("min_leeftijd", GetalWidget())
    max_leeftijd = veld("max_leeftijd", GetalWidget())
    laatst_gecontroleerd = veld("laatst_gecontroleerd", DatumWidget())
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
