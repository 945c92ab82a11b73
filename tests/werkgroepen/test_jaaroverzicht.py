"""The yearly overview the coordinator prints (issue 19): per pillar the goals,
the year's action points with Wie, Wanneer, status and percentage, and the year's
meetings; linked from /beheer/; other years' action points stay out."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from tests.armoedepact.regie.otp import beheer_tweede_factor  # noqa: F401
from werkgroepen import services
from werkgroepen.models import ActiepuntStatus, Werkgroep

from . import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("beheer_tweede_factor")]


def _om(jaar, maand, dag):
    return timezone.make_aware(datetime(jaar, maand, dag, 19))


def test_the_overview_of_a_year_per_pillar(admin_client):
    pad = f.PijlerFactory(slug="werk", naam="Werk en inkomen", volgorde=0)
    doel = f.DoelFactory(pijler=pad, titel="Meer mensen aan het werk")
    humanitas = f.OrganisatieFactory(naam="Humanitas")
    banenmarkt = f.ActiepuntFactory(
        pijler=pad,
        doel=doel,
        titel="Banenmarkt",
        jaar=2030,
        periode_van=date(2030, 3, 1),
        periode_tot=date(2030, 6, 30),
    )
    banenmarkt.organisaties.add(humanitas)
    services.voortgang_toevoegen(
        actiepunt=banenmarkt,
        tekst="Loopt.",
        door=None,
        organisatie=humanitas,
        percentage=40,
        status=ActiepuntStatus.BEZIG,
        direct=True,
    )
    f.ActiepuntFactory(pijler=pad, doel=doel, titel="Oud plan uit 2027", jaar=2027)
    groep = Werkgroep.objects.create(pijler=pad, naam="Werkgroep werk")
    f.BijeenkomstFactory(titel="Werkgroep in maart", werkgroep=groep, start=_om(2030, 3, 5), eind=_om(2030, 3, 6))
    f.BijeenkomstFactory(
        titel="Pactbijeenkomst voorjaar", start=_om(2030, 4, 2), eind=_om(2030, 4, 3), aantal_aanwezigen=31
    )
    f.BijeenkomstFactory(titel="Pactbijeenkomst 2029", start=_om(2029, 4, 2), eind=_om(2029, 4, 3))

    html = admin_client.get("/beheer/regie/jaaroverzicht/2030/").content.decode()

    assert "Jaaroverzicht van het pact 2030" in html
    assert "Pijler: Werk en inkomen" in html and "Doel: Meer mensen aan het werk" in html
    rij = html[html.index("<td>Banenmarkt</td>") :].split("</tr>")[0]
    assert "Humanitas" in rij and "1-3-2030 tot en met 30-6-2030" in rij and "Bezig" in rij and "40%" in rij
    assert "Oud plan uit 2027" not in html
    assert "Werkgroep in maart" in html
    assert "Pactbijeenkomst voorjaar" in html and "<td>31</td>" in html
    assert "Pactbijeenkomst 2029" not in html
    assert 'href="/static/css/regie-jaaroverzicht.css"' in html or "regie-jaaroverzicht" in html


def test_linked_from_beheer_and_a_silly_year_is_a_404(admin_client):
    assert 'href="/beheer/regie/jaaroverzicht/"' in admin_client.get("/beheer/").content.decode()
    assert admin_client.get("/beheer/regie/jaaroverzicht/").status_code == 200
    assert admin_client.get("/beheer/regie/jaaroverzicht/99999/").status_code == 404


def test_staff_without_the_right_cannot_see_it(client, django_user_model):
    from tests.armoedepact.regie.otp import otp_verifieer

    medewerker = django_user_model.objects.create_user(username="m@example.org", password="x" * 20, is_staff=True)
    client.force_login(medewerker)
    otp_verifieer(client, medewerker)
    assert client.get("/beheer/regie/jaaroverzicht/").status_code == 403


def _pdf_tekst(inhoud: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join((blad.extract_text() or "").split()) for blad in PdfReader(io.BytesIO(inhoud)).pages)


def test_the_overview_as_a_tagged_pdf(admin_client):
    """The PDF the coordinator prints: a goal with its rolled-up progress, the action point
    with Wie and status, the indicator's last value and source, the meeting's attendance;
    tagged (a structure tree), with a title, Dutch as its language and whole addresses."""
    import io

    from pypdf import PdfReader

    from tests.common.pdf_structuur import structuur_soorten
    from werkgroepen.models import Indicator, IndicatorWaarde

    pad = f.PijlerFactory(slug="werk", naam="Werk en inkomen", volgorde=0)
    doel = f.DoelFactory(pijler=pad, titel="Meer mensen aan het werk")
    humanitas = f.OrganisatieFactory(naam="Humanitas")
    banenmarkt = f.ActiepuntFactory(pijler=pad, doel=doel, titel="Banenmarkt", jaar=2030)
    banenmarkt.organisaties.add(humanitas)
    services.voortgang_toevoegen(
        actiepunt=banenmarkt,
        tekst="Loopt.",
        door=None,
        organisatie=humanitas,
        percentage=40,
        status="bezig",
        direct=True,
    )
    indicator = Indicator.objects.create(
        pijler=pad, naam="Huishoudens tot 120%", eenheid="huishoudens", nulmeting=2400, nulmeting_jaar=2028
    )
    IndicatorWaarde.objects.create(indicator=indicator, datum=date(2030, 1, 1), waarde=2150, bron="CBS 2030")
    groep = Werkgroep.objects.create(pijler=pad, naam="Werkgroep werk")
    overleg = f.BijeenkomstFactory(
        titel="Werkgroep in maart", werkgroep=groep, start=_om(2030, 3, 5), eind=_om(2030, 3, 6), aantal_aanwezigen=12
    )
    overleg.aanwezige_organisaties.add(humanitas)

    response = admin_client.get("/beheer/regie/jaaroverzicht/2030.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    tekst = _pdf_tekst(response.content)
    assert "Jaaroverzicht van het pact 2030" in tekst
    assert "Doel: Meer mensen aan het werk" in tekst and "Voortgang van dit doel: 40%" in tekst
    assert "Banenmarkt" in tekst and "Humanitas" in tekst and "Bezig" in tekst
    assert "2150 huishoudens op 1 januari 2030" in tekst and "CBS 2030" in tekst
    assert "Werkgroep in maart" in tekst and "12 mensen: Humanitas" in tekst
    assert "http://testserver/pact/pijlers/werk/" in tekst  # paper cannot follow a bare path
    soorten = structuur_soorten(response.content)
    assert "/H1" in soorten and "/H2" in soorten and "/Table" in soorten
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title.startswith("Jaaroverzicht van het pact 2030")


def test_the_pdf_is_linked_and_only_for_staff(admin_client, client):
    jaar = timezone.localdate().year
    assert f'href="/beheer/regie/jaaroverzicht/{jaar}.pdf"' in admin_client.get("/beheer/").content.decode()
    assert (
        'href="/beheer/regie/jaaroverzicht/2030.pdf"'
        in admin_client.get("/beheer/regie/jaaroverzicht/2030/").content.decode()
    )
    assert admin_client.get("/beheer/regie/jaaroverzicht/99999.pdf").status_code == 404

    anoniem = client.get("/beheer/regie/jaaroverzicht/2030.pdf")
    assert anoniem.status_code == 302 and "/beheer/login/" in anoniem["Location"]
    client.force_login(f.GebruikerFactory(organisatie=f.OrganisatieFactory()))
    partner = client.get("/beheer/regie/jaaroverzicht/2030.pdf")
    assert partner.status_code == 302 and partner["Content-Type"] != "application/pdf"
