"""The pillar moved to sociale_kaart (0002), but the permissions Django made for
werkgroepen.pijler stayed behind: the permission lists in /beheer/ showed four rights
for a model that no longer exists, and a group could still hold them. Remove them
(their group links go with them). The content type stays, so the admin's log of what
was done to pillars before the move keeps its entries."""

from django.db import migrations


def oude_rechten_weg(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__in=ContentType.objects.filter(app_label="werkgroepen", model="pijler")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("werkgroepen", "0008_merge_20261203_0855"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(oude_rechten_weg, migrations.RunPython.noop)]
