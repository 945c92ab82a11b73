"""Writes for meetings as a network works them: asking the next host and its
answer, closing a meeting (verslag, attendance, the action points it touched),
the verslag's comment period, reminders to close, and a werkconferentie's
tables turning their actions into action points.

Like werkgroepen.services: keyword-only, rules first, a Dutch ValidationError,
nothing saved half."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from common.overgangen import overgang_controleren
from werkgroepen import selectors
from werkgroepen.models import (
    VERSLAG_TRANSITIONS,
    Actiepunt,
    Bijeenkomst,
    GastStatus,
    Thematafel,
    VerslagStatus,
)

# Days after a meeting ends when its organiser is reminded to close it.
HERINNEREN_NA_DAGEN = (3, 7)


# --- Hosts -------------------------------------------------------------------------


def gastheer_vragen(*, bijeenkomst: Bijeenkomst, organisatie=None) -> Bijeenkomst:
    """Ask an organisation to host the meeting (by default the portal's proposal)."""
    if organisatie is None:
        voorstel = selectors.gastheer_voorstel()
        if not voorstel:
            raise ValidationError(
                "Er is geen organisatie die een bijeenkomst wil ontvangen. Vul die in bij de instellingen van het pact."
            )
        organisatie = voorstel[0]
    bijeenkomst.gastorganisatie = organisatie
    bijeenkomst.gast_status = GastStatus.GEVRAAGD
    bijeenkomst.save(update_fields=["gastorganisatie", "gast_status", "gewijzigd_op"])
    return bijeenkomst


@transaction.atomic
def gastheer_antwoorden(*, bijeenkomst: Bijeenkomst, organisatie, ja: bool) -> Bijeenkomst:
    """The asked organisation says yes or no from the partner portal."""
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    if bijeenkomst.gastorganisatie_id != organisatie.pk or bijeenkomst.gast_status != GastStatus.GEVRAAGD:
        raise ValidationError("Uw organisatie is niet gevraagd om deze bijeenkomst te ontvangen.", code="niet_gevraagd")
    if bijeenkomst.eind <= timezone.now():
        raise ValidationError("Deze bijeenkomst is al voorbij.", code="voorbij")
    bijeenkomst.gast_status = GastStatus.BEVESTIGD if ja else GastStatus.AFGEWEZEN
    bijeenkomst.save(update_fields=["gast_status", "gewijzigd_op"])
    return bijeenkomst


# --- Closing a meeting -------------------------------------------------------------


def _verslag_overgang(van: str, naar: str) -> None:
    def melding() -> str:
        if van == VerslagStatus.DEFINITIEF:
            return "Het verslag is definitief. Het kan niet meer veranderen."
        return f"Het verslag kan niet van '{VerslagStatus(van).label}' naar '{VerslagStatus(naar).label}'."

    overgang_controleren(overgangen=VERSLAG_TRANSITIONS, van=van, naar=naar, melding=melding)


@transaction.atomic
def bijeenkomst_sluiten(
    *,
    bijeenkomst: Bijeenkomst,
    verslag: str,
    aantal_aanwezigen: int,
    organisaties,
    actiepunten=(),
    nu: datetime | None = None,
) -> Bijeenkomst:
    """Close a meeting after its date: the verslag (draft), attendance and the
    action points it touched. Attendees may react for the pact's number of days;
    with 0 days the verslag is final at once."""
    nu = nu or timezone.now()
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    if bijeenkomst.eind > nu:
        raise ValidationError("Een bijeenkomst kunt u pas na afloop sluiten.", code="niet_voorbij")
    if not verslag or not verslag.strip():
        raise ValidationError("Schrijf het verslag. Wat is besproken en afgesproken?", code="geen_verslag")
    if aantal_aanwezigen is None or aantal_aanwezigen < 1:
        raise ValidationError("Vul in hoeveel mensen er waren (1 of meer).", code="geen_aantal")
    dagen = selectors.pact_instellingen().reactietermijn_dagen
    naar = VerslagStatus.REACTIES if dagen else VerslagStatus.DEFINITIEF
    _verslag_overgang(bijeenkomst.verslag_status, naar)
    bijeenkomst.verslag = verslag.strip()
    bijeenkomst.aantal_aanwezigen = aantal_aanwezigen
    bijeenkomst.verslag_status = naar
    bijeenkomst.reageren_tot = timezone.localdate(nu) + timedelta(days=dagen) if dagen else None
    bijeenkomst.gesloten_op = nu
    bijeenkomst.full_clean()
    bijeenkomst.save()
    bijeenkomst.aanwezige_organisaties.set(organisaties)
    bijeenkomst.besproken_actiepunten.set(actiepunten)
    return bijeenkomst


def verslagen_definitief_maken(*, vandaag=None) -> list[Bijeenkomst]:
    """Verslagen whose comment period is over become final (and locked)."""
    vandaag = vandaag or timezone.localdate()
    klaar = list(Bijeenkomst.objects.filter(verslag_status=VerslagStatus.REACTIES, reageren_tot__lt=vandaag))
    for bijeenkomst in klaar:
        verslag_definitief_maken(bijeenkomst=bijeenkomst)
    return klaar


def verslag_definitief_maken(*, bijeenkomst: Bijeenkomst) -> Bijeenkomst:
    _verslag_overgang(bijeenkomst.verslag_status, VerslagStatus.DEFINITIEF)
    bijeenkomst.verslag_status = VerslagStatus.DEFINITIEF
    bijeenkomst.save(update_fields=["verslag_status", "gewijzigd_op"])
    return bijeenkomst


def herinneringen_versturen(*, nu: datetime | None = None, basis_url: str = "") -> list[Bijeenkomst]:
    """Remind the organiser of a meeting that is over but not closed: after 3 and after 7 days."""
    nu = nu or timezone.now()
    verstuurd = []
    for bijeenkomst in selectors.bijeenkomsten_te_sluiten(nu=nu):
        if bijeenkomst.herinneringen >= len(HERINNEREN_NA_DAGEN):
            continue
        if nu < bijeenkomst.eind + timedelta(days=HERINNEREN_NA_DAGEN[bijeenkomst.herinneringen]):
            continue
        ontvanger = bijeenkomst.organisator.email if bijeenkomst.organisator else ""
        ontvanger = ontvanger or settings.DEFAULT_FROM_EMAIL
        link = f"{basis_url.rstrip('/')}/beheer/werkgroepen/bijeenkomst/{bijeenkomst.pk}/sluiten/"
        datum = f"{timezone.localtime(bijeenkomst.start):%d-%m-%Y}"
        send_mail(
            subject=f"Sluit de bijeenkomst '{bijeenkomst.titel}' af",
            message=(
                f"De bijeenkomst '{bijeenkomst.titel}' van {datum} is voorbij.\n"
                "Zet het verslag en wie er waren in het portaal. Dan kunnen de aanwezigen reageren.\n\n"
                f"{link}\n"
            ),
            from_email=None,
            recipient_list=[ontvanger],
        )
        bijeenkomst.herinneringen += 1
        bijeenkomst.save(update_fields=["herinneringen"])
        verstuurd.append(bijeenkomst)
    return verstuurd


# --- Werkconferentie ---------------------------------------------------------------


@transaction.atomic
def tafel_acties_overnemen(*, tafel: Thematafel, jaar: int | None = None) -> list[Actiepunt]:
    """Every action of a table (one a line) becomes an action point of the table's
    pillar, with a link back to the table. An action taken over before is skipped."""
    if tafel.pijler_id is None:
        raise ValidationError(
            f"Kies eerst bij de tafel '{tafel.titel}' waar de acties bij horen. Dan kunnen ze actiepunten worden.",
            code="geen_pijler",
        )
    bestaand = set(tafel.actiepunten.values_list("titel", flat=True))
    jaar = jaar or timezone.localtime(tafel.bijeenkomst.start).year
    nieuw = []
    for regel in tafel.acties.splitlines():
        titel = regel.strip(" -•\t")[:300]
        if not titel or titel in bestaand:
            continue
        actiepunt = Actiepunt(
            pijler_id=tafel.pijler_id,
            titel=titel,
            omschrijving=f"Uit de thematafel '{tafel.titel}' van {tafel.bijeenkomst.titel}.",
            jaar=jaar,
            thematafel=tafel,
        )
        actiepunt.full_clean()
        actiepunt.save()
        bestaand.add(titel)
        nieuw.append(actiepunt)
    return nieuw


# --- Planning ----------------------------------------------------------------------


def _coordinatoren() -> list[str]:
    from django.contrib.auth import get_user_model

    if settings.COORDINATOR_EMAIL:
        return list(settings.COORDINATOR_EMAIL)
    gebruikers = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    return sorted(gebruikers.values_list("email", flat=True))


def planning_waarschuwing_versturen(*, vandaag=None, basis_url: str = "") -> bool:
    """Once a week (on Mondays) e-mail the coordinators when the next pactbijeenkomst
    should be planned and is not: the same warning /beheer/ shows."""
    vandaag = vandaag or timezone.localdate()
    if vandaag.weekday() != 0:
        return False
    stand = selectors.planningsstand(vandaag=vandaag)
    ontvangers = _coordinatoren()
    if not stand.te_laat or not ontvangers:
        return False
    link = f"{basis_url.rstrip('/')}/beheer/werkgroepen/bijeenkomst/add/"
    send_mail(
        subject="Plan de volgende pactbijeenkomst",
        message=f"{stand.melding}\n\nPlan de bijeenkomst in het portaal:\n{link}\n",
        from_email=None,
        recipient_list=ontvangers,
    )
    return True
