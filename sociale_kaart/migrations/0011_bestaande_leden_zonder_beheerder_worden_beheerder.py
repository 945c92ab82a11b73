"""Roles now change what a partner may do (issue 20): a medewerker edits aanbod only.
Until now every member could edit everything, so the members of an organisation that
has no beheerder become beheerder: nobody loses access to their organisation."""

from django.db import migrations


def beheerders_maken(apps, schema_editor):
    Lidmaatschap = apps.get_model("sociale_kaart", "Lidmaatschap")
    met_beheerder = Lidmaatschap.objects.filter(rol="beheerder").values("organisatie_id")
    Lidmaatschap.objects.exclude(organisatie_id__in=met_beheerder).update(rol="beheerder")


class Migration(migrations.Migration):
    dependencies = [("sociale_kaart", "0010_zoekterm_afhandeling")]

    operations = [migrations.RunPython(beheerders_maken, migrations.RunPython.noop)]
