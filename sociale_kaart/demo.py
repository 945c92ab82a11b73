"""Demo data of the sociale kaart, loaded by `python manage.py load_demo`.

The data lives in fixtures/sociale_kaart_*.json, in a simple format of our own
(see the "toelichting" at the top of fixtures/sociale_kaart_demo.json):
taxonomies, kernen, synoniemen and organisaties with their locaties and aanbod
nested. Every row is matched on its natural key (slug, naam, woord) and only
written when something differs, so loading twice changes nothing.

The loader reads what exists in a few queries and writes in bulk: the first
load of ~120 aanbod takes well under a second instead of thousands of round trips.
"""

import datetime
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sociale_kaart.models import (
    Aanbod,
    Doelgroep,
    Kern,
    Levensgebeurtenis,
    Locatie,
    Openingstijd,
    Organisatie,
    Pijler,
    Postcodegebied,
    Status,
    Synoniem,
    Thema,
    Voorrang,
    Weekdag,
)
from sociale_kaart.services import aanbod_zoekvector_bijwerken

FIXTURE_GLOB = "sociale_kaart_*.json"
# English and Arabic for the demo's themes, life events and regelingen (also read by regelingen.demo).
VERTALINGEN_PAD = Path(settings.BASE_DIR) / "fixtures" / "vertalingen_demo.json"
VERTALINGEN = json.loads(VERTALINGEN_PAD.read_text(encoding="utf-8")) if VERTALINGEN_PAD.exists() else {}
_LIJSTEN = ("themas", "doelgroepen", "levensgebeurtenissen", "kernen", "synoniemen", "organisaties")
_WEEKDAGEN = {dag.label: dag.value for dag in Weekdag}


class DemoDataFout(ValueError):
    """The fixture refers to something that does not exist or has a bad value."""


def fixture_paden(folder: Path | None = None) -> list[Path]:
    folder = folder or Path(settings.BASE_DIR) / "fixtures"
    return sorted(folder.glob(FIXTURE_GLOB))


def lees_fixtures(paden: list[Path] | None = None) -> dict:
    """All sociale kaart fixture files merged: lists are concatenated, postcodes combined."""
    samen: dict = {naam: [] for naam in _LIJSTEN}
    samen["postcodes"] = {}
    for pad in fixture_paden() if paden is None else paden:
        data = json.loads(pad.read_text(encoding="utf-8"))
        for naam in _LIJSTEN:
            samen[naam].extend(data.get(naam, []))
        samen["postcodes"].update(data.get("postcodes", {}))
    # Two files may name the same search word (the lexicon and the languages): one
    # synonym per word, with the words it finds from both.
    per_woord: dict = {}
    for rij in samen["synoniemen"]:
        eerder = per_woord.get(rij["woord"])
        if eerder is None:
            per_woord[rij["woord"]] = dict(rij)
        else:
            woorden = eerder["zoekt_ook"].split() + rij["zoekt_ook"].split()
            eerder["zoekt_ook"] = " ".join(dict.fromkeys(woorden))
    samen["synoniemen"] = list(per_woord.values())
    return samen


@transaction.atomic
def load(*, stdout, paden: list[Path] | None = None) -> list:
    data = lees_fixtures(paden)
    vandaag = timezone.localdate()

    verwijzingen = {
        "themas": _bewaar_alle(Thema, ("slug",), _taxonomie_rijen(data["themas"], VERTALINGEN.get("themas"))),
        "doelgroepen": _bewaar_alle(Doelgroep, ("slug",), _taxonomie_rijen(data["doelgroepen"])),
        "levensgebeurtenissen": _bewaar_alle(
            Levensgebeurtenis,
            ("slug",),
            _taxonomie_rijen(data["levensgebeurtenissen"], VERTALINGEN.get("levensgebeurtenissen")),
        ),
        "kernen": _bewaar_alle(
            Kern,
            ("slug",),
            [
                {
                    "slug": rij["slug"],
                    "naam": rij["naam"],
                    "latitude": _graden(rij["latitude"]),
                    "longitude": _graden(rij["longitude"]),
                }
                for rij in data["kernen"]
            ],
        ),
    }
    kernen = verwijzingen["kernen"]
    postcodes = _bewaar_alle(
        Postcodegebied,
        ("postcode",),
        [
            {"postcode": postcode, "kern_id": _zoek(kernen, slug, f"kern van postcode {postcode}").pk}
            for postcode, slug in sorted(data["postcodes"].items())
        ],
    )
    _bewaar_alle(
        Synoniem,
        ("woord",),
        [
            {"woord": r["woord"], "zoekt_ook": r["zoekt_ook"], "wederzijds": bool(r.get("wederzijds", False))}
            for r in data["synoniemen"]
        ],
    )

    organisaties = _bewaar_alle(
        Organisatie, ("slug",), [_organisatie_rij(rij, vandaag=vandaag) for rij in data["organisaties"]]
    )
    locatie_rijen = []
    for rij in data["organisaties"]:
        for loc in rij.get("locaties", []):
            locatie_rijen.append(_locatie_rij(organisaties[rij["slug"]], loc, kernen=kernen))
    locaties = _bewaar_alle(Locatie, ("organisatie_id", "naam"), locatie_rijen)

    aanbod_rijen, koppelingen, tijden = [], defaultdict(dict), {}
    for rij in data["organisaties"]:
        organisatie = organisaties[rij["slug"]]
        for item in rij.get("aanbod", []):
            waar = f"aanbod {item['slug']!r}"
            aanbod_rijen.append(_aanbod_rij(organisatie, item, vandaag=vandaag, waar=waar))
            for veld, alle in verwijzingen.items():
                koppelingen[veld][item["slug"]] = {
                    _zoek(alle, slug, f"{veld} van {waar}").pk for slug in item.get(veld, [])
                }
            koppelingen["locaties"][item["slug"]] = {
                _zoek(locaties, (organisatie.pk, naam), f"locatie van {waar}").pk for naam in item.get("locaties", [])
            }
            tijden[item["slug"]] = _openingstijden(item.get("openingstijden", []), waar=waar)
    aanbod = _bewaar_alle(Aanbod, ("slug",), aanbod_rijen)

    for veld, per_slug in koppelingen.items():
        _koppel(veld, {aanbod[slug].pk: doelen for slug, doelen in per_slug.items()})
    _bewaar_openingstijden({aanbod[slug].pk: rijen for slug, rijen in tijden.items()})

    _bewaar_voorrang(data, verwijzingen, aanbod)
    aanbod_zoekvector_bijwerken()
    stdout.write(
        f"Sociale kaart: {len(organisaties)} organisaties, {len(aanbod)} aanbod, "
        f"{len(kernen)} kernen, {len(postcodes)} postcodegebieden, {len(data['synoniemen'])} synoniemen."
    )
    return []


# --- Writing ------------------------------------------------------------------------------------------


def _bewaar_alle(model, sleutel: tuple[str, ...], rijen: list[dict]) -> dict:
    """Create or update rows on their natural key; write only rows in which a value differs.

    Returns the objects by key (a single value, or a tuple for a composite key)."""
    eerste = sleutel[0]
    bestaand = {
        tuple(getattr(obj, veld) for veld in sleutel): obj
        for obj in model.objects.filter(**{f"{eerste}__in": {rij[eerste] for rij in rijen}})
    }
    uit, nieuw = {}, []
    for rij in rijen:
        key = tuple(rij[veld] for veld in sleutel)
        obj = bestaand.get(key)
        if obj is None:
            obj = model(**rij)
            _valideer(obj)
            nieuw.append(obj)
        elif any(getattr(obj, veld) != waarde for veld, waarde in rij.items()):
            for veld, waarde in rij.items():
                setattr(obj, veld, waarde)
            _valideer(obj)
            obj.save()
        uit[key[0] if len(key) == 1 else key] = obj
    model.objects.bulk_create(nieuw)
    return uit


def _valideer(obj) -> None:
    """full_clean without the checks that need a query per row: the loader looks rows up on their
    unique keys itself, foreign keys come from rows it just saved, and the database enforces
    uniqueness and check constraints in the same transaction."""
    relaties = [veld.name for veld in obj._meta.concrete_fields if veld.is_relation]
    obj.full_clean(exclude=relaties, validate_unique=False, validate_constraints=False)


def _koppel(veld: str, gewenst: dict[int, set[int]]) -> None:
    """Make the many-to-many rows of Aanbod.<veld> exactly what the fixture says."""
    m2m = Aanbod._meta.get_field(veld)
    through = m2m.remote_field.through
    van, naar = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
    bestaand = set(through.objects.filter(**{f"{van}__in": list(gewenst)}).values_list(van, naar))
    moet = {(aanbod_id, doel_id) for aanbod_id, doelen in gewenst.items() for doel_id in doelen}
    teveel = bestaand - moet
    if teveel:
        weg = Q()
        for aanbod_id, doel_id in teveel:
            weg |= Q(**{van: aanbod_id, naar: doel_id})
        through.objects.filter(weg).delete()
    through.objects.bulk_create([through(**{van: a, naar: d}) for a, d in sorted(moet - bestaand)])


def _bewaar_voorrang(data: dict, verwijzingen: dict, aanbod: dict) -> None:
    """The help shown first per thema and levensgebeurtenis ("eerst": aanbod slugs in order)."""
    gewenst = set()
    for lijst, veld in (("themas", "thema"), ("levensgebeurtenissen", "levensgebeurtenis")):
        for rij in data[lijst]:
            onderwerp = verwijzingen[lijst][rij["slug"]]
            for volgorde, slug in enumerate(rij.get("eerst", []), start=1):
                doel = _zoek(aanbod, slug, f"eerst tonen bij {rij['slug']}")
                gewenst.add((veld, onderwerp.pk, doel.pk, volgorde))
    van_demo = Voorrang.objects.filter(
        Q(thema__in=verwijzingen["themas"].values())
        | Q(levensgebeurtenis__in=verwijzingen["levensgebeurtenissen"].values())
    )
    bestaand = {
        ("thema" if v.thema_id else "levensgebeurtenis", v.thema_id or v.levensgebeurtenis_id, v.aanbod_id, v.volgorde)
        for v in van_demo
    }
    if bestaand != gewenst:
        van_demo.delete()
        Voorrang.objects.bulk_create(
            [Voorrang(**{f"{veld}_id": pk, "aanbod_id": a, "volgorde": n}) for veld, pk, a, n in sorted(gewenst)]
        )


def _bewaar_openingstijden(gewenst: dict[int, list[tuple]]) -> None:
    bestaand = defaultdict(list)
    for aanbod_id, *tijd in Openingstijd.objects.filter(aanbod_id__in=list(gewenst)).values_list(
        "aanbod_id", "weekdag", "van", "tot"
    ):
        bestaand[aanbod_id].append(tuple(tijd))
    anders = [aanbod_id for aanbod_id, tijden in gewenst.items() if sorted(bestaand[aanbod_id]) != tijden]
    if not anders:
        return
    Openingstijd.objects.filter(aanbod_id__in=anders).delete()
    nieuw = [
        Openingstijd(aanbod_id=aanbod_id, weekdag=weekdag, van=van, tot=tot)
        for aanbod_id in anders
        for weekdag, van, tot in gewenst[aanbod_id]
    ]
    for tijd in nieuw:
        _valideer(tijd)
    Openingstijd.objects.bulk_create(nieuw)


# --- Rows ---------------------------------------------------------------------------------------------


def _taxonomie_rijen(rijen: list[dict], vertalingen: dict | None = None) -> list[dict]:
    vertalingen = vertalingen or {}
    return [
        {
            "slug": rij["slug"],
            "naam": rij["naam"],
            "icoon": rij.get("icoon", ""),
            "omschrijving": rij.get("omschrijving", ""),
            "volgorde": volgorde,
            "vertalingen": rij.get("vertalingen") or vertalingen.get(rij["slug"], {}),
        }
        for volgorde, rij in enumerate(rijen, start=1)
    ]


def _organisatie_rij(rij: dict, *, vandaag: datetime.date) -> dict:
    sinds = rij.get("pactpartner_sinds")
    return {
        "slug": rij["slug"],
        "naam": rij["naam"],
        "korte_omschrijving": rij["korte_omschrijving"],
        "website": rij.get("website", ""),
        "telefoon": rij.get("telefoon", ""),
        "email": rij.get("email", ""),
        "pactpartner": bool(rij.get("pactpartner", sinds is not None)),
        "pactpartner_sinds": datetime.date.fromisoformat(sinds) if sinds else None,
        "kernpartner": bool(rij.get("kernpartner", False)),
        "vertrouwd": bool(rij.get("vertrouwd", False)),
        "status": rij.get("status", Status.GEPUBLICEERD),
        "laatst_gecontroleerd": _gecontroleerd(rij, vandaag=vandaag),
    }


def _locatie_rij(organisatie: Organisatie, rij: dict, *, kernen: dict) -> dict:
    kern = _zoek(kernen, rij["kern"], f"kern van locatie {rij['naam']!r}") if rij.get("kern") else None
    return {
        "organisatie_id": organisatie.pk,
        "naam": rij["naam"],
        "straat": rij.get("straat", ""),
        "postcode": rij.get("postcode", ""),
        "plaats": rij.get("plaats", ""),
        "kern_id": kern.pk if kern else None,
        "latitude": _graden(rij.get("latitude")),
        "longitude": _graden(rij.get("longitude")),
    }


def _aanbod_rij(organisatie: Organisatie, rij: dict, *, vandaag: datetime.date, waar: str) -> dict:
    min_leeftijd, max_leeftijd = rij.get("min_leeftijd"), rij.get("max_leeftijd")
    if min_leeftijd is not None and max_leeftijd is not None and min_leeftijd > max_leeftijd:
        raise DemoDataFout(f"De minimumleeftijd van {waar} is hoger dan de maximumleeftijd.")
    return {
        "slug": rij["slug"],
        "organisatie_id": organisatie.pk,
        "titel": rij["titel"],
        "wat_u_krijgt": rij["wat_u_krijgt"],
        "voor_wie": rij.get("voor_wie", ""),
        "heel_de_gemeente": bool(rij.get("heel_de_gemeente", False)),
        "op_afstand": bool(rij.get("op_afstand", False)),
        "kosten": rij.get("kosten", "gratis"),
        "kosten_toelichting": rij.get("kosten_toelichting", ""),
        "hoe_aanvragen": "\n".join(rij.get("hoe_aanvragen", [])),
        "meenemen": "\n".join(rij.get("meenemen", [])),
        "telefoon": rij.get("telefoon", ""),
        "email": rij.get("email", ""),
        "website": rij.get("website", ""),
        "openingstijden_toelichting": rij.get("openingstijden_toelichting", ""),
        "talen": list(rij.get("talen", [])),
        "rolstoeltoegankelijk": rij.get("rolstoeltoegankelijk"),
        "min_leeftijd": min_leeftijd,
        "max_leeftijd": max_leeftijd,
        "pijler": Pijler.objects.filter(slug=rij["pijler"]).first() if rij.get("pijler") else None,
        "status": rij.get("status", Status.GEPUBLICEERD),
        "laatst_gecontroleerd": _gecontroleerd(rij, vandaag=vandaag),
    }


def _openingstijden(rijen: list[dict], *, waar: str) -> list[tuple]:
    tijden = []
    for rij in rijen:
        van, tot = _tijd(rij["van"], waar), _tijd(rij["tot"], waar)
        if van >= tot:
            raise DemoDataFout(f"In de openingstijden van {waar} ligt {rij['van']} niet voor {rij['tot']}.")
        tijden.append((_weekdag(rij["dag"], waar), van, tot))
    return sorted(tijden)


# --- Values -------------------------------------------------------------------------------------------


def _zoek(alle: dict, sleutel: str, waar: str):
    try:
        return alle[sleutel]
    except KeyError:
        raise DemoDataFout(f"Onbekende {waar}: {sleutel!r}.") from None


def _graden(waarde) -> Decimal | None:
    """Coordinates as the model stores them (6 decimals), so comparing with the database is exact."""
    return None if waarde is None else Decimal(str(waarde)).quantize(Decimal("0.000001"))


def _gecontroleerd(rij: dict, *, vandaag: datetime.date) -> datetime.date | None:
    dagen = rij.get("gecontroleerd_dagen_geleden")
    return None if dagen is None else vandaag - datetime.timedelta(days=int(dagen))


def _weekdag(naam: str, waar: str) -> int:
    return _zoek(_WEEKDAGEN, naam.strip().lower(), f"dag in de openingstijden van {waar}")


def _tijd(tekst: str, waar: str) -> datetime.time:
    try:
        return datetime.time.fromisoformat(tekst)
    except ValueError:
        raise DemoDataFout(f"Tijd {tekst!r} in de openingstijden van {waar} is geen tijd zoals 09:00.") from None
