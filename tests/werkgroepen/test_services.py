from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from sociale_kaart.models import Status, Uitnodiging
from werkgroepen import selectors, services
from werkgroepen.models import (
    Aanmelding,
    AanmeldingStatus,
    Aansluitverzoek,
    AansluitverzoekStatus,
    ActiepuntStatus,
    AgendaBijdrage,
    AgendaRondeStatus,
    Bijeenkomst,
    Voortgang,
)

from . import factories as f

pytestmark = pytest.mark.django_db

S = ActiepuntStatus


@pytest.mark.parametrize(
    ("van", "naar", "mag"),
    [
        (S.GEPLAND, S.BEZIG, True),
        (S.GEPLAND, S.GESTOPT, True),
        (S.GEPLAND, S.AFGEROND, False),
        (S.BEZIG, S.AFGEROND, True),
        (S.BEZIG, S.GESTOPT, True),
        (S.BEZIG, S.GEPLAND, False),
        (S.AFGEROND, S.BEZIG, False),
        (S.AFGEROND, S.GESTOPT, False),
        (S.GESTOPT, S.GEPLAND, True),
        (S.GESTOPT, S.AFGEROND, False),
    ],
)
def test_actiepunt_transitions(van, naar, mag):
    actiepunt = f.ActiepuntFactory(status=van)
    if mag:
        services.actiepunt_status_wijzigen(actiepunt=actiepunt, status=naar)
        actiepunt.refresh_from_db()
        assert actiepunt.status == naar
    else:
        with pytest.raises(ValidationError, match="kan niet naar"):
            services.actiepunt_status_wijzigen(actiepunt=actiepunt, status=naar)
        actiepunt.refresh_from_db()
        assert actiepunt.status == van


def test_progress_update_with_unreachable_status_saves_nothing():
    org = f.OrganisatieFactory()
    actiepunt = f.ActiepuntFactory(trekker=org, status=S.GEPLAND)
    with pytest.raises(ValidationError):
        services.voortgang_toevoegen(
            actiepunt=actiepunt, tekst="Klaar", status=S.AFGEROND, door=None, organisatie=org, direct=True
        )
    assert Voortgang.objects.count() == 0
    actiepunt.refresh_from_db()
    assert actiepunt.status == S.GEPLAND


def test_progress_update_moves_status_and_is_dated_today():
    org = f.OrganisatieFactory()
    actiepunt = f.ActiepuntFactory(trekker=org, status=S.GEPLAND)
    voortgang = services.voortgang_toevoegen(
        actiepunt=actiepunt, tekst="  Gestart met 12 ouders. ", status=S.BEZIG, door=None, organisatie=org, direct=True
    )
    actiepunt.refresh_from_db()
    assert actiepunt.status == S.BEZIG
    assert voortgang.datum == timezone.localdate()
    assert voortgang.tekst == "Gestart met 12 ouders."
    assert voortgang.status_na == S.BEZIG


def test_meeting_that_ends_before_it_starts_is_refused():
    start = timezone.now() + timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        services.bijeenkomst_plannen(
            titel="Verkeerd", start=start, eind=start - timedelta(hours=1), plaats="X", adres="Y 1, Leek"
        )
    assert "eindigen na het begin" in str(error.value)
    assert Bijeenkomst.objects.count() == 0


def test_waiting_list_moves_up_when_someone_cancels():
    org = f.OrganisatieFactory()
    b = f.BijeenkomstFactory(max_plaatsen=2)
    a, b2, c = (f.GebruikerFactory(organisatie=org) for _ in range(3))
    assert (
        services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=a).aanmelding.status == AanmeldingStatus.AANGEMELD
    )
    assert (
        services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=b2).aanmelding.status == AanmeldingStatus.AANGEMELD
    )
    derde = services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=c).aanmelding
    assert derde.status == AanmeldingStatus.WACHTLIJST

    services.afmelden(bijeenkomst=b, gebruiker=a)
    derde.refresh_from_db()
    assert derde.status == AanmeldingStatus.AANGEMELD
    assert Aanmelding.objects.filter(bijeenkomst=b, status=AanmeldingStatus.AANGEMELD).count() == 2


def test_cancelling_from_the_waiting_list_frees_no_place():
    org = f.OrganisatieFactory()
    b = f.BijeenkomstFactory(max_plaatsen=1)
    a, w1, w2 = (f.GebruikerFactory(organisatie=org) for _ in range(3))
    for user in (a, w1, w2):
        services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=user)
    services.afmelden(bijeenkomst=b, gebruiker=w1)
    statuses = dict(Aanmelding.objects.filter(bijeenkomst=b).values_list("gebruiker_id", "status"))
    assert statuses == {
        a.pk: AanmeldingStatus.AANGEMELD,
        w1.pk: AanmeldingStatus.AFGEMELD,
        w2.pk: AanmeldingStatus.WACHTLIJST,
    }


def test_signing_up_twice_changes_nothing():
    org = f.OrganisatieFactory()
    user = f.GebruikerFactory(organisatie=org)
    b = f.BijeenkomstFactory()
    eerste = services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=user)
    tweede = services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=user)
    assert eerste.gewijzigd and not tweede.gewijzigd
    assert tweede.aanmelding.aangemeld_op == eerste.aanmelding.aangemeld_op
    assert Aanmelding.objects.count() == 1


def test_signing_up_again_after_cancelling_joins_the_back_of_the_queue():
    org = f.OrganisatieFactory()
    b = f.BijeenkomstFactory(max_plaatsen=1)
    a, w = f.GebruikerFactory(organisatie=org), f.GebruikerFactory(organisatie=org)
    services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=a)
    services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=w)
    services.afmelden(bijeenkomst=b, gebruiker=a)  # w gets the place
    weer = services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=a)
    assert weer.aanmelding.status == AanmeldingStatus.WACHTLIJST


def test_sign_up_for_a_past_meeting_is_refused():
    org = f.OrganisatieFactory()
    user = f.GebruikerFactory(organisatie=org)
    b = f.BijeenkomstFactory(dagen=-2)
    with pytest.raises(ValidationError, match="voorbij"):
        services.aanmelden(bijeenkomst=b, organisatie=org, gebruiker=user)
    assert Aanmelding.objects.count() == 0


def _verzoek(**velden):
    data = {
        "organisatie_naam": "Stichting Samen Eten",
        "contactpersoon": "Els Boer",
        "email": "els@samen-eten.nl",
        "wat_doet_u": "Wij koken samen.",
        "bijdrage": "Een keuken.",
    }
    data.update(velden)
    return services.aansluitverzoek_indienen(**data)


def test_duplicate_application_is_refused():
    _verzoek()
    with pytest.raises(ValidationError, match="al een aanvraag"):
        _verzoek(organisatie_naam="  stichting samen   eten ", email="iemand@anders.nl")
    with pytest.raises(ValidationError, match="al een aanvraag"):
        _verzoek(organisatie_naam="Iets anders", email="ELS@samen-eten.nl")
    assert Aansluitverzoek.objects.count() == 1


def test_rate_limit_per_sender():
    afzender = services.afzender_hash(adres="192.0.2.7")
    for i in range(services.AANSLUITEN_PER_UUR):
        _verzoek(organisatie_naam=f"Org {i}", email=f"a{i}@x{i}.nl", afzender=afzender)
    with pytest.raises(ValidationError, match="over een uur"):
        _verzoek(organisatie_naam="Nog een", email="b@y.nl", afzender=afzender)
    # Another address may still apply.
    _verzoek(organisatie_naam="Ander adres", email="c@z.nl", afzender=services.afzender_hash(adres="192.0.2.8"))
    assert Aansluitverzoek.objects.count() == services.AANSLUITEN_PER_UUR + 1
    assert "192.0.2.7" not in afzender


def test_likely_duplicates_by_name_or_email_domain():
    bestaand = f.OrganisatieFactory(naam="Voedselbank Westerkwartier", email="info@voedselbankwk.nl")
    f.OrganisatieFactory(naam="Iets anders", email="info@gmail.com")
    assert list(
        selectors.mogelijke_dubbele_organisaties(organisatie_naam="voedselbank  westerkwartier", email="x@y.nl")
    ) == [bestaand]
    assert list(selectors.mogelijke_dubbele_organisaties(organisatie_naam="VB", email="piet@voedselbankwk.nl")) == [
        bestaand
    ]
    # A shared mail provider is no signal.
    assert not selectors.mogelijke_dubbele_organisaties(organisatie_naam="Nieuw", email="piet@gmail.com").exists()


def test_approving_creates_unpublished_partner_and_sends_invitation(django_capture_on_commit_callbacks):
    verzoek = _verzoek()
    with django_capture_on_commit_callbacks(execute=True):
        organisatie, token = services.aansluitverzoek_goedkeuren(
            verzoek=verzoek, door=None, basis_url="https://pact.example/"
        )
    assert organisatie.status == Status.CONCEPT
    assert organisatie.pactpartner and organisatie.pactpartner_sinds == timezone.localdate()
    verzoek.refresh_from_db()
    assert verzoek.status == AansluitverzoekStatus.GOEDGEKEURD and verzoek.organisatie == organisatie
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.email == "els@samen-eten.nl" and uitnodiging.organisatie == organisatie
    assert len(mail.outbox) == 1
    assert f"https://pact.example/partner/uitnodiging/{token}/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["els@samen-eten.nl"]


def test_approving_twice_or_after_declining_is_refused():
    verzoek = _verzoek()
    services.aansluitverzoek_afwijzen(verzoek=verzoek, door=None)
    with pytest.raises(ValidationError, match="al afgewezen"):
        services.aansluitverzoek_goedkeuren(verzoek=verzoek, door=None, basis_url="http://x/")
    assert not Uitnodiging.objects.exists()


def test_approving_picks_a_free_slug():
    f.OrganisatieFactory(naam="Stichting Samen Eten", slug="stichting-samen-eten")
    organisatie, _ = services.aansluitverzoek_goedkeuren(verzoek=_verzoek(), door=None, basis_url="http://x/")
    assert organisatie.slug == "stichting-samen-eten-2"


def test_agenda_contribution_replaces_activities_and_refuses_closed_round():
    org = f.OrganisatieFactory()
    p = f.PijlerFactory()
    r = f.AgendaRondeFactory()
    services.agendabijdrage_opslaan(
        ronde=r, organisatie=org, missie="M", activiteiten=[(p, "Een"), (p, "Twee")], door=None, direct=True
    )
    services.agendabijdrage_opslaan(
        ronde=r, organisatie=org, missie="M2", activiteiten=[(p, "Drie"), (p, " ")], door=None, direct=True
    )
    bijdrage = AgendaBijdrage.objects.get()
    assert bijdrage.missie == "M2"
    assert [a.omschrijving for a in bijdrage.activiteiten.all()] == ["Drie"]

    services.agendaronde_sluiten(ronde=r)
    with pytest.raises(ValidationError, match="gesloten"):
        services.agendabijdrage_opslaan(
            ronde=r, organisatie=org, missie="X", activiteiten=[(p, "Vier")], door=None, direct=True
        )
    bijdrage.refresh_from_db()
    assert bijdrage.missie == "M2"
    assert services.agendaronde_openen(jaar=r.jaar).status == AgendaRondeStatus.OPEN
