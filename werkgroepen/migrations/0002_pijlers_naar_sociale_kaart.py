"""The pact's own pillar table gives way to the rows in sociale_kaart
(docs/adr/0010). Every pillar keeps its name, texts and order (copied by slug
onto the row sociale_kaart 0005 made, or onto a new row), and every werkgroep,
actiepunt and agenda activity keeps its pillar. A werkgroep may now also belong
to no pillar (the whole pact), so the one-to-one becomes a foreign key."""

import django.db.models.deletion
from django.db import migrations, models

KOPPELINGEN = [("werkgroep", "pijler"), ("actiepunt", "pijler"), ("agendaactiviteit", "pijler")]


def pijlers_overzetten(apps, schema_editor):
    Oud = apps.get_model("werkgroepen", "Pijler")
    Nieuw = apps.get_model("sociale_kaart", "Pijler")
    nieuw_van = {}
    for oud in Oud.objects.all():
        nieuw, _ = Nieuw.objects.update_or_create(
            slug=oud.slug,
            defaults={"naam": oud.naam, "ondertitel": oud.ondertitel, "tekst": oud.tekst, "volgorde": oud.volgorde},
        )
        nieuw_van[oud.pk] = nieuw.pk
    for model, _ in KOPPELINGEN:
        Model = apps.get_model("werkgroepen", model)
        for oud_pk, nieuw_pk in nieuw_van.items():
            Model.objects.filter(pijler_id=oud_pk).update(pijler_rij_id=nieuw_pk)


def pijlers_terugzetten(apps, schema_editor):
    Oud = apps.get_model("werkgroepen", "Pijler")
    Nieuw = apps.get_model("sociale_kaart", "Pijler")
    oud_van = {}
    for nieuw in Nieuw.objects.all():
        oud, _ = Oud.objects.update_or_create(
            slug=nieuw.slug[:20],
            defaults={
                "naam": nieuw.naam,
                "ondertitel": nieuw.ondertitel,
                "tekst": nieuw.tekst or nieuw.naam,
                "volgorde": nieuw.volgorde,
            },
        )
        oud_van[nieuw.pk] = oud.pk
    for model, _ in KOPPELINGEN:
        Model = apps.get_model("werkgroepen", model)
        for nieuw_pk, oud_pk in oud_van.items():
            Model.objects.filter(pijler_rij_id=nieuw_pk).update(pijler_id=oud_pk)


def _tijdelijk(model: str) -> migrations.AddField:
    return migrations.AddField(
        model_name=model,
        name="pijler_rij",
        field=models.ForeignKey(
            null=True,
            blank=True,
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="sociale_kaart.pijler",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("werkgroepen", "0001_initial"),
        ("sociale_kaart", "0005_pijler_als_rij"),
        # The staff groups name werkgroepen.pijler's permissions: they are made first.
        ("armoedepact", "0004_staff_groups"),
    ]

    operations = [
        # The old columns may be null while the new ones are filled.
        migrations.AlterField(
            model_name="werkgroep",
            name="pijler",
            field=models.OneToOneField(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="werkgroep",
                to="werkgroepen.pijler",
            ),
        ),
        *[_tijdelijk(model) for model, _ in KOPPELINGEN],
        migrations.RunPython(pijlers_overzetten, pijlers_terugzetten),
        *[migrations.RemoveField(model_name=model, name="pijler") for model, _ in KOPPELINGEN],
        migrations.DeleteModel(name="Pijler"),
        *[
            migrations.RenameField(model_name=model, old_name="pijler_rij", new_name="pijler")
            for model, _ in KOPPELINGEN
        ],
        migrations.AlterField(
            model_name="werkgroep",
            name="pijler",
            field=models.ForeignKey(
                blank=True,
                help_text="Leeg: de groep hoort bij het hele pact.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="groepen",
                to="sociale_kaart.pijler",
            ),
        ),
        migrations.AlterField(
            model_name="actiepunt",
            name="pijler",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="actiepunten", to="sociale_kaart.pijler"
            ),
        ),
        migrations.AlterField(
            model_name="agendaactiviteit",
            name="pijler",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="agenda_activiteiten",
                to="sociale_kaart.pijler",
            ),
        ),
    ]
