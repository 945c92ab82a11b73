"""Import an HSDS 3.0 JSON export (ours or another tool's) as CONCEPT entries.

Nothing becomes public: new organisations and aanbod are created as concept,
existing concept entries are updated, and published or archived entries are
never overwritten (the coordinator changes those through the normal review).
Everything runs in one transaction; a dry run rolls it back at the end, so its
report shows exactly what a real run would do, including validation errors.
Each object has its own savepoint: one bad object is refused, the rest goes on.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.dateparse import parse_date
from django.utils.text import slugify

from common.slugs import unieke_slug
from sociale_kaart import services as kaart_services
from sociale_kaart.hsds import mapping
from sociale_kaart.hsds.selectors import TAXONOMY_MODELS
from sociale_kaart.hsds.waarden import (
    Refused,
    lees_coordinaat,
    lees_kosten,
    lees_leeftijd,
    lees_lijst,
    lees_tekst,
    lees_tijd,
    lees_uuid,
    meldingen,
)
from sociale_kaart.models import Aanbod, Kern, Locatie, Openingstijd, Organisatie, Status

DAYS = {code: weekdag for weekdag, code in mapping.BYDAY.items()}


class ImportFileError(Exception):
    """The file as a whole cannot be read as an HSDS export."""


@dataclass
class Report:
    dry_run: bool
    lines: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, action: str, kind: str, object_id: str, text: str) -> None:
        self.lines.append((action, kind, object_id, text))

    def count(self, action: str, kind: str | None = None) -> int:
        return sum(1 for line in self.lines if line[0] == action and (kind is None or line[1] == kind))

    def as_text(self) -> str:
        title = "Proefimport: er is niets opgeslagen." if self.dry_run else "Import klaar. Alles staat als concept."
        out = [title, ""]
        out += [f"{action:<10} {kind:<18} {object_id:<36}  {text}" for action, kind, object_id, text in self.lines]
        out += [
            "",
            "Samenvatting:",
            *(
                f"  {action}: {self.count(action)}"
                for action in ("nieuw", "bijwerken", "bestaat", "geweigerd", "let op")
                if self.count(action)
            ),
        ]
        if not self.dry_run:
            out.append("Niets is gepubliceerd. De coördinator controleert en publiceert de concepten.")
        return "\n".join(out) + "\n"


# --- The import ---------------------------------------------------------------------------


class _Importer:
    def __init__(self, report: Report):
        self.report = report
        self.terms: dict[str, object] = {}  # HSDS term id -> our Thema/Doelgroep/Levensgebeurtenis
        self.organisations: dict[uuid.UUID, Organisatie] = {}
        self.locaties: dict[uuid.UUID, Locatie] = {}
        self.imported_aanbod: list[int] = []
        self.kernen = {kern.naam.lower(): kern for kern in Kern.objects.all()}

    # Taxonomy terms
    def _kind(self, term: dict) -> str | None:
        for kind, (_, name, _) in mapping.TAXONOMIES.items():
            if term.get("taxonomy_id") == mapping.taxonomy_id(kind):
                return kind
            if isinstance(term.get("taxonomy"), str) and term["taxonomy"].strip().lower() == name.lower():
                return kind
        return None

    def term(self, term: dict) -> None:
        term_id = str(term.get("id", ""))
        if term_id in self.terms:
            return
        try:
            lees_uuid(term)
            kind = self._kind(term)
            if kind is None:
                raise Refused("Hoort niet bij onze taxonomieën (thema's, doelgroepen, levensgebeurtenissen).")
            name = lees_tekst(term, "name", max_length=100, required=True)
            slug = slugify(lees_tekst(term, "code", max_length=100) or name)[:100]
            if not slug:
                raise Refused("Geen bruikbare code of naam.")
            model = TAXONOMY_MODELS[kind]
            existing = model.objects.filter(slug=slug).first()
            if existing:
                self.terms[term_id] = existing
                self.report.add("bestaat", f"term ({kind})", term_id, f"{existing.naam} (niet gewijzigd)")
                return
            description = lees_tekst(term, "description", max_length=300)
            obj = model(naam=name, slug=slug, omschrijving="" if description == name else description)
            with transaction.atomic():
                obj.full_clean()
                obj.save()
            self.terms[term_id] = obj
            self.report.add("nieuw", f"term ({kind})", term_id, name)
        except Refused as error:
            self.terms[term_id] = None
            self.report.add("geweigerd", "term", term_id, f"{term.get('name', '')}: {error}")
        except ValidationError as error:
            self.terms[term_id] = None
            self.report.add("geweigerd", "term", term_id, f"{term.get('name', '')}: {meldingen(error)}")

    # Organisations and locations
    def organisation(self, data: dict) -> None:
        raw_id = str(data.get("id", ""))
        try:
            org_id = lees_uuid(data)
            if org_id in self.organisations:
                return
            existing = Organisatie.objects.filter(uuid=org_id).first()
            if existing and existing.status != Status.CONCEPT:
                self.organisations[org_id] = existing
                raise Refused(
                    f"'{existing.naam}' staat al op de kaart ({existing.get_status_display().lower()}). "
                    "Die gegevens veranderen we niet met een import."
                )
            name = lees_tekst(data, "name", max_length=200, required=True)
            phones = lees_lijst(data, "phones")
            org = existing or Organisatie(uuid=org_id, status=Status.CONCEPT)
            org.naam = name
            org.korte_omschrijving = lees_tekst(data, "description", max_length=1000) or name
            org.email = lees_tekst(data, "email", max_length=254)
            org.website = lees_tekst(data, "website", max_length=200)
            org.telefoon = lees_tekst(phones[0], "number", max_length=30) if phones else ""
            org.slug = org.slug or unieke_slug(Organisatie, name)
            with transaction.atomic():
                org.full_clean()
                org.save()
                for location in lees_lijst(data, "locations"):
                    if location.get("location_type") == "physical":
                        self.locatie(location, org)
            self.organisations[org_id] = org
            self.report.add("bijwerken" if existing else "nieuw", "organisatie", raw_id, name)
        except Refused as error:
            self.report.add("geweigerd", "organisatie", raw_id, f"{data.get('name', '')}: {error}")
        except ValidationError as error:
            self.report.add("geweigerd", "organisatie", raw_id, f"{data.get('name', '')}: {meldingen(error)}")
        except IntegrityError:
            self.report.add("geweigerd", "organisatie", raw_id, "Kan niet worden opgeslagen (dubbel gegeven).")

    def locatie(self, data: dict, org: Organisatie) -> Locatie:
        loc_id = lees_uuid(data)
        if loc_id in self.locaties:
            return self.locaties[loc_id]
        existing = Locatie.objects.filter(uuid=loc_id).first()
        if existing and existing.organisatie_id != org.pk:
            raise Refused(f"Locatie {loc_id} hoort al bij een andere organisatie.")
        if org.status != Status.CONCEPT:
            if existing is None:
                raise Refused(
                    f"nieuwe locatie bij '{org.naam}', die al op de kaart staat: dat gaat via de coördinator."
                )
            self.locaties[loc_id] = existing  # a published organisation's address stays as it is
            return existing
        addresses = [a for a in lees_lijst(data, "addresses") if a.get("address_type", "physical") == "physical"]
        address = addresses[0] if addresses else {}
        locatie = existing or Locatie(uuid=loc_id, organisatie=org)
        locatie.naam = lees_tekst(data, "name", max_length=200)
        locatie.straat = lees_tekst(address, "address_1", max_length=200)
        locatie.postcode = lees_tekst(address, "postal_code", max_length=7)
        locatie.plaats = lees_tekst(address, "city", max_length=100)
        locatie.kern = self.kernen.get(lees_tekst(address, "region").lower()) or self.kernen.get(locatie.plaats.lower())
        locatie.latitude = lees_coordinaat(data, "latitude")
        locatie.longitude = lees_coordinaat(data, "longitude")
        locatie.full_clean()
        locatie.save()
        self.locaties[loc_id] = locatie
        return locatie

    # Services
    def service(self, data: dict) -> None:
        raw_id = str(data.get("id", ""))
        name = data.get("name", "")
        try:
            with transaction.atomic():
                self._service(data)
        except Refused as error:
            self.report.add("geweigerd", "aanbod", raw_id, f"{name}: {error}")
        except ValidationError as error:
            self.report.add("geweigerd", "aanbod", raw_id, f"{name}: {meldingen(error)}")
        except IntegrityError:
            self.report.add("geweigerd", "aanbod", raw_id, f"{name}: kan niet worden opgeslagen (dubbel gegeven).")

    def _service(self, data: dict) -> None:
        service_id = lees_uuid(data)
        raw_id = str(service_id)
        existing = Aanbod.objects.filter(uuid=service_id).first()
        if existing and existing.status != Status.CONCEPT:
            raise Refused(
                f"staat al op de kaart ({existing.get_status_display().lower()}). "
                "Die gegevens veranderen we niet met een import."
            )
        org_id = lees_uuid(data, "organization_id")
        org = self.organisations.get(org_id) or Organisatie.objects.filter(uuid=org_id).first()
        if org is None:
            raise Refused("de organisatie staat niet in het bestand en niet op de kaart.")
        title = lees_tekst(data, "name", max_length=200, required=True)
        aanbod = existing or Aanbod(uuid=service_id, status=Status.CONCEPT)
        aanbod.organisatie = org
        aanbod.titel = title
        aanbod.slug = aanbod.slug or unieke_slug(Aanbod, title)
        aanbod.wat_u_krijgt = lees_tekst(data, "description", max_length=3000)
        aanbod.voor_wie = lees_tekst(data, "eligibility_description", max_length=2000)
        aanbod.hoe_aanvragen = lees_tekst(data, "application_process", max_length=3000)
        aanbod.kosten, toelichting = lees_kosten(lees_tekst(data, "fees_description"))
        if len(toelichting) > 500:
            raise Refused("'fees_description' is te lang: hoogstens 500 tekens.")
        aanbod.kosten_toelichting = toelichting
        aanbod.website = lees_tekst(data, "url", max_length=200)
        aanbod.email = lees_tekst(data, "email", max_length=254)
        phones = lees_lijst(data, "phones")
        aanbod.telefoon = lees_tekst(phones[0], "number", max_length=30) if phones else ""
        aanbod.min_leeftijd = lees_leeftijd(data, "minimum_age")
        aanbod.max_leeftijd = lees_leeftijd(data, "maximum_age")
        assured = lees_tekst(data, "assured_date")
        try:
            aanbod.laatst_gecontroleerd = parse_date(assured) if assured else None
        except ValueError:
            aanbod.laatst_gecontroleerd = None
        if assured and aanbod.laatst_gecontroleerd is None:
            raise Refused("'assured_date' is geen datum (JJJJ-MM-DD).")
        aanbod.talen = [
            lees_tekst(language, "name", max_length=30) or lees_tekst(language, "code", max_length=30)
            for language in lees_lijst(data, "languages")
        ]
        aanbod.talen = [taal for taal in aanbod.talen if taal]
        aanbod.meenemen = "\n".join(
            filter(None, (lees_tekst(document, "document") for document in lees_lijst(data, "required_documents")))
        )
        tijden, toelichtingen = self._schedules(data, raw_id)
        aanbod.openingstijden_toelichting = " ".join(toelichtingen)[:500]
        aanbod.heel_de_gemeente, kernen = self._areas(data, raw_id)
        locaties, aanbod.op_afstand, aanbod.rolstoeltoegankelijk = self._locations(data, org)
        aanbod.full_clean(exclude=["zoekvector"])
        aanbod.save()
        aanbod.kernen.set(kernen)
        aanbod.locaties.set(locaties)
        for kind, (attribute, _, _) in mapping.TAXONOMIES.items():
            model = TAXONOMY_MODELS[kind]
            terms = []
            for attribute_data in lees_lijst(data, "attributes"):
                term = self.terms.get(str(attribute_data.get("taxonomy_term_id", "")))
                if isinstance(term, model):
                    terms.append(term)
            getattr(aanbod, attribute).set(terms)
        aanbod.openingstijden.all().delete()
        for tijd in tijden:
            tijd.aanbod = aanbod
            tijd.full_clean()
            tijd.save()
        self.imported_aanbod.append(aanbod.pk)
        self.report.add("bijwerken" if existing else "nieuw", "aanbod", raw_id, title)

    def _schedules(self, data: dict, raw_id: str) -> tuple[list[Openingstijd], list[str]]:
        tijden, toelichtingen = [], []
        for schedule in lees_lijst(data, "schedules"):
            days = [day.strip().upper() for day in lees_tekst(schedule, "byday").split(",") if day.strip()]
            opens, closes = lees_tijd(lees_tekst(schedule, "opens_at")), lees_tijd(lees_tekst(schedule, "closes_at"))
            weekly = lees_tekst(schedule, "freq").upper() in ("", "WEEKLY") and schedule.get("interval") in (None, 1)
            if days and opens and closes and weekly and all(day in DAYS for day in days):
                tijden += [Openingstijd(weekdag=DAYS[day], van=opens, tot=closes) for day in days]
            elif description := lees_tekst(schedule, "description"):
                toelichtingen.append(description)
                if days:
                    self.report.add("let op", "openingstijd", raw_id, f"Als tekst overgenomen: {description}")
        return tijden, toelichtingen

    def _areas(self, data: dict, raw_id: str) -> tuple[bool, list[Kern]]:
        heel, kernen = False, []
        gemeente = f"gemeente {settings.GEMEENTE_NAAM}".lower()
        for area in lees_lijst(data, "service_areas"):
            name = lees_tekst(area, "name").lower()
            if name == gemeente:
                heel = True
            elif name in self.kernen:
                kernen.append(self.kernen[name])
            elif name:
                self.report.add("let op", "gebied", raw_id, f"Kern '{area['name']}' staat niet op de kaart.")
        return heel, kernen

    def _locations(self, data: dict, org: Organisatie) -> tuple[list[Locatie], bool, bool | None]:
        locaties, op_afstand, rolstoel = [], False, None
        for sal in lees_lijst(data, "service_at_locations"):
            location = sal.get("location") if isinstance(sal.get("location"), dict) else None
            if location is None:
                known = (
                    self.locaties.get(lees_uuid(sal, "location_id"))
                    or Locatie.objects.filter(uuid=lees_uuid(sal, "location_id")).first()
                )
                if known is None:
                    raise Refused(f"locatie {sal.get('location_id')} staat niet in het bestand.")
                locaties.append(known)
                continue
            if location.get("location_type") == "virtual":
                op_afstand = True
                continue
            locaties.append(self.locatie(location, org))
            for accessibility in lees_lijst(location, "accessibility"):
                description = lees_tekst(accessibility, "description")
                if description == mapping.WHEELCHAIR_YES:
                    rolstoel = True
                elif description == mapping.WHEELCHAIR_NO:
                    rolstoel = False
        return locaties, op_afstand, rolstoel


def import_hsds(data, *, dry_run: bool = False) -> Report:
    """Import an HSDS export (dict with services/organizations/taxonomy_terms, or a list of services)."""
    if isinstance(data, list):
        data = {"services": data}
    if not isinstance(data, dict):
        raise ImportFileError("Het bestand is geen HSDS-export: verwacht een JSON-object of een lijst met services.")
    sections = {}
    for key in ("taxonomy_terms", "organizations", "services"):
        value = data.get(key) or []
        if not isinstance(value, list):
            raise ImportFileError(f"'{key}' moet een lijst zijn.")
        sections[key] = [item for item in value if isinstance(item, dict)]
    if not sections["services"] and not sections["organizations"]:
        raise ImportFileError("Het bestand bevat geen organizations en geen services.")

    report = Report(dry_run=dry_run)
    with transaction.atomic():
        importer = _Importer(report)
        for term in sections["taxonomy_terms"]:
            importer.term(term)
        for service in sections["services"]:
            for attribute in _list_or_empty(service, "attributes"):
                if isinstance(attribute.get("taxonomy_term"), dict):
                    importer.term(attribute["taxonomy_term"])
        organisations = list(sections["organizations"])
        listed = {str(org.get("id")) for org in organisations}
        for service in sections["services"]:
            nested = service.get("organization")
            if isinstance(nested, dict) and str(nested.get("id")) not in listed:
                organisations.append(nested)
                listed.add(str(nested.get("id")))
        for organisation in organisations:
            importer.organisation(organisation)
        for service in sections["services"]:
            importer.service(service)
        kaart_services.aanbod_zoekvector_bijwerken(aanbod_ids=importer.imported_aanbod)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _list_or_empty(data: dict, key: str) -> list[dict]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
