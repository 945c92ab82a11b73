"""Partners enter translations of their texts (issue 18): in the partner portal, per
language, through the same moderation as the Dutch text."""

import pytest

from armoedepact.models import Revisie, RevisieStatus
from armoedepact.partner import services
from tests.armoedepact.partner.test_portal import _aanbod, _form_data

pytestmark = pytest.mark.django_db


def test_the_edit_form_has_a_field_per_language_for_each_text(partner_client, org):
    aanbod = _aanbod(org, vertalingen={"ar": {"titel": "مساعدة في الإدارة"}})
    html = partner_client.get(f"/partner/aanbod/{aanbod.uuid}/bewerken/").content.decode()
    assert "Vertalingen" in html
    assert '<summary><span lang="ar">العربية</span> <span class="vertalingen__stand">(1 van 7 teksten vertaald)' in html
    assert 'name="vertaling_en_titel"' in html and 'name="vertaling_uk_hoe_aanvragen"' in html
    # The Arabic field shows its current text, right to left, marked as Arabic.
    assert 'dir="rtl"' in html and 'lang="ar"' in html and "مساعدة في الإدارة" in html


def test_a_translation_waits_for_the_coordinator_then_shows_on_the_english_page(
    partner_client, org, admin_user, client
):
    aanbod = _aanbod(org)
    partner_client.post(
        f"/partner/aanbod/{aanbod.uuid}/bewerken/",
        _form_data(
            aanbod, van_0=None, tot_0=None, vertaling_en_titel="Help with your paperwork", vertaling_en_wat_u_krijgt=""
        ),
    )
    revisie = Revisie.objects.get(aanbod=aanbod, status=RevisieStatus.WACHT)
    verschillen = {label: (oud, nieuw) for label, oud, nieuw in services.revisie_verschillen(revisie)}
    assert verschillen == {"Naam van het aanbod (English)": ("", "Help with your paperwork")}
    assert "Help with your paperwork" not in client.get(f"/en/hulp/{aanbod.slug}/").content.decode()

    services.revisie_goedkeuren(revisie=revisie, door=admin_user)
    aanbod.refresh_from_db()
    assert aanbod.vertalingen == {"en": {"titel": "Help with your paperwork"}}
    pagina = client.get(f"/en/hulp/{aanbod.slug}/").content.decode()
    assert "<h1" in pagina and "Help with your paperwork" in pagina


def test_an_emptied_field_removes_that_translation_and_keeps_the_others(partner_client, org):
    org.vertrouwd = True
    org.save()
    aanbod = _aanbod(org, vertalingen={"en": {"titel": "Help", "meenemen": "Your ID"}, "tr": {"titel": "Yardım"}})
    partner_client.post(f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, vertaling_en_titel=""))
    aanbod.refresh_from_db()
    assert aanbod.vertalingen == {"en": {"meenemen": "Your ID"}, "tr": {"titel": "Yardım"}}


def test_a_too_long_translation_gets_a_dutch_message_and_changes_nothing(partner_client, org):
    org.vertrouwd = True
    org.save()
    aanbod = _aanbod(org)
    response = partner_client.post(
        f"/partner/aanbod/{aanbod.uuid}/bewerken/", _form_data(aanbod, vertaling_pl_voor_wie="x" * 1001)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze vertaling is te lang. Gebruik hooguit 1000 tekens." in html
    # The language with the error is open, so the message is not hidden in a closed block.
    assert '<details class="vertalingen__taal" open>\n    <summary><span lang="pl">' in html
    aanbod.refresh_from_db()
    assert aanbod.vertalingen == {}


def test_the_organisation_form_takes_translations_too(partner_client, org):
    org.vertrouwd = True
    org.save()
    partner_client.post(
        f"/partner/organisatie/{org.slug}/bewerken/",
        {"naam": org.naam, "korte_omschrijving": org.korte_omschrijving, "vertaling_en_korte_omschrijving": "We help."},
    )
    org.refresh_from_db()
    assert org.vertalingen == {"en": {"korte_omschrijving": "We help."}}
