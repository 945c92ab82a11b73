"""Lidmaatschap, Uitnodiging and ZoekTelling moved to sociale_kaart (floor 1, see
docs/adr/0006). Only Django's state moves: the tables keep their names and their
rows (sociale_kaart 0004 takes the models over with db_table)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0005_regeling_history"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveConstraint(
                    model_name="lidmaatschap",
                    name="een_lidmaatschap_per_organisatie",
                ),
                migrations.RemoveField(
                    model_name="uitnodiging",
                    name="organisatie",
                ),
                migrations.RemoveField(
                    model_name="uitnodiging",
                    name="uitgenodigd_door",
                ),
                migrations.RemoveConstraint(
                    model_name="zoektelling",
                    name="zoektelling_per_maand",
                ),
                migrations.DeleteModel(
                    name="ZoekTelling",
                ),
                migrations.RemoveField(
                    model_name="lidmaatschap",
                    name="gebruiker",
                ),
                migrations.RemoveField(
                    model_name="lidmaatschap",
                    name="organisatie",
                ),
                migrations.DeleteModel(
                    name="Uitnodiging",
                ),
                migrations.DeleteModel(
                    name="Lidmaatschap",
                ),
            ],
        ),
    ]
