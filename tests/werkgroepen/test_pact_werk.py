"""Meetings, goals and progress as a network works them (issue 19): the host
in turn, closing a meeting with verslag and attendance after reminders, the
werkconferentie's tables, and progress rolled up to goal and pillar."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from werkgroepen import bijeenkomst_services, selectors, services
from werkgroepen.models import ActiepuntStatus, BijeenkomstSoort, GastStatus, Thematafel, VerslagStatus

from . import factories as f

pytestmark = pytest.mark.django_db


def _pijler(slug="rollup"):
    return f.PijlerFactory(slug=slug, naam=f"Pijler {slug}")


def test_progress_rolls_up_weighted_to_goal_and_pillar():
    pijler = _pijler()
    zwaar = f.DoelFactory(pijler=pijler, gewicht=3)
    licht = f.DoelFactory(pijler=pijler, gewicht=1)
    a = f.ActiepuntFactory(pijler=pijler, doel=zwaar, gewicht=1)
    b = f.ActiepuntFactory(pijler=pijler, doel=zwaar, gewicht=3)
    c = f.ActiepuntFactory(pijler=pijler, doel=licht)
    f.ActiepuntFactory(pijler=pijler, doel=licht, status=ActiepuntStatus.GESTOPT, percentage=0)  # does not count
    org = f.OrganisatieFactory()
    services.voortgang_toevoegen(actiepunt=a, tekst="Begonnen.", door=None, organisatie=org, percentage=40, direct=True)
    services.voortgang_toevoegen(
        actiepunt=b, tekst="Goed op weg.", door=None, organisatie=org, percentage=80, direct=True
    )
    services.voortgang_toevoegen(
        actiepunt=c, tekst="Start.", door=None, organisatie=org, status=ActiepuntStatus.BEZIG, direct=True
    )
    services.voortgang_toevoegen(
        actiepunt=c, tekst="Klaar.", door=None, organisatie=org, status=ActiepuntStatus.AFGEROND, direct=True
    )

    opgerold = selectors.pijler_get(slug=pijler.slug)
    doelen = {d.pk: d for d in opgerold.doelen_met_punten}
    assert doelen[zwaar.pk].voortgang == 70  # (1*40 + 3*80) / 4
    assert doelen[licht.pk].voortgang == 100  # finished counts 100, the stopped one not at all
    assert opgerold.voortgang == 78  # (3*70 + 1*100) / 4 = 77.5


def test_a_progress_percentage_outside_0_to_100_is_refused_and_nothing_changes():
    actiepunt = f.ActiepuntFactory(pijler=_pijler())
    with pytest.raises(ValidationError):
        services.voortgang_toevoegen(
            actiepunt=actiepunt, tekst="x", door=None, organisatie=None, percentage=140, direct=True
        )
    actiepunt.refresh_from_db()
    assert actiepunt.percentage == 0 and not actiepunt.voortgang.exists()


def test_the_willing_organisation_that_hosted_longest_ago_is_proposed_and_answers():
    pact = services.pact_instellingen_bewaren()
    nooit, lang_geleden, kort_geleden = (f.OrganisatieFactory(naam=n) for n in ("C nooit", "B lang", "A kort"))
    niet_bereid = f.OrganisatieFactory(naam="0 niet bereid")
    pact.gastorganisaties.add(nooit, lang_geleden, kort_geleden)
    f.BijeenkomstFactory(dagen=-400, gastorganisatie=lang_geleden, gast_status=GastStatus.BEVESTIGD)
    f.BijeenkomstFactory(dagen=-30, gastorganisatie=kort_geleden, gast_status=GastStatus.BEVESTIGD)
    f.BijeenkomstFactory(dagen=-10, gastorganisatie=niet_bereid)
    assert [o.naam for o in selectors.gastheer_voorstel()] == ["C nooit", "B lang", "A kort"]

    volgende = f.BijeenkomstFactory(dagen=60)
    bijeenkomst_services.gastheer_vragen(bijeenkomst=volgende)
    assert volgende.gastorganisatie == nooit and volgende.gast_status == GastStatus.GEVRAAGD
    with pytest.raises(ValidationError):
        bijeenkomst_services.gastheer_antwoorden(bijeenkomst=volgende, organisatie=lang_geleden, ja=True)
    bijeenkomst_services.gastheer_antwoorden(bijeenkomst=volgende, organisatie=nooit, ja=True)
    volgende.refresh_from_db()
    assert volgende.gast_status == GastStatus.BEVESTIGD
    # Now 'nooit' hosts next, so 'B lang' is the one who hosted longest ago.
    assert selectors.gastheer_voorstel()[0] == lang_geleden


def test_reminders_after_3_and_7_days_then_closing_with_verslag_and_attendance():
    organisator = f.GebruikerFactory(email="coordinator@voorbeeld.nl")
    bijeenkomst = f.BijeenkomstFactory(dagen=-1, organisator=organisator)
    einde = bijeenkomst.eind
    assert bijeenkomst_services.herinneringen_versturen(nu=einde + timedelta(days=2)) == []
    assert len(bijeenkomst_services.herinneringen_versturen(nu=einde + timedelta(days=3, hours=1))) == 1
    assert bijeenkomst_services.herinneringen_versturen(nu=einde + timedelta(days=4)) == []  # not twice
    assert len(bijeenkomst_services.herinneringen_versturen(nu=einde + timedelta(days=7, hours=1))) == 1
    assert bijeenkomst_services.herinneringen_versturen(nu=einde + timedelta(days=20)) == []  # two at most
    assert [m.to for m in mail.outbox] == [["coordinator@voorbeeld.nl"]] * 2
    assert f"/beheer/werkgroepen/bijeenkomst/{bijeenkomst.pk}/sluiten/" in mail.outbox[0].body

    orgs = [f.OrganisatieFactory(), f.OrganisatieFactory()]
    actiepunt = f.ActiepuntFactory(pijler=_pijler())
    with pytest.raises(ValidationError, match="verslag"):
        bijeenkomst_services.bijeenkomst_sluiten(
            bijeenkomst=bijeenkomst, verslag="  ", aantal_aanwezigen=12, organisaties=orgs
        )
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.verslag_status == VerslagStatus.GEEN
    bijeenkomst_services.bijeenkomst_sluiten(
        bijeenkomst=bijeenkomst,
        verslag="Afgesproken: de kaart gaat online.",
        aantal_aanwezigen=12,
        organisaties=orgs,
        actiepunten=[actiepunt],
    )
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.verslag_status == VerslagStatus.REACTIES
    assert bijeenkomst.reageren_tot == timezone.localdate() + timedelta(days=14)
    assert set(bijeenkomst.aanwezige_organisaties.all()) == set(orgs)
    assert list(actiepunt.besproken_op.all()) == [bijeenkomst]
    assert bijeenkomst_services.herinneringen_versturen(nu=einde + timedelta(days=30)) == []  # closed: no more

    assert bijeenkomst_services.verslagen_definitief_maken(vandaag=bijeenkomst.reageren_tot) == []
    klaar = bijeenkomst_services.verslagen_definitief_maken(vandaag=bijeenkomst.reageren_tot + timedelta(days=1))
    assert [b.pk for b in klaar] == [bijeenkomst.pk]
    with pytest.raises(ValidationError, match="definitief"):
        bijeenkomst_services.bijeenkomst_sluiten(
            bijeenkomst=bijeenkomst, verslag="Anders.", aantal_aanwezigen=3, organisaties=orgs
        )


def test_a_meeting_cannot_be_closed_before_it_is_over():
    bijeenkomst = f.BijeenkomstFactory(dagen=5)
    with pytest.raises(ValidationError, match="na afloop"):
        bijeenkomst_services.bijeenkomst_sluiten(
            bijeenkomst=bijeenkomst, verslag="Vroeg.", aantal_aanwezigen=3, organisaties=[]
        )


def test_a_werkconferentie_with_two_tables_produces_action_points_linked_back(client):
    conferentie = f.BijeenkomstFactory(dagen=-3, soort=BijeenkomstSoort.WERKCONFERENTIE, titel="Werkconferentie")
    schulden, kinderen = _pijler("schulden"), _pijler("kinderen")
    tafel_1 = Thematafel.objects.create(
        bijeenkomst=conferentie,
        titel="Tafel schulden",
        pijler=schulden,
        samenvatting="Schulden beginnen klein.",
        prioriteiten="Vroeg signaleren",
        ideeen="Een spreekuur in de bibliotheek",
        vragen="Wie belt de huisbaas?",
        acties="Spreekuur in de bibliotheek starten\nAfspraken met woningcorporaties",
    )
    tafel_2 = Thematafel.objects.create(bijeenkomst=conferentie, titel="Tafel kinderen", acties="Gratis zwemles")
    nieuw = bijeenkomst_services.tafel_acties_overnemen(tafel=tafel_1)
    assert [a.titel for a in nieuw] == ["Spreekuur in de bibliotheek starten", "Afspraken met woningcorporaties"]
    assert all(a.thematafel == tafel_1 and a.pijler == schulden for a in nieuw)
    assert bijeenkomst_services.tafel_acties_overnemen(tafel=tafel_1) == []  # not twice
    with pytest.raises(ValidationError, match="Kies eerst"):
        bijeenkomst_services.tafel_acties_overnemen(tafel=tafel_2)  # no pillar chosen yet
    tafel_2.pijler = kinderen
    tafel_2.save()
    assert len(bijeenkomst_services.tafel_acties_overnemen(tafel=tafel_2)) == 1

    pijler_pagina = client.get(f"/pact/pijlers/{schulden.slug}/").content.decode()
    assert "Dit actiepunt komt uit de thematafel" in pijler_pagina
    assert f"/pact/bijeenkomsten/{conferentie.pk}/#tafel-{tafel_1.pk}" in pijler_pagina
    verslag = client.get(f"/pact/bijeenkomsten/{conferentie.pk}/").content.decode()
    assert f'id="tafel-{tafel_1.pk}"' in verslag and "Wie belt de huisbaas?" in verslag
    assert f"/pact/pijlers/{schulden.slug}/#actiepunt-{nieuw[0].pk}" in verslag
