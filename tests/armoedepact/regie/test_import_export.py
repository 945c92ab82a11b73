"""Import and export of organisaties, aanbod, regelingen and normbedragen (CSV, XLSX):
a dry run shows what changes; a file with one bad row changes nothing."""

import io
from datetime import date
from decimal import Decimal

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from regelingen.models import Normbedrag, Regeling
from regelingen.resources import NormbedragResource, RegelingResource
from sociale_kaart.models import Aanbod, Organisatie
from sociale_kaart.resources import AanbodResource, OrganisatieResource

pytestmark = pytest.mark.django_db

KOP = "slug,naam,korte_uitleg,wat_u_krijgt,uitvoerder,percentage,percentage_met_kinderen,actief,laatst_gecontroleerd"


def _regel(slug, naam="Nieuwe regeling", percentage="120", datum="2026-07-01", uitvoerder="gemeente-westerkwartier"):
    return f"{slug},{naam},Korte uitleg.,Geld voor u.,{uitvoerder},{percentage},{percentage},ja,{datum}"


def _csv(*regels, kop=KOP) -> bytes:
    return ("\n".join([kop, *regels]) + "\n").encode()


def _dataset(inhoud: bytes) -> tablib.Dataset:
    return tablib.Dataset().load(inhoud.decode(), format="csv")


def _upload(admin_client, model_url: str, inhoud: bytes, *, naam="regelingen.csv", formaat="0"):
    bestand = SimpleUploadedFile(naam, inhoud, content_type="text/csv")
    return admin_client.post(f"{model_url}import/", {"format": formaat, "import_file": bestand})


def _stand():
    return list(Regeling.objects.order_by("slug").values_list("slug", "naam", "percentage", "laatst_gecontroleerd"))


@pytest.mark.parametrize(
    ("regel", "reden"),
    [
        (_regel("fout-datum", datum="1 juli 2026"), "Schrijf hem als 2026-07-01 of 01-07-2026"),
        (_regel("te-hoog", percentage="1000"), "500"),
        (_regel("onbekende-uitvoerder", uitvoerder="bestaat-niet"), "Er is geen organisatie met de slug"),
        (_regel("tekst-percentage", percentage="veel"), "is geen getal"),
        (_regel("kindpakket"), "staat twee keer in het bestand"),
    ],
)
def test_one_bad_row_refuses_the_whole_file_with_row_and_reason(regelingen_demo, regel, reden):
    voor = _stand()
    inhoud = _csv(_regel("kindpakket", naam="Kindpakket nieuw"), _regel("goede-regeling"), regel)
    resultaat = RegelingResource().import_data(_dataset(inhoud), dry_run=False, rollback_on_validation_errors=True)
    assert resultaat.has_validation_errors()
    fout = resultaat.invalid_rows[0]
    assert fout.number == 3  # the third data row
    assert reden in str(fout.error_dict)
    assert _stand() == voor  # nothing changed, not even the good rows


def test_unknown_column_refuses_the_file(regelingen_demo):
    voor = _stand()
    inhoud = _csv(_regel("x") + ",extra", kop=KOP + ",kleur")
    resultaat = RegelingResource().import_data(_dataset(inhoud), dry_run=False)
    assert resultaat.has_errors()
    assert "de kolom 'kleur' kennen we niet" in str(resultaat.base_errors[0].error)
    assert _stand() == voor


def test_admin_dry_run_shows_row_and_reason_and_offers_no_import(admin_client, regelingen_demo):
    voor = _stand()
    response = _upload(
        admin_client,
        "/beheer/regelingen/regeling/",
        _csv(_regel("goede-regeling"), _regel("te-hoog", percentage="1000")),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sommige rijen kloppen niet" in html and "Er is niets veranderd" in html
    assert "kleiner of gelijk is aan 500" in html or "500" in html
    assert "process_import" not in html  # no confirm button
    assert _stand() == voor


def test_admin_wrong_column_is_shown_without_a_traceback(admin_client, regelingen_demo):
    response = _upload(admin_client, "/beheer/regelingen/regeling/", _csv(_regel("x") + ",1", kop=KOP + ",kleur"))
    html = response.content.decode()
    assert "Het bestand is niet ingelezen" in html and "kennen we niet" in html
    assert "Traceback" not in html


def test_admin_fixed_file_shows_new_and_changed_then_imports(admin_client, regelingen_demo):
    inhoud = _csv(_regel("kindpakket", naam="Kindpakket (nieuw)"), _regel("goede-regeling", naam="Goede regeling"))
    response = _upload(admin_client, "/beheer/regelingen/regeling/", inhoud)
    html = response.content.decode()
    assert "process_import" in html
    assert Regeling.objects.filter(slug="goede-regeling").count() == 0  # dry run only
    form = response.context["confirm_form"]
    data = {naam: form.initial[naam] for naam in ("import_file_name", "original_file_name", "format", "resource")}
    response = admin_client.post("/beheer/regelingen/regeling/process_import/", data)
    assert response.status_code == 302
    assert Regeling.objects.get(slug="goede-regeling").naam == "Goede regeling"
    assert Regeling.objects.get(slug="kindpakket").naam == "Kindpakket (nieuw)"
    assert Regeling.objects.get(slug="kindpakket").laatst_gecontroleerd == date(2026, 7, 1)


def test_xlsx_import_and_dutch_dates_and_amounts(admin_client, regelingen_demo):
    dataset = tablib.Dataset(headers=["huishoudtype", "bedrag", "geldig_vanaf"])
    dataset.append(["alleenstaand_21", "1.450,25", "01-07-2026"])
    dataset.append(["samen_21", "2070.10", "2026-07-01"])
    response = _upload(
        admin_client, "/beheer/regelingen/normbedrag/", dataset.export("xlsx"), naam="normen.xlsx", formaat="1"
    )
    form = response.context["confirm_form"]
    data = {naam: form.initial[naam] for naam in ("import_file_name", "original_file_name", "format", "resource")}
    admin_client.post("/beheer/regelingen/normbedrag/process_import/", data)
    assert Normbedrag.objects.get(huishoudtype="alleenstaand_21", geldig_vanaf=date(2026, 7, 1)).bedrag == Decimal(
        "1450.25"
    )


def test_organisaties_and_aanbod_import_and_search_vector(regelingen_demo):
    organisaties = _dataset(
        _csv(
            "nieuwe-stichting,Nieuwe Stichting,Wij helpen met eten.,gepubliceerd,ja",
            kop="slug,naam,korte_omschrijving,status,pactpartner",
        )
    )
    resultaat = OrganisatieResource().import_data(organisaties, dry_run=False)
    assert not resultaat.has_errors() and not resultaat.has_validation_errors()
    assert Organisatie.objects.get(slug="nieuwe-stichting").pactpartner is True
    aanbod = _dataset(
        _csv(
            "soepmiddag,Soepmiddag,nieuwe-stichting,Elke week warme soep.,gepubliceerd",
            kop="slug,titel,organisatie,wat_u_krijgt,status",
        )
    )
    resultaat = AanbodResource().import_data(aanbod, dry_run=False)
    assert not resultaat.has_errors() and not resultaat.has_validation_errors()
    assert Aanbod.objects.filter(slug="soepmiddag", zoekvector__isnull=False).exists()


def test_aanbod_with_unknown_theme_is_refused(regelingen_demo):
    Organisatie.objects.create(naam="X", slug="x", korte_omschrijving="x")
    aanbod = _dataset(_csv("soep,Soep,x,Soep.,onbekend-thema", kop="slug,titel,organisatie,wat_u_krijgt,themas"))
    resultaat = AanbodResource().import_data(aanbod, dry_run=False, rollback_on_validation_errors=True)
    assert "Deze thema's kennen we niet: onbekend-thema" in str(resultaat.invalid_rows[0].error_dict)
    assert not Aanbod.objects.filter(slug="soep").exists()


@pytest.mark.parametrize(
    ("model", "resource"),
    [
        ("regelingen/regeling", RegelingResource),
        ("regelingen/normbedrag", NormbedragResource),
        ("sociale_kaart/organisatie", OrganisatieResource),
        ("sociale_kaart/aanbod", AanbodResource),
    ],
)
def test_export_as_csv_and_xlsx(admin_client, regelingen_demo, model, resource):
    velden = {f"{resource.__name__.lower()}_{veld}": "on" for veld in resource().get_export_order()}
    response = admin_client.post(f"/beheer/{model}/export/", {"format": "0", "resource": "0", **velden})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    if model == "regelingen/regeling":
        assert "kindpakket" in response.content.decode()
    response = admin_client.post(f"/beheer/{model}/export/", {"format": "1", "resource": "0", **velden})
    assert "spreadsheetml" in response["Content-Type"]


def test_export_then_import_round_trip_changes_nothing(regelingen_demo):
    export = RegelingResource().export()
    voor = _stand()
    resultaat = RegelingResource().import_data(tablib.Dataset().load(io.StringIO(export.csv).read(), format="csv"))
    assert not resultaat.has_errors() and not resultaat.has_validation_errors(), resultaat.invalid_rows
    assert {r.import_type for r in resultaat.rows} == {"skip"}
    assert _stand() == voor


def test_norm_resource_refuses_unknown_huishoudtype(regelingen_demo):
    dataset = _dataset(_csv("alleen,1000,2026-07-01", kop="huishoudtype,bedrag,geldig_vanaf"))
    resultaat = NormbedragResource().import_data(dataset, dry_run=False, rollback_on_validation_errors=True)
    assert resultaat.has_validation_errors()
