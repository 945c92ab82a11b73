"""The datumprikker in a real browser: a partner opens it from the partner pact page,
sends it empty (a Dutch error), then answers with the keyboard only and sees the
other partners' answers. Every state passes axe at 375 and 1280 px."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.support import assert_accessible
from tests.browser.test_pact_werk import _partner_inloggen, wereld  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_answers_the_datumprikker_with_the_keyboard(page, wereld):  # noqa: F811
    from werkgroepen.models import DatumPeiling, PeilingAntwoord, PeilingDatum

    peiling = DatumPeiling.objects.create(titel="Pactbijeenkomst najaar")
    basis = timezone.now().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=60)
    eerste, _ = (
        PeilingDatum.objects.create(peiling=peiling, start=start, eind=start + timedelta(hours=2))
        for start in (basis, basis + timedelta(days=7))
    )
    PeilingAntwoord.objects.create(datum=eerste, organisatie=wereld["voedselbank"], keuze="misschien")

    _partner_inloggen(page)
    page.goto("/pact/partner/")
    page.get_by_role("link", name=re.compile("Datums kiezen")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welke datum past?")
    expect(page.get_by_role("table")).to_contain_text("Voedselbank Zuidhorn: misschien")
    assert_accessible(page, "pact-partner-datumprikker")

    page.get_by_role("button", name="Voorkeur opslaan").click()
    expect(page).to_have_title(re.compile("^Fout: "))
    expect(page.get_by_role("alert")).to_contain_text("Kies bij minstens één datum")
    assert_accessible(page, "pact-partner-datumprikker-fout")

    page.locator(f"#datum-{eerste.pk}-ja").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Uw voorkeur voor Pactbijeenkomst najaar is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Humanitas Westerkwartier: ja; Voedselbank Zuidhorn: misschien")
    assert_accessible(page, "pact-partner-datumprikker-opgeslagen")
