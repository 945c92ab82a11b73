"""Load the Westerkwartier demo data. Safe to run again: nothing is duplicated."""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from armoedepact.historie import eerste_versies_vastleggen

# Order matters: the sociale kaart holds the organisations that regelingen
# and the pact refer to.
DEMO_MODULES = ["armoedepact.demo", "sociale_kaart.demo", "regelingen.demo", "werkgroepen.demo"]


class Command(BaseCommand):
    help = "Load the demo data of gemeente Westerkwartier (idempotent)."

    def handle(self, *args, **options):
        logins = []
        with transaction.atomic():
            for name in DEMO_MODULES:
                module = importlib.import_module(name)
                logins.extend(module.load(stdout=self.stdout) or [])
            # The demo loads with bulk inserts: give every entry its first version.
            eerste_versies_vastleggen()
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if logins:
            self.stdout.write("Demo log-ins:")
            for role, username, password in logins:
                self.stdout.write(f"  {role:<14} {username}  /  {password}")
