"""Daily (cron): delete "Klopt er iets niet?" corrections 12 months after they were done
(armoedepact/correcties/services.py, BEWAREN_MAANDEN; the privacy page says so).

Crontab, e.g.:  30 7 * * *  cd /srv/armoedepact && .venv/bin/python manage.py verwijder_correcties
"""

from django.core.management.base import BaseCommand

from armoedepact.correcties.services import correcties_opruimen


class Command(BaseCommand):
    help = "Delete corrections from visitors 12 months after they were done."

    def handle(self, *args, **options):
        weg = correcties_opruimen()
        self.stdout.write(f"{weg} melding(en) verwijderd.")
