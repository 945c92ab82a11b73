"""Daily (cron): remind an organisation of a request nobody opened within
OVERDRACHT_HERINNEREN_WERKDAGEN working days. One reminder per request.

Crontab, e.g.:  0 9 * * 1-5  cd /srv/armoedepact && .venv/bin/python manage.py herinner_verzoeken
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from overdracht.services import herinneringen_versturen


class Command(BaseCommand):
    help = "Remind organisations of contact requests not opened within two working days (once per request)."

    def add_arguments(self, parser):
        parser.add_argument("--basis-url", default=settings.PORTAAL_URL, help="Scheme and host of the portal.")

    def handle(self, *args, basis_url, **options):
        verstuurd = herinneringen_versturen(basis_url=basis_url)
        self.stdout.write(f"{verstuurd} herinnering(en) verstuurd.")
