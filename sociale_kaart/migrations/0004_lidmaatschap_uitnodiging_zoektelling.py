"""Takes over Lidmaatschap, Uitnodiging and ZoekTelling from armoedepact (see
docs/adr/0006): state only, the tables keep their names (db_table) and rows. The
content types move with them, so permissions and groups keep pointing at them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELLEN = ("lidmaatschap", "uitnodiging", "zoektelling")


def _verhuis(apps, van: str, naar: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELLEN:
        oud = ContentType.objects.filter(app_label=van, model=model).first()
        if oud is None:
            continue
        # A content type made for the new place (without permissions of groups) gives way.
        ContentType.objects.filter(app_label=naar, model=model).delete()
        oud.app_label = naar
        oud.save(update_fields=["app_label"])


def content_types_verhuizen(apps, schema_editor):
    _verhuis(apps, "armoedepact", "sociale_kaart")


def content_types_terug(apps, schema_editor):
    _verhuis(apps, "sociale_kaart", "armoedepact")


class Migration(migrations.Migration):
    dependencies = [
        ("sociale_kaart", "0003_aanbod_zoekindex"),
        ("armoedepact", "0006_models_naar_sociale_kaart"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Uitnodiging",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("email", models.EmailField(max_length=254, verbose_name="e-mailadres")),
                        (
                            "rol",
                            models.CharField(
                                choices=[("beheerder", "Beheerder"), ("medewerker", "Medewerker")],
                                default="beheerder",
                                max_length=20,
                            ),
                        ),
                        ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                        ("aangemaakt_op", models.DateTimeField(auto_now_add=True)),
                        ("verloopt_op", models.DateTimeField()),
                        ("gebruikt_op", models.DateTimeField(blank=True, null=True)),
                        (
                            "organisatie",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="uitnodigingen",
                                to="sociale_kaart.organisatie",
                            ),
                        ),
                        (
                            "uitgenodigd_door",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "uitnodiging",
                        "verbose_name_plural": "uitnodigingen",
                        "db_table": "armoedepact_uitnodiging",
                        "ordering": ["-aangemaakt_op"],
                    },
                ),
                migrations.CreateModel(
                    name="ZoekTelling",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "soort",
                            models.CharField(choices=[("zoekterm", "Zoekterm"), ("thema", "Thema")], max_length=20),
                        ),
                        ("waarde", models.CharField(max_length=200)),
                        ("maand", models.DateField(help_text="De eerste dag van de maand.")),
                        ("aantal", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "verbose_name": "telling van zoeken",
                        "verbose_name_plural": "tellingen van zoeken",
                        "db_table": "armoedepact_zoektelling",
                        "ordering": ["-maand", "-aantal"],
                        "constraints": [
                            models.UniqueConstraint(fields=("soort", "waarde", "maand"), name="zoektelling_per_maand")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Lidmaatschap",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "rol",
                            models.CharField(
                                choices=[("beheerder", "Beheerder"), ("medewerker", "Medewerker")],
                                default="medewerker",
                                max_length=20,
                            ),
                        ),
                        ("sinds", models.DateTimeField(auto_now_add=True)),
                        (
                            "gebruiker",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lidmaatschappen",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisatie",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lidmaatschappen",
                                to="sociale_kaart.organisatie",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "lidmaatschap",
                        "verbose_name_plural": "lidmaatschappen",
                        "db_table": "armoedepact_lidmaatschap",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("gebruiker", "organisatie"), name="een_lidmaatschap_per_organisatie"
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_verhuizen, content_types_terug),
    ]
