"""Give every organisation, aanbod, regeling and norm without a version its first one.

Run once after loading data from elsewhere (an import with bulk inserts, a restore
of an old back-up). Safe to run again: entries that have a version are skipped."""

from django.core.management.base import BaseCommand
from django.db import transaction

from armoedepact.historie import eerste_versies_vastleggen


class Command(BaseCommand):
    help = "Record the first version of every entry that has no history yet (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            aantal = eerste_versies_vastleggen()
        self.stdout.write(self.style.SUCCESS(f"{aantal} eerste versie(s) vastgelegd."))
