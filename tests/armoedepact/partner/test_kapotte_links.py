"""A partner sees its own broken links on its dashboard, with the date they were found (issue 20)."""

from datetime import UTC, datetime

import pytest

from armoedepact.models import KapotteLink, Linkcontrole
from tests.armoedepact.partner.test_portal import _aanbod, _org

pytestmark = pytest.mark.django_db


def _controle(dag: int) -> Linkcontrole:
    controle = Linkcontrole.objects.create(aantal_links=10)
    Linkcontrole.objects.filter(pk=controle.pk).update(uitgevoerd_op=datetime(2026, 11, dag, 3, tzinfo=UTC))
    return controle


def _kapot(controle, soort, object_id, naam, url):
    KapotteLink.objects.create(
        controle=controle, soort=soort, object_id=object_id, naam=naam, url=url, melding="De pagina bestaat niet (404)"
    )


def test_dashboard_lists_the_broken_links_of_the_latest_check_with_the_date_found(partner_client, org):
    aanbod = _aanbod(org)
    ander = _org("leergeld")
    eerste, tweede, laatste = _controle(2), _controle(9), _controle(16)
    for controle in (eerste, tweede, laatste):
        _kapot(controle, "aanbod", aanbod.pk, aanbod.titel, "https://oud.example/aanmelden")
    _kapot(laatste, "organisatie", org.pk, org.naam, "https://humanitas.example/")
    _kapot(eerste, "organisatie", org.pk, org.naam, "https://al-gemaakt.example/")  # fixed since
    _kapot(laatste, "organisatie", ander.pk, ander.naam, "https://leergeld.example/")  # not ours
    html = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "Links die niet werken" in html
    blok = html[html.index('id="links-titel"') : html.index('id="correcties-titel"')]
    assert "https://oud.example/aanmelden" in blok and "Gevonden op 2 november 2026" in blok
    assert "https://humanitas.example/" in blok and "Gevonden op 16 november 2026" in blok
    assert "al-gemaakt.example" not in blok and "leergeld.example" not in blok


def test_no_broken_links_no_block(partner_client, org):
    _controle(2)
    html = partner_client.get(f"/partner/organisatie/{org.slug}/").content.decode()
    assert "Links die niet werken" not in html
