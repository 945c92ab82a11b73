"""The one permission matrix of the partner portal: every URL under /partner/
and /pact/partner/ x (own object, other organisation's object, anonymous,
coordinator) x (GET, POST) -> expected status. A new partner URL without a row
here makes test_every_partner_url_has_a_row fail."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from armoedepact.models import Correctie, Revisie
from overdracht.models import Verzoek, VerzoekStatus
from sociale_kaart.models import Aanbod, Lidmaatschap, Locatie, Organisatie, Rol, Status
from tests.werkgroepen import factories as pact
from werkgroepen.models import (
    Aanmelding,
    AgendaBijdrage,
    Bijeenkomst,
    DatumPeiling,
    GastStatus,
    PeilingAntwoord,
    PeilingDatum,
    Voortgang,
)

ANON = "anon"
OWN, OTHER, COORD = "own", "other", "coordinator"
# A medewerker of the own organisation: edits aanbod, not the organisation or its people (issue 20).
MEDEWERKER = "medewerker"
FORBIDDEN = 403
LOGIN = 302  # anonymous users are sent to the log-in page

# name -> expected {(who, method): status}; "own"/"other" pick whose object is in the URL.
OBJECT_URL = {
    (OWN, "GET"): 200,
    (OWN, "POST"): 200,
    (OTHER, "GET"): 404,
    (OTHER, "POST"): 404,
    (ANON, "GET"): LOGIN,
    (ANON, "POST"): LOGIN,
    (COORD, "GET"): 404,
    (COORD, "POST"): 404,
}
# GET on a POST-only URL: 405 for every logged-in user, before any lookup (so it leaks nothing).
POST_ONLY_URL = {**OBJECT_URL, (OWN, "GET"): 405, (OWN, "POST"): 302, (OTHER, "GET"): 405, (COORD, "GET"): 405}
MATRIX = {
    "partner:dashboard": {**OBJECT_URL, (OWN, "POST"): 200},
    # an empty POST shows form errors
    "partner:organisatie_bewerken": {**OBJECT_URL, (MEDEWERKER, "GET"): FORBIDDEN, (MEDEWERKER, "POST"): FORBIDDEN},
    "partner:organisatie_klopt": {**POST_ONLY_URL, (MEDEWERKER, "POST"): FORBIDDEN},
    # Colleagues: the beheerder invites (an empty POST shows form errors) and removes them.
    "partner:collegas": {**OBJECT_URL, (MEDEWERKER, "GET"): FORBIDDEN, (MEDEWERKER, "POST"): FORBIDDEN},
    "partner:collega_verwijderen": {**POST_ONLY_URL, (MEDEWERKER, "POST"): FORBIDDEN},
    "partner:aanbod_nieuw": {**OBJECT_URL, (MEDEWERKER, "GET"): 200},
    # Locations: beheerder and medewerker both keep them (an empty POST shows form errors).
    "partner:locaties": {**OBJECT_URL, (MEDEWERKER, "GET"): 200},
    "partner:locatie_nieuw": {**OBJECT_URL, (MEDEWERKER, "GET"): 200, (MEDEWERKER, "POST"): 200},
    "partner:locatie_bewerken": {**OBJECT_URL, (MEDEWERKER, "GET"): 200, (MEDEWERKER, "POST"): 200},
    "partner:locatie_verwijderen": {
        **OBJECT_URL,
        (OWN, "POST"): 302,
        (MEDEWERKER, "GET"): 200,
        (MEDEWERKER, "POST"): 302,
    },
    "partner:aanbod_bewerken": {**OBJECT_URL, (MEDEWERKER, "GET"): 200, (MEDEWERKER, "POST"): 200},
    "partner:aanbod_klopt": POST_ONLY_URL,
    "partner:aanbod_archiveren": {**OBJECT_URL, (OWN, "POST"): 302},
    "partner:revisie": {**OBJECT_URL, (OWN, "POST"): 200},
    # "Klopt er iets niet?" from a visitor: the organisation's members mark it done (issue 20).
    "partner:correctie_afgehandeld": POST_ONLY_URL,
    # The pact: meetings (POST only), progress on an actiepunt the organisation leads, its agenda.
    "partner:pact": {(OWN, "GET"): 200, (ANON, "GET"): LOGIN, (COORD, "GET"): 200, (ANON, "POST"): LOGIN},
    "partner:pact_aanmelden": POST_ONLY_URL,
    "partner:pact_afmelden": POST_ONLY_URL,
    "partner:pact_voortgang": {**OBJECT_URL, (OWN, "POST"): 302},
    "partner:pact_agenda": {**OBJECT_URL, (OWN, "POST"): 302},
    # The organisation asked to host a meeting answers (issue 19).
    "partner:pact_gastheer": {**OBJECT_URL, (OWN, "POST"): 302},
    # The datumprikker: the organisation says when it can and sees the others' answers (issue 19).
    "partner:pact_peiling": {**OBJECT_URL, (OWN, "POST"): 302},
    # The B1 hint while typing: POST only, any logged-in user (it reads nothing of an organisation).
    "partner:b1_advies": {
        (OWN, "GET"): 405,
        (OWN, "POST"): 200,
        (ANON, "GET"): LOGIN,
        (ANON, "POST"): LOGIN,
        (COORD, "GET"): 405,
        (COORD, "POST"): 200,
    },
    # Warm handover: requests to the organisation (only its members read them), referrals, settings.
    "partner:verzoeken": OBJECT_URL,
    "partner:verzoeken_instellingen": OBJECT_URL,  # an empty POST shows form errors
    "partner:doorverwijzen": {**OBJECT_URL, (OWN, "POST"): 302},  # unticked consent: the stop page
    "partner:doorverwijzen_stop": OBJECT_URL,
    "partner:verzoek": OBJECT_URL,  # an empty POST shows form errors
    # Account pages: no object of an organisation in the URL.
    "partner_start": {(OWN, "GET"): 200, (ANON, "GET"): LOGIN, (COORD, "GET"): 200, (ANON, "POST"): LOGIN},
    "inloggen": {(ANON, "GET"): 200, (ANON, "POST"): 200, (OWN, "GET"): 302},
    "uitloggen": {(ANON, "GET"): 405, (ANON, "POST"): 302, (OWN, "POST"): 302},
    # Ends every session of the own account; POST only.
    "uitloggen_overal": {
        (ANON, "GET"): 405,
        (ANON, "POST"): LOGIN,
        (OWN, "GET"): 405,
        (OWN, "POST"): 302,
        (COORD, "GET"): 405,
        (COORD, "POST"): 302,
    },
    "wachtwoord_vergeten": {(ANON, "GET"): 200, (ANON, "POST"): 200},
    "wachtwoord_vergeten_verstuurd": {(ANON, "GET"): 200},
    "password_reset_confirm": {(ANON, "GET"): 200},
    "wachtwoord_ingesteld": {(ANON, "GET"): 200},
    "uitnodiging_accepteren": {(ANON, "GET"): 404, (ANON, "POST"): 404},
}


def _partner_url_names() -> set[str]:
    names = set()

    def walk(patterns, prefix, namespace):
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, route, ns)
            elif isinstance(p, URLPattern) and route.startswith(("partner/", "pact/partner/")):
                names.add(f"{namespace}{p.name}")

    walk(get_resolver().url_patterns, "", "")
    return names


def test_every_partner_url_has_a_row():
    assert _partner_url_names() == set(MATRIX)


@pytest.fixture
def world(db):
    own = Organisatie.objects.create(naam="Eigen", slug="eigen", korte_omschrijving="x", status=Status.GEPUBLICEERD)
    other = Organisatie.objects.create(naam="Ander", slug="ander", korte_omschrijving="x", status=Status.GEPUBLICEERD)
    User = get_user_model()
    partner = User.objects.create_user(username="p@voorbeeld.nl", email="p@voorbeeld.nl", password="x")
    Lidmaatschap.objects.create(gebruiker=partner, organisatie=own, rol=Rol.BEHEERDER)
    medewerker = User.objects.create_user(username="m@voorbeeld.nl", email="m@voorbeeld.nl", password="x")
    Lidmaatschap.objects.create(gebruiker=medewerker, organisatie=own, rol=Rol.MEDEWERKER)
    coordinator = User.objects.create_superuser(username="c@voorbeeld.nl", email="c@voorbeeld.nl", password="x")
    objects = {}
    pijler, bijeenkomst = pact.PijlerFactory(), pact.BijeenkomstFactory()
    pact.AgendaRondeFactory()
    for key, org in ((OWN, own), (OTHER, other)):
        aanbod = Aanbod.objects.create(
            organisatie=org,
            titel=f"Aanbod {org.naam}",
            slug=f"aanbod-{org.slug}",
            wat_u_krijgt="Hulp.",
            status=Status.GEPUBLICEERD,
            heel_de_gemeente=True,
            laatst_gecontroleerd=date.today(),
        )
        revisie = Revisie.objects.create(
            soort=Revisie.Soort.AANBOD, organisatie=org, aanbod=aanbod, data={"titel": ["Nieuw"]}
        )
        actiepunt = pact.ActiepuntFactory(trekker=org, pijler=pijler)
        verzoek = Verzoek.objects.create(ontvanger=org, aanbod=aanbod, naam="Inwoner", telefoon="0612345678")
        gastheer = pact.BijeenkomstFactory(gastorganisatie=org, gast_status=GastStatus.GEVRAAGD)
        correctie = Correctie.objects.create(
            onderwerp="aanbod", naam=aanbod.titel, organisatie=org, aanbod=aanbod, wat="tijden", toelichting="Dicht."
        )
        locatie = Locatie.objects.create(organisatie=org, naam=f"Locatie {org.naam}", straat="Hoofdstraat 1")
        collega = User.objects.create_user(username=f"collega@{org.slug}.nl", email=f"collega@{org.slug}.nl")
        lid = Lidmaatschap.objects.create(gebruiker=collega, organisatie=org, rol=Rol.MEDEWERKER)
        peiling = DatumPeiling.objects.create(titel=f"Pactbijeenkomst {key}")
        start = timezone.now() + timedelta(days=60)
        peiling_datum = PeilingDatum.objects.create(peiling=peiling, start=start, eind=start + timedelta(hours=2))
        objects[key] = {
            "lid": lid.pk,
            "locatie": locatie.uuid,
            "correctie": correctie.pk,
            "verzoek": verzoek.uuid,
            "gastheer": gastheer.pk,
            "peiling": peiling.pk,
            "peiling_datum": peiling_datum.pk,
            "slug": org.slug,
            "uuid": aanbod.uuid,
            "pk": revisie.pk,
            "organisatie_pk": org.pk,
            "bijeenkomst": bijeenkomst.pk,
            "actiepunt": actiepunt.pk,
        }
    return {
        "partner": partner,
        "medewerker": medewerker,
        "coordinator": coordinator,
        "objects": objects,
        "pijler": pijler,
    }


def _url(name: str, obj: dict) -> str:
    from django.urls import reverse

    special = {
        "password_reset_confirm": {"uidb64": "MQ", "token": "ongeldig-token"},
        "uitnodiging_accepteren": {"token": "ongeldig-token"},
    }
    if name in special:
        return reverse(name, kwargs=special[name])
    pact_kwargs = {
        "partner:pact_aanmelden": {"organisatie_pk": obj["organisatie_pk"], "pk": obj["bijeenkomst"]},
        "partner:pact_afmelden": {"organisatie_pk": obj["organisatie_pk"], "pk": obj["bijeenkomst"]},
        "partner:pact_voortgang": {"organisatie_pk": obj["organisatie_pk"], "pk": obj["actiepunt"]},
        "partner:pact_agenda": {"organisatie_pk": obj["organisatie_pk"]},
        "partner:verzoek": {"uuid": obj["verzoek"]},
        "partner:locatie_bewerken": {"uuid": obj["locatie"]},
        "partner:locatie_verwijderen": {"uuid": obj["locatie"]},
        "partner:doorverwijzen_stop": {"slug": obj["slug"], "reden": "toestemming"},
        "partner:pact_gastheer": {"organisatie_pk": obj["organisatie_pk"], "pk": obj["gastheer"]},
        "partner:correctie_afgehandeld": {"pk": obj["correctie"]},
        "partner:collega_verwijderen": {"slug": obj["slug"], "pk": obj["lid"]},
        "partner:pact_peiling": {"organisatie_pk": obj["organisatie_pk"], "pk": obj["peiling"]},
    }
    if name in pact_kwargs:
        return reverse(name, kwargs=pact_kwargs[name])
    route = get_resolver().reverse_dict  # noqa: F841  (keeps reverse cache warm)
    for kwargs in ({"slug": obj["slug"]}, {"uuid": obj["uuid"]}, {"pk": obj["pk"]}, {}):
        try:
            return reverse(name, kwargs=kwargs)
        except Exception:  # noqa: BLE001,S112
            continue
    raise AssertionError(f"cannot build URL for {name}")


CASES = [(name, who, method, status) for name, rows in MATRIX.items() for (who, method), status in rows.items()]


@pytest.mark.parametrize(("name", "who", "method", "expected"), CASES)
def test_permission_matrix(client, world, name, who, method, expected):
    obj = world["objects"][OTHER if who == OTHER else OWN]
    leden = Lidmaatschap.objects.count()
    if who in (OWN, OTHER):
        client.force_login(world["partner"])
    elif who == MEDEWERKER:
        client.force_login(world["medewerker"])
    elif who == COORD:
        client.force_login(world["coordinator"])
    url = _url(name, obj)
    response = client.get(url) if method == "GET" else client.post(url, _post_data(name, world))
    assert response.status_code == expected, f"{method} {url} as {who}"
    if expected == LOGIN and who == ANON:
        assert "/partner/inloggen/" in response.url or name == "uitloggen"
    if who != OWN and method == "POST":
        # Nobody but the organisation's own members changed anything of the pact.
        assert not Aanmelding.objects.exists()
        assert not Voortgang.objects.exists()
        assert not AgendaBijdrage.objects.exists()
        assert not PeilingAntwoord.objects.exists()
        # ... nor decided on, or read, a request, nor sent a referral.
        assert set(Verzoek.objects.values_list("status", flat=True)) == {VerzoekStatus.NIEUW}
        assert Verzoek.objects.count() == 2
        assert not Bijeenkomst.objects.exclude(gast_status__in=["", GastStatus.GEVRAAGD]).exists()
        # ... nor removed a colleague.
        assert Lidmaatschap.objects.count() == leden
        # ... nor removed or changed a location (a medewerker's removal waits for the coordinator).
        assert Locatie.objects.count() == 2
        assert not Locatie.objects.exclude(straat="Hoofdstraat 1").exists()
        # ... nor marked a visitor's correction done.
        assert not Correctie.objects.filter(afgehandeld_op__isnull=False).exists()
    if who != OWN:
        assert set(Verzoek.objects.values_list("status", flat=True)) == {VerzoekStatus.NIEUW}


def _post_data(name: str, world) -> dict:
    """A valid form for the pact pages, so a refused POST is refused by the access check."""
    if name == "partner:pact_voortgang":
        return {"tekst": "Het loopt goed.", "status": ""}
    if name == "partner:pact_gastheer":
        return {"antwoord": "ja"}
    if name == "partner:pact_peiling":
        return {f"datum-{world['objects'][OWN]['peiling_datum']}": "ja"}
    if name == "partner:pact_agenda":
        return {"missie": "Onze missie.", "activiteit_1_tekst": "Iets doen.", "activiteit_1_pijler": world["pijler"].pk}
    return {}
