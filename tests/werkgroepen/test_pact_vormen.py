"""One portal, any pact: the shape of a pact is data (docs/adr/0010).

Ommen (seed 004): nine paden, one meeting a year, a convenant whose signatories
give a representative, a mission and this year's activities. Westerkwartier
(seed 000): four pijlers, meetings twice a year. For each shape every pact page,
the agenda PDF, the aanbod filter in /beheer/ and the admin of the pact work."""

import csv
import io
import zipfile
from datetime import date

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from sociale_kaart.models import Aanbod, Organisatie, Pijler, Status
from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401
from werkgroepen import services
from werkgroepen.models import Aansluitverzoek, AgendaRonde, AgendaRondeStatus

from . import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("beheer_tweede_factor")]

OMMEN_PADEN = [
    "Armen aan het woord",
    "De samenleving erbij betrekken",
    "Wat goed gaat versterken",
    "Samenwerken vanuit mensenbelang",
    "Bouwen op vertrouwen",
    "Eigen mogelijkheden aanspreken",
    "Goed gebruik van voorzieningen bevorderen",
    "Schulden voorkómen",
    "Kinderen toekomst bieden",
]
WESTERKWARTIER = ["Netwerk", "Preventie", "Meedoen (met name jeugd)", "Gezondheid"]


def _aanbod(org, titel, pijler):
    return Aanbod.objects.create(
        organisatie=org,
        titel=titel,
        slug=titel.lower().replace(" ", "-"),
        wat_u_krijgt="Hulp.",
        status=Status.GEPUBLICEERD,
        heel_de_gemeente=True,
        laatst_gecontroleerd=date.today(),
        pijler=pijler,
    )


def _vorm_laden(*, namen, enkelvoud, meervoud, per_jaar):
    """Load a pact's shape as data, as a coordinator does in /beheer/."""
    pact = services.pact_instellingen_bewaren()
    pact.niveau_enkelvoud, pact.niveau_meervoud, pact.bijeenkomsten_per_jaar = enkelvoud, meervoud, per_jaar
    pact.save()
    Pijler.objects.exclude(naam__in=namen).update(actief=False)  # what another pact left: retired, kept
    pijlers = []
    for volgorde, naam in enumerate(namen, start=1):
        slug = f"{enkelvoud}-{volgorde}"
        pijler = Pijler.objects.filter(naam=naam).first() or Pijler(slug=slug)
        pijler.naam, pijler.volgorde, pijler.actief = naam, volgorde, True
        pijler.tekst = f"Wat {naam} wil bereiken."
        pijler.save()
        pijlers.append(pijler)
    jaar = timezone.localdate().year
    ronde = AgendaRonde.objects.create(jaar=jaar, status=AgendaRondeStatus.OPEN)
    ondertekenaars = []
    for i in range(3):
        org = Organisatie.objects.create(
            naam=f"Ondertekenaar {i}",
            slug=f"ondertekenaar-{i}",
            korte_omschrijving="x",
            status=Status.GEPUBLICEERD,
            pactpartner=True,
            pactpartner_sinds=date(2019, 1, 1 + i),
        )
        ondertekenaars.append(org)
        services.agendabijdrage_opslaan(
            ronde=ronde,
            organisatie=org,
            vertegenwoordiger=f"Vertegenwoordiger {i}",
            missie=f"Missie van ondertekenaar {i}.",
            activiteiten=[(pijlers[i], f"Activiteit {i} voor {pijlers[i].naam}."), (pijlers[-1], f"Nog iets {i}.")],
            door=None,
            direct=True,
        )
    doel = f.DoelFactory(pijler=pijlers[0], titel="Ervaringsdeskundigen praten mee")
    actiepunt = f.ActiepuntFactory(pijler=pijlers[0], doel=doel, titel="Een panel van inwoners", percentage=50)
    actiepunt.organisaties.add(ondertekenaars[0])
    f.BijeenkomstFactory(dagen=40, titel="Jaarbijeenkomst")
    gevonden = _aanbod(ondertekenaars[0], f"Aanbod bij {pijlers[1].naam}", pijlers[1])
    ander = _aanbod(ondertekenaars[1], "Aanbod elders", pijlers[2])
    return {"pijlers": pijlers, "ronde": ronde, "gevonden": gevonden, "ander": ander, "jaar": jaar}


VORMEN = {
    "ommen": {"namen": OMMEN_PADEN, "enkelvoud": "pad", "meervoud": "paden", "per_jaar": 1},
    "westerkwartier": {"namen": WESTERKWARTIER, "enkelvoud": "pijler", "meervoud": "pijlers", "per_jaar": 2},
}


@pytest.mark.parametrize("vorm", VORMEN)
def test_every_pact_page_works_with_the_shape(client, vorm):
    instelling = VORMEN[vorm]
    wereld = _vorm_laden(**instelling)
    andere = [n for v, i in VORMEN.items() if v != vorm for n in i["namen"]]

    html = client.get("/pact/").content.decode()
    assert f"{len(instelling['namen'])} {instelling['meervoud']}" in html
    assert ("Eén keer per jaar" if instelling["per_jaar"] == 1 else "2 keer per jaar") in html
    for naam in instelling["namen"]:
        assert naam in html
    for naam in andere:
        assert naam not in html  # the other pact's parts are retired, not shown

    for pijler in wereld["pijlers"]:
        response = client.get(f"/pact/pijlers/{pijler.slug}/")
        assert response.status_code == 200
        assert f"{instelling['enkelvoud'].capitalize()}: {pijler.naam}" in response.content.decode()
    eerste = client.get(f"/pact/pijlers/{wereld['pijlers'][0].slug}/").content.decode()
    assert "Doel: Ervaringsdeskundigen praten mee" in eerste and "Voortgang" in eerste and "50%" in eerste

    partners = client.get("/pact/partners/").content.decode()
    assert all(f"Ondertekenaar {i}" in partners for i in range(3))
    for url in ("/pact/bijeenkomsten/", "/pact/agenda/", "/pact/aansluiten/"):
        assert client.get(url).status_code == 200, url

    agenda = client.get(f"/pact/agenda/{wereld['jaar']}/").content.decode()
    assert "Vertegenwoordiger 0" in agenda and "Activiteit 2 voor" in agenda
    pdf = client.get(f"/pact/agenda/{wereld['jaar']}.pdf")
    assert pdf.status_code == 200
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert f"per {instelling['enkelvoud']}" in tekst
    assert wereld["pijlers"][-1].naam.split()[0] in tekst and "Vertegenwoordiger 1" in tekst


@pytest.mark.parametrize("vorm", VORMEN)
def test_aanbod_filter_and_admin_work_with_the_shape(admin_client, vorm):
    instelling = VORMEN[vorm]
    wereld = _vorm_laden(**instelling)
    pijler = wereld["gevonden"].pijler

    lijst = admin_client.get(f"/beheer/sociale_kaart/aanbod/?pijler__id__exact={pijler.pk}").content.decode()
    assert wereld["gevonden"].titel in lijst and wereld["ander"].titel not in lijst
    for naam in instelling["namen"]:
        assert naam in admin_client.get("/beheer/sociale_kaart/pijler/").content.decode()
    for url in (
        "/beheer/",
        "/beheer/sociale_kaart/pijler/add/",
        f"/beheer/sociale_kaart/pijler/{pijler.pk}/change/",
        f"/beheer/werkgroepen/actiepunt/?pijler__id__exact={pijler.pk}",
        "/beheer/werkgroepen/actiepunt/add/",
        "/beheer/werkgroepen/agendabijdrage/",
        "/beheer/werkgroepen/bijeenkomst/",
        "/beheer/werkgroepen/doel/add/",
    ):
        assert admin_client.get(url).status_code == 200, url
    index = admin_client.get("/beheer/").content.decode()
    assert f"Actiepunten per {instelling['enkelvoud']}" in index
    pact = admin_client.get("/beheer/werkgroepen/pact/", follow=True).content.decode()
    assert f'value="{instelling["meervoud"]}"' in pact


def test_a_retired_part_leaves_the_site_but_keeps_its_history(client):
    wereld = _vorm_laden(**VORMEN["ommen"])
    weg = wereld["pijlers"][0]
    weg.actief = False
    weg.save()
    assert client.get(f"/pact/pijlers/{weg.slug}/").status_code == 404
    assert weg.naam not in client.get("/pact/").content.decode()
    assert "8 paden" in client.get("/pact/").content.decode()
    # Its activity of this year's agenda stays readable under its own name.
    assert weg.naam in client.get(f"/pact/agenda/{wereld['jaar']}/").content.decode()


def test_ommen_signatory_signs_the_convenant_and_its_activities_enter_the_agenda(client, admin_client):
    """Ommen: an organisation applies with the convenant; once the coordinator approves it is a
    signatory with its date, on the public list and in the open data, and its activities are part
    of that year's Lokale Sociale Agenda, on the page and in the PDF."""
    wereld = _vorm_laden(**VORMEN["ommen"])
    paden = wereld["pijlers"]
    formulier = client.get("/pact/aansluiten/").content.decode()
    assert "Het convenant ondertekenen" in formulier
    assert all(f"Wat doet u dit jaar voor: {pad.naam}?" in formulier for pad in paden)

    aanvraag = {
        "organisatie_naam": "Buurtkerk De Haven",
        "contactpersoon": "Jan Smit",
        "email": "jan@dehaven.nl",
        "wat_doet_u": "Wij koken elke week voor de buurt.",
        "bijdrage": "Een ruimte en vrijwilligers.",
        "vertegenwoordiger": "Els Bakker, diaken",
        "missie": "Niemand hoeft alleen te eten.",
        f"activiteit_{paden[7].pk}": "Wij houden vier inloopavonden over geldzorgen.",
        f"activiteit_{paden[8].pk}": "Wij geven een gratis kinderkookclub.",
    }
    # A mission and activities without a representative: a clear message, nothing stored.
    onvolledig = client.post("/pact/aansluiten/", {**aanvraag, "vertegenwoordiger": ""})
    assert "Vul dan ook de vertegenwoordiger en de missie in" in onvolledig.content.decode()
    assert not Aansluitverzoek.objects.exists()
    assert client.post("/pact/aansluiten/", aanvraag).status_code == 302

    # Not yet approved: not a signatory, not on the agenda.
    assert "Buurtkerk De Haven" not in client.get("/pact/partners/").content.decode()
    assert "kinderkookclub" not in client.get(f"/pact/agenda/{wereld['jaar']}/").content.decode()

    verzoek = Aansluitverzoek.objects.get()
    detail = admin_client.get(f"/beheer/werkgroepen/aansluitverzoek/{verzoek.pk}/change/").content.decode()
    assert "Els Bakker, diaken" in detail and "kinderkookclub" in detail
    admin_client.post(
        "/beheer/werkgroepen/aansluitverzoek/", {"action": "goedkeuren", "_selected_action": [verzoek.pk]}
    )

    vandaag = timezone.localdate()
    partners = client.get("/pact/partners/").content.decode()
    rij = partners[partners.index("Buurtkerk De Haven") :].split("</tr>")[0]
    assert "Els Bakker, diaken" in rij and date_format(vandaag, "j F Y") in rij

    agenda = client.get(f"/pact/agenda/{wereld['jaar']}/").content.decode()
    assert "Buurtkerk De Haven" in agenda and "Niemand hoeft alleen te eten." in agenda
    assert "Wij geven een gratis kinderkookclub." in agenda and "vier inloopavonden" in agenda
    pdf = client.get(f"/pact/agenda/{wereld['jaar']}.pdf")
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Buurtkerk De Haven" in tekst and "kinderkookclub" in tekst and "Els Bakker" in tekst

    archief = zipfile.ZipFile(io.BytesIO(client.get("/pact/open-data.zip").content))
    ondertekenaars = list(csv.DictReader(io.StringIO(archief.read("ondertekenaars.csv").decode())))
    haven = next(r for r in ondertekenaars if r["organisatie"] == "Buurtkerk De Haven")
    assert haven["partner_sinds"] == vandaag.isoformat() and haven["vertegenwoordiger"] == "Els Bakker, diaken"


@pytest.mark.parametrize("vorm", VORMEN)
def test_every_public_pact_url_and_every_pact_changelist_with_the_shape(client, admin_client, vorm):
    """Not a hand-made list that a new page slips past: every URL of werkgroepen/urls.py
    (with a pillar, a meeting and a year of this shape) and the changelist of every pact
    model in /beheer/, plus the yearly overview and its PDF, answer without an error."""
    from django.contrib import admin

    from werkgroepen import urls

    wereld = _vorm_laden(**VORMEN[vorm])
    bijeenkomst = f.BijeenkomstFactory(dagen=-10, titel="Vorige bijeenkomst", werkgroep=None)
    waarden = {"slug": wereld["pijlers"][0].slug, "pk": bijeenkomst.pk, "jaar": wereld["jaar"]}
    bezocht = []
    for patroon in urls.urlpatterns:
        route = str(patroon.pattern)
        for naam, waarde in waarden.items():
            route = route.replace(f"<int:{naam}>", str(waarde)).replace(f"<slug:{naam}>", str(waarde))
        assert "<" not in route, route
        response = client.get(f"/{route}")
        assert response.status_code == 200, route
        bezocht.append(route)
    assert len(bezocht) == len(urls.urlpatterns) >= 13

    modellen = [m for m in admin.site._registry if m._meta.app_label == "werkgroepen"] + [Pijler]
    assert len(modellen) >= 10
    for model in modellen:
        url = f"/beheer/{model._meta.app_label}/{model._meta.model_name}/"
        response = admin_client.get(url, follow=True)  # the pact's one row redirects to its change page
        assert response.status_code == 200, url
    for url in (f"/beheer/regie/jaaroverzicht/{wereld['jaar']}/", f"/beheer/regie/jaaroverzicht/{wereld['jaar']}.pdf"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
    assert wereld["pijlers"][0].naam in response_tekst(response)


def response_tekst(response) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(response.content)).pages)
