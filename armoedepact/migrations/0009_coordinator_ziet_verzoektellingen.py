"""The coordinator sees the counts of contact requests (per organisation per month),
never the requests themselves: only view_verzoektelling, nothing of Verzoek."""

from django.db import migrations


def recht_geven(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # The group belongs to 0004_staff_groups; a database without it (a test after a flush) gets nothing here.
    recht = Permission.objects.get(content_type__app_label="overdracht", codename="view_verzoektelling")
    for groep in Group.objects.filter(name="coördinator"):
        groep.permissions.add(recht)


def recht_weghalen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for groep in Group.objects.filter(name="coördinator"):
        groep.permissions.remove(
            *Permission.objects.filter(content_type__app_label="overdracht", codename="view_verzoektelling")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0008_herinnering"),
        ("overdracht", "0001_verzoek_inzage_telling"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(recht_geven, recht_weghalen)]
