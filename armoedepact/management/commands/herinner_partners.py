"""Daily reminder (cron): e-mail each organisation its entries not checked for 11+ months.

Only organisations with an account get it (to their members' addresses, never the
public address of the organisation), and at most once per HERHAAL_NA (30 days): a
second run the same day sends nothing. Organisations without an account appear on
/beheer/ as "nog geen account: nodig uit".

Production crontab, e.g.:  15 7 * * *  cd /srv/armoedepact && .venv/bin/python manage.py herinner_partners
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from armoedepact.models import Herinnering
from armoedepact.partner.selectors import organisaties_met_verouderde_items
from common.berichten import bericht_sturen
from sociale_kaart.selectors import herinnering_nodig

HERHAAL_NA = timedelta(days=30)
WAAROM = (
    "U heeft een account voor uw organisatie op het portaal van het Armoedepact. "
    "Wij vragen elk jaar of de informatie nog klopt, zodat inwoners de juiste hulp vinden."
)
WIJZIGEN = (
    "U krijgt dit bericht hooguit 1 keer per 30 dagen, zolang er iets niet gecontroleerd is. "
    "Klik op 'Alles klopt nog', dan stopt het bericht."
)


class Command(BaseCommand):
    help = "E-mail organisations with an account a short list of entries not checked for 11 months (once per 30 days)."

    def add_arguments(self, parser):
        parser.add_argument("--basis-url", default=settings.PORTAAL_URL, help="Scheme and host of the portal.")

    def handle(self, *args, basis_url, **options):
        nu = timezone.now()
        recent = set(
            Herinnering.objects.filter(soort=Herinnering.Soort.CONTROLE, verstuurd_op__gte=nu - HERHAAL_NA).values_list(
                "organisatie_id", flat=True
            )
        )
        te_sturen = []
        for organisatie in organisaties_met_verouderde_items():
            if organisatie.pk in recent:
                continue
            ontvangers = sorted(
                {
                    lid.gebruiker.email
                    for lid in organisatie.lidmaatschappen.all()
                    if lid.gebruiker.is_active and lid.gebruiker.email
                }
            )
            items = []
            if herinnering_nodig(organisatie.laatst_gecontroleerd):
                items.append(f"De gegevens van {organisatie.naam}")
            items += [a.titel for a in organisatie.gepubliceerd_aanbod if herinnering_nodig(a.laatst_gecontroleerd)]
            if items and ontvangers:
                te_sturen.append((organisatie, ontvangers, items))
        # One transaction: the records of what was sent and the messages (sent after commit).
        with transaction.atomic():
            Herinnering.objects.bulk_create(
                Herinnering(soort=Herinnering.Soort.CONTROLE, organisatie=organisatie, verstuurd_op=nu)
                for organisatie, _, _ in te_sturen
            )
            for organisatie, ontvangers, items in te_sturen:
                link = basis_url.rstrip("/") + reverse("partner:dashboard", kwargs={"slug": organisatie.slug})
                bericht_sturen(
                    aan=ontvangers,
                    onderwerp="Klopt uw informatie nog? (Armoedepact)",
                    sjabloon="controle_herinnering",
                    context={"items": items, "link": link, "waarom": WAAROM, "wijzigen": WIJZIGEN},
                )
        self.stdout.write(f"{len(te_sturen)} herinnering(en) verstuurd.")
