"""The coordinator group marks searches without results as dealt with (issue 20):
change permission on ZoektermZonderResultaat (the admin still shows no edit form)."""

from django.db import migrations


def rechten_geven(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # On a fresh database the permissions are only made after all migrations: make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rechten = Permission.objects.filter(
        content_type__app_label="sociale_kaart", codename="change_zoektermzonderresultaat"
    )
    for groep in Group.objects.filter(name="coördinator"):
        groep.permissions.add(*rechten)


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0016_correctie_van_bezoekers"),
        ("sociale_kaart", "0010_zoekterm_afhandeling"),
    ]

    operations = [migrations.RunPython(rechten_geven, migrations.RunPython.noop)]
