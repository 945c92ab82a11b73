"""Issue 17: "Laat mij bellen" at a regeling in the check result (same flow as
an aanbod), and the resident flow in other languages (English, Arabic); the
e-mail to the partner stays Dutch."""

import re

import pytest
from django.core import mail

from overdracht.models import Verzoek
from regelingen.models import Regeling
from sociale_kaart.models import Status
from tests.overdracht.conftest import GEGEVENS
from tests.regelingen.conftest import demo_data  # noqa: F401 (fixture)
from tests.regelingen.test_check_vertrouwen import doorloop
from tests.sociale_kaart.factories import GebruikerFactory


def _regeling_met_verzoeken() -> Regeling:
    """A regeling in the example's check result whose uitvoerder receives requests."""
    regeling = Regeling.objects.select_related("uitvoerder").get(slug="individuele-inkomenstoeslag")
    uitvoerder = regeling.uitvoerder
    uitvoerder.ontvangt_verzoeken = True
    uitvoerder.status = Status.GEPUBLICEERD
    uitvoerder.save()
    return regeling


@pytest.fixture
def regeling(demo_data):  # noqa: F811
    return _regeling_met_verzoeken()


def test_the_check_result_offers_laat_mij_bellen_at_a_regeling_whose_organisation_receives_requests(client, regeling):
    doorloop(client)
    html = client.get("/check/uitslag/").text
    assert f'href="/bellen/regeling/{regeling.slug}/"' in html
    # Only at regelingen of that uitvoerder: the other uitvoerders do not receive requests.
    gelinkt = set(re.findall(r'href="/bellen/regeling/([a-z0-9-]+)/"', html))
    assert gelinkt and set(Regeling.objects.filter(slug__in=gelinkt).values_list("uitvoerder", flat=True)) == {
        regeling.uitvoerder_id
    }
    regeling.uitvoerder.ontvangt_verzoeken = False
    regeling.uitvoerder.save()
    assert "/bellen/regeling/" not in client.get("/check/uitslag/").text
    assert client.get(f"/bellen/regeling/{regeling.slug}/").status_code == 404


def test_a_resident_asks_the_uitvoerder_of_a_regeling_to_call(client, regeling, django_capture_on_commit_callbacks):
    GebruikerFactory(organisatie=regeling.uitvoerder, username="balie@gemeente.example")
    basis = f"/bellen/regeling/{regeling.slug}/"
    uitleg = client.get(basis).text
    assert f"Laat mij bellen door {regeling.uitvoerder.naam}" in uitleg
    assert f"Zij helpen met: {regeling.naam}." in uitleg
    assert client.post(basis, {"toestemming": "ja"}).url == basis + "gegevens/?toestemming=ja"
    controle = client.post(basis + "controleren/", {**GEGEVENS, "toestemming": "ja"})
    assert "Kloppen uw gegevens?" in controle.text and f'action="{basis}versturen/"' in controle.text
    with django_capture_on_commit_callbacks(execute=True):
        verstuurd = client.post(basis + "versturen/", {**GEGEVENS, "toestemming": "ja"}, follow=True)
    assert verstuurd.redirect_chain[-1][0] == basis + "verstuurd/"
    assert "Uw verzoek is verstuurd" in verstuurd.text
    assert 'href="/check/uitslag/"' in verstuurd.text
    [verzoek] = Verzoek.objects.all()
    assert verzoek.ontvanger == regeling.uitvoerder and verzoek.aanbod is None
    assert verzoek.onderwerp == regeling.naam
    [bericht] = mail.outbox
    assert bericht.to == ["balie@gemeente.example"]
    # The partner sees what it is about.
    client.force_login(GebruikerFactory._meta.model.objects.get(username="balie@gemeente.example"))
    assert f'via "{regeling.naam}"' in client.get(f"/partner/verzoek/{verzoek.uuid}/").text


def test_no_consent_at_a_regeling_keeps_nothing(client, regeling):
    basis = f"/bellen/regeling/{regeling.slug}/"
    response = client.post(basis, {"toestemming": "nee"}, follow=True)
    assert response.redirect_chain[-1][0] == basis + "geen-toestemming/"
    assert "Wij hebben niets van u bewaard" in response.text
    assert not Verzoek.objects.exists()


def test_an_inactive_regeling_or_an_unknown_slug_is_404(client, regeling):
    assert client.get("/bellen/regeling/bestaat-niet/").status_code == 404
    Regeling.objects.filter(pk=regeling.pk).update(actief=False)
    assert client.get(f"/bellen/regeling/{regeling.slug}/").status_code == 404


# --- Other languages ---------------------------------------------------------------------


def test_the_flow_in_english_answers_in_english_and_mails_the_partner_in_dutch(
    client, aanbod, medewerker, django_capture_on_commit_callbacks
):
    basis = "/en/bellen/hulp-bij-schulden/"
    assert 'href="/en/bellen/hulp-bij-schulden/"' in client.get("/en/hulp/hulp-bij-schulden/").text
    uitleg = client.get(basis)
    assert '<html lang="en"' in uitleg.text
    assert "Ask SchuldHulpMaatje to call me" in uitleg.text
    assert "Which details do we send?" in uitleg.text
    assert "your name" in uitleg.text and "BSN" in uitleg.text
    fout = client.post(basis, {})
    assert "Choose yes or no." in fout.text and "<title>Error:" in fout.text
    stap = client.post(basis, {"toestemming": "ja"})
    assert stap.url == basis + "gegevens/?toestemming=ja"
    gegevens = client.get(stap.url).text
    assert "Your details for SchuldHulpMaatje" in gegevens and "Your name" in gegevens
    leeg = client.post(basis + "controleren/", {"toestemming": "ja", "naam": "Jan", "beste_tijd": "ochtend"})
    assert "Fill in a phone number or an e-mail address." in leeg.text
    controle = client.post(basis + "controleren/", {**GEGEVENS, "toestemming": "ja"}).text
    assert "Are your details correct?" in controle and "In the morning (9 to 12)" in controle
    with django_capture_on_commit_callbacks(execute=True):
        verstuurd = client.post(basis + "versturen/", {**GEGEVENS, "toestemming": "ja"}, follow=True)
    assert verstuurd.redirect_chain[-1][0] == basis + "verstuurd/"
    assert "Your request has been sent" in verstuurd.text
    assert "Within 2 working days" in verstuurd.text
    [bericht] = mail.outbox
    assert bericht.subject == "Nieuw verzoek voor SchuldHulpMaatje (Armoedepact)"
    assert "Waarom krijgt u deze e-mail?" in bericht.body
    assert "/partner/verzoek/" in bericht.body and "/en/partner/" not in bericht.body


def test_the_flow_in_arabic(client, aanbod):
    uitleg = client.get("/ar/bellen/hulp-bij-schulden/").text
    assert 'dir="rtl"' in uitleg
    assert "اطلب من SchuldHulpMaatje أن يتصل بي" in uitleg
    geen = client.post("/ar/bellen/hulp-bij-schulden/", {"toestemming": "nee"}, follow=True).text
    assert "هذا جيد. لم نحفظ أي شيء عنك." in geen
