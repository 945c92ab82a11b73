"""The coördinator keeps the pact's indicators and their dated values, and the datumprikkers
(polls for a meeting date, with their dates; the partners' answers read-only); the redacteur may read the indicators
(the steps of 0008_pact_rechten, for these models)."""

from importlib import import_module

from django.db import migrations

pact_rechten = import_module("armoedepact.migrations.0008_pact_rechten")
VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"

GROEPEN = {
    "coördinator": {
        "werkgroepen": {
            "indicator": (VIEW, ADD, CHANGE, DELETE),
            "indicatorwaarde": (VIEW, ADD, CHANGE, DELETE),
            "datumpeiling": (VIEW, ADD, CHANGE, DELETE),
            "peilingdatum": (VIEW, ADD, CHANGE, DELETE),
            "peilingantwoord": (VIEW,),
        }
    },
    "redacteur": {"werkgroepen": {"indicator": (VIEW,), "indicatorwaarde": (VIEW,)}},
}


def rechten_geven(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    for groep in Group.objects.filter(name__in=GROEPEN):
        for app_label, codename in pact_rechten._codenames(GROEPEN[groep.name]):
            groep.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def rechten_weghalen(apps, schema_editor):
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    for groep in Group.objects.filter(name__in=GROEPEN):
        for app_label, codename in pact_rechten._codenames(GROEPEN[groep.name]):
            groep.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0015_taalstatus"),
        ("werkgroepen", "0007_datumprikker"),
    ]

    operations = [migrations.RunPython(rechten_geven, rechten_weghalen)]
