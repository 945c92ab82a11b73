"""The coördinator keeps the pact's structure as data (docs/adr/0010): the
pillars (add, rename, order, retire; never delete), the pact's settings, goals
and the tables of a werkconferentie. The redacteur may read the pillars."""

from django.db import migrations

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"

COORDINATOR = {
    "sociale_kaart": {"pijler": (VIEW, ADD, CHANGE)},
    "werkgroepen": {
        "pact": (VIEW, CHANGE),
        "doel": (VIEW, ADD, CHANGE, DELETE),
        "thematafel": (VIEW, ADD, CHANGE, DELETE),
    },
}
REDACTEUR = {"sociale_kaart": {"pijler": (VIEW,)}}
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
        ("armoedepact", "0007_historicalaanbod_pijler_als_rij"),
        ("sociale_kaart", "0005_pijler_als_rij"),
        ("werkgroepen", "0003_pact_als_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(rechten_geven, rechten_weghalen)]
