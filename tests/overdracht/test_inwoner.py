"""The resident's "Laat mij bellen" flow over HTTP: explanation and consent, no
consent keeps nothing, details, check your answers, sent; the mail to the
organisation; the check result only when ticked."""

import re

import pytest
from django.core import mail
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from overdracht.models import Verzoek, VerzoekTelling
from tests.overdracht.conftest import GEGEVENS
from tests.sociale_kaart.factories import AanbodFactory, OrganisatieFactory

BASIS = "/bellen/hulp-bij-schulden/"


def test_the_aanbod_page_offers_laat_mij_bellen_only_when_the_organisation_receives_requests(client, aanbod):
    assert 'href="/bellen/hulp-bij-schulden/"' in client.get("/hulp/hulp-bij-schulden/").text
    ander = AanbodFactory(organisatie=OrganisatieFactory(), slug="ander-aanbod")
    assert "Laat mij bellen" not in client.get(f"/hulp/{ander.slug}/").text
    assert client.get(f"/bellen/{ander.slug}/").status_code == 404


def test_the_explanation_says_who_why_and_exactly_which_details(client, aanbod):
    tekst = client.get(BASIS).text
    assert "Laat mij bellen door SchuldHulpMaatje" in tekst
    for woord in ("uw naam", "uw telefoonnummer of e-mailadres", "wanneer ze u het best kunnen bellen", "BSN"):
        assert woord in tekst


def test_no_consent_shows_the_phone_number_and_keeps_nothing(client, aanbod):
    response = client.post(BASIS, {"toestemming": "nee"}, follow=True)
    assert response.redirect_chain[-1][0] == BASIS + "geen-toestemming/"
    assert "Wij hebben niets van u bewaard" in response.text
    assert aanbod.organisatie.telefoon in response.text
    assert not Verzoek.objects.exists()


def test_no_answer_to_the_consent_question_is_a_clear_error(client, aanbod):
    response = client.post(BASIS, {})
    assert response.status_code == 200 and "Kies ja of nee." in response.text
    assert "<title>Fout:" in response.text


def test_the_details_page_needs_consent_first(client, aanbod):
    assert client.get(BASIS + "gegevens/").url == BASIS
    assert client.post(BASIS + "controleren/", GEGEVENS).url == BASIS


def test_the_whole_flow_stores_one_encrypted_request_and_mails_the_organisation(
    client, aanbod, medewerker, django_capture_on_commit_callbacks
):
    stap = client.post(BASIS, {"toestemming": "ja"})
    assert stap.url == BASIS + "gegevens/?toestemming=ja"
    assert "Uw gegevens voor SchuldHulpMaatje" in client.get(stap.url).text
    controle = client.post(BASIS + "controleren/", {**GEGEVENS, "toestemming": "ja"})
    assert "Kloppen uw gegevens?" in controle.text and "Jan de Vries" in controle.text
    assert "In de ochtend" in controle.text
    assert not Verzoek.objects.exists()  # nothing stored before "Verstuur"
    with django_capture_on_commit_callbacks(execute=True):
        klaar = client.post(BASIS + "versturen/", {**GEGEVENS, "toestemming": "ja"}, follow=True)
    assert "Binnen 2 werkdagen" in klaar.text
    verzoek = Verzoek.objects.get()
    assert (verzoek.naam, verzoek.ontvanger, verzoek.aanbod, verzoek.uitslag) == (
        "Jan de Vries",
        aanbod.organisatie,
        aanbod,
        "",
    )
    assert VerzoekTelling.objects.get().aantal == 1
    [bericht] = mail.outbox
    assert bericht.to == ["maatje@schuldhulpmaatje.example"]
    assert bericht.subject == "Nieuw verzoek voor SchuldHulpMaatje (Armoedepact)"
    assert "Jan" not in bericht.body and "0612345678" not in bericht.body  # no personal details in a mail
    assert "Waarom krijgt u deze e-mail?" in bericht.body
    assert bericht.alternatives[0].mimetype == "text/html"
    link = re.search(r"http://testserver(/partner/verzoek/[0-9a-f-]+/)", bericht.body).group(1)
    assert client.get(link).status_code == 302  # log in first
    client.force_login(medewerker)
    assert "Jan de Vries" in client.get(link).text


def test_the_chosen_address_gets_the_mail_instead_of_every_member(
    client, aanbod, medewerker, django_capture_on_commit_callbacks
):
    aanbod.organisatie.verzoeken_email = "verzoeken@schuldhulpmaatje.example"
    aanbod.organisatie.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(BASIS + "versturen/", {**GEGEVENS, "toestemming": "ja"})
    assert mail.outbox[0].to == ["verzoeken@schuldhulpmaatje.example"]


def test_wijzigen_brings_the_answers_back_into_the_form(client, aanbod):
    response = client.post(BASIS + "gegevens/", {**GEGEVENS, "toestemming": "ja"})
    assert 'value="Jan de Vries"' in response.text
    assert not Verzoek.objects.exists()


def test_phone_or_email_is_needed(client, aanbod):
    response = client.post(BASIS + "controleren/", {**GEGEVENS, "telefoon": "", "email": "", "toestemming": "ja"})
    assert "Vul een telefoonnummer of een e-mailadres in" in response.text
    assert "Kloppen uw gegevens?" not in response.text


def test_a_real_finished_check_can_go_along_without_amounts(
    client, aanbod, regelingen_demo, django_capture_on_commit_callbacks
):
    """Through the real check: the summary the top floor passes in names regelingen, no euros."""
    from tests.regelingen.test_check_views import doorloop

    doorloop(client)
    assert "Stuur mijn uitslag van de check mee" in client.get(BASIS + "gegevens/?toestemming=ja").text
    controle = client.post(BASIS + "controleren/", {**GEGEVENS, "toestemming": "ja", "uitslag_meesturen": "on"})
    assert "Deze uitslag sturen wij mee" in controle.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(BASIS + "versturen/", {**GEGEVENS, "toestemming": "ja", "uitslag_meesturen": "on"})
    uitslag = Verzoek.objects.get().uitslag
    assert "Hier heeft u waarschijnlijk recht op:" in uitslag
    assert "€" not in uitslag and not re.search(r"\d{3}", uitslag)


@pytest.mark.django_db
@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    velden=st.fixed_dictionaries(
        {
            "naam": st.text(max_size=120),
            "telefoon": st.text(max_size=25),
            "email": st.text(max_size=60),
            "beste_tijd": st.sampled_from(["ochtend", "middag", "avond", "maakt_niet_uit", "", "x"]),
            "vraag": st.text(max_size=600),
            "toestemming": st.sampled_from(["ja", "nee", ""]),
            "uitslag_meesturen": st.sampled_from(["on", ""]),
        }
    ),
    stap=st.sampled_from(["", "gegevens/", "controleren/", "versturen/"]),
)
def test_no_input_gives_a_server_error(client, aanbod, velden, stap):
    velden = {k: v.replace("\x00", "") for k, v in velden.items()}
    response = client.post(BASIS + stap, velden)
    assert response.status_code in (200, 302, 429)
