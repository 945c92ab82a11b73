"""The top app's own records: revisions waiting for approval, the history of other
apps' models (see docs/adr/0007), and link checks."""

from django.conf import settings
from django.db import models


class RevisieStatus(models.TextChoices):
    WACHT = "wacht", "Wacht op goedkeuring"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    INGETROKKEN = "ingetrokken", "Vervangen door een nieuwere wijziging"


REVISIE_OVERGANGEN = {
    RevisieStatus.WACHT: {RevisieStatus.GOEDGEKEURD, RevisieStatus.AFGEWEZEN, RevisieStatus.INGETROKKEN},
    RevisieStatus.GOEDGEKEURD: set(),
    RevisieStatus.AFGEWEZEN: set(),
    RevisieStatus.INGETROKKEN: set(),
}


class Revisie(models.Model):
    """A partner's proposed change to published content (or a new entry), waiting for the coordinator.

    The public site keeps showing the approved version until the coordinator
    approves. `data` holds the proposed values as the edit form cleaned them
    (JSON-safe), so approving replays them through the same form.
    """

    class Soort(models.TextChoices):
        ORGANISATIE = "organisatie", "Organisatie"
        AANBOD = "aanbod", "Aanbod"

    soort = models.CharField(max_length=20, choices=Soort.choices)
    nieuw = models.BooleanField(default=False, help_text="Een nieuw aanbod dat nog niet openbaar is.")
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="revisies")
    aanbod = models.ForeignKey(
        "sociale_kaart.Aanbod", on_delete=models.CASCADE, null=True, blank=True, related_name="revisies"
    )
    data = models.JSONField()
    status = models.CharField(max_length=20, choices=RevisieStatus.choices, default=RevisieStatus.WACHT)
    reden = models.TextField("reden van afwijzen", blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="ingediende_revisies"
    )
    ingediend_op = models.DateTimeField(auto_now_add=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    beoordeeld_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-ingediend_op"]
        verbose_name = "wijziging ter goedkeuring"
        verbose_name_plural = "wijzigingen ter goedkeuring"
        indexes = [models.Index(fields=["status", "soort"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort="organisatie") | models.Q(aanbod__isnull=False), name="revisie_aanbod_nodig"
            )
        ]

    def __str__(self):
        onderwerp = self.aanbod.titel if self.aanbod_id else self.organisatie.naam
        return f"{self.get_soort_display()}: {onderwerp} ({self.get_status_display()})"


def _register_history() -> None:
    """Keep every version of organisations, aanbod and regelingen (who and when), so nothing is ever lost."""
    import simple_history

    from regelingen.models import Regeling
    from sociale_kaart.models import Aanbod, Organisatie

    if not hasattr(Organisatie, "history"):
        simple_history.register(Organisatie, app="armoedepact")
    if not hasattr(Regeling, "history"):
        simple_history.register(Regeling, app="armoedepact")
    if not hasattr(Aanbod, "history"):
        simple_history.register(
            Aanbod,
            app="armoedepact",
            excluded_fields=["zoekvector"],
            m2m_fields=[
                Aanbod._meta.get_field(name) for name in ("themas", "doelgroepen", "levensgebeurtenissen", "kernen")
            ],
        )


_register_history()


class Herinnering(models.Model):
    """When a reminder or digest was last sent, so a cron job that runs twice sends nothing
    the second time ("at most once per period")."""

    class Soort(models.TextChoices):
        CONTROLE = "controle", "Gegevens controleren (11 maanden)"
        DAGOVERZICHT = "dagoverzicht", "Dagoverzicht voor de coördinator"

    soort = models.CharField(max_length=20, choices=Soort.choices)
    organisatie = models.ForeignKey(
        "sociale_kaart.Organisatie", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    verstuurd_op = models.DateTimeField()

    class Meta:
        ordering = ["-verstuurd_op"]
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        indexes = [models.Index(fields=["soort", "organisatie", "verstuurd_op"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.verstuurd_op:%Y-%m-%d}"


class Linkcontrole(models.Model):
    """One run of `manage.py controleer_links`: when, and how many links it checked."""

    uitgevoerd_op = models.DateTimeField(auto_now_add=True)
    aantal_links = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-uitgevoerd_op"]
        verbose_name = "linkcontrole"
        verbose_name_plural = "linkcontroles"

    def __str__(self):
        return f"Linkcontrole van {self.uitgevoerd_op:%d-%m-%Y %H:%M}"


class KapotteLink(models.Model):
    """A link of a regeling, aanbod or organisatie that did not answer well in a link check."""

    class Soort(models.TextChoices):
        REGELING = "regeling", "Regeling"
        AANBOD = "aanbod", "Aanbod"
        ORGANISATIE = "organisatie", "Organisatie"

    controle = models.ForeignKey(Linkcontrole, on_delete=models.CASCADE, related_name="kapotte_links")
    soort = models.CharField(max_length=20, choices=Soort.choices)
    object_id = models.PositiveBigIntegerField()
    naam = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    melding = models.CharField(max_length=300)

    class Meta:
        ordering = ["soort", "naam"]
        verbose_name = "kapotte link"
        verbose_name_plural = "kapotte links"

    def __str__(self):
        return f"{self.naam}: {self.url}"
