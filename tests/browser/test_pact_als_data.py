"""The new public pact pages of issue 19 pass axe at 375 and 1280 px: a pillar
page with goals and progress bars, and a werkconferentie with its tables."""

import pytest

from tests.browser.support import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pillar_page_with_goals_progress_and_a_table_passes_axe(page, live_server):
    from tests.werkgroepen import factories as f
    from werkgroepen import bijeenkomst_services, services
    from werkgroepen.models import BijeenkomstSoort, Thematafel

    pad = f.PijlerFactory(slug="schulden-voorkomen", naam="Schulden voorkómen")
    doel = f.DoelFactory(pijler=pad, titel="Eerder hulp bij schulden")
    org = f.OrganisatieFactory(naam="Humanitas")
    actiepunt = f.ActiepuntFactory(pijler=pad, doel=doel, titel="Spreekuur in de bibliotheek")
    actiepunt.organisaties.add(org)
    services.voortgang_toevoegen(
        actiepunt=actiepunt, tekst="Het spreekuur loopt.", door=None, organisatie=org, percentage=60, direct=True
    )
    conferentie = f.BijeenkomstFactory(dagen=-2, soort=BijeenkomstSoort.WERKCONFERENTIE, titel="Werkconferentie")
    tafel = Thematafel.objects.create(
        bijeenkomst=conferentie,
        titel="Tafel schulden",
        pijler=pad,
        samenvatting="Kort.",
        vragen="Wie helpt?",
        acties="Afspraken met de woningcorporatie",
    )
    bijeenkomst_services.tafel_acties_overnemen(tafel=tafel)

    page.goto(f"{live_server.url}/pact/pijlers/{pad.slug}/")
    assert page.get_by_label("Voortgang Schulden voorkómen").count() == 1
    assert_accessible(page, "pact-pad-met-doelen")
    page.goto(f"{live_server.url}/pact/bijeenkomsten/{conferentie.pk}/")
    assert page.locator(f"#tafel-{tafel.pk}").count() == 1
    assert_accessible(page, "pact-werkconferentie")
