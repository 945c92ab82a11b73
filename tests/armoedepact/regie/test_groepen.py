"""Staff roles as groups with the least permissions they need (data migration)."""

import pytest
from django.contrib.auth.models import Group

from tests.armoedepact.regie.otp import otp_verifieer

pytestmark = pytest.mark.django_db


def _rechten(naam: str) -> set[str]:
    groep = Group.objects.get(name=naam)
    return {f"{p.content_type.app_label}.{p.codename}" for p in groep.permissions.select_related("content_type")}


def test_groups_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"coördinator", "redacteur"}


def test_coordinator_moderates_keeps_rules_and_sees_reach_but_never_hard_deletes():
    rechten = _rechten("coördinator")
    assert {
        "armoedepact.change_revisie",
        "sociale_kaart.add_uitnodiging",
        "regelingen.change_regeling",
        "regelingen.add_normbedrag",
        "regelingen.add_testgeval",
        "regelingen.view_checktelling",
        "werkgroepen.add_bijeenkomst",
    } <= rechten
    assert "sociale_kaart.delete_aanbod" not in rechten
    assert "sociale_kaart.delete_organisatie" not in rechten
    # Counts of contact requests only; never a request with a resident's details.
    assert "overdracht.view_verzoektelling" in rechten
    assert not any(r.endswith(("_verzoek", "_inzage")) and r.startswith("overdracht.") for r in rechten)
    assert not any(r.startswith("auth.") for r in rechten)  # no account management


def test_redacteur_edits_the_kaart_only():
    rechten = _rechten("redacteur")
    assert {"sociale_kaart.change_aanbod", "sociale_kaart.add_aanbod", "sociale_kaart.change_organisatie"} <= rechten
    for verboden in (
        "sociale_kaart.delete_aanbod",
        "armoedepact.change_revisie",
        "regelingen.change_regeling",
        "regelingen.change_normbedrag",
        "regelingen.view_checktelling",
        "regelingen.view_testgeval",
    ):
        assert verboden not in rechten


@pytest.mark.parametrize(
    ("groep", "url", "status"),
    [
        ("redacteur", "/beheer/sociale_kaart/aanbod/", 200),
        ("redacteur", "/beheer/regelingen/normbedrag/add/", 403),
        ("redacteur", "/beheer/armoedepact/revisie/", 403),
        ("redacteur", "/beheer/regie/testgevallen/", 403),
        ("redacteur", "/beheer/regelingen/regeling/import/", 403),
        ("coördinator", "/beheer/regelingen/regeling/import/", 200),
        ("coördinator", "/beheer/regie/testgevallen/", 200),
        ("coördinator", "/beheer/armoedepact/revisie/", 200),
        ("coördinator", "/beheer/regie/verificatie/", 200),
        ("redacteur", "/beheer/regie/verificatie/", 200),
        # "Klopt er iets niet?" from visitors (issue 20)
        ("coördinator", "/beheer/armoedepact/correctie/", 200),
        ("redacteur", "/beheer/armoedepact/correctie/", 403),
        ("coördinator", "/beheer/werkgroepen/indicator/add/", 200),
        ("redacteur", "/beheer/werkgroepen/indicator/", 200),
        ("redacteur", "/beheer/werkgroepen/indicator/add/", 403),
    ],
)
def test_roles_in_beheer(client, django_user_model, groep, url, status):
    user = django_user_model.objects.create_user(username="staf@voorbeeld.nl", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name=groep))
    client.force_login(user)
    otp_verifieer(client, user)
    assert client.get(url).status_code == status
