"""Staff roles as groups with the least permissions they need (house style: a data
migration, so a fresh database has them).

* coördinator: moderates, invites partners, keeps regelingen, norms and
  testgevallen correct, plans the pact, sees reach. Never hard-deletes an
  organisation or aanbod (archive instead) and manages no accounts.
* redacteur: keeps the sociale kaart entries current (view, add, change), reads
  regelingen and the pact; no moderation, norms, imports of regelingen or reach.
"""

from django.db import migrations

VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"
ALLES = (VIEW, ADD, CHANGE, DELETE)
ZONDER_WISSEN = (VIEW, ADD, CHANGE)

COORDINATOR = {
    "sociale_kaart": {
        "organisatie": ZONDER_WISSEN,
        "aanbod": ZONDER_WISSEN,
        "locatie": ALLES,
        "openingstijd": ALLES,
        "thema": ALLES,
        "doelgroep": ALLES,
        "levensgebeurtenis": ALLES,
        "kern": ALLES,
        "synoniem": ALLES,
        "zoektermzonderresultaat": (VIEW,),
    },
    "regelingen": {
        "regeling": ZONDER_WISSEN,
        "normbedrag": ALLES,
        "vermogensgrens": ALLES,
        "aowleeftijd": ALLES,
        "checktelling": (VIEW,),
        "testgeval": ALLES,
    },
    "werkgroepen": {
        "pijler": (VIEW, CHANGE),
        "werkgroep": ZONDER_WISSEN,
        "ambassadeurschap": ALLES,
        "actiepunt": ALLES,
        "voortgang": ALLES,
        "bijeenkomst": ALLES,
        "aanmelding": ZONDER_WISSEN,
        "aansluitverzoek": (VIEW, CHANGE),
        "agendaronde": ZONDER_WISSEN,
        "agendabijdrage": (VIEW, CHANGE),
        "agendaactiviteit": (VIEW, CHANGE),
    },
    "armoedepact": {
        "revisie": (VIEW, CHANGE),
        "uitnodiging": (VIEW, ADD),
        "lidmaatschap": ALLES,
        "historicalorganisatie": (VIEW,),
        "historicalaanbod": (VIEW,),
        "kapottelink": (VIEW,),
        "zoektelling": (VIEW,),
    },
}

REDACTEUR = {
    "sociale_kaart": {
        "organisatie": ZONDER_WISSEN,
        "aanbod": ZONDER_WISSEN,
        "locatie": ZONDER_WISSEN,
        "openingstijd": ALLES,
        "thema": (VIEW,),
        "doelgroep": (VIEW,),
        "levensgebeurtenis": (VIEW,),
        "kern": (VIEW,),
        "synoniem": (VIEW, ADD, CHANGE),
    },
    "regelingen": {"regeling": (VIEW,), "normbedrag": (VIEW,)},
    "werkgroepen": {"bijeenkomst": (VIEW,), "actiepunt": (VIEW,)},
    "armoedepact": {"historicalorganisatie": (VIEW,), "historicalaanbod": (VIEW,)},
}

GROEPEN = {"coördinator": COORDINATOR, "redacteur": REDACTEUR}


def groepen_maken(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after all migrations; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for naam, rechten in GROEPEN.items():
        groep, _ = Group.objects.get_or_create(name=naam)
        codenames = [
            (app_label, f"{actie}_{model}")
            for app_label, modellen in rechten.items()
            for model, acties in modellen.items()
            for actie in acties
        ]
        permissies = []
        for app_label, codename in codenames:
            permissie = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permissie is None:
                raise RuntimeError(f"Permission {app_label}.{codename} does not exist")
            permissies.append(permissie)
        groep.permissions.set(permissies)


def groepen_weghalen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(GROEPEN)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0003_linkcontrole_kapottelink_zoektelling"),
        ("regelingen", "0002_testgeval"),
        ("sociale_kaart", "0001_initial"),
        ("werkgroepen", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(groepen_maken, groepen_weghalen)]
