"""Our sociale kaart models -> Open Referral HSDS 3.0 dicts (see docs/hsds.md).

Pure functions over already loaded objects: the querysets in
`sociale_kaart.hsds.selectors` prefetch everything these functions touch, so
mapping a page of services runs no extra queries.

Every object gets a stable UUID. Organisations, locations and services use the
model's own `uuid`; everything that has no uuid column (taxonomy terms,
schedules, phones, ...) gets a uuid5 derived from a fixed namespace and a
natural key, so the same data gives the same ids in every database.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.conf import settings

from sociale_kaart.models import Aanbod, Kosten, Locatie, Openingstijd, Organisatie, Weekdag

HSDS_VERSION = "3.0"
# Fixed namespace for derived ids. Never change it: ids published with it are
# promised to stay the same.
NAMESPACE = uuid.UUID("6f2a1d1e-4c3b-5e8f-9a7d-2b1c0e9f8a71")

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Our three taxonomies: kind -> (model attribute on Aanbod, name, description).
TAXONOMIES = {
    "thema": ("themas", "Thema's", "Thema's van de sociale kaart: waar gaat de hulp over."),
    "doelgroep": ("doelgroepen", "Doelgroepen", "Doelgroepen van de sociale kaart: voor wie is de hulp."),
    "levensgebeurtenis": (
        "levensgebeurtenissen",
        "Levensgebeurtenissen",
        "Levensgebeurtenissen van de sociale kaart: wat maakt u mee.",
    ),
}

BYDAY = {
    Weekdag.MAANDAG: "MO",
    Weekdag.DINSDAG: "TU",
    Weekdag.WOENSDAG: "WE",
    Weekdag.DONDERDAG: "TH",
    Weekdag.VRIJDAG: "FR",
    Weekdag.ZATERDAG: "SA",
    Weekdag.ZONDAG: "SU",
}

# Language names as partners type them -> ISO 639-1 codes.
LANGUAGE_CODES = {
    "nederlands": "nl",
    "engels": "en",
    "duits": "de",
    "frans": "fr",
    "spaans": "es",
    "pools": "pl",
    "turks": "tr",
    "arabisch": "ar",
    "tigrinya": "ti",
    "oekraiens": "uk",
    "oekraïens": "uk",
    "russisch": "ru",
    "somalisch": "so",
    "farsi": "fa",
    "perzisch": "fa",
    "fries": "fy",
    "papiaments": "pap",
    "portugees": "pt",
    "roemeens": "ro",
    "bulgaars": "bg",
}

WHEELCHAIR_YES = "Toegankelijk met rolstoel."
WHEELCHAIR_NO = "Niet toegankelijk met rolstoel."
VIRTUAL_LOCATION_NAME = "Zonder vaste plek: telefonisch, online of bij u thuis"


def derived_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def taxonomy_id(kind: str) -> str:
    return derived_id("taxonomy", kind)


def taxonomy_term_id(kind: str, slug: str) -> str:
    return derived_id("taxonomy_term", kind, slug)


def clean(data: dict) -> dict:
    """Drop empty values: HSDS fields are typed (a null or "" e-mail is invalid)."""
    return {key: value for key, value in data.items() if value is not None and value != "" and value != []}


def _datetime(value: datetime.datetime | None) -> str | None:
    return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z") if value else None


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _number(value) -> float | None:
    return float(value) if value is not None else None


def _offset(now: datetime.datetime | None = None) -> str:
    """UTC offset of Dutch time today, e.g. "+01:00" in winter, "+02:00" in summer."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(AMSTERDAM)
    minutes = int(now.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --- Taxonomies --------------------------------------------------------------------------


def taxonomy(kind: str) -> dict:
    _, name, description = TAXONOMIES[kind]
    return {"id": taxonomy_id(kind), "name": name, "description": description, "version": "1"}


def taxonomy_term(kind: str, term, *, detail: bool = False) -> dict:
    data = clean(
        {
            "id": taxonomy_term_id(kind, term.slug),
            "code": term.slug,
            "name": term.naam,
            "description": term.omschrijving or term.naam,
            "taxonomy": TAXONOMIES[kind][1],
            "taxonomy_id": taxonomy_id(kind),
            "language": "nl",
        }
    )
    if detail:
        data["taxonomy_detail"] = taxonomy(kind)
    return data


def service_attributes(aanbod: Aanbod) -> list[dict]:
    attributes = []
    for kind, (attribute, _, _) in TAXONOMIES.items():
        for term in getattr(aanbod, attribute).all():
            term_data = taxonomy_term(kind, term)
            attributes.append(
                {
                    "id": derived_id("attribute", aanbod.uuid, term_data["id"]),
                    "link_id": str(aanbod.uuid),
                    "link_type": kind,
                    "link_entity": "service",
                    "taxonomy_term_id": term_data["id"],
                    "taxonomy_term": term_data,
                }
            )
    return attributes


# --- Organisations ---------------------------------------------------------------------


def organization_phones(organisatie: Organisatie) -> list[dict]:
    if not organisatie.telefoon:
        return []
    return [
        {
            "id": derived_id("phone", "organization", organisatie.uuid),
            "organization_id": str(organisatie.uuid),
            "number": organisatie.telefoon,
            "type": "voice",
        }
    ]


def organization_basic(organisatie: Organisatie) -> dict:
    """The one-to-one fields (schema compiled/organization_list.json)."""
    return clean(
        {
            "id": str(organisatie.uuid),
            "name": organisatie.naam,
            "description": organisatie.korte_omschrijving or organisatie.naam,
            "email": organisatie.email,
            "website": organisatie.website,
        }
    )


def location(locatie: Locatie, *, accessibility: bool | None = None, sal_id: str | None = None) -> dict:
    data = clean(
        {
            "id": str(locatie.uuid),
            "location_type": "physical",
            "organization_id": str(locatie.organisatie.uuid),
            "name": locatie.naam or locatie.straat or locatie.plaats,
            "latitude": _number(locatie.latitude),
            "longitude": _number(locatie.longitude),
        }
    )
    if locatie.straat and locatie.plaats:
        address = clean(
            {
                "id": derived_id("address", locatie.uuid),
                "location_id": str(locatie.uuid),
                "address_1": locatie.straat,
                "city": locatie.plaats,
                "region": locatie.kern.naam if locatie.kern_id else "",
                "state_province": getattr(settings, "HSDS_PROVINCIE", "Groningen"),
                "country": "NL",
                "address_type": "physical",
            }
        )
        # postal_code is required by HSDS, even when we do not know it.
        data["addresses"] = [address | {"postal_code": locatie.postcode}]
    if accessibility is not None and sal_id:
        data["accessibility"] = [
            {
                "id": derived_id("accessibility", sal_id),
                "location_id": str(locatie.uuid),
                "description": WHEELCHAIR_YES if accessibility else WHEELCHAIR_NO,
                "details": "wheelchair" if accessibility else "no wheelchair access",
            }
        ]
    return data


def virtual_location(aanbod: Aanbod) -> dict:
    return clean(
        {
            "id": derived_id("virtual_location", aanbod.uuid),
            "location_type": "virtual",
            "organization_id": str(aanbod.organisatie.uuid),
            "name": VIRTUAL_LOCATION_NAME,
            "url": aanbod.website,
        }
    )


def organization(organisatie: Organisatie, *, services: Iterable[Aanbod] = (), full_service: bool = False) -> dict:
    """Fully nested organisation (schema compiled/organization.json)."""
    data = organization_basic(organisatie)
    phones = organization_phones(organisatie)
    if phones:
        data["phones"] = phones
    locations = [location(locatie) for locatie in organisatie.locaties.all()]
    if locations:
        data["locations"] = locations
    data["services"] = [service(aanbod) if full_service else service_basic(aanbod) for aanbod in services]
    return data


# --- Services ---------------------------------------------------------------------------


def fees_description(aanbod: Aanbod) -> str:
    label = Kosten(aanbod.kosten).label
    return f"{label}: {aanbod.kosten_toelichting}" if aanbod.kosten_toelichting else label


def last_modified(aanbod: Aanbod) -> datetime.datetime:
    return max(aanbod.gewijzigd_op, aanbod.organisatie.gewijzigd_op)


def service_basic(aanbod: Aanbod) -> dict:
    """The one-to-one fields of a service (schema compiled/service_list.json)."""
    return clean(
        {
            "id": str(aanbod.uuid),
            "organization_id": str(aanbod.organisatie.uuid),
            "name": aanbod.titel,
            "description": aanbod.wat_u_krijgt,
            "url": aanbod.website,
            "email": aanbod.email,
            "status": "active",
            "application_process": aanbod.hoe_aanvragen,
            "fees_description": fees_description(aanbod),
            "eligibility_description": aanbod.voor_wie,
            "minimum_age": aanbod.min_leeftijd,
            "maximum_age": aanbod.max_leeftijd,
            "assured_date": _date(aanbod.laatst_gecontroleerd),
            "last_modified": _datetime(last_modified(aanbod)),
        }
    )


def schedule(aanbod: Aanbod, tijd: Openingstijd, *, offset: str) -> dict:
    return {
        "id": derived_id("schedule", aanbod.uuid, tijd.weekdag, f"{tijd.van:%H:%M}", f"{tijd.tot:%H:%M}"),
        "service_id": str(aanbod.uuid),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": BYDAY[tijd.weekdag],
        "opens_at": f"{tijd.van:%H:%M}{offset}",
        "closes_at": f"{tijd.tot:%H:%M}{offset}",
        "description": str(tijd),
    }


def schedules(aanbod: Aanbod, *, offset: str | None = None) -> list[dict]:
    offset = offset or _offset()
    items = [schedule(aanbod, tijd, offset=offset) for tijd in aanbod.openingstijden.all()]
    if aanbod.openingstijden_toelichting:
        items.append(
            {
                "id": derived_id("schedule_note", aanbod.uuid),
                "service_id": str(aanbod.uuid),
                "description": aanbod.openingstijden_toelichting,
            }
        )
    return items


def service_areas(aanbod: Aanbod) -> list[dict]:
    areas = []
    if aanbod.heel_de_gemeente:
        gemeente = f"Gemeente {settings.GEMEENTE_NAAM}"
        areas.append(
            {
                "id": derived_id("service_area", aanbod.uuid, "gemeente"),
                "service_id": str(aanbod.uuid),
                "name": gemeente,
                "description": f"In heel de gemeente {settings.GEMEENTE_NAAM}.",
                "extent_type": "text",
                "extent": gemeente,
            }
        )
    for kern in aanbod.kernen.all():
        areas.append(
            {
                "id": derived_id("service_area", aanbod.uuid, kern.slug),
                "service_id": str(aanbod.uuid),
                "name": kern.naam,
                "extent_type": "text",
                "extent": kern.naam,
            }
        )
    return areas


def service_at_location_id(aanbod: Aanbod, location_id: str) -> str:
    return derived_id("service_at_location", aanbod.uuid, location_id)


def service_at_locations(aanbod: Aanbod) -> list[dict]:
    items = []
    for locatie in aanbod.locaties.all():
        sal_id = service_at_location_id(aanbod, locatie.uuid)
        items.append(
            {
                "id": sal_id,
                "service_id": str(aanbod.uuid),
                "location_id": str(locatie.uuid),
                "location": location(locatie, accessibility=aanbod.rolstoeltoegankelijk, sal_id=sal_id),
            }
        )
    if aanbod.op_afstand:
        virtual = virtual_location(aanbod)
        items.append(
            {
                "id": service_at_location_id(aanbod, virtual["id"]),
                "service_id": str(aanbod.uuid),
                "location_id": virtual["id"],
                "location": virtual,
            }
        )
    return items


def languages(aanbod: Aanbod) -> list[dict]:
    items = []
    for taal in aanbod.talen:
        name = taal.strip()
        if not name:
            continue
        code = LANGUAGE_CODES.get(name.lower())
        if code is None and name.isalpha() and name.islower() and len(name) in (2, 3):
            code = name
        items.append(
            clean(
                {"id": derived_id("language", aanbod.uuid, name), "service_id": str(aanbod.uuid), "name": name}
                | {"code": code}
            )
        )
    return items


def service_phones(aanbod: Aanbod) -> list[dict]:
    if not aanbod.telefoon:
        return []
    return [
        {
            "id": derived_id("phone", "service", aanbod.uuid),
            "service_id": str(aanbod.uuid),
            "number": aanbod.telefoon,
            "type": "voice",
        }
    ]


def service_contacts(aanbod: Aanbod) -> list[dict]:
    """One public contact point of the service: its own phone and e-mail (never a person's)."""
    if not (aanbod.telefoon or aanbod.email):
        return []
    contact_id = derived_id("contact", "service", aanbod.uuid)
    phones = [phone | {"contact_id": contact_id} for phone in service_phones(aanbod)]
    return [
        clean(
            {
                "id": contact_id,
                "service_id": str(aanbod.uuid),
                "name": aanbod.organisatie.naam,
                "email": aanbod.email,
                "phones": phones,
            }
        )
    ]


def required_documents(aanbod: Aanbod) -> list[dict]:
    return [
        {"id": derived_id("required_document", aanbod.uuid, index), "service_id": str(aanbod.uuid), "document": line}
        for index, line in enumerate(_lines(aanbod.meenemen))
    ]


def service(aanbod: Aanbod, *, offset: str | None = None) -> dict:
    """A fully nested service (schema compiled/service.json)."""
    data = service_basic(aanbod)
    organisatie = organization_basic(aanbod.organisatie)
    org_phones = organization_phones(aanbod.organisatie)
    if org_phones:
        organisatie["phones"] = org_phones
    nested = {
        "organization": organisatie,
        "phones": service_phones(aanbod),
        "contacts": service_contacts(aanbod),
        "schedules": schedules(aanbod, offset=offset),
        "service_areas": service_areas(aanbod),
        "service_at_locations": service_at_locations(aanbod),
        "languages": languages(aanbod),
        "required_documents": required_documents(aanbod),
        "attributes": service_attributes(aanbod),
    }
    # Arrays are always present (empty when there is nothing), so clients can rely on them.
    return data | nested


def service_at_location_full(aanbod: Aanbod, sal: dict) -> dict:
    """A service_at_location with its location and service (schema compiled/service_at_location.json)."""
    return sal | {"service": service(aanbod)}


def service_minimal(aanbod: Aanbod) -> dict:
    return {
        "id": str(aanbod.uuid),
        "name": aanbod.titel,
        "status": "active",
        "last_modified": _datetime(last_modified(aanbod)),
    }
