"""Issue 19, done-when 4, for the new /beheer/ pages the admin sweep checks only at
1280 px: indicators (with a value and its source), the datumprikker (with dates and
an answer) and an aansluitverzoek carrying the convenant, each as list, form and
filled-in change page, pass axe at 375 and 1280 px. (Closing a meeting, the
werkconferentie's tables and the yearly overview are checked in test_pact_werk.py.)"""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.armoedepact.regie.otp import beheer_inloggen
from tests.browser.support import assert_accessible
from tests.browser.test_pact_werk import COORDINATOR, COORDINATOR_PASSWORD, wereld  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_new_pact_admin_pages_pass_axe_at_both_widths(page, wereld):  # noqa: F811
    from tests.werkgroepen import factories as f
    from werkgroepen.models import (
        Aansluitverzoek,
        ConvenantActiviteit,
        DatumPeiling,
        Indicator,
        IndicatorWaarde,
        PeilingAntwoord,
        PeilingDatum,
    )

    pad = f.PijlerFactory(slug="meedoen", naam="Meedoen")
    indicator = Indicator.objects.create(
        pijler=pad, naam="Kinderen met een sportpas", eenheid="kinderen", nulmeting=300, nulmeting_jaar=2024
    )
    IndicatorWaarde.objects.create(indicator=indicator, datum=date(2026, 1, 1), waarde=340, bron="Eigen telling")
    peiling = DatumPeiling.objects.create(titel="Pactbijeenkomst najaar")
    begin = timezone.now().replace(microsecond=0) + timedelta(days=60)
    datum = PeilingDatum.objects.create(peiling=peiling, start=begin, eind=begin + timedelta(hours=2))
    PeilingAntwoord.objects.create(datum=datum, organisatie=wereld["voedselbank"], keuze="ja")
    verzoek = Aansluitverzoek.objects.create(
        organisatie_naam="Buurtkerk De Haven",
        contactpersoon="Ds. Bos",
        email="bos@dehaven.example",
        wat_doet_u="Een open huis.",
        bijdrage="Een zaal.",
        vertegenwoordiger="Ds. Bos",
        missie="Niemand staat er alleen voor.",
    )
    ConvenantActiviteit.objects.create(aansluitverzoek=verzoek, pijler=pad, omschrijving="Een kinderkookclub.")

    beheer_inloggen(page, COORDINATOR, COORDINATOR_PASSWORD)
    for naam, pad_url, te_zien in (
        ("indicatoren", "/beheer/werkgroepen/indicator/", "Kinderen met een sportpas"),
        ("indicator", f"/beheer/werkgroepen/indicator/{indicator.pk}/change/", "Kinderen met een sportpas"),
        ("indicator-nieuw", "/beheer/werkgroepen/indicator/add/", "indicator"),
        ("datumprikkers", "/beheer/werkgroepen/datumpeiling/", "Pactbijeenkomst najaar"),
        ("datumprikker", f"/beheer/werkgroepen/datumpeiling/{peiling.pk}/change/", "Pactbijeenkomst najaar"),
        ("datumprikker-nieuw", "/beheer/werkgroepen/datumpeiling/add/", "datum"),
        ("aansluitverzoeken", "/beheer/werkgroepen/aansluitverzoek/", "Buurtkerk De Haven"),
        ("aansluitverzoek", f"/beheer/werkgroepen/aansluitverzoek/{verzoek.pk}/change/", "Buurtkerk De Haven"),
    ):
        page.goto(pad_url)
        expect(page.locator("#content")).to_contain_text(te_zien)
        assert_accessible(page, f"beheer-{naam}")
