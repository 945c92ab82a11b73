"""python manage.py restore FILE: put a back-up made by `backup` back."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from armoedepact.backup import BackupFout, terugzetten


class Command(BaseCommand):
    help = "Restore a back-up made by `manage.py backup`. Replaces everything in the database."

    def add_arguments(self, parser):
        parser.add_argument("bestand")
        parser.add_argument("--database", default="default")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options):
        bestand = Path(options["bestand"])
        if options["interactive"]:
            antwoord = input(f"Dit vervangt alle gegevens in de database door {bestand}. Typ 'ja' om door te gaan: ")
            if antwoord.strip().lower() != "ja":
                raise CommandError("Gestopt. Er is niets veranderd.")
        try:
            terugzetten(bestand=bestand, using=options["database"])
        except BackupFout as fout:
            raise CommandError(f"Terugzetten mislukt, de database is niet veranderd: {fout}") from fout
        self.stdout.write(f"Teruggezet: {bestand}")
