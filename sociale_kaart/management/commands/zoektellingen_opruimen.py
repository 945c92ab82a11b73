"""Daily (cron): delete the monthly search counts older than 13 months
(what residents searched for, and searches without result).

Crontab, e.g.:  25 6 * * *  cd /srv/armoedepact && .venv/bin/python manage.py zoektellingen_opruimen
"""

from django.core.management.base import BaseCommand

from sociale_kaart.services import zoektellingen_opruimen


class Command(BaseCommand):
    help = "Delete the monthly search counts older than 13 months."

    def handle(self, *args, **options):
        weg = zoektellingen_opruimen()
        self.stdout.write(f"{weg} telling(en) van zoeken verwijderd.")
