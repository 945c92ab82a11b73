"""Daily (cron): close requests that stayed Geopend or Geaccepteerd without a change
for OVERDRACHT_STIL_DAGEN, delete closed contact requests (Afgerond, Afgewezen)
after the retention period, and requests nobody opened after OVERDRACHT_ONGEOPEND_DAGEN.

Crontab, e.g.:  20 7 * * *  cd /srv/armoedepact && .venv/bin/python manage.py verwijder_verzoeken
"""

from django.core.management.base import BaseCommand

from overdracht.services import verzoeken_opruimen


class Command(BaseCommand):
    help = "Delete closed contact requests after the retention period, and old requests nobody opened."

    def handle(self, *args, **options):
        weg = verzoeken_opruimen()
        self.stdout.write(f"{weg} verzoek(en) verwijderd.")
