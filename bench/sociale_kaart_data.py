"""A national-scale sociale kaart: 20,000 organisations and 100,000 aanbod with
plain Dutch text, written with COPY, then one UPDATE of all search vectors.

Deterministic (seeded), so every run measures the same data. Run it through
`python -m bench.run` (it generates when the data set is missing)."""

from __future__ import annotations

import datetime
import json
import random
import time
import uuid
from pathlib import Path

from django.db import connection
from django.utils.text import slugify

ORGANISATIES = 20_000
AANBOD = 100_000
SEED = 20260303

THEMAS = [
    ("geld-en-schulden", "Geld en schulden"),
    ("werk-en-dagbesteding", "Werk en dagbesteding"),
    ("gezondheid-en-zorg", "Gezondheid en zorg"),
    ("kinderen-en-jongeren", "Kinderen en jongeren"),
    ("wonen-en-energie", "Wonen en energie"),
    ("meedoen-sport-en-cultuur", "Meedoen: sport en cultuur"),
    ("taal-en-digitaal", "Taal en digitaal"),
    ("eten-en-kleding", "Eten en kleding"),
    ("ontmoeten", "Ontmoeten"),
    ("vervoer", "Vervoer"),
]
DOELGROEPEN = [
    "Kinderen",
    "Jongeren van 16 tot 27",
    "Ouderen met AOW",
    "Alleenstaande ouders",
    "Werkenden met een laag inkomen",
    "Zelfstandigen",
    "Mensen met schulden",
    "Laaggeletterden",
    "Nieuwkomers",
]
LEVENSGEBEURTENISSEN = [
    "Ik verlies mijn werk",
    "Ik ga scheiden",
    "Ik krijg een kind",
    "Mijn kind wordt 18",
    "Ik ga met pensioen",
    "Ik ben ziek geworden",
    "Ik ga verhuizen",
    "Ik heb schulden",
]
SYNONIEMEN = [
    ("eten", "voedselbank voedselpakket"),
    ("huur", "wonen huurtoeslag"),
    ("geld", "inkomen"),
    ("rekeningen", "schulden"),
    ("kleren", "kleding kledingbank"),
    ("computer", "digitaal"),
]


def _lexicon() -> list[tuple[str, str, bool]]:
    """The demo lexicon (141 rules in six languages), so the search pays for a real one."""
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "sociale_kaart_demo.json"
    regels = json.loads(fixture.read_text(encoding="utf-8"))["synoniemen"]
    return [(r["woord"], r["zoekt_ook"], bool(r.get("wederzijds", False))) for r in regels] or [
        (w, z, False) for w, z in SYNONIEMEN
    ]


# Per thema: titles and sentences of what you get (B1).
AANBOD_TEKST = {
    "geld-en-schulden": (
        [
            "Schuldhulp",
            "Hulp bij uw administratie",
            "Budgetcursus",
            "Thuisadministratie",
            "Formulierenhulp",
            "Belastingaangifte invullen",
            "Geldzorgen spreekuur",
            "Schuldhulpmaatje",
            "Toeslagen aanvragen",
        ],
        [
            "Een vrijwilliger helpt u met uw post en rekeningen.",
            "Samen maken we een plan voor uw schulden.",
            "U leert hoe u uw geld goed verdeelt over de maand.",
            "Wij helpen u met het invullen van formulieren.",
            "We kijken samen of u recht heeft op toeslagen.",
            "U krijgt hulp bij betalingsachterstanden.",
        ],
    ),
    "werk-en-dagbesteding": (
        ["Werkcoach", "Vrijwilligerswerk zoeken", "Sollicitatietraining", "Dagbesteding", "Leerwerkplek"],
        [
            "Een coach helpt u op weg naar werk.",
            "U oefent een sollicitatiegesprek.",
            "U doet mee in een groep en heeft een vaste dagritme.",
            "Wij zoeken samen vrijwilligerswerk dat bij u past.",
        ],
    ),
    "gezondheid-en-zorg": (
        ["Steunpunt mantelzorg", "Gezond bewegen", "Praten over zorgen", "Hulp bij zorgkosten", "Tandartsfonds"],
        [
            "U kunt praten over wat u dwarszit.",
            "Wij helpen u met de kosten van zorg en medicijnen.",
            "Samen met anderen gaat u wandelen of fietsen.",
            "Een verpleegkundige komt bij u thuis.",
        ],
    ),
    "kinderen-en-jongeren": (
        [
            "Fiets voor school",
            "Laptop voor school",
            "Zwemles voor kinderen",
            "Schoolspullen",
            "Verjaardagsbox",
            "Huiswerkbegeleiding",
            "Kinderopvang toeslag",
        ],
        [
            "Uw kind krijgt een fiets om naar school te gaan.",
            "Wij betalen de zwemles voor uw kind.",
            "Uw kind krijgt hulp bij het huiswerk.",
            "Uw kind kan gewoon meedoen op school.",
            "Wij helpen met de kosten van schoolspullen.",
        ],
    ),
    "wonen-en-energie": (
        ["Energiecoach", "Huurtoeslag aanvragen", "Energiebox", "Hulp bij huurachterstand", "Klussendienst"],
        [
            "Een energiecoach kijkt hoe u energie bespaart.",
            "U krijgt gratis spullen om energie te besparen.",
            "Wij helpen als u de huur niet kunt betalen.",
            "Vrijwilligers doen kleine klussen in uw huis.",
        ],
    ),
    "meedoen-sport-en-cultuur": (
        [
            "Jeugdfonds Sport",
            "Muziekles voor kinderen",
            "Sportvereniging lidmaatschap",
            "Meedoenregeling",
            "Cultuurpas",
        ],
        [
            "Wij betalen de contributie van de sportclub.",
            "Uw kind kan op muziekles of dansles.",
            "U gaat naar het museum of de bioscoop met korting.",
            "Iedereen kan meedoen, ook met weinig geld.",
        ],
    ),
    "taal-en-digitaal": (
        ["Taalhuis", "Taalcafé", "Computercursus", "Digitaal spreekuur", "Hulp met DigiD"],
        [
            "U oefent Nederlands praten met anderen.",
            "U leert werken met de computer en internet.",
            "Wij helpen u met DigiD en mijn overheid.",
            "Een vrijwilliger leest samen met u.",
        ],
    ),
    "eten-en-kleding": (
        ["Voedselbank", "Voedselpakket", "Kledingbank", "Samen eten", "Sociale supermarkt", "Weggeefwinkel"],
        [
            "Elke week krijgt u een pakket met boodschappen.",
            "U haalt gratis kleding voor het hele gezin.",
            "Eén keer per week eten we samen een warme maaltijd.",
            "U koopt boodschappen voor een lage prijs.",
        ],
    ),
    "ontmoeten": (
        ["Koffieochtend", "Buurthuis", "Inloop", "Maatjesproject", "Wandelgroep"],
        [
            "U drinkt koffie en praat met buren.",
            "Iedereen is welkom in het buurthuis.",
            "Een maatje komt af en toe bij u langs.",
            "U maakt nieuwe contacten in de buurt.",
        ],
    ),
    "vervoer": (
        ["Buurtbus", "Vrijwillige chauffeurs", "Fietsenbank", "Vervoer naar het ziekenhuis"],
        [
            "Een vrijwilliger brengt u naar de dokter.",
            "U krijgt een opgeknapte fiets.",
            "De buurtbus rijdt door de dorpen.",
        ],
    ),
}
ALGEMEEN = [
    "Het is gratis en u hoeft niets te betalen.",
    "Bel ons gerust, dan maken we een afspraak.",
    "Wij praten niet over u met anderen.",
    "U hoeft geen formulier in te vullen.",
    "U kunt ook zonder afspraak langskomen.",
    "Neem uw vragen en brieven mee.",
]
VOOR_WIE = [
    "Voor iedereen met een laag inkomen.",
    "Voor gezinnen met kinderen tot 18 jaar.",
    "Voor ouderen die hulp kunnen gebruiken.",
    "Voor mensen met geldzorgen.",
    "Voor inwoners van de gemeente.",
]
ORGANISATIE_SOORTEN = [
    "Stichting Leergeld",
    "Voedselbank",
    "Humanitas",
    "SchuldHulpMaatje",
    "Buurthuis",
    "Sportvereniging",
    "Taalhuis",
    "Sociaal Werk",
    "Jeugdfonds Sport en Cultuur",
    "Kledingbank",
    "Energiecoöperatie",
    "Protestantse Gemeente",
    "Parochie",
    "Bibliotheek",
    "Vrouwen van Nu",
    "Welzijn Ouderen",
    "Dorpshuis",
]
KERN_BEGIN = ["Noord", "Zuid", "Oost", "West", "Oude", "Nieuwe", "Groot", "Klein", "Hoog", "Laag", "Sint ", ""]
KERN_STAM = [
    "horn",
    "wolde",
    "dijk",
    "veen",
    "kerk",
    "hove",
    "dam",
    "burg",
    "hem",
    "wijk",
    "zijl",
    "meer",
    "laren",
    "beek",
    "broek",
    "huizen",
    "rade",
    "sloot",
    "terp",
    "werd",
]
KERN_VOOR = ["Aduard", "Leek", "Marum", "Ezinge", "Opende", "Nuis", "Ee", "Loo", "Haren", "Borg", "Velde", "Wester"]


def _kernnamen(aantal: int, rnd: random.Random) -> list[str]:
    namen: set[str] = set()
    while len(namen) < aantal:
        naam = f"{rnd.choice(KERN_BEGIN)}{rnd.choice(KERN_VOOR)}{rnd.choice(KERN_STAM)}".strip()
        namen.add(naam[0].upper() + naam[1:])
    return sorted(namen)


def _copy(tabel: str, kolommen: list[str], rijen) -> int:
    aantal = 0
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN") as copy:
            for rij in rijen:
                copy.write_row(rij)
                aantal += 1
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), (SELECT coalesce(max(id), 1) FROM {tabel}))"
        )
    return aantal


def aanwezig() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sociale_kaart_aanbod")
        return cursor.fetchone()[0]


def genereren(*, organisaties: int = ORGANISATIES, aanbod: int = AANBOD, stdout=print) -> None:
    from sociale_kaart.services import aanbod_zoekvector_bijwerken

    rnd = random.Random(SEED)
    start = time.perf_counter()
    nu = datetime.datetime.now(datetime.UTC)
    vandaag = datetime.date.today()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE sociale_kaart_openingstijd, sociale_kaart_aanbod_themas, sociale_kaart_aanbod_doelgroepen,"
            " sociale_kaart_aanbod_levensgebeurtenissen, sociale_kaart_aanbod_kernen, sociale_kaart_aanbod_locaties,"
            " sociale_kaart_aanbod, sociale_kaart_locatie, sociale_kaart_organisatie, sociale_kaart_kern,"
            " sociale_kaart_thema, sociale_kaart_doelgroep, sociale_kaart_levensgebeurtenis, sociale_kaart_synoniem"
            " RESTART IDENTITY CASCADE"
        )

    def taxonomie(tabel, items):
        _copy(
            tabel,
            ["id", "naam", "slug", "icoon", "omschrijving", "volgorde"],
            ((i, naam, slug, "", "", i) for i, (slug, naam) in enumerate(items, start=1)),
        )

    taxonomie("sociale_kaart_thema", THEMAS)
    taxonomie("sociale_kaart_doelgroep", [(slugify(n), n) for n in DOELGROEPEN])
    taxonomie("sociale_kaart_levensgebeurtenis", [(slugify(n), n) for n in LEVENSGEBEURTENISSEN])
    _copy(
        "sociale_kaart_synoniem",
        ["id", "woord", "zoekt_ook", "wederzijds"],
        ((i, w, z, m) for i, (w, z, m) in enumerate(_lexicon(), 1)),
    )
    kernen = _kernnamen(600, rnd)
    _copy(
        "sociale_kaart_kern",
        ["id", "naam", "slug", "latitude", "longitude"],
        ((i, naam, slugify(naam), None, None) for i, naam in enumerate(kernen, start=1)),
    )

    def organisatie_rijen():
        for i in range(1, organisaties + 1):
            soort = rnd.choice(ORGANISATIE_SOORTEN)
            plaats = rnd.choice(kernen)
            naam = f"{soort} {plaats}"
            slug = f"{slugify(naam)}-{i}"
            status = "gepubliceerd" if rnd.random() < 0.95 else rnd.choice(["concept", "gearchiveerd"])
            yield (
                i,
                uuid.UUID(int=rnd.getrandbits(128), version=4),
                naam,
                slug,
                f"{soort} helpt mensen in {plaats} en omgeving. {rnd.choice(ALGEMEEN)}",
                f"https://{slug}.example",
                f"0{rnd.randint(100, 999)} - 00 {rnd.randint(10, 99)} {rnd.randint(10, 99)}",
                f"info@{slug}.example",
                rnd.random() < 0.3,
                None,
                rnd.random() < 0.05,
                rnd.random() < 0.2,
                status,
                vandaag - datetime.timedelta(days=rnd.randint(0, 900)),
                nu,
                nu,
            )

    _copy(
        "sociale_kaart_organisatie",
        [
            "id",
            "uuid",
            "naam",
            "slug",
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
            "aangemaakt_op",
            "gewijzigd_op",
        ],
        organisatie_rijen(),
    )

    thema_slugs = [slug for slug, _ in THEMAS]
    koppel_themas, koppel_doelgroepen, koppel_gebeurtenissen, koppel_kernen, tijden = [], [], [], [], []

    def aanbod_rijen():
        for i in range(1, aanbod + 1):
            hoofd = rnd.randrange(len(THEMAS))
            titels, zinnen = AANBOD_TEKST[thema_slugs[hoofd]]
            plaats = rnd.choice(kernen)
            titel = rnd.choice(titels) + (f" {plaats}" if rnd.random() < 0.5 else "")
            tekst = " ".join(rnd.sample(zinnen, k=min(2, len(zinnen))) + rnd.sample(ALGEMEEN, k=2))
            gekozen = {hoofd} | ({rnd.randrange(len(THEMAS))} if rnd.random() < 0.4 else set())
            koppel_themas.extend((i, t + 1) for t in gekozen)
            koppel_doelgroepen.extend((i, d + 1) for d in rnd.sample(range(len(DOELGROEPEN)), k=rnd.randint(0, 2)))
            koppel_gebeurtenissen.extend(
                (i, g + 1) for g in rnd.sample(range(len(LEVENSGEBEURTENISSEN)), k=rnd.randint(0, 2))
            )
            heel = rnd.random() < 0.2
            if not heel:
                koppel_kernen.extend((i, k + 1) for k in rnd.sample(range(len(kernen)), k=rnd.randint(1, 3)))
            for dag in rnd.sample(range(5), k=rnd.randint(0, 3)):
                tijden.append((i, dag, datetime.time(9), datetime.time(rnd.choice([12, 16, 17]))))
            status = "gepubliceerd" if rnd.random() < 0.9 else rnd.choice(["concept", "gearchiveerd"])
            gratis = rnd.random() < 0.75
            yield (
                i,
                uuid.UUID(int=rnd.getrandbits(128), version=4),
                rnd.randint(1, organisaties),
                titel,
                f"{slugify(titel)}-{i}",
                tekst,
                rnd.choice(VOOR_WIE),
                heel,
                rnd.random() < 0.1,
                "gratis" if gratis else "eigen_bijdrage",
                "" if gratis else "U betaalt een klein bedrag per keer.",
                "Bel of mail ons.\nWij maken een afspraak.\nU krijgt binnen een week antwoord.",
                "Uw legitimatie\nUw laatste loonstrook of uitkering",
                "",
                "",
                "",
                "",
                ["Nederlands"],
                None,
                None,
                None,
                None,
                status,
                vandaag - datetime.timedelta(days=rnd.randint(0, 900)),
                nu,
                nu,
                None,
            )

    _copy(
        "sociale_kaart_aanbod",
        [
            "id",
            "uuid",
            "organisatie_id",
            "titel",
            "slug",
            "wat_u_krijgt",
            "voor_wie",
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
            "talen",
            "rolstoeltoegankelijk",
            "min_leeftijd",
            "max_leeftijd",
            "pijler_id",
            "status",
            "laatst_gecontroleerd",
            "aangemaakt_op",
            "gewijzigd_op",
            "zoekvector",
        ],
        aanbod_rijen(),
    )
    for tabel, kolom, rijen in [
        ("sociale_kaart_aanbod_themas", "thema_id", koppel_themas),
        ("sociale_kaart_aanbod_doelgroepen", "doelgroep_id", koppel_doelgroepen),
        ("sociale_kaart_aanbod_levensgebeurtenissen", "levensgebeurtenis_id", koppel_gebeurtenissen),
        ("sociale_kaart_aanbod_kernen", "kern_id", koppel_kernen),
    ]:
        _copy(tabel, ["id", "aanbod_id", kolom], ((n, a, b) for n, (a, b) in enumerate(rijen, start=1)))
    _copy(
        "sociale_kaart_openingstijd",
        ["id", "aanbod_id", "weekdag", "van", "tot"],
        ((n, *rij) for n, rij in enumerate(tijden, start=1)),
    )
    stdout(f"  rows written with COPY in {time.perf_counter() - start:.1f} s")
    stap = time.perf_counter()
    aanbod_zoekvector_bijwerken()
    stdout(f"  search vectors (one UPDATE) in {time.perf_counter() - stap:.1f} s")
    plekken_aanvullen(stdout=stdout)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    stdout(f"  data set ready in {time.perf_counter() - start:.1f} s")


# --- Places: coordinates for kernen, locaties and their aanbod -------------------------------------
# The Netherlands, roughly (WGS84); enough spread that a 25 km radius holds a few
# dozen kernen and about a thousand locaties, as in a real province.
NL_LAT = (51.35, 53.35)
NL_LON = (4.0, 7.0)


def plekken_aanwezig() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM sociale_kaart_locatie WHERE latitude IS NOT NULL)")
        return cursor.fetchone()[0]


def plekken_aanvullen(*, stdout=print) -> None:
    """Give every kern a centre, every organisation one locatie (a fifth of them two)
    near a kern, and link 70 % of the aanbod with a fixed place to the locaties of
    its organisation. Idempotent: it replaces the places it wrote before."""
    rnd = random.Random(SEED + 1)
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE sociale_kaart_aanbod_locaties, sociale_kaart_locatie RESTART IDENTITY CASCADE")
        cursor.execute("SELECT id, naam FROM sociale_kaart_kern ORDER BY id")
        kernen = cursor.fetchall()
        centra = {kern_id: (rnd.uniform(*NL_LAT), rnd.uniform(*NL_LON)) for kern_id, _ in kernen}
        cursor.execute(
            "UPDATE sociale_kaart_kern k SET latitude = v.lat, longitude = v.lon"
            " FROM unnest(%s::int[], %s::numeric[], %s::numeric[]) AS v(id, lat, lon) WHERE k.id = v.id",
            [
                list(centra),
                [round(lat, 6) for lat, _ in centra.values()],
                [round(lon, 6) for _, lon in centra.values()],
            ],
        )
        cursor.execute("SELECT id FROM sociale_kaart_organisatie ORDER BY id")
        organisaties = [r[0] for r in cursor.fetchall()]
        cursor.execute("SELECT id, organisatie_id FROM sociale_kaart_aanbod WHERE NOT op_afstand ORDER BY id")
        aanbod = cursor.fetchall()
    namen = dict(kernen)
    kern_ids = list(centra)
    per_organisatie: dict[int, list[int]] = {}
    rijen = []
    volgende = 1
    for organisatie_id in organisaties:
        for n in range(2 if rnd.random() < 0.2 else 1):
            kern_id = rnd.choice(kern_ids)
            lat, lon = centra[kern_id]
            rijen.append(
                (
                    volgende,
                    uuid.UUID(int=rnd.getrandbits(128), version=4),
                    organisatie_id,
                    f"Locatie {n + 1}",
                    f"Voorbeeldstraat {rnd.randint(1, 200)}",
                    f"{rnd.randint(1000, 9999)} XX",
                    namen[kern_id],
                    kern_id,
                    round(lat + rnd.uniform(-0.02, 0.02), 6),
                    round(lon + rnd.uniform(-0.03, 0.03), 6),
                )
            )
            per_organisatie.setdefault(organisatie_id, []).append(volgende)
            volgende += 1
    _copy(
        "sociale_kaart_locatie",
        ["id", "uuid", "organisatie_id", "naam", "straat", "postcode", "plaats", "kern_id", "latitude", "longitude"],
        rijen,
    )
    koppelingen = [
        (aanbod_id, locatie_id)
        for aanbod_id, organisatie_id in aanbod
        if rnd.random() < 0.7
        for locatie_id in per_organisatie.get(organisatie_id, [])
    ]
    _copy(
        "sociale_kaart_aanbod_locaties",
        ["id", "aanbod_id", "locatie_id"],
        ((n, a, loc) for n, (a, loc) in enumerate(koppelingen, start=1)),
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE sociale_kaart_kern, sociale_kaart_locatie, sociale_kaart_aanbod_locaties")
    stdout(
        f"  places: {len(centra)} kern centres, {len(rijen)} locaties, {len(koppelingen)} aanbod links"
        f" in {time.perf_counter() - start:.1f} s"
    )
