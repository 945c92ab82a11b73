"""Daily reminder (cron): e-mail each organisation its entries not checked for 11+ months.

Production crontab, e.g.:  15 7 * * *  cd /srv/armoedepact && .venv/bin/python manage.py herinner_partners --basis-url https://armoedepact.westerkwartier.nl
"""

from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from armoedepact.partner.selectors import organisaties_met_verouderde_items
from sociale_kaart.selectors import herinnering_nodig


class Command(BaseCommand):
    help = "E-mail every organisation a short list of its entries not checked for 11 months or more."

    def add_arguments(self, parser):
        parser.add_argument("--basis-url", default="http://127.0.0.1:8000", help="Scheme and host of the portal.")

    def handle(self, *args, basis_url, **options):
        verstuurd = 0
        for organisatie in organisaties_met_verouderde_items():
            items = []
            if herinnering_nodig(organisatie.laatst_gecontroleerd):
                items.append(f"- De gegevens van {organisatie.naam}")
            for aanbod in organisatie.gepubliceerd_aanbod:
                if herinnering_nodig(aanbod.laatst_gecontroleerd):
                    items.append(f"- {aanbod.titel}")
            ontvangers = sorted(
                {lid.gebruiker.email for lid in organisatie.lidmaatschappen.all() if lid.gebruiker.email}
                | ({organisatie.email} if organisatie.email else set())
            )
            if not items or not ontvangers:
                continue
            link = basis_url.rstrip("/") + reverse("partner:dashboard", kwargs={"slug": organisatie.slug})
            send_mail(
                subject="Klopt uw informatie nog? (Armoedepact)",
                message=(
                    "Beste partner,\n\n"
                    "Inwoners vinden uw hulp op het portaal van het Armoedepact. "
                    "Deze informatie is al 11 maanden of langer niet gecontroleerd:\n\n"
                    + "\n".join(items)
                    + f"\n\nWilt u er even naar kijken? Log in via deze link:\n{link}\n\n"
                    "Klopt alles nog? Klik dan op 'Alles klopt nog'. Dat kost maar een minuut.\n\n"
                    "Met vriendelijke groet,\nDe coördinator van het Armoedepact"
                ),
                from_email=None,
                recipient_list=ontvangers,
            )
            verstuurd += 1
        self.stdout.write(f"{verstuurd} herinnering(en) verstuurd.")
