"""python manage.py backup [--output FILE]: a pg_dump of the configured database."""

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from armoedepact.backup import BackupFout, maken


class Command(BaseCommand):
    help = "Make a back-up (pg_dump, custom format) of the configured PostgreSQL database."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: backups/armoedepact-<time>.dump)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        bestand = Path(
            options["output"]
            or Path(settings.BASE_DIR) / "backups" / f"armoedepact-{datetime.now():%Y%m%d-%H%M%S}.dump"
        )
        try:
            maken(bestand=bestand, using=options["database"])
        except BackupFout as fout:
            raise CommandError(f"Back-up mislukt: {fout}") from fout
        self.stdout.write(f"Back-up gemaakt: {bestand} ({bestand.stat().st_size:,} bytes)")
