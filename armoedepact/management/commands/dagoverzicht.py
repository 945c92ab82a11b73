"""Daily (cron): one e-mail to the coordinator with what waits: changes to approve,
applications to join the pact, direct publications of trusted organisations since
the last digest, and contact requests nobody opened in time. Nothing waits: no
e-mail. At most one digest per day, however often it runs.

Crontab, e.g.:  0 8 * * 1-5  cd /srv/armoedepact && .venv/bin/python manage.py dagoverzicht
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from armoedepact.models import Herinnering, Revisie, RevisieStatus
from common.berichten import bericht_sturen
from overdracht.services import niet_op_tijd_geopend
from sociale_kaart.models import Aanbod, Organisatie
from werkgroepen.models import Aansluitverzoek, AansluitverzoekStatus

WAAROM = "U bent coördinator van het Armoedepact. U krijgt elke werkdag een overzicht als er iets op u wacht."
WIJZIGEN = "Wie dit overzicht krijgt, staat in de instelling COORDINATOR_EMAIL van de server. Vraag de beheerder."


def ontvangers() -> list[str]:
    if settings.COORDINATOR_EMAIL:
        return list(settings.COORDINATOR_EMAIL)
    return list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def regels(*, sinds) -> list[dict]:
    vertrouwd = Organisatie.objects.filter(vertrouwd=True).values("pk")
    direct = (
        Aanbod.history.filter(history_date__gte=sinds, organisatie_id__in=vertrouwd, history_user__is_staff=False)
        .exclude(history_user=None)
        .count()
        + Organisatie.history.filter(history_date__gte=sinds, id__in=vertrouwd, history_user__is_staff=False)
        .exclude(history_user=None)
        .count()
    )
    aantallen = [
        (Revisie.objects.filter(status=RevisieStatus.WACHT).count(), "wijziging(en) wachten op goedkeuring"),
        (
            Aansluitverzoek.objects.filter(status=AansluitverzoekStatus.NIEUW).count(),
            "nieuwe aanmelding(en) om mee te doen met het pact",
        ),
        (direct, "wijziging(en) van vertrouwde organisaties staan direct op de website (kijk ze na)"),
        (niet_op_tijd_geopend(), "verzoek(en) om contact zijn niet op tijd geopend door de organisatie"),
    ]
    return [{"aantal": aantal, "wat": wat} for aantal, wat in aantallen if aantal]


class Command(BaseCommand):
    help = "E-mail the coordinator one digest of what waits (at most once a day; nothing waits: no e-mail)."

    def add_arguments(self, parser):
        parser.add_argument("--basis-url", default=settings.PORTAAL_URL, help="Scheme and host of the portal.")

    def handle(self, *args, basis_url, **options):
        nu = timezone.now()
        vorige = Herinnering.objects.filter(soort=Herinnering.Soort.DAGOVERZICHT).order_by("-verstuurd_op").first()
        if vorige is not None and timezone.localdate(vorige.verstuurd_op) == timezone.localdate(nu):
            self.stdout.write("Vandaag is het overzicht al verstuurd.")
            return
        sinds = vorige.verstuurd_op if vorige is not None else nu - timedelta(days=1)
        lijst = regels(sinds=sinds)
        if not lijst:
            self.stdout.write("Er wacht niets. Geen overzicht verstuurd.")
            return
        with transaction.atomic():
            Herinnering.objects.create(soort=Herinnering.Soort.DAGOVERZICHT, verstuurd_op=nu)
            verstuurd = bericht_sturen(
                aan=ontvangers(),
                onderwerp=f"Dit wacht op u: dagoverzicht Armoedepact {timezone.localdate(nu):%d-%m-%Y}",
                sjabloon="dagoverzicht",
                context={
                    "regels": lijst,
                    "link": basis_url.rstrip("/") + "/beheer/",
                    "waarom": WAAROM,
                    "wijzigen": WIJZIGEN,
                },
            )
        self.stdout.write("Overzicht verstuurd." if verstuurd else "Geen coördinator met een e-mailadres gevonden.")
