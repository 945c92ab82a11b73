"""The national allowances' parameters, until now in fixtures/toeslagen.json, as rows
the coordinator keeps in /beheer/ (value, source, date read, valid from). A fresh
database gets them here; `load_demo` loads the same file again (idempotent)."""

import json
from pathlib import Path

from django.db import migrations

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "toeslagen.json"


def laden(apps, schema_editor):
    from regelingen.toeslagen import rijen_uit_fixture

    Toeslagparameter = apps.get_model("regelingen", "Toeslagparameter")
    for rij in rijen_uit_fixture(json.loads(FIXTURE.read_text(encoding="utf-8"))):
        sleutel = {k: rij.pop(k) for k in ("toeslag", "sleutel", "geldig_vanaf")}
        Toeslagparameter.objects.get_or_create(**sleutel, defaults=rij)


class Migration(migrations.Migration):
    dependencies = [("regelingen", "0006_toeslagparameter")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
