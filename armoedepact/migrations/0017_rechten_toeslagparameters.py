"""The coördinator keeps the national allowances' parameters like the norms (all rights,
with history); the redacteur may read them, as it reads the norms."""

from django.db import migrations

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"

COORDINATOR = {"regelingen": {"toeslagparameter": (VIEW, ADD, CHANGE, DELETE)}}
REDACTEUR = {"regelingen": {"toeslagparameter": (VIEW,)}}
GROEPEN = {"coördinator": COORDINATOR, "redacteur": REDACTEUR}


def _codenames(rechten):
    for app_label, modellen in rechten.items():
        for model, acties in modellen.items():
            for actie in acties:
                yield app_label, f"{actie}_{model}"


def rechten_geven(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for naam, rechten in GROEPEN.items():
        groep = Group.objects.filter(name=naam).first()
        if groep is None:
            continue
        for app_label, codename in _codenames(rechten):
            groep.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def rechten_weghalen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for naam, rechten in GROEPEN.items():
        groep = Group.objects.filter(name=naam).first()
        if groep is None:
            continue
        for app_label, codename in _codenames(rechten):
            groep.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0016_historie_toeslagparameter"),
        ("regelingen", "0007_toeslagparameters_uit_fixture"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(rechten_geven, rechten_weghalen)]
