"""Daily verification routine (cron): aanbod whose phone, address, opening hours or
"how to start" nobody confirmed for VERIFICATIE_MAANDEN months (default 18).

1. A notice to the organisation's members (the reminder mail path, recorded as a
   Herinnering of soort "verificatie"), once per aanbod.
2. VERIFICATIE_MELDING_DAGEN (14) days after the notice, still unconfirmed: hidden
   from residents (aanbod_publiek and the search index leave it out).
3. Confirmed since ("Alles klopt nog" on the partner dashboard): shown again.

An organisation without an account gets no notice, so its aanbod is never hidden
by this routine; the coordinator's work list shows it. Safe to run twice a day.

Production crontab, e.g.:  20 7 * * *  cd /srv/armoedepact && .venv/bin/python manage.py verificatie
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from armoedepact.models import Herinnering
from common.berichten import bericht_sturen
from sociale_kaart.models import Aanbod
from sociale_kaart.selectors import aanbod_met_oudste_bevestiging, verificatie_grens


class Command(BaseCommand):
    help = "Notify, then hide from residents, aanbod unconfirmed for VERIFICATIE_MAANDEN months."

    def add_arguments(self, parser):
        parser.add_argument("--basis-url", default=settings.PORTAAL_URL, help="Scheme and host of the portal.")

    @transaction.atomic
    def handle(self, *args, basis_url, **options):
        nu = timezone.now()
        grens = verificatie_grens(vandaag=timezone.localdate(nu))
        oud = aanbod_met_oudste_bevestiging().filter(oudste_bevestiging__lt=grens)

        # 3. Confirmed since: visible again, a new notice when it gets old again.
        terug = Aanbod.objects.filter(verborgen_wegens_verificatie=True).exclude(pk__in=oud.values("pk"))
        terug_aantal = terug.update(verborgen_wegens_verificatie=False, verificatie_gemeld_op=None)
        Aanbod.objects.filter(verificatie_gemeld_op__isnull=False).exclude(pk__in=oud.values("pk")).update(
            verificatie_gemeld_op=None
        )

        # 2. Hidden: the notice went out long enough ago.
        wachttijd = nu - timedelta(days=settings.VERIFICATIE_MELDING_DAGEN)
        verborgen = Aanbod.objects.filter(
            pk__in=oud.filter(verborgen_wegens_verificatie=False, verificatie_gemeld_op__lte=wachttijd).values("pk")
        ).update(verborgen_wegens_verificatie=True)

        # 1. The notice, per organisation, to its members' addresses.
        per_organisatie: dict = {}
        for aanbod in (
            oud.filter(verificatie_gemeld_op__isnull=True)
            .select_related("organisatie")
            .prefetch_related("organisatie__lidmaatschappen__gebruiker")
            .order_by("organisatie__naam", "titel")
        ):
            per_organisatie.setdefault(aanbod.organisatie, []).append(aanbod)
        gemeld = []
        verborgen_op = timezone.localdate(nu) + timedelta(days=settings.VERIFICATIE_MELDING_DAGEN)
        for organisatie, items in per_organisatie.items():
            ontvangers = [
                lid.gebruiker.email
                for lid in organisatie.lidmaatschappen.all()
                if lid.gebruiker.is_active and lid.gebruiker.email
            ]
            link = basis_url.rstrip("/") + reverse("partner:dashboard", kwargs={"slug": organisatie.slug})
            if bericht_sturen(
                aan=ontvangers,
                onderwerp="Uw aanbod wordt verborgen als niemand het bevestigt (Armoedepact)",
                sjabloon="verificatie_melding",
                context={
                    "items": [a.titel for a in items],
                    "link": link,
                    "maanden": settings.VERIFICATIE_MAANDEN,
                    "verborgen_op": verborgen_op,
                },
            ):
                Herinnering.objects.create(
                    soort=Herinnering.Soort.VERIFICATIE, organisatie=organisatie, verstuurd_op=nu
                )
                gemeld += [a.pk for a in items]
        Aanbod.objects.filter(pk__in=gemeld).update(verificatie_gemeld_op=nu)
        self.stdout.write(
            f"{len(gemeld)} aanbod gemeld, {verborgen} verborgen, {terug_aantal} weer zichtbaar (bevestigd)."
        )
