"""Load the Westerkwartier demo data. Safe to run again: nothing is duplicated."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from armoedepact.historie import eerste_versies_vastleggen

# Order matters: the sociale kaart holds the organisations that regelingen
# and the pact refer to.
DEMO_MODULES = ["armoedepact.demo", "sociale_kaart.demo", "regelingen.demo", "werkgroepen.demo"]


class Command(BaseCommand):
    help = "Load the demo data of gemeente Westerkwartier (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ik-weet-het-zeker",
            action="store_true",
            dest="zeker",
            help="Also with debug off. The demo creates a superuser with a known password and TOTP key.",
        )

    def handle(self, *args, zeker=False, **options):
        if not (settings.DEBUG or getattr(settings, "TESTING", False) or zeker):
            raise CommandError(
                "Debug is off: this looks like production. The demo data creates a superuser with the "
                "password from the README and a known TOTP key. Run with DJANGO_DEBUG=1, or add "
                "--ik-weet-het-zeker if you really want demo data here."
            )
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
