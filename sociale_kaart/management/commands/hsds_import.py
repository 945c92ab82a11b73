"""Import an HSDS 3.0 JSON export as concept entries (nothing is published).

python manage.py hsds_import export.json --dry-run   # report only, nothing saved
python manage.py hsds_import export.json
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sociale_kaart.hsds.importer import ImportFileError, import_hsds


class Command(BaseCommand):
    help = "Import an HSDS 3.0 JSON export as concept organisations and aanbod, with a report."

    def add_arguments(self, parser):
        parser.add_argument("file", help="HSDS JSON file (an export with services, or a list of services).")
        parser.add_argument("--dry-run", action="store_true", help="Only report what would happen; save nothing.")

    def handle(self, *args, file, dry_run, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CommandError(f"Het bestand {file} bestaat niet. Controleer de naam en de map.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"Het bestand {file} is geen geldige JSON ({error}).") from None
        try:
            report = import_hsds(data, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.as_text(), ending="")
