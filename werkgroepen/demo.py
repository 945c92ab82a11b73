"""Demo data of the pact (seed 000, Armoedepact Westerkwartier). Idempotent:
running it again changes nothing that is already there."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from sociale_kaart.demo import VERTALINGEN
from sociale_kaart.models import Pijler
from werkgroepen import services
from werkgroepen.models import (
    Actiepunt,
    ActiepuntStatus,
    AgendaActiviteit,
    AgendaBijdrage,
    AgendaRonde,
    AgendaRondeStatus,
    AmbassadeurRol,
    Ambassadeurschap,
    Bijeenkomst,
    BijeenkomstSoort,
    Voortgang,
    Werkgroep,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PACT_GETEKEND = date(2018, 1, 11)

ORGANISATIES = {
    "gemeente-westerkwartier": ("Gemeente Westerkwartier", "De gemeente houdt de regie over het Armoedepact."),
    "sociaal-werk-de-schans": (
        "Sociaal Werk De Schans",
        "Sociaal werk voor alle inwoners: hulp bij geld, wonen en meedoen.",
    ),
    "stichting-leergeld-westerkwartier": (
        "Stichting Leergeld Westerkwartier",
        "Wij zorgen dat kinderen uit gezinnen met weinig geld mee kunnen doen op school, bij sport en cultuur.",
    ),
    "humanitas-westerkwartier": (
        "Humanitas Westerkwartier",
        "Vrijwilligers helpen u met uw administratie en geldzaken. Gratis en in vertrouwen.",
    ),
    "voedselbank-westerkwartier": (
        "Voedselbank Westerkwartier",
        "Elke week een pakket met eten voor huishoudens die even niet rondkomen.",
    ),
}

PIJLERS = [
    (
        "netwerk",
        "Netwerk",
        "Kennen en gekend worden",
        "Armoede bestrijd je niet alleen. Dat doen we samen. Daarom willen we elkaar kennen en elkaar opzoeken.\n"
        "Veel mensen, verenigingen en bedrijven willen graag iets doen voor een ander. Samen maken we meer mogelijk.\n"
        "De eerste stap is: armoede bespreekbaar maken. Door een open gesprek met inwoners. Zonder mensen een stempel "
        "te geven, en met respect voor hun privacy.",
        [
            (
                "Een Sociale Kaart maken van alle hulp in het Westerkwartier",
                "Een overzicht van regelingen en hulp, voor inwoners en organisaties. Met aandacht voor mensen die "
                "moeite hebben met lezen.",
                "gemeente-westerkwartier",
                ActiepuntStatus.BEZIG,
            ),
            (
                "Bijeenkomsten organiseren om elkaar beter te leren kennen",
                "Twee keer per jaar een pactbijeenkomst, steeds bij een andere partner.",
                "sociaal-werk-de-schans",
                ActiepuntStatus.BEZIG,
            ),
            (
                "Workshops voor professionals en vrijwilligers",
                "Leren hoe je armoede bespreekbaar maakt en naar wie je mensen kunt verwijzen.",
                "humanitas-westerkwartier",
                ActiepuntStatus.GEPLAND,
            ),
        ],
    ),
    (
        "preventie",
        "Preventie",
        "Voorkomen dat mensen schulden krijgen",
        "We willen voorkomen dat inwoners geldproblemen of schulden krijgen. "
        "Veel mensen hebben moeite om rond te komen. "
        "Soms heeft u hulp nodig om uw geld goed te beheren.\n"
        "Daarom geven we voorlichting over hulp en over besparen, bijvoorbeeld op energie en woonlasten. En er zijn "
        "budgettrainingen voor jongeren en ouderen.",
        [
            (
                "Een centrale ontmoetingsplek in buurt of dorp",
                "Een plek waar inwoners binnen kunnen lopen, bijvoorbeeld in het taalhuis.",
                "sociaal-werk-de-schans",
                ActiepuntStatus.GEPLAND,
            ),
            (
                "Inwoners actief informeren over regelingen",
                "We gaan naar mensen toe en vertellen over regelingen en hulp.",
                "humanitas-westerkwartier",
                ActiepuntStatus.BEZIG,
            ),
            (
                "Jongeren leren omgaan met geld",
                "Budgettraining en voorlichting op scholen.",
                None,
                ActiepuntStatus.GEPLAND,
            ),
            ("Financiële hulp in het Westerkwartier bundelen", "", "gemeente-westerkwartier", ActiepuntStatus.GEPLAND),
        ],
    ),
    (
        "meedoen",
        "Meedoen (met name jeugd)",
        "Iedereen doet mee, ook kinderen",
        "Weinig geld mag geen reden zijn om niet mee te doen. Aan sport, cultuur, onderwijs of zorg.\n"
        "Kinderen mogen niet de dupe worden van weinig geld bij hun ouders. Ze krijgen extra aandacht en steun. "
        "Zo hebben ze dezelfde kansen op school, bij sport en in de vereniging.",
        [
            (
                "Het Buurthuisproject ook in andere dorpen",
                "Het Buurthuisproject werkt goed in Zuidhorn. Nu ook in andere plaatsen.",
                "sociaal-werk-de-schans",
                ActiepuntStatus.GEPLAND,
            ),
            (
                "Meer vrijwilligerswerk, zo nodig met een maatje",
                "Voor inwoners voor wie werk of school nu niet lukt.",
                "humanitas-westerkwartier",
                ActiepuntStatus.BEZIG,
            ),
            (
                "Een project met ervaringsdeskundigen",
                "Mensen die zelf in armoede leefden, weten wat helpt.",
                None,
                ActiepuntStatus.GEPLAND,
            ),
            (
                "Meer gebruik van Jeugdfonds Sport en Cultuur",
                "Intermediairs werken bij sociaal werk, buurtcoaches en scholen.",
                "stichting-leergeld-westerkwartier",
                ActiepuntStatus.AFGEROND,
            ),
        ],
    ),
    (
        "gezondheid",
        "Gezondheid",
        "Goede zorg voor iedereen",
        "Iedereen heeft recht op goede zorg. Mensen met weinig geld gaan soms niet naar de dokter, omdat het te "
        "duur is. Dan kan hun gezondheid slechter worden.\n"
        "Met goed minimabeleid en een collectieve zorgverzekering willen we dat voorkomen.",
        [
            (
                "Meer maatwerk bij vergoeding van kosten",
                "Zo geven geldzorgen minder stress.",
                None,
                ActiepuntStatus.GEPLAND,
            ),
            (
                "Contact met woningcorporaties uitbouwen",
                "Samen voorkomen dat mensen zorg mijden.",
                "gemeente-westerkwartier",
                ActiepuntStatus.GEPLAND,
            ),
            (
                "Workshops lekker en betaalbaar koken",
                "Gezond koken voor weinig geld.",
                "voedselbank-westerkwartier",
                ActiepuntStatus.BEZIG,
            ),
            ("Leefstijlprojecten opzetten", "", None, ActiepuntStatus.GESTOPT),
        ],
    ),
]

WERKGROEP_LEDEN = {
    "netwerk": ["gemeente-westerkwartier", "sociaal-werk-de-schans", "humanitas-westerkwartier"],
    "preventie": ["humanitas-westerkwartier", "sociaal-werk-de-schans", "gemeente-westerkwartier"],
    "meedoen": ["stichting-leergeld-westerkwartier", "sociaal-werk-de-schans"],
    "gezondheid": ["voedselbank-westerkwartier", "gemeente-westerkwartier"],
}

AMBASSADEURS = {
    "netwerk": [("Anja de Vries", "sociaal-werk-de-schans"), ("Pieter Bakker", "humanitas-westerkwartier")],
    "preventie": [("Marieke Smit", "humanitas-westerkwartier"), ("Jan Mulder", "sociaal-werk-de-schans")],
    "meedoen": [("Fatima el Amrani", "stichting-leergeld-westerkwartier"), ("Kees Visser", "sociaal-werk-de-schans")],
    "gezondheid": [("Ingrid Hoekstra", "voedselbank-westerkwartier"), ("Sander Dijkstra", "gemeente-westerkwartier")],
}

PARTNER_LOGIN = ("partner (pact)", "humanitas@westerkwartier.example", "Demo-Partner-Humanitas-2026")


def _organisaties() -> dict:
    from sociale_kaart.models import Organisatie, Status

    result = {}
    for slug, (naam, omschrijving) in ORGANISATIES.items():
        org, created = Organisatie.objects.get_or_create(
            slug=slug,
            defaults={
                "naam": naam,
                "korte_omschrijving": omschrijving,
                "status": Status.GEPUBLICEERD,
                "pactpartner": True,
                "pactpartner_sinds": PACT_GETEKEND,
                "kernpartner": True,
            },
        )
        if not org.pactpartner:
            org.pactpartner = True
            org.pactpartner_sinds = org.pactpartner_sinds or PACT_GETEKEND
            org.save(update_fields=["pactpartner", "pactpartner_sinds"])
        result[slug] = org
    return result


def _moment(dag: date, uur: int, minuut: int = 0) -> datetime:
    return datetime.combine(dag, time(uur, minuut), tzinfo=AMSTERDAM)


def _vertalingen_aanvullen(obj, soort: str, sleutel: str) -> None:
    """Give a demo row its English and Arabic (fixtures/vertalingen_demo.json), also on a
    database that has the row already; a translation the coordinator entered stays."""
    vertalingen = VERTALINGEN.get(soort, {}).get(sleutel)
    if vertalingen and not obj.vertalingen:
        obj.vertalingen = vertalingen
        obj.save(update_fields=["vertalingen"])


def load(*, stdout) -> list:
    vandaag = timezone.localdate()
    jaar = vandaag.year
    orgs = _organisaties()

    pijlers = {}
    for volgorde, (slug, naam, ondertitel, tekst, actiepunten) in enumerate(PIJLERS, start=1):
        pijler, _ = Pijler.objects.get_or_create(
            slug=slug, defaults={"naam": naam, "ondertitel": ondertitel, "tekst": tekst, "volgorde": volgorde}
        )
        _vertalingen_aanvullen(pijler, "pijlers", slug)
        pijlers[slug] = pijler
        werkgroep, _ = Werkgroep.objects.get_or_create(
            pijler=pijler,
            defaults={
                "naam": f"Werkgroep {naam}",
                "omschrijving": f"De werkgroep werkt aan de actiepunten van {naam}.",
            },
        )
        werkgroep.leden.add(*[orgs[s] for s in WERKGROEP_LEDEN[slug]])
        (amb_naam, amb_org), (verv_naam, verv_org) = AMBASSADEURS[slug]
        # One term ends soon, so the admin shows its 60-day warning.
        eind = vandaag + timedelta(days=45) if slug == "meedoen" else date(jaar + 1, 12, 31)
        for persoon, org, rol in [
            (amb_naam, amb_org, AmbassadeurRol.AMBASSADEUR),
            (verv_naam, verv_org, AmbassadeurRol.VERVANGER),
        ]:
            Ambassadeurschap.objects.get_or_create(
                werkgroep=werkgroep,
                naam=persoon,
                rol=rol,
                defaults={"organisatie": orgs[org], "termijn_start": date(jaar - 1, 1, 1), "termijn_eind": eind},
            )
        for positie, (titel, omschrijving, trekker, status) in enumerate(actiepunten, start=1):
            Actiepunt.objects.get_or_create(
                pijler=pijler,
                titel=titel,
                defaults={
                    "omschrijving": omschrijving,
                    "trekker": orgs.get(trekker) if trekker else None,
                    "jaar": jaar,
                    "status": status,
                    "volgorde": positie,
                },
            )

    # Every partner of the demo is willing to host a meeting in turn.
    services.pact_instellingen_bewaren().gastorganisaties.add(*orgs.values())

    kaart = Actiepunt.objects.get(titel__startswith="Een Sociale Kaart maken")
    if not kaart.voortgang.exists():
        Voortgang.objects.create(
            actiepunt=kaart,
            datum=vandaag - timedelta(days=20),
            tekst="De eerste 40 organisaties staan op de sociale kaart. Een leespanel heeft de teksten gelezen.",
            organisatie=orgs["gemeente-westerkwartier"],
            percentage=40,
        )
        Actiepunt.objects.filter(pk=kaart.pk).update(percentage=40)

    bijeenkomsten = [
        (
            "Pactbijeenkomst: terugblik en plannen",
            vandaag - timedelta(days=60),
            "voedselbank-westerkwartier",
            "Het Trefpunt",
            "Hoofdstraat 12, Zuidhorn",
            "Welkom\nResultaten van de werkgroepen\nPlannen voor dit jaar",
            "Er waren 28 mensen van 17 organisaties. De werkgroepen vertelden wat ze hebben gedaan.\n"
            "Afgesproken: de sociale kaart komt dit jaar online. Humanitas geeft twee workshops over armoede "
            "bespreekbaar maken.",
            None,
        ),
        (
            "Pactbijeenkomst: samen tegen armoede",
            vandaag + timedelta(days=30),
            "sociaal-werk-de-schans",
            "Dorpshuis De Schans",
            "Schoolstraat 3, Leek",
            "Welkom door de gastheer\nNieuws uit de werkgroepen\nDe Lokale Sociale Agenda\nAfsluiting met soep",
            "",
            60,
        ),
        (
            "Pactbijeenkomst: de Lokale Sociale Agenda",
            vandaag + timedelta(days=180),
            "stichting-leergeld-westerkwartier",
            "Bibliotheek Marum",
            "Kerkstraat 8, Marum",
            "Hoe staat het met de agenda van dit jaar?\nPlannen voor volgend jaar",
            "",
            60,
        ),
        (
            "Workshop: armoede bespreekbaar maken",
            vandaag + timedelta(days=45),
            "humanitas-westerkwartier",
            "Humanitas, zaal 1",
            "Stationsweg 20, Grootegast",
            "Wat is armoede?\nHoe begin je het gesprek?\nNaar wie verwijs je?",
            "",
            20,
        ),
    ]
    for titel, dag, gast, plaats, adres, agenda, verslag, maximum in bijeenkomsten:
        soort = BijeenkomstSoort.STUDIEBIJEENKOMST if titel.startswith("Workshop") else BijeenkomstSoort.PACTBIJEENKOMST
        Bijeenkomst.objects.get_or_create(
            titel=titel,
            defaults={
                "soort": soort,
                "start": _moment(dag, 19, 30),
                "eind": _moment(dag, 21, 30),
                "gastorganisatie": orgs[gast],
                "plaats": plaats,
                "adres": adres,
                "agenda": agenda,
                "verslag": verslag,
                "max_plaatsen": maximum,
            },
        )

    ronde, _ = AgendaRonde.objects.get_or_create(jaar=jaar, defaults={"status": AgendaRondeStatus.OPEN})
    bijdragen = [
        (
            "stichting-leergeld-westerkwartier",
            "Wij willen dat alle kinderen mee kunnen doen, ook als hun ouders weinig geld hebben.",
            [
                ("meedoen", "Wij betalen voor 300 kinderen de contributie van een sportclub."),
                ("meedoen", "Elke zomer een gratis fiets voor 50 kinderen."),
            ],
        ),
        (
            "humanitas-westerkwartier",
            "Vrijwilligers helpen mensen met hun administratie, zodat geldzorgen kleiner worden.",
            [
                ("preventie", "Twintig nieuwe vrijwilligers voor de Thuisadministratie."),
                ("netwerk", "Twee workshops over armoede bespreekbaar maken."),
            ],
        ),
        (
            "voedselbank-westerkwartier",
            "Niemand in het Westerkwartier hoeft honger te hebben.",
            [("gezondheid", "Vier kookworkshops: gezond eten voor weinig geld.")],
        ),
    ]
    for slug, missie, activiteiten in bijdragen:
        bijdrage, created = AgendaBijdrage.objects.get_or_create(
            ronde=ronde, organisatie=orgs[slug], defaults={"missie": missie}
        )
        if created:
            for volgorde, (pijler_slug, tekst) in enumerate(activiteiten):
                AgendaActiviteit.objects.create(
                    bijdrage=bijdrage, pijler=pijlers[pijler_slug], omschrijving=tekst, volgorde=volgorde
                )

    _indicator_laden(jaar=jaar)

    logins = []
    from sociale_kaart import services as kaart_services
    from sociale_kaart.models import Rol

    User = get_user_model()
    rol, email, wachtwoord = PARTNER_LOGIN
    user, created = User.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": "Marieke", "last_name": "Smit"}
    )
    if created:
        user.set_password(wachtwoord)
        user.save()
    kaart_services.lidmaatschap_toevoegen(
        gebruiker=user, organisatie=orgs["humanitas-westerkwartier"], rol=Rol.BEHEERDER
    )
    logins.append((rol, email, wachtwoord))
    stdout.write(
        f"Pact: {len(pijlers)} pijlers, {Actiepunt.objects.count()} actiepunten, "
        f"{Bijeenkomst.objects.count()} bijeenkomsten."
    )
    return logins


def _indicator_laden(*, jaar: int) -> None:
    """One sourced indicator of the whole pact. The figures are an example, marked as demo."""
    from werkgroepen.models import Indicator, IndicatorWaarde

    indicator, created = Indicator.objects.get_or_create(
        naam="Huishoudens met een inkomen tot 120% van het sociaal minimum",
        defaults={
            "eenheid": "huishoudens",
            "omschrijving": "Zoveel huishoudens in de gemeente hebben weinig geld. Het pact wil dat er minder zijn.",
            "nulmeting": 2150,
            "nulmeting_jaar": jaar - 3,
            "streefwaarde": 1900,
            "streefjaar": jaar + 2,
            "demo": True,
        },
    )
    _vertalingen_aanvullen(indicator, "indicatoren", indicator.naam)
    if created:
        for jaren_terug, waarde in ((3, 2150), (2, 2090), (1, 2040)):
            IndicatorWaarde.objects.create(
                indicator=indicator,
                datum=date(jaar - jaren_terug, 1, 1),
                waarde=waarde,
                bron="CBS, Armoede en sociale uitsluiting (voorbeeldcijfers)",
                bron_link="https://www.cbs.nl/nl-nl/reeksen/armoede-en-sociale-uitsluiting",
            )
