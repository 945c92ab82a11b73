"""Re-encrypt every encrypted field with the first key of VERSLEUTELING_SLEUTELS
(key rotation, README "Contact requests"). Safe to run twice."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from common.versleuteling import VersleuteldeTekst, herversleutel


class Command(BaseCommand):
    help = "Re-encrypt all encrypted fields with the newest key (the first of VERSLEUTELING_SLEUTELS)."

    def handle(self, *args, **options):
        totaal = 0
        for model in apps.get_models():
            velden = [f for f in model._meta.concrete_fields if isinstance(f, VersleuteldeTekst)]
            if not velden:
                continue
            with transaction.atomic():
                # Raw tokens in and out: rotating needs no decrypted text in Python objects.
                for pk in model.objects.select_for_update().values_list("pk", flat=True).iterator():
                    totaal += _roteer_rij(model, pk, velden)
        self.stdout.write(f"{totaal} waarde(n) opnieuw versleuteld.")


def _roteer_rij(model, pk, velden) -> int:
    from django.db import connection

    tabel = connection.ops.quote_name(model._meta.db_table)
    kolommen = ", ".join(connection.ops.quote_name(f.column) for f in velden)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {kolommen} FROM {tabel} WHERE id = %s", [pk])  # noqa: S608 (names from the model)
        rij = cursor.fetchone()
        nieuw = [herversleutel(t) if t else t for t in rij]
        zet = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in velden)
        cursor.execute(f"UPDATE {tabel} SET {zet} WHERE id = %s", [*nieuw, pk])  # noqa: S608
    return sum(1 for t in rij if t)
