"""The top app's own records: revisions waiting for approval, the history of other
apps' models (see docs/adr/0007), and link checks."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from common.tijdstip import tijdstip


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
        LOCATIE = "locatie", "Locatie"

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
                condition=models.Q(soort__in=["organisatie", "locatie"]) | models.Q(aanbod__isnull=False),
                name="revisie_aanbod_nodig",
            )
        ]

    def __str__(self):
        onderwerp = self.aanbod.titel if self.aanbod_id else self.organisatie.naam
        return f"{self.get_soort_display()}: {onderwerp} ({self.get_status_display()})"


class VersieVelden(models.Model):
    """Extra columns of every history row (the `bases` of the history models).

    `history_user` is who wrote the version (the partner, for an approved
    revision); `goedgekeurd_door` is who approved it. `samenhang` holds the rows
    that belong to the entry at that moment (opening hours, locations, thema's
    and so on, see armoedepact/historie.py), so a restore brings them back too.
    """

    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="goedgekeurd door",
    )
    samenhang = models.JSONField("wat erbij hoort", default=dict, blank=True)

    class Meta:
        abstract = True


# The HistoricalRecords of every tracked model, by model class (armoedepact/historie.py
# uses them to write one version per save, after the related rows are saved too).
VERSIES: dict = {}


def _register_history() -> None:
    """Keep every version of organisations, aanbod, regelingen, norms and toeslag parameters (who and
    when), so nothing is ever lost."""
    import simple_history
    from simple_history.models import HistoricalRecords

    from regelingen.models import AowLeeftijd, Normbedrag, Regeling, Toeslagparameter, Vermogensgrens
    from sociale_kaart.models import Aanbod, Organisatie

    class Versies(HistoricalRecords):
        def finalize(self, sender, **kwargs):
            super().finalize(sender, **kwargs)
            VERSIES[sender] = self

    if not hasattr(Organisatie, "history"):
        simple_history.register(Organisatie, app="armoedepact", records_class=Versies, bases=[VersieVelden])
    if not hasattr(Regeling, "history"):
        simple_history.register(Regeling, app="armoedepact", records_class=Versies, bases=[VersieVelden])
    for norm in (Normbedrag, Vermogensgrens, AowLeeftijd, Toeslagparameter):
        if not hasattr(norm, "history"):
            simple_history.register(norm, app="armoedepact", records_class=Versies, bases=[VersieVelden])
    if not hasattr(Aanbod, "history"):
        simple_history.register(
            Aanbod,
            app="armoedepact",
            records_class=Versies,
            bases=[VersieVelden],
            excluded_fields=["zoekvector"],
            m2m_fields=[
                Aanbod._meta.get_field(name) for name in ("themas", "doelgroepen", "levensgebeurtenissen", "kernen")
            ],
        )

    from simple_history.signals import pre_create_historical_record

    from armoedepact.historie import samenhang_vastleggen

    pre_create_historical_record.connect(samenhang_vastleggen, dispatch_uid="armoedepact_samenhang")


_register_history()


class Herinnering(models.Model):
    """When a reminder or digest was last sent, so a cron job that runs twice sends nothing
    the second time ("at most once per period")."""

    class Soort(models.TextChoices):
        CONTROLE = "controle", "Gegevens controleren (11 maanden)"
        DAGOVERZICHT = "dagoverzicht", "Dagoverzicht voor de coördinator"
        VERIFICATIE = "verificatie", "Aanbod wordt verborgen als niemand het bevestigt"

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


class Sessie(AbstractBaseSession):
    """A log-in session of a partner or staff member, kept server-side (the
    browser holds only a random key), with the account it belongs to, so a
    password change and "Log uit op alle apparaten" can end all of them
    (armoedepact/sessies.py, docs/adr/0008). The check uses no session."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+", db_index=True
    )

    class Meta:
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    @classmethod
    def get_session_store_class(cls):
        from armoedepact.sessies import SessionStore

        return SessionStore


class AppLink(models.Model):
    """A one-time link with which a staff member sets up the authenticator app for
    the second log-in step. Sent by another staff member from /beheer/ (or printed
    by `manage.py app_link` for the very first account); only a hash of the token
    is kept. Without one, a password alone cannot enrol an app."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "link om de app in te stellen"
        verbose_name_plural = "links om de app in te stellen"

    def __str__(self):
        return f"App-link voor {self.user}"


class Taalstatus(models.Model):
    """Whether a person has checked the translation of the resident pages into one language.

    The coordinator keeps this in /beheer/ ("Talen"); the footer of a language that is
    not checked says so. A language without a row counts as not checked."""

    code = models.CharField("taal", max_length=10, unique=True, help_text="Bijvoorbeeld en, ar, tr, pl of uk.")
    nagekeken = models.BooleanField(
        default=False, help_text="Aan als een mens de vertaling heeft nagekeken. Dan verdwijnt de melding onderaan."
    )
    nagekeken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nagekeken_op = models.DateTimeField(null=True, blank=True)
    opmerking = models.TextField(blank=True, help_text="Bijvoorbeeld wie de vertaling nakeek, of wat nog ontbreekt.")

    class Meta:
        ordering = ["code"]
        verbose_name = "taal"
        verbose_name_plural = "talen"

    def __str__(self) -> str:
        return f"{settings.TAAL_NAMEN.get(self.code, self.code)} ({self.code})"


class DirectePublicatie(models.Model):
    """A change a trusted organisation published without review (a new aanbod, an edit
    of public aanbod or organisation data, an agenda contribution or a progress update
    on an actiepunt). It shows in "Net gepubliceerd" on /beheer/ until the coordinator
    marks it gezien or undoes it. `vorige_versie` is the history id of the version that
    was public before (none for a new aanbod); `vorige_status` and `vorige_percentage`
    are the actiepunt's before a progress update."""

    class Soort(models.TextChoices):
        ORGANISATIE = "organisatie", "Organisatie"
        AANBOD = "aanbod", "Aanbod"
        AGENDABIJDRAGE = "agendabijdrage", "Agendabijdrage"
        VOORTGANG = "voortgang", "Voortgang"

    soort = models.CharField(max_length=20, choices=Soort.choices)
    nieuw = models.BooleanField(default=False, help_text="Een nieuw aanbod: terugdraaien haalt het offline.")
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="+")
    aanbod = models.ForeignKey(
        "sociale_kaart.Aanbod", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    agendabijdrage = models.ForeignKey(
        "werkgroepen.AgendaBijdrage", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    voortgang = models.ForeignKey(
        "werkgroepen.Voortgang", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    vorige_versie = models.PositiveBigIntegerField(null=True, blank=True)
    vorige_status = models.CharField(max_length=20, blank=True)
    vorige_percentage = models.PositiveSmallIntegerField(null=True, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    gepubliceerd_op = models.DateTimeField(auto_now_add=True)
    gezien_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gezien_op = models.DateTimeField(null=True, blank=True)
    ongedaan_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ongedaan_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-gepubliceerd_op", "-pk"]
        verbose_name = "directe publicatie"
        verbose_name_plural = "directe publicaties"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort="organisatie")
                | models.Q(soort="aanbod", aanbod__isnull=False)
                | models.Q(soort="agendabijdrage", agendabijdrage__isnull=False)
                | models.Q(soort="voortgang", voortgang__isnull=False),
                name="directe_publicatie_onderwerp_nodig",
            )
        ]

    def __str__(self):
        if self.soort == self.Soort.AGENDABIJDRAGE:
            return f"Agendabijdrage {self.agendabijdrage.ronde.jaar} van {self.organisatie.naam}"
        if self.soort == self.Soort.VOORTGANG:
            return f"Voortgang: {self.voortgang.actiepunt.titel}"
        onderwerp = self.aanbod.titel if self.aanbod_id else self.organisatie.naam
        return f"{'Nieuw: ' if self.nieuw else ''}{onderwerp}"

    @property
    def wacht_na_terugdraaien(self) -> bool:
        """Undoing it sets it back to waiting for review (agenda and progress), not to an older version."""
        return self.soort in (self.Soort.AGENDABIJDRAGE, self.Soort.VOORTGANG)


class CorrectieWat(models.TextChoices):
    """What a visitor says is wrong on a public page ("Klopt er iets niet?")."""

    CONTACT = "contact", _("Het telefoonnummer, e-mailadres of de website")
    ADRES = "adres", _("Het adres")
    TIJDEN = "tijden", _("De openingstijden")
    TEKST = "tekst", _("Wat er staat over de hulp, de kosten of de regels")
    BESTAAT_NIET = "bestaat_niet", _("Dit bestaat niet meer")
    ANDERS = "anders", _("Iets anders")


class Correctie(models.Model):
    """A visitor's suggestion that something on a public aanbod, organisatie or regeling
    page is wrong. No personal data is asked; only the day is kept, not the time.
    It reaches the organisation (its dashboard) and the coordinator (/beheer/); both
    can mark it done. Deleted 12 months after it was done (`manage.py verwijder_correcties`,
    armoedepact/correcties/services.py), so the monthly counts of the last year stay whole."""

    class Onderwerp(models.TextChoices):
        AANBOD = "aanbod", "Aanbod"
        ORGANISATIE = "organisatie", "Organisatie"
        REGELING = "regeling", "Regeling"

    onderwerp = models.CharField(max_length=20, choices=Onderwerp.choices)
    naam = models.CharField("over", max_length=200, help_text="De titel van de pagina toen de melding binnenkwam.")
    organisatie = models.ForeignKey(
        "sociale_kaart.Organisatie",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="correcties",
        help_text="De organisatie die de melding ziet. Leeg bij een regeling zonder uitvoerder.",
    )
    aanbod = models.ForeignKey(
        "sociale_kaart.Aanbod", on_delete=models.CASCADE, null=True, blank=True, related_name="correcties"
    )
    regeling = models.ForeignKey(
        "regelingen.Regeling", on_delete=models.CASCADE, null=True, blank=True, related_name="correcties"
    )
    wat = models.CharField("wat klopt er niet", max_length=20, choices=CorrectieWat.choices)
    toelichting = models.TextField(max_length=1000)
    ingediend_op = models.DateField(default=timezone.localdate, db_index=True)
    afgehandeld_op = models.DateField(null=True, blank=True, db_index=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = [models.F("afgehandeld_op").desc(nulls_first=True), "-ingediend_op", "-pk"]  # open ones first
        verbose_name = "melding: klopt er iets niet?"
        verbose_name_plural = "meldingen: klopt er iets niet?"

    def __str__(self):
        return f"{self.naam}: {self.get_wat_display()}"

    @property
    def open(self) -> bool:
        return self.afgehandeld_op is None


# --- Dutch names in /beheer/ for the models of django-otp and django-axes -------------
# Their own models carry English names (django-otp's are not even translatable), and
# changing those would need migrations in the packages. These proxies (no table of
# their own) give /beheer/ Dutch names; armoedepact/regie/admin.py registers them in
# place of the originals.


class InlogApp(TOTPDevice):
    """A staff member's authenticator app (django-otp's TOTP device)."""

    class Meta:
        proxy = True
        verbose_name = "authenticator-app"
        verbose_name_plural = "authenticator-apps"

    def __str__(self):
        return f"{self.name} van {self.user}"


class Inlogpoging(AccessAttempt):
    """django-axes: failed log-ins that still count towards a lock."""

    class Meta:
        proxy = True
        verbose_name = "inlogpoging die meetelt"
        verbose_name_plural = "inlogpogingen die meetellen"

    def __str__(self):
        return f"Foute inlogpoging(en) voor {self.username} op {tijdstip(self.attempt_time)}"


class MisluktePoging(AccessFailureLog):
    """django-axes: every failed log-in, kept as a log."""

    class Meta:
        proxy = True
        verbose_name = "mislukte inlogpoging"
        verbose_name_plural = "mislukte inlogpogingen"

    def __str__(self):
        blokkade = " (geblokkeerd)" if self.locked_out else ""
        return f"Mislukt: {self.username}{blokkade} op {tijdstip(self.attempt_time)}"


class Inlogregistratie(AccessLog):
    """django-axes: every successful log-in and its log-out."""

    class Meta:
        proxy = True
        verbose_name = "inlogregistratie"
        verbose_name_plural = "inlogregistraties"

    def __str__(self):
        return f"Ingelogd: {self.username} op {tijdstip(self.attempt_time)}"
