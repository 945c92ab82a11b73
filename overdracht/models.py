"""Warm handover: a resident or a partner asks an organisation to get in touch.

The personal fields are encrypted at rest (common.versleuteling); a request is
deleted after it is closed and the retention period passed
(`manage.py verwijder_verzoeken`). Every read of a request by a partner is
logged (Inzage). The coordinator sees counts only (VerzoekTelling)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.versleuteling import VersleuteldeTekst


class VerzoekStatus(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    GEOPEND = "geopend", "Geopend"
    GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    AFGEROND = "afgerond", "Afgerond"


# Nieuw -> Geopend -> Geaccepteerd or Afgewezen (with a reason) -> Afgerond.
VERZOEK_OVERGANGEN = {
    VerzoekStatus.NIEUW: {VerzoekStatus.GEOPEND},
    VerzoekStatus.GEOPEND: {VerzoekStatus.GEACCEPTEERD, VerzoekStatus.AFGEWEZEN},
    VerzoekStatus.GEACCEPTEERD: {VerzoekStatus.AFGEROND},
    VerzoekStatus.AFGEWEZEN: {VerzoekStatus.AFGEROND},
}
# Closed: the retention period runs from afgerond_op (Afgerond) or besloten_op (Afgewezen).
GESLOTEN = {VerzoekStatus.AFGEROND, VerzoekStatus.AFGEWEZEN}


class Bron(models.TextChoices):
    INWONER = "inwoner", "Inwoner"
    PROFESSIONAL = "professional", "Doorverwijzing door een partner"


class BesteTijd(models.TextChoices):
    # The resident chooses these (translated); the partner reads them in Dutch.
    MAAKT_NIET_UIT = "maakt_niet_uit", _("Het maakt mij niet uit")
    OCHTEND = "ochtend", _("In de ochtend (9 tot 12 uur)")
    MIDDAG = "middag", _("In de middag (12 tot 17 uur)")
    AVOND = "avond", _("In de avond (17 tot 20 uur)")


class Verzoek(models.Model):
    """A request to contact a resident. Looked up by uuid, never by a personal field."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ontvanger = models.ForeignKey(
        "sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="ontvangen_verzoeken"
    )
    aanbod = models.ForeignKey(
        "sociale_kaart.Aanbod", on_delete=models.SET_NULL, null=True, blank=True, related_name="verzoeken"
    )
    # What the resident asked about when it is not an aanbod: the name of a regeling.
    onderwerp = models.CharField(max_length=200, blank=True)
    bron = models.CharField(max_length=20, choices=Bron.choices, default=Bron.INWONER)
    afzender_organisatie = models.ForeignKey(
        "sociale_kaart.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="verstuurde_verzoeken",
    )
    afzender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Personal details: encrypted.
    naam = VersleuteldeTekst()
    telefoon = VersleuteldeTekst(blank=True)
    email = VersleuteldeTekst("e-mail", blank=True)
    vraag = VersleuteldeTekst(blank=True)
    uitslag = VersleuteldeTekst("uitslag van de check", blank=True)
    reden_afwijzing = VersleuteldeTekst("reden van afwijzing", blank=True)
    beste_tijd = models.CharField(max_length=20, choices=BesteTijd.choices, default=BesteTijd.MAAKT_NIET_UIT)
    status = models.CharField(max_length=20, choices=VerzoekStatus.choices, default=VerzoekStatus.NIEUW)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    geopend_op = models.DateTimeField(null=True, blank=True)
    besloten_op = models.DateTimeField(null=True, blank=True)
    afgerond_op = models.DateTimeField(null=True, blank=True)
    herinnerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        indexes = [models.Index(fields=["status", "aangemaakt_op"])]

    def __str__(self):
        return f"Verzoek aan {self.ontvanger_id} ({self.get_status_display()})"


class Inzage(models.Model):
    """Who read a request, and when. Kept after the request is deleted (the uuid stays)."""

    verzoek_uuid = models.UUIDField(db_index=True)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-op"]
        verbose_name = "inzage"
        verbose_name_plural = "inzages"

    def __str__(self):
        return f"{self.gebruiker_id} las {self.verzoek_uuid} op {self.op:%Y-%m-%d %H:%M}"


class VerzoekTelling(models.Model):
    """Requests per receiving organisation per month: the only thing the coordinator sees."""

    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="+")
    maand = models.DateField(help_text="De eerste dag van de maand.")
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-maand", "organisatie"]
        verbose_name = "verzoektelling"
        verbose_name_plural = "verzoektellingen"
        constraints = [models.UniqueConstraint(fields=["organisatie", "maand"], name="een_verzoektelling_per_maand")]

    def __str__(self):
        return f"{self.organisatie_id} {self.maand:%Y-%m}: {self.aantal}"
