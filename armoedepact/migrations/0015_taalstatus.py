"""The review status of each translation, kept by the coordinator in /beheer/ (issue 18).

Replaces the setting ARMOEDEPACT_TALEN_NAGEKEKEN: one row per language of the
resident pages, not checked, and the coordinator group may view and change them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TALEN = ["en", "ar", "tr", "pl", "uk"]


def rijen_en_rechten(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Taalstatus = apps.get_model("armoedepact", "Taalstatus")
    for code in TALEN:
        Taalstatus.objects.get_or_create(code=code)
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rechten = Permission.objects.filter(
        content_type__app_label="armoedepact", codename__in=["view_taalstatus", "change_taalstatus"]
    )
    for groep in Group.objects.filter(name="coördinator"):
        groep.permissions.add(*rechten)


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0014_merge_20261202_1906"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Taalstatus",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "code",
                    models.CharField(
                        help_text="Bijvoorbeeld en, ar, tr, pl of uk.", max_length=10, unique=True, verbose_name="taal"
                    ),
                ),
                (
                    "nagekeken",
                    models.BooleanField(
                        default=False,
                        help_text="Aan als een mens de vertaling heeft nagekeken. Dan verdwijnt de melding onderaan.",
                    ),
                ),
                ("nagekeken_op", models.DateTimeField(blank=True, null=True)),
                (
                    "opmerking",
                    models.TextField(
                        blank=True, help_text="Bijvoorbeeld wie de vertaling nakeek, of wat nog ontbreekt."
                    ),
                ),
                (
                    "nagekeken_door",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"verbose_name": "taal", "verbose_name_plural": "talen", "ordering": ["code"]},
        ),
        migrations.RunPython(rijen_en_rechten, migrations.RunPython.noop),
    ]
