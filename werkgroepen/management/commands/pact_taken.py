"""Daily (cron): the pact's follow-up work. Reminds organisers to close meetings
that are over (after 3 and 7 days), makes verslagen final when their comment
period has ended, and on Mondays mails the coordinators when the next
pactbijeenkomst should be planned. Safe to run more than once a day."""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from werkgroepen import bijeenkomst_services


class Command(BaseCommand):
    help = "Herinneringen om bijeenkomsten te sluiten, verslagen definitief maken, waarschuwing om te plannen."

    def add_arguments(self, parser):
        parser.add_argument("--basis-url", default=settings.PORTAAL_URL, help="Scheme and host for links in mails.")
        parser.add_argument("--datum", help="Run as if today were this date (YYYY-MM-DD), to catch up.")

    def handle(self, *args, **options):
        vandaag = timezone.localdate()
        if options["datum"]:
            try:
                vandaag = date.fromisoformat(options["datum"])
            except ValueError as error:
                raise CommandError("Geef de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-02.") from error
        basis_url = options["basis_url"]
        herinnerd = bijeenkomst_services.herinneringen_versturen(basis_url=basis_url)
        definitief = bijeenkomst_services.verslagen_definitief_maken(vandaag=vandaag)
        gewaarschuwd = bijeenkomst_services.planning_waarschuwing_versturen(vandaag=vandaag, basis_url=basis_url)
        self.stdout.write(f"{len(herinnerd)} herinnering(en) om een bijeenkomst te sluiten verstuurd.")
        self.stdout.write(f"{len(definitief)} verslag(en) definitief gemaakt.")
        melding = "Waarschuwing om te plannen verstuurd." if gewaarschuwd else "Geen waarschuwing om te plannen."
        self.stdout.write(melding)
