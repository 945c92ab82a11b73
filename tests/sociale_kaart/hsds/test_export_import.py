"""The full export (view and command), the concept-only import with its dry-run
report, and the round trip: export -> empty database -> import -> export."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from sociale_kaart.hsds.importer import import_hsds
from sociale_kaart.models import (
    Aanbod,
    Doelgroep,
    Levensgebeurtenis,
    Locatie,
    Openingstijd,
    Organisatie,
    Status,
    Thema,
)
from tests.sociale_kaart.hsds.conftest import assert_valid

pytestmark = pytest.mark.django_db


def export_via_command() -> dict:
    out = io.StringIO()
    call_command("hsds_export", stdout=out)
    return json.loads(out.getvalue())


def assert_export_valid(document: dict) -> None:
    assert document["hsds_version"] == "3.0"
    for taxonomy in document["taxonomies"]:
        assert_valid(taxonomy, "taxonomy.json")
    for term in document["taxonomy_terms"]:
        assert_valid(term, "taxonomy_term.json")
    for organization in document["organizations"]:
        assert_valid(organization, "compiled/organization.json")
    for service in document["services"]:
        assert_valid(service, "compiled/service.json")


def write(tmp_path, document) -> str:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_export_file_validates_and_the_command_gives_the_same_as_the_download(client, kaart):
    document = export_via_command()
    assert_export_valid(document)
    assert [service["name"] for service in document["services"]] == ["Een fiets voor school", "Spreekuur"]
    assert [org["name"] for org in document["organizations"]] == ["Stichting Leergeld"]
    download = json.loads(client.get("/open-data/hsds/export.json").getvalue())
    assert {k: v for k, v in download.items() if k != "generated_at"} == {
        k: v for k, v in document.items() if k != "generated_at"
    }


def test_empty_kaart_exports_a_valid_empty_file(db):
    document = export_via_command()
    assert document["services"] == [] and document["organizations"] == []


def test_dry_run_reports_and_saves_nothing(tmp_path, kaart):
    document = export_via_command()
    _empty_the_kaart()
    out = io.StringIO()
    call_command("hsds_import", write(tmp_path, document), "--dry-run", stdout=out)
    report = out.getvalue()
    assert report.startswith("Proefimport: er is niets opgeslagen.")
    assert "nieuw      organisatie" in report
    assert "Een fiets voor school" in report and "Spreekuur" in report
    assert Aanbod.objects.count() == 0
    assert Organisatie.objects.count() == 0
    assert Thema.objects.count() == 0


def test_import_creates_concepts_only(tmp_path, kaart):
    document = export_via_command()
    _empty_the_kaart()
    out = io.StringIO()
    call_command("hsds_import", write(tmp_path, document), stdout=out)
    assert "Niets is gepubliceerd" in out.getvalue()
    assert Aanbod.objects.count() == 2
    assert set(Aanbod.objects.values_list("status", flat=True)) == {Status.CONCEPT}
    assert set(Organisatie.objects.values_list("status", flat=True)) == {Status.CONCEPT}
    # Nothing of it is public until the coordinator publishes.
    assert export_via_command()["services"] == []
    fiets = Aanbod.objects.get(titel="Een fiets voor school")
    assert fiets.op_afstand and fiets.heel_de_gemeente and fiets.rolstoeltoegankelijk
    assert fiets.openingstijden.count() == 2
    assert fiets.zoekvector is not None


def test_import_never_overwrites_published_entries(tmp_path, kaart):
    document = export_via_command()
    document["services"][0]["name"] = "Overschreven titel"
    document["organizations"][0]["name"] = "Overschreven naam"
    report = import_hsds(document)
    assert report.count("geweigerd", "aanbod") == 2
    assert report.count("geweigerd", "organisatie") == 1
    assert "staat al op de kaart" in report.as_text()
    assert not Aanbod.objects.filter(titel="Overschreven titel").exists()
    assert not Organisatie.objects.filter(naam="Overschreven naam").exists()


def test_import_updates_existing_concepts(kaart):
    document = export_via_command()
    fiets = kaart["fiets"]
    Aanbod.objects.filter(pk=fiets.pk).update(status=Status.CONCEPT)
    document["services"][0]["name"] = "Fiets (nieuw)"
    report = import_hsds(document)
    assert report.count("bijwerken", "aanbod") == 1
    fiets.refresh_from_db()
    assert (fiets.titel, fiets.status) == ("Fiets (nieuw)", Status.CONCEPT)


def test_bad_objects_are_refused_with_a_reason_and_the_rest_is_imported(db):
    organisation = {"id": "0d6f6a38-1111-4b35-9a40-5b4a1e6d1c01", "name": "Nieuwe Stichting", "description": "Hulp."}
    good = {
        "id": "0d6f6a38-2222-4b35-9a40-5b4a1e6d1c01",
        "organization_id": organisation["id"],
        "name": "Goede hulp",
        "description": "U krijgt hulp.",
        "status": "active",
        "fees_description": "Free of charge",
        "schedules": [{"id": "0d6f6a38-3333-4b35-9a40-5b4a1e6d1c01", "freq": "WEEKLY", "byday": "MO,WE",
                       "opens_at": "09:00", "closes_at": "17:00"}],
    }  # fmt: skip
    refused = [
        {"id": "geen-uuid", "organization_id": organisation["id"], "name": "Fout id", "status": "active"},
        {"id": "0d6f6a38-4444-4b35-9a40-5b4a1e6d1c01", "organization_id": organisation["id"], "name": "Zonder tekst"},
        {
            "id": "0d6f6a38-5555-4b35-9a40-5b4a1e6d1c01",
            "organization_id": "0d6f6a38-9999-4b35-9a40-5b4a1e6d1c01",
            "name": "Onbekende organisatie",
            "description": "x",
        },
        {
            "id": "0d6f6a38-6666-4b35-9a40-5b4a1e6d1c01",
            "organization_id": organisation["id"],
            "name": "Te oud",
            "description": "x",
            "minimum_age": 200,
        },
    ]
    report = import_hsds({"organizations": [organisation], "services": [good, *refused]})
    assert report.count("nieuw", "aanbod") == 1
    assert report.count("geweigerd", "aanbod") == 4
    text = report.as_text()
    assert "'id' is geen geldige UUID" in text
    assert "wat_u_krijgt" in text
    assert "de organisatie staat niet in het bestand" in text
    assert "'minimum_age' moet een leeftijd zijn" in text
    aanbod = Aanbod.objects.get()
    assert aanbod.titel == "Goede hulp" and aanbod.kosten == "gratis"
    assert list(aanbod.openingstijden.values_list("weekdag", flat=True)) == [0, 2]


def test_a_file_that_is_not_hsds_gives_a_clear_error(tmp_path, db):
    path = tmp_path / "kapot.json"
    path.write_text("{niet json", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("hsds_import", str(path))
    path.write_text(json.dumps({"iets": "anders"}), encoding="utf-8")
    with pytest.raises(CommandError, match="geen organizations en geen services"):
        call_command("hsds_import", str(path))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("hsds_import", str(tmp_path / "weg.json"))


def _empty_the_kaart() -> None:
    """An empty sociale kaart (kernen are reference data and stay)."""
    Openingstijd.objects.all().delete()
    Aanbod.objects.all().delete()
    Locatie.objects.all().delete()
    Organisatie.objects.all().delete()
    for model in (Thema, Doelgroep, Levensgebeurtenis):
        model.objects.all().delete()


def _normalised(document: dict) -> dict:
    """Order-insensitive view of an export: by id, without times of change."""

    def by_id(items):
        return {item["id"]: item for item in items}

    services = {}
    for service in document["services"]:
        service = dict(service)
        service.pop("last_modified")
        for key in ("attributes", "service_at_locations", "schedules", "service_areas", "languages"):
            service[key] = by_id(service[key])
        services[service["id"]] = service
    organizations = {}
    for organization in document["organizations"]:
        organization = dict(organization)
        organization["locations"] = by_id(organization.get("locations", []))
        organizations[organization["id"]] = organization
    return {
        "services": services,
        "organizations": organizations,
        "taxonomy_terms": by_id(document["taxonomy_terms"]),
        "taxonomies": by_id(document["taxonomies"]),
    }


def round_trip(tmp_path) -> tuple[dict, dict]:
    before = export_via_command()
    _empty_the_kaart()
    call_command("hsds_import", write(tmp_path, before), stdout=io.StringIO())
    # The coordinator approves everything.
    Organisatie.objects.update(status=Status.GEPUBLICEERD)
    Aanbod.objects.update(status=Status.GEPUBLICEERD)
    return before, export_via_command()


def test_round_trip_gives_the_same_services_organisations_and_terms(tmp_path, kaart):
    before, after = round_trip(tmp_path)
    assert_export_valid(after)
    assert len(after["services"]) == 2
    assert _normalised(after) == _normalised(before)
