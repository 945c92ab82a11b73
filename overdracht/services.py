"""Writes for the warm handover: a request is made, opened, accepted or
refused (with a reason), closed, reminded about and finally deleted."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from common.berichten import bericht_sturen
from common.feestdagen import werkdagen_tussen
from common.overgangen import overgang_controleren
from overdracht.models import VERZOEK_OVERGANGEN, Bron, Inzage, Verzoek, VerzoekStatus, VerzoekTelling
from sociale_kaart.models import Organisatie, Status

WAAROM_VERZOEK = "Uw organisatie ontvangt verzoeken van inwoners en partners via het portaal van het Armoedepact."
WIJZIGEN_VERZOEK = (
    "Wilt u geen verzoeken meer, of moet de e-mail naar een ander adres? Pas dat aan in het partnerportaal, "
    "bij Verzoeken > Instellingen."
)


def ontvangers_van(organisatie: Organisatie) -> list[str]:
    """Who gets the e-mail of a new request: the chosen address, else every member with an e-mail."""
    if organisatie.verzoeken_email:
        return [organisatie.verzoeken_email]
    return sorted(
        {lid.gebruiker.email for lid in organisatie.lidmaatschappen.select_related("gebruiker") if lid.gebruiker.email}
    )


def _link(basis_url: str, verzoek: Verzoek) -> str:
    return basis_url.rstrip("/") + reverse("partner:verzoek", kwargs={"uuid": verzoek.uuid})


@transaction.atomic
def verzoek_indienen(
    *,
    ontvanger: Organisatie,
    gegevens: dict,
    basis_url: str,
    aanbod=None,
    afzender=None,
    afzender_organisatie: Organisatie | None = None,
    uitslag: str = "",
    onderwerp: str = "",
) -> Verzoek:
    """Store a request (personal fields encrypted), count it, e-mail the receiving organisation.
    gegevens: naam, telefoon, email, beste_tijd, vraag (cleaned form data)."""
    if not ontvanger.ontvangt_verzoeken or ontvanger.status != Status.GEPUBLICEERD:
        raise ValidationError(gettext("Deze organisatie neemt nu geen verzoeken aan. Bel de organisatie zelf."))
    if afzender_organisatie is not None and afzender_organisatie.pk == ontvanger.pk:
        raise ValidationError("U kunt niet naar uw eigen organisatie doorverwijzen. Kies een andere organisatie.")
    verzoek = Verzoek(
        ontvanger=ontvanger,
        aanbod=aanbod,
        onderwerp=onderwerp,
        bron=Bron.PROFESSIONAL if afzender_organisatie is not None else Bron.INWONER,
        afzender=afzender,
        afzender_organisatie=afzender_organisatie,
        naam=gegevens["naam"],
        telefoon=gegevens.get("telefoon", ""),
        email=gegevens.get("email", ""),
        beste_tijd=gegevens.get("beste_tijd") or "maakt_niet_uit",
        vraag=gegevens.get("vraag", ""),
        uitslag=uitslag,
    )
    verzoek.full_clean()
    verzoek.save()
    maand = timezone.localdate().replace(day=1)
    telling, _ = VerzoekTelling.objects.get_or_create(organisatie=ontvanger, maand=maand)
    VerzoekTelling.objects.filter(pk=telling.pk).update(aantal=F("aantal") + 1)
    # The partner reads Dutch, also when the resident asked in another language.
    with translation.override(settings.LANGUAGE_CODE):
        _nieuw_verzoek_mailen(verzoek, basis_url=basis_url)
    return verzoek


def _nieuw_verzoek_mailen(verzoek: Verzoek, *, basis_url: str) -> None:
    ontvanger = verzoek.ontvanger
    bericht_sturen(
        aan=ontvangers_van(ontvanger),
        onderwerp=f"Nieuw verzoek voor {ontvanger.naam} (Armoedepact)",
        sjabloon="verzoek_nieuw",
        context={
            "organisatie": ontvanger,
            "verzoek": verzoek,
            "link": _link(basis_url, verzoek),
            "waarom": WAAROM_VERZOEK,
            "wijzigen": WIJZIGEN_VERZOEK,
        },
    )


def _naar(verzoek: Verzoek, naar: str) -> None:
    overgang_controleren(
        overgangen=VERZOEK_OVERGANGEN,
        van=verzoek.status,
        naar=naar,
        melding=lambda: (
            f"Dit verzoek is {verzoek.get_status_display().lower()}. "
            f"Het kan niet meer {VerzoekStatus(naar).label.lower()} worden."
        ),
    )


@transaction.atomic
def verzoek_inzien(*, verzoek: Verzoek, door) -> Verzoek:
    """Log the read (who, when); the first read by the receiver moves Nieuw to Geopend."""
    Inzage.objects.create(verzoek_uuid=verzoek.uuid, gebruiker=door, organisatie=verzoek.ontvanger)
    if verzoek.status == VerzoekStatus.NIEUW:
        _naar(verzoek, VerzoekStatus.GEOPEND)
        verzoek.status = VerzoekStatus.GEOPEND
        verzoek.geopend_op = timezone.now()
        verzoek.save(update_fields=["status", "geopend_op"])
    return verzoek


@transaction.atomic
def verzoek_besluiten(*, verzoek: Verzoek, naar: str, door, reden: str = "") -> Verzoek:
    verzoek = Verzoek.objects.select_for_update().get(pk=verzoek.pk)
    _naar(verzoek, naar)
    reden = (reden or "").strip()
    if naar == VerzoekStatus.AFGEWEZEN and not reden:
        raise ValidationError("Schrijf op waarom u het verzoek afwijst. De afzender ziet dat niet, u wel.")
    verzoek.status = naar
    nu = timezone.now()
    if naar == VerzoekStatus.AFGEROND:
        verzoek.afgerond_op = nu
    else:
        verzoek.besloten_op = nu
        verzoek.reden_afwijzing = reden if naar == VerzoekStatus.AFGEWEZEN else ""
    verzoek.save()
    return verzoek


# --- Reminders and retention (cron) -------------------------------------------------


def herinneringen_versturen(*, basis_url: str, nu: datetime.datetime | None = None) -> int:
    """One reminder per request still Nieuw after N working days; never a second one."""
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    grens = settings.OVERDRACHT_HERINNEREN_WERKDAGEN
    verstuurd = 0
    kandidaten = Verzoek.objects.select_related("ontvanger").filter(
        status=VerzoekStatus.NIEUW, herinnerd_op__isnull=True
    )
    for verzoek in kandidaten:
        if werkdagen_tussen(timezone.localdate(verzoek.aangemaakt_op), vandaag) < grens:
            continue
        with transaction.atomic():
            geclaimd = Verzoek.objects.filter(pk=verzoek.pk, herinnerd_op__isnull=True).update(herinnerd_op=nu)
            if not geclaimd:
                continue
            if bericht_sturen(
                aan=ontvangers_van(verzoek.ontvanger),
                onderwerp=f"Herinnering: er wacht een verzoek voor {verzoek.ontvanger.naam}",
                sjabloon="verzoek_herinnering",
                context={
                    "organisatie": verzoek.ontvanger,
                    "verzoek": verzoek,
                    "link": _link(basis_url, verzoek),
                    "waarom": WAAROM_VERZOEK + f" Niemand opende dit verzoek binnen {grens} werkdagen.",
                    "wijzigen": WIJZIGEN_VERZOEK,
                },
            ):
                verstuurd += 1
    return verstuurd


def niet_op_tijd_geopend(*, nu: datetime.datetime | None = None) -> int:
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    return sum(
        1
        for aangemaakt in Verzoek.objects.filter(status=VerzoekStatus.NIEUW).values_list("aangemaakt_op", flat=True)
        if werkdagen_tussen(timezone.localdate(aangemaakt), vandaag) >= settings.OVERDRACHT_HERINNEREN_WERKDAGEN
    )


@transaction.atomic
def verzoeken_sluiten(*, nu: datetime.datetime | None = None) -> int:
    """Close (Afgerond) requests in Geopend or Geaccepteerd that did not change for
    OVERDRACHT_STIL_DAGEN: the partner forgot to close them. From then on the normal
    retention runs. Returns how many were closed."""
    nu = nu or timezone.now()
    grens = nu - datetime.timedelta(days=settings.OVERDRACHT_STIL_DAGEN)
    return (
        Verzoek.objects.annotate(laatste=Coalesce("besloten_op", "geopend_op", "aangemaakt_op"))
        .filter(status__in=[VerzoekStatus.GEOPEND, VerzoekStatus.GEACCEPTEERD], laatste__lt=grens)
        .update(status=VerzoekStatus.AFGEROND, afgerond_op=nu)
    )


@transaction.atomic
def verzoeken_opruimen(*, nu: datetime.datetime | None = None) -> int:
    """The retention policy, run daily by `manage.py verwijder_verzoeken`:

    - a closed request is deleted OVERDRACHT_BEWAREN_DAGEN after it was closed;
      Afgerond closes it, and so does Afgewezen (nothing more happens to it);
    - Geopend or Geaccepteerd without a change for OVERDRACHT_STIL_DAGEN is closed
      automatically (verzoeken_sluiten), then deleted after the same retention;
    - a request nobody ever opened is deleted after OVERDRACHT_ONGEOPEND_DAGEN.

    Returns how many were deleted."""
    nu = nu or timezone.now()
    verzoeken_sluiten(nu=nu)
    gesloten_grens = nu - datetime.timedelta(days=settings.OVERDRACHT_BEWAREN_DAGEN)
    ongeopend_grens = nu - datetime.timedelta(days=settings.OVERDRACHT_ONGEOPEND_DAGEN)
    weg, _ = Verzoek.objects.filter(
        Q(status=VerzoekStatus.AFGEROND, afgerond_op__lt=gesloten_grens)
        | Q(status=VerzoekStatus.AFGEWEZEN, besloten_op__lt=gesloten_grens)
        | Q(status=VerzoekStatus.NIEUW, aangemaakt_op__lt=ongeopend_grens)
    ).delete()
    return weg


def instellingen_opslaan(*, organisatie: Organisatie, ontvangt_verzoeken: bool, verzoeken_email: str) -> Organisatie:
    """Whether an organisation receives requests, and who gets the e-mail (a setting, not public
    content: it takes effect at once, no revision)."""
    organisatie.ontvangt_verzoeken = ontvangt_verzoeken
    organisatie.verzoeken_email = verzoeken_email
    organisatie.full_clean()
    organisatie.save(update_fields=["ontvangt_verzoeken", "verzoeken_email", "gewijzigd_op"])
    return organisatie
