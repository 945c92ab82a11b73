"""werkgroepen 0009: the rights Django made for werkgroepen.pijler (a model that moved
to sociale_kaart) leave the permission lists and the groups; the content type, and so
the admin's log of the old pillars, stays."""

import importlib

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

pytestmark = pytest.mark.django_db

MIGRATIE = importlib.import_module("werkgroepen.migrations.0009_oude_pijlerrechten_weg")


def test_the_rights_of_the_moved_pillar_model_are_removed_and_its_log_stays(admin_user):
    # What an installation from before the move still has.
    oud, _ = ContentType.objects.get_or_create(app_label="werkgroepen", model="pijler")
    rechten = [
        Permission.objects.get_or_create(content_type=oud, codename=f"{actie}_pijler", defaults={"name": actie})[0]
        for actie in ("add", "change", "delete", "view")
    ]
    groep = Group.objects.create(name="Oude redacteuren")
    groep.permissions.add(*rechten, Permission.objects.get(codename="view_aanbod"))
    LogEntry.objects.create(user=admin_user, content_type=oud, object_id="1", object_repr="Meedoen", action_flag=2)

    MIGRATIE.oude_rechten_weg(apps, None)

    assert not Permission.objects.filter(content_type=oud).exists()
    assert list(groep.permissions.values_list("codename", flat=True)) == ["view_aanbod"]
    assert ContentType.objects.filter(pk=oud.pk).exists()
    assert LogEntry.objects.filter(content_type=oud, object_repr="Meedoen").exists()
    # The pillar's rights where it lives now are untouched.
    assert Permission.objects.filter(content_type__app_label="sociale_kaart", codename="change_pijler").exists()
