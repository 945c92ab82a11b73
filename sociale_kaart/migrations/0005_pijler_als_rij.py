"""Pillars become rows (docs/adr/0010). The four pillars of Westerkwartier
(seed 000), once choices in code, are made here as data; aanbod keeps its
pillar: the old slug points at the new row. werkgroepen's own pillar table
moves onto these rows in werkgroepen 0002."""

import django.db.models.deletion
from django.db import migrations, models

WESTERKWARTIER = [
    (
        "netwerk",
        "Netwerk",
        "Kennen en gekend worden",
        "Armoede bestrijd je niet alleen. Dat doen we samen. Daarom willen we elkaar kennen en elkaar opzoeken.",
    ),
    (
        "preventie",
        "Preventie",
        "Voorkomen dat mensen schulden krijgen",
        "We willen voorkomen dat inwoners geldproblemen of schulden krijgen.",
    ),
    (
        "meedoen",
        "Meedoen (met name jeugd)",
        "Iedereen doet mee, ook kinderen",
        "Weinig geld mag geen reden zijn om niet mee te doen. Aan sport, cultuur, onderwijs of zorg.",
    ),
    (
        "gezondheid",
        "Gezondheid",
        "Goede zorg voor iedereen",
        "Iedereen heeft recht op goede zorg.",
    ),
]


def pijlers_maken(apps, schema_editor):
    Pijler = apps.get_model("sociale_kaart", "Pijler")
    Aanbod = apps.get_model("sociale_kaart", "Aanbod")
    for volgorde, (slug, naam, ondertitel, tekst) in enumerate(WESTERKWARTIER, start=1):
        Pijler.objects.get_or_create(
            slug=slug, defaults={"naam": naam, "ondertitel": ondertitel, "tekst": tekst, "volgorde": volgorde}
        )
    for pijler in Pijler.objects.all():
        Aanbod.objects.filter(pijler=pijler.slug).update(pijler_rij=pijler)


def pijlers_terug(apps, schema_editor):
    Aanbod = apps.get_model("sociale_kaart", "Aanbod")
    for aanbod in Aanbod.objects.exclude(pijler_rij=None).select_related("pijler_rij"):
        aanbod.pijler = aanbod.pijler_rij.slug[:20]
        aanbod.save(update_fields=["pijler"])


class Migration(migrations.Migration):
    dependencies = [
        ("sociale_kaart", "0004_lidmaatschap_uitnodiging_zoektelling"),
    ]

    operations = [
        migrations.CreateModel(
            name="Pijler",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("naam", models.CharField(max_length=100)),
                (
                    "slug",
                    models.SlugField(help_text="Het laatste deel van het webadres.", max_length=100, unique=True),
                ),
                ("ondertitel", models.CharField(blank=True, max_length=200)),
                (
                    "tekst",
                    models.TextField(blank=True, help_text="Wat dit onderdeel wil bereiken. Eén alinea per regel."),
                ),
                ("volgorde", models.PositiveSmallIntegerField(default=0)),
                (
                    "actief",
                    models.BooleanField(
                        default=True,
                        help_text="Uit: niet meer in gebruik. Het blijft bewaard, maar staat niet meer op de website.",
                    ),
                ),
            ],
            options={
                "verbose_name": "pijler (of pad, thema, tafel)",
                "verbose_name_plural": "pijlers (of paden, thema's, tafels)",
                "ordering": ["volgorde", "naam"],
            },
        ),
        migrations.AddField(
            model_name="aanbod",
            name="pijler_rij",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="sociale_kaart.pijler",
            ),
        ),
        migrations.RunPython(pijlers_maken, pijlers_terug),
        migrations.RemoveField(model_name="aanbod", name="pijler"),
        migrations.RenameField(model_name="aanbod", old_name="pijler_rij", new_name="pijler"),
        migrations.AlterField(
            model_name="aanbod",
            name="pijler",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"actief": True},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="aanbod",
                to="sociale_kaart.pijler",
            ),
        ),
    ]
