"""Check every external link of regelingen, aanbod and organisaties; the start page of
/beheer/ lists the broken ones. Run it daily by cron, like herinner_partners:

    python manage.py controleer_links --timeout 10 --gelijktijdig 8
"""

from django.core.management.base import BaseCommand, CommandError

from armoedepact.regie import links, services


class Command(BaseCommand):
    help = "Controleer alle externe links van regelingen, aanbod en organisaties."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconden per link (standaard 10).")
        parser.add_argument(
            "--gelijktijdig", type=int, default=8, help="Hoeveel links tegelijk (standaard 8, hoogstens 32)."
        )

    def handle(self, *args, timeout, gelijktijdig, **options):
        if not 0 < timeout <= 120:
            raise CommandError("Kies een timeout tussen 0 en 120 seconden.")
        if not 1 <= gelijktijdig <= 32:
            raise CommandError("Kies voor --gelijktijdig een getal van 1 tot en met 32.")
        alle = links.links_verzamelen()
        fouten = links.links_controleren(alle, timeout=timeout, gelijktijdig=gelijktijdig)
        services.linkcontrole_opslaan(aantal_links=len(alle), fouten=fouten)
        for fout in fouten:
            self.stdout.write(f"Werkt niet: {fout.naam} ({fout.soort}): {fout.url}: {fout.melding}")
        self.stdout.write(f"{len(alle)} links gecontroleerd, {len(fouten)} werken niet.")
