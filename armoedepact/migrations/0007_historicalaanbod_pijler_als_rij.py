"""The history of aanbod follows aanbod: its pillar becomes a row
(sociale_kaart 0005, docs/adr/0010). Old versions keep their pillar through
the slug they stored."""

import django.db.models.deletion
from django.db import migrations, models


def slugs_naar_rijen(apps, schema_editor):
    Pijler = apps.get_model("sociale_kaart", "Pijler")
    Historie = apps.get_model("armoedepact", "HistoricalAanbod")
    for pijler in Pijler.objects.all():
        Historie.objects.filter(pijler=pijler.slug).update(pijler_rij_id=pijler.pk)


def rijen_naar_slugs(apps, schema_editor):
    Pijler = apps.get_model("sociale_kaart", "Pijler")
    Historie = apps.get_model("armoedepact", "HistoricalAanbod")
    for pijler in Pijler.objects.all():
        Historie.objects.filter(pijler_rij_id=pijler.pk).update(pijler=pijler.slug[:20])


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0006_models_naar_sociale_kaart"),
        ("sociale_kaart", "0005_pijler_als_rij"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalaanbod",
            name="pijler_rij",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                limit_choices_to={"actief": True},
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="sociale_kaart.pijler",
            ),
        ),
        migrations.RunPython(slugs_naar_rijen, rijen_naar_slugs),
        migrations.RemoveField(model_name="historicalaanbod", name="pijler"),
        migrations.RenameField(model_name="historicalaanbod", old_name="pijler_rij", new_name="pijler"),
    ]
