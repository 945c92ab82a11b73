"""The pact itself: pillars, working groups, ambassadors, action points,
meetings and sign-ups, applications to join, and the Lokale Sociale Agenda.

Data and constraints only; every write goes through werkgroepen.services."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from sociale_kaart.models import Pijler as PijlerSlug


class Pijler(models.Model):
    """One of the four pillars of the pact (seed 000). Slugs match sociale_kaart.models.Pijler."""

    slug = models.SlugField(max_length=20, unique=True, choices=PijlerSlug.choices)
    naam = models.CharField(max_length=100)
    ondertitel = models.CharField(max_length=200, blank=True)
    tekst = models.TextField(help_text="Wat de pijler wil bereiken. Eén alinea per regel.")
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = "pijler"
        verbose_name_plural = "pijlers"

    def __str__(self):
        return self.naam


class Werkgroep(models.Model):
    pijler = models.OneToOneField(Pijler, on_delete=models.PROTECT, related_name="werkgroep")
    naam = models.CharField(max_length=200)
    omschrijving = models.TextField(blank=True)
    leden = models.ManyToManyField(
        "sociale_kaart.Organisatie", blank=True, related_name="werkgroepen", verbose_name="leden (organisaties)"
    )

    class Meta:
        ordering = ["pijler__volgorde"]
        verbose_name = "werkgroep"
        verbose_name_plural = "werkgroepen"

    def __str__(self):
        return self.naam


class AmbassadeurRol(models.TextChoices):
    AMBASSADEUR = "ambassadeur", "Ambassadeur"
    VERVANGER = "vervanger", "Vervanger"


class Ambassadeurschap(models.Model):
    """A person of a member organisation who leads a werkgroep for a term."""

    werkgroep = models.ForeignKey(Werkgroep, on_delete=models.CASCADE, related_name="ambassadeurschappen")
    naam = models.CharField("naam van de persoon", max_length=200)
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.PROTECT, related_name="+")
    rol = models.CharField(max_length=20, choices=AmbassadeurRol.choices, default=AmbassadeurRol.AMBASSADEUR)
    termijn_start = models.DateField("termijn van")
    termijn_eind = models.DateField("termijn tot en met")

    class Meta:
        ordering = ["werkgroep", "rol", "-termijn_start"]
        verbose_name = "ambassadeur of vervanger"
        verbose_name_plural = "ambassadeurs en vervangers"
        constraints = [
            models.CheckConstraint(
                condition=Q(termijn_eind__gt=F("termijn_start")),
                name="ambassadeurschap_eind_na_start",
                violation_error_message="Het einde van de termijn moet na het begin liggen.",
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.get_rol_display()}, {self.werkgroep})"


class ActiepuntStatus(models.TextChoices):
    GEPLAND = "gepland", "Gepland"
    BEZIG = "bezig", "Bezig"
    AFGEROND = "afgerond", "Afgerond"
    GESTOPT = "gestopt", "Gestopt"


# Allowed status changes of an actiepunt; services enforce them.
ACTIEPUNT_TRANSITIONS: dict[str, set[str]] = {
    ActiepuntStatus.GEPLAND: {ActiepuntStatus.BEZIG, ActiepuntStatus.GESTOPT},
    ActiepuntStatus.BEZIG: {ActiepuntStatus.AFGEROND, ActiepuntStatus.GESTOPT},
    ActiepuntStatus.AFGEROND: set(),
    ActiepuntStatus.GESTOPT: {ActiepuntStatus.GEPLAND},
}


class Actiepunt(models.Model):
    pijler = models.ForeignKey(Pijler, on_delete=models.PROTECT, related_name="actiepunten")
    titel = models.CharField(max_length=300)
    omschrijving = models.TextField(blank=True)
    trekker = models.ForeignKey(
        "sociale_kaart.Organisatie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actiepunten",
        help_text="De organisatie die het actiepunt trekt.",
    )
    jaar = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=ActiepuntStatus.choices, default=ActiepuntStatus.GEPLAND)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["pijler__volgorde", "volgorde", "titel"]
        verbose_name = "actiepunt"
        verbose_name_plural = "actiepunten"

    def __str__(self):
        return self.titel


class Voortgang(models.Model):
    """A dated progress update on an actiepunt (monitoring en evaluatie)."""

    actiepunt = models.ForeignKey(Actiepunt, on_delete=models.CASCADE, related_name="voortgang")
    datum = models.DateField()
    tekst = models.TextField(max_length=2000)
    status_na = models.CharField("status na deze update", max_length=20, choices=ActiepuntStatus.choices, blank=True)
    organisatie = models.ForeignKey(
        "sociale_kaart.Organisatie", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-aangemaakt_op"]
        verbose_name = "voortgang"
        verbose_name_plural = "voortgang"

    def __str__(self):
        return f"{self.actiepunt} ({self.datum:%d-%m-%Y})"


class BijeenkomstSoort(models.TextChoices):
    PACTBIJEENKOMST = "pactbijeenkomst", "Pactbijeenkomst"
    WERKGROEP = "werkgroep", "Werkgroep"
    STUDIEBIJEENKOMST = "studiebijeenkomst", "Workshop of studiebijeenkomst"


class Bijeenkomst(models.Model):
    soort = models.CharField(max_length=20, choices=BijeenkomstSoort.choices, default=BijeenkomstSoort.PACTBIJEENKOMST)
    titel = models.CharField(max_length=200)
    omschrijving = models.TextField(blank=True)
    werkgroep = models.ForeignKey(
        Werkgroep, on_delete=models.SET_NULL, null=True, blank=True, related_name="bijeenkomsten"
    )
    start = models.DateTimeField()
    eind = models.DateTimeField()
    plaats = models.CharField("naam van de plek", max_length=200)
    adres = models.CharField(max_length=300, help_text="Straat, huisnummer en plaats.")
    gastorganisatie = models.ForeignKey(
        "sociale_kaart.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gehoste_bijeenkomsten",
        help_text="De partners organiseren de bijeenkomsten om de beurt.",
    )
    agenda = models.TextField(blank=True, help_text="Eén punt per regel.")
    verslag = models.TextField(blank=True, help_text="Na afloop: wat is besproken en afgesproken.")
    max_plaatsen = models.PositiveIntegerField(
        "maximaal aantal plaatsen", null=True, blank=True, help_text="Leeg: geen maximum."
    )
    openbaar = models.BooleanField(default=True, help_text="Zichtbaar op de website en in de agenda (.ics).")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start"]
        verbose_name = "bijeenkomst"
        verbose_name_plural = "bijeenkomsten"
        indexes = [models.Index(fields=["openbaar", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__gt=F("start")),
                name="bijeenkomst_eind_na_start",
                violation_error_message="De bijeenkomst moet eindigen na het begin. Kijk de eindtijd na.",
            ),
            models.CheckConstraint(
                condition=Q(max_plaatsen__isnull=True) | Q(max_plaatsen__gt=0),
                name="bijeenkomst_max_plaatsen_positief",
                violation_error_message="Het maximaal aantal plaatsen moet 1 of meer zijn, of leeg.",
            ),
        ]

    def __str__(self):
        return f"{self.titel} ({self.start:%d-%m-%Y})"


class AanmeldingStatus(models.TextChoices):
    AANGEMELD = "aangemeld", "Aangemeld"
    WACHTLIJST = "wachtlijst", "Op de wachtlijst"
    AFGEMELD = "afgemeld", "Afgemeld"


class Aanmelding(models.Model):
    """A partner user's sign-up for a meeting, on behalf of an organisation."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="aanmeldingen")
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="+")
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=AanmeldingStatus.choices, default=AanmeldingStatus.AANGEMELD)
    aangemeld_op = models.DateTimeField(help_text="Volgorde op de wachtlijst.")
    gewijzigd_op = models.DateTimeField(auto_now=True)
    herinnerd_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de herinnering aan de bijeenkomst is verstuurd."
    )

    class Meta:
        ordering = ["aangemeld_op", "pk"]
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "gebruiker"], name="een_aanmelding_per_persoon"),
        ]
        indexes = [models.Index(fields=["bijeenkomst", "status"])]

    def __str__(self):
        return f"{self.gebruiker} ({self.organisatie}) voor {self.bijeenkomst}"


class AansluitverzoekStatus(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


AANSLUITVERZOEK_TRANSITIONS: dict[str, set[str]] = {
    AansluitverzoekStatus.NIEUW: {AansluitverzoekStatus.GOEDGEKEURD, AansluitverzoekStatus.AFGEWEZEN},
    AansluitverzoekStatus.GOEDGEKEURD: set(),
    AansluitverzoekStatus.AFGEWEZEN: set(),
}


class Aansluitverzoek(models.Model):
    """'Aansluiten bij het pact': an organisation applies; the coordinator decides."""

    organisatie_naam = models.CharField("naam van de organisatie", max_length=200)
    contactpersoon = models.CharField(max_length=200)
    email = models.EmailField("e-mailadres")
    wat_doet_u = models.TextField("wat doet de organisatie", max_length=1000)
    bijdrage = models.TextField("wat wil de organisatie bijdragen", max_length=2000)
    status = models.CharField(max_length=20, choices=AansluitverzoekStatus.choices, default=AansluitverzoekStatus.NIEUW)
    # A keyed hash of the sender's address for the rate limit; never the address itself.
    afzender_hash = models.CharField(max_length=64, blank=True, editable=False)
    organisatie = models.ForeignKey(
        "sociale_kaart.Organisatie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="De organisatie die bij goedkeuring is gemaakt.",
    )
    behandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    behandeld_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = "aanvraag om aan te sluiten"
        verbose_name_plural = "aanvragen om aan te sluiten"
        indexes = [models.Index(fields=["afzender_hash", "aangemaakt_op"])]

    def __str__(self):
        return self.organisatie_naam


class AgendaRondeStatus(models.TextChoices):
    OPEN = "open", "Open"
    GESLOTEN = "gesloten", "Gesloten"


class AgendaRonde(models.Model):
    """The yearly round in which partners submit their Lokale Sociale Agenda."""

    jaar = models.PositiveSmallIntegerField(unique=True)
    status = models.CharField(max_length=20, choices=AgendaRondeStatus.choices, default=AgendaRondeStatus.GESLOTEN)
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["-jaar"]
        verbose_name = "agendaronde"
        verbose_name_plural = "agendarondes"

    def __str__(self):
        return f"Lokale Sociale Agenda {self.jaar}"


class AgendaBijdrage(models.Model):
    """One organisation's part of the Lokale Sociale Agenda of one year."""

    ronde = models.ForeignKey(AgendaRonde, on_delete=models.PROTECT, related_name="bijdragen")
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="+")
    missie = models.TextField(max_length=1500, help_text="De missie van de organisatie in één alinea.")
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingediend_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisatie__naam"]
        verbose_name = "agendabijdrage"
        verbose_name_plural = "agendabijdragen"
        constraints = [models.UniqueConstraint(fields=["ronde", "organisatie"], name="een_bijdrage_per_jaar")]

    def __str__(self):
        return f"{self.organisatie} ({self.ronde.jaar})"


class AgendaActiviteit(models.Model):
    bijdrage = models.ForeignKey(AgendaBijdrage, on_delete=models.CASCADE, related_name="activiteiten")
    pijler = models.ForeignKey(Pijler, on_delete=models.PROTECT, related_name="agenda_activiteiten")
    omschrijving = models.TextField(max_length=1000)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"

    def __str__(self):
        return self.omschrijving[:60]
