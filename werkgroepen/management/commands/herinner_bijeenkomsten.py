"""Daily (cron): remind signed-up partners of a pact meeting BIJEENKOMST_HERINNEREN_DAGEN
days before it starts. One reminder per sign-up, however often it runs."""

from django.core.management.base import BaseCommand

from werkgroepen.services import bijeenkomst_herinneringen_versturen


class Command(BaseCommand):
    help = "E-mail partners who signed up for a pact meeting a reminder a few days before (once)."

    def handle(self, *args, **options):
        verstuurd = bijeenkomst_herinneringen_versturen()
        self.stdout.write(f"{verstuurd} herinnering(en) verstuurd.")
