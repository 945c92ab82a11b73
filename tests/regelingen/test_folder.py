"""The folder "Alle regelingen op een rij": a public A4 PDF made from the database."""

import io

import pytest
from pypdf import PdfReader

from regelingen.models import Regeling
from sociale_kaart.models import Thema
from tests.common.pdf_structuur import structuur_soorten

pytestmark = pytest.mark.django_db


def _tekst(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_folder_lists_every_active_regeling_with_income_limits(client, regelingen_demo):
    Regeling.objects.filter(slug="energietoeslag-2022").update(actief=False)
    response = client.get("/regelingen/folder.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    tekst = _tekst(response.content)
    assert "Alle regelingen op een rij" in tekst
    for naam in Regeling.objects.filter(actief=True).values_list("naam", flat=True):
        assert " ".join(naam.split()) in tekst, naam
    assert Regeling.objects.get(slug="energietoeslag-2022").naam not in tekst
    # 120% of the 2026 norm for a single person: 1401.50 * 0.95 = 1331.43; * 1.2 = 1597.72 (engine rounding).
    assert "€ 1.597,72" in tekst
    assert "De gemeente beslist" in tekst
    assert "0594" in tekst  # always a phone number
    soorten = structuur_soorten(response.content)  # tagged for screen readers
    assert "/H1" in soorten and "/Table" in soorten


def test_children_only_regeling_shows_only_households_with_children(regelingen_demo):
    from regelingen.folder import folder_inhoud

    inhoud = folder_inhoud()
    kindpakket = next(item for item in inhoud["regelingen"] if item.regeling.slug == "kindpakket")
    assert kindpakket.grenzen and all("kinderen" in g.huishouden or "ouder" in g.huishouden for g in kindpakket.grenzen)
    bijzondere = next(item for item in inhoud["regelingen"] if item.regeling.slug == "bijzondere-bijstand")
    assert bijzondere.grenzen == []  # no income test


def test_folder_per_theme(client, regelingen_demo):
    thema = Thema.objects.create(naam="Kinderen", slug="kinderen")
    Regeling.objects.get(slug="kindpakket").themas.add(thema)
    tekst = _tekst(client.get("/regelingen/folder/kinderen.pdf").content)
    assert "Kindpakket" in tekst and "Participatiefonds" not in tekst
    Thema.objects.create(naam="Leeg", slug="leeg")
    assert "Er zijn op dit moment geen regelingen bij dit thema" in _tekst(
        client.get("/regelingen/folder/leeg.pdf").content
    )


def test_unknown_theme_is_not_found(client, regelingen_demo):
    assert client.get("/regelingen/folder/bestaat-niet.pdf").status_code == 404


def test_folder_query_count_is_bounded(client, regelingen_demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/regelingen/folder.pdf")


def test_folder_states_the_limits_for_18_to_20_year_olds_and_a_full_address(client, regelingen_demo):
    tekst = _tekst(client.get("/regelingen/folder.pdf").content)
    # alleenstaand_18 on 2026: 345.99 * 0.95 = 328.69; at 120%: 394.43 (what the check gives a 19-year-old).
    assert "Alleenstaand, 18 tot en met 20 jaar" in tekst
    assert "€ 394,43" in tekst
    assert "Bent u 18, 19 of 20 jaar?" in tekst
    assert "ganaarhttp://testserver/check/" in tekst.replace(" ", "")  # may wrap
    assert "ga naar /check/" not in tekst


def test_folder_states_the_voedselbank_leefgeld_limits_for_every_household_size(client, regelingen_demo):
    """Issue 16: the leefgeld test has no income limit, so the folder gives its own table:
    base amount, amount per extra person, per month, which costs count, per household."""
    response = client.get("/regelingen/folder.pdf")
    tekst = " ".join(_tekst(response.content).split())
    assert "Wat u per maand overhoudt, lager dan" in tekst
    assert "De grens is € 315,00 voor 1 persoon. Voor elke persoon meer komt er € 115,00 bij." in tekst
    assert "huur of hypotheek, gas, water en stroom, de zorgverzekering" in tekst
    for rij in ("1 persoon: alleenstaand € 315,00", "2 personen: samen, of een ouder met 1 kind € 430,00"):
        assert rij in tekst
    assert "6 personen: samen met 4 kinderen, of een ouder met 5 kinderen € 890,00" in tekst
    assert "/Table" in structuur_soorten(response.content)  # still a tagged table


def test_folder_is_kept_per_language(client, regelingen_demo):
    """The folder is rendered once and kept: /en/ must not get the Dutch file, nor the other way round."""
    nl = client.get("/regelingen/folder.pdf")
    en = client.get("/en/regelingen/folder.pdf")
    nl_weer = client.get("/regelingen/folder.pdf")
    assert nl.content == nl_weer.content
    assert en.content != nl.content
