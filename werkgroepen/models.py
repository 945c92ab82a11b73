"""The pact itself: pillars, working groups, ambassadors, action points,
meetings and sign-ups, applications to join, and the Lokale Sociale Agenda.

Data and constraints only; every write goes through werkgroepen.services."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from common.vertalingen import vertalingen_veld
from sociale_kaart.models import Pijler


class Pact(models.Model):
    """The settings of the pact itself: one row, edited by the coordinator.

    One portal serves any pact's shape (seed 000: four pijlers, meetings twice
    a year; seed 004: nine paden, one meeting a year): the name of the level
    and the rhythm are data, not code."""

    naam = models.CharField("naam van het pact", max_length=200, default="Armoedepact")
    niveau_enkelvoud = models.CharField(
        "naam van een onderdeel", max_length=40, default="pijler", help_text="Bijvoorbeeld: pijler, pad, thema."
    )
    niveau_meervoud = models.CharField(
        "naam van de onderdelen", max_length=40, default="pijlers", help_text="Bijvoorbeeld: pijlers, paden, thema's."
    )
    bijeenkomsten_per_jaar = models.PositiveSmallIntegerField(
        "pactbijeenkomsten per jaar", default=2, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    plannen_weken_vooraf = models.PositiveSmallIntegerField(
        "plannen, weken vooraf",
        default=8,
        validators=[MaxValueValidator(52)],
        help_text="Zo lang vóór de volgende bijeenkomst moet die gepland zijn. Anders waarschuwt /beheer/.",
    )
    reactietermijn_dagen = models.PositiveSmallIntegerField(
        "dagen om te reageren op een verslag",
        default=14,
        validators=[MaxValueValidator(90)],
        help_text="Zo lang kunnen de aanwezigen reageren op het conceptverslag.",
    )
    gastorganisaties = models.ManyToManyField(
        "sociale_kaart.Organisatie",
        blank=True,
        related_name="+",
        verbose_name="organisaties die een bijeenkomst willen ontvangen",
        help_text="Het portaal stelt steeds de organisatie voor die het langst geleden gastheer was.",
    )
    vertalingen = vertalingen_veld("niveau_enkelvoud", "niveau_meervoud")

    class Meta:
        verbose_name = "instellingen van het pact"
        verbose_name_plural = "instellingen van het pact"
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="pact_een_rij")]

    def __str__(self):
        return self.naam


class GroepSoort(models.TextChoices):
    WERKGROEP = "werkgroep", "Werkgroep"
    KLANKBORDGROEP = "klankbordgroep", "Klankbordgroep"
    STUURGROEP = "stuurgroep", "Stuurgroep"


class Werkgroep(models.Model):
    """A group of the pact (werkgroep, klankbordgroep...): of one pillar, or of the whole pact."""

    soort = models.CharField(max_length=20, choices=GroepSoort.choices, default=GroepSoort.WERKGROEP)
    pijler = models.ForeignKey(
        Pijler,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groepen",
        help_text="Leeg: de groep hoort bij het hele pact.",
    )
    naam = models.CharField(max_length=200)
    omschrijving = models.TextField(blank=True)
    leden = models.ManyToManyField(
        "sociale_kaart.Organisatie", blank=True, related_name="werkgroepen", verbose_name="leden (organisaties)"
    )
    vertalingen = vertalingen_veld("naam", "omschrijving")

    class Meta:
        ordering = ["pijler__volgorde", "soort", "naam"]
        verbose_name = "groep"
        verbose_name_plural = "groepen (werkgroepen, klankbordgroepen)"

    def __str__(self):
        return self.naam


class AmbassadeurRol(models.TextChoices):
    AMBASSADEUR = "ambassadeur", "Ambassadeur"
    VERVANGER = "vervanger", "Vervanger"
    VOORZITTER = "voorzitter", "Voorzitter"
    SECRETARIS = "secretaris", "Secretaris"
    LID = "lid", "Lid"


class Ambassadeurschap(models.Model):
    """A named member of a group, from an organisation, with a role and a term."""

    werkgroep = models.ForeignKey(Werkgroep, on_delete=models.CASCADE, related_name="ambassadeurschappen")
    naam = models.CharField("naam van de persoon", max_length=200)
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.PROTECT, related_name="+")
    rol = models.CharField(max_length=20, choices=AmbassadeurRol.choices, default=AmbassadeurRol.AMBASSADEUR)
    termijn_start = models.DateField("termijn van")
    termijn_eind = models.DateField("termijn tot en met")

    class Meta:
        ordering = ["werkgroep", "rol", "-termijn_start"]
        verbose_name = "lid van een groep"
        verbose_name_plural = "leden van groepen (met rol en termijn)"
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


class Doel(models.Model):
    """A goal of a pillar; its action points roll their progress up to it."""

    pijler = models.ForeignKey(Pijler, on_delete=models.PROTECT, related_name="doelen")
    titel = models.CharField(max_length=300)
    omschrijving = models.TextField(blank=True)
    gewicht = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(100)], help_text="Hoe zwaar het doel meetelt."
    )
    volgorde = models.PositiveSmallIntegerField(default=0)
    vertalingen = vertalingen_veld("titel", "omschrijving")

    class Meta:
        ordering = ["pijler__volgorde", "volgorde", "titel"]
        verbose_name = "doel"
        verbose_name_plural = "doelen"

    def __str__(self):
        return self.titel


class Actiepunt(models.Model):
    """Wat (titel), Wie (organisaties, a trekker), Wanneer (a period), with a status and progress."""

    pijler = models.ForeignKey(Pijler, on_delete=models.PROTECT, related_name="actiepunten")
    doel = models.ForeignKey(
        Doel, on_delete=models.SET_NULL, null=True, blank=True, related_name="actiepunten", help_text="Bij welk doel."
    )
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
    organisaties = models.ManyToManyField(
        "sociale_kaart.Organisatie",
        blank=True,
        related_name="actiepunten_samen",
        verbose_name="wie (organisaties)",
        help_text="De organisaties die meedoen. Zij kunnen de voortgang bijhouden.",
    )
    jaar = models.PositiveSmallIntegerField()
    periode_van = models.DateField("wanneer: van", null=True, blank=True)
    periode_tot = models.DateField("wanneer: tot en met", null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActiepuntStatus.choices, default=ActiepuntStatus.GEPLAND)
    percentage = models.PositiveSmallIntegerField(
        "voortgang in procent", default=0, validators=[MaxValueValidator(100)], editable=False
    )
    gewicht = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(100)], help_text="Hoe zwaar het meetelt."
    )
    thematafel = models.ForeignKey(
        "Thematafel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        help_text="De thematafel waar dit actiepunt vandaan komt.",
    )
    volgorde = models.PositiveSmallIntegerField(default=0)
    vertalingen = vertalingen_veld("titel", "omschrijving")

    class Meta:
        ordering = ["pijler__volgorde", "volgorde", "titel"]
        verbose_name = "actiepunt"
        verbose_name_plural = "actiepunten"
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_tot__isnull=True)
                | Q(periode_van__isnull=True)
                | Q(periode_tot__gte=F("periode_van")),
                name="actiepunt_periode_oplopend",
                violation_error_message="Het einde van de periode moet na het begin liggen.",
            )
        ]

    def __str__(self):
        return self.titel


class Beoordeling(models.TextChoices):
    """Whether the coordinator checked a partner's agenda contribution or progress update.
    Only goedgekeurd ones are public; trusted organisations' go live at once."""

    WACHT = "wacht", "Wacht op controle"
    GOEDGEKEURD = "goedgekeurd", "Goedgekeurd"
    AFGEWEZEN = "afgewezen", "Afgewezen"


# Goedgekeurd -> wacht: the coordinator undid a trusted organisation's direct publication
# ("Net gepubliceerd"); it then waits in the normal review.
BEOORDELING_OVERGANGEN = {
    Beoordeling.WACHT: {Beoordeling.GOEDGEKEURD, Beoordeling.AFGEWEZEN},
    Beoordeling.GOEDGEKEURD: {Beoordeling.AFGEWEZEN, Beoordeling.WACHT},
    Beoordeling.AFGEWEZEN: {Beoordeling.GOEDGEKEURD},
}


class Voortgang(models.Model):
    """A dated progress update on an actiepunt (monitoring en evaluatie)."""

    actiepunt = models.ForeignKey(Actiepunt, on_delete=models.CASCADE, related_name="voortgang")
    datum = models.DateField()
    tekst = models.TextField(max_length=2000)
    status_na = models.CharField("status na deze update", max_length=20, choices=ActiepuntStatus.choices, blank=True)
    percentage = models.PositiveSmallIntegerField(
        "voortgang in procent", null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    organisatie = models.ForeignKey(
        "sociale_kaart.Organisatie", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    beoordeling = models.CharField(max_length=20, choices=Beoordeling.choices, default=Beoordeling.GOEDGEKEURD)

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
    WERKCONFERENTIE = "werkconferentie", "Werkconferentie (met thematafels)"


class GastStatus(models.TextChoices):
    GEEN = "", "Nog niet gevraagd"
    GEVRAAGD = "gevraagd", "Gevraagd"
    BEVESTIGD = "bevestigd", "Bevestigd"
    AFGEWEZEN = "afgewezen", "Kan niet"


class VerslagStatus(models.TextChoices):
    GEEN = "", "Nog niet gesloten"
    REACTIES = "reacties", "Concept: aanwezigen kunnen reageren"
    DEFINITIEF = "definitief", "Definitief"


VERSLAG_TRANSITIONS: dict[str, set[str]] = {
    VerslagStatus.GEEN: {VerslagStatus.REACTIES, VerslagStatus.DEFINITIEF},
    VerslagStatus.REACTIES: {VerslagStatus.DEFINITIEF},
    VerslagStatus.DEFINITIEF: set(),
}


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
    gast_status = models.CharField(
        "antwoord van de gastheer", max_length=20, choices=GastStatus.choices, blank=True, default=GastStatus.GEEN
    )
    verslag = models.TextField(blank=True, help_text="Na afloop: wat is besproken en afgesproken.")
    verslag_status = models.CharField(max_length=20, choices=VerslagStatus.choices, blank=True, default="")
    reageren_tot = models.DateField("reageren op het verslag kan tot en met", null=True, blank=True)
    aantal_aanwezigen = models.PositiveIntegerField(null=True, blank=True)
    aanwezige_organisaties = models.ManyToManyField(
        "sociale_kaart.Organisatie", blank=True, related_name="+", verbose_name="aanwezige organisaties"
    )
    besproken_actiepunten = models.ManyToManyField(
        "Actiepunt", blank=True, related_name="besproken_op", verbose_name="besproken actiepunten"
    )
    gesloten_op = models.DateTimeField(null=True, blank=True, editable=False)
    organisator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Krijgt na afloop de herinnering om de bijeenkomst te sluiten.",
    )
    herinneringen = models.PositiveSmallIntegerField(default=0, editable=False)
    max_plaatsen = models.PositiveIntegerField(
        "maximaal aantal plaatsen", null=True, blank=True, help_text="Leeg: geen maximum."
    )
    openbaar = models.BooleanField(default=True, help_text="Zichtbaar op de website en in de agenda (.ics).")
    vertalingen = vertalingen_veld("titel")
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


class Thematafel(models.Model):
    """A table of a werkconferentie (seed 003): what it found, and the actions it asks for."""

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="thematafels")
    titel = models.CharField(max_length=200)
    pijler = models.ForeignKey(
        Pijler,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="thematafels",
        help_text="Waar de acties van deze tafel bij horen.",
    )
    samenvatting = models.TextField(blank=True)
    prioriteiten = models.TextField(blank=True, help_text="Eén per regel.")
    ideeen = models.TextField("ideeën", blank=True, help_text="Eén per regel.")
    vragen = models.TextField(blank=True, help_text="Eén per regel.")
    acties = models.TextField(blank=True, help_text="Eén per regel. Elke actie kan een actiepunt worden.")
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["bijeenkomst", "volgorde", "titel"]
        verbose_name = "thematafel"
        verbose_name_plural = "thematafels"

    def __str__(self):
        return self.titel


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
    # The convenant (seed 004), optional: filled in, the approval makes the
    # organisation a signatory and its activities enter that year's agenda.
    vertegenwoordiger = models.CharField(
        max_length=200, blank=True, help_text="Wie de organisatie vertegenwoordigt in het pact (het convenant)."
    )
    missie = models.TextField(max_length=1500, blank=True, help_text="De missie van de organisatie in één alinea.")
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
    vertegenwoordiger = models.CharField(
        max_length=200, blank=True, help_text="Wie de organisatie vertegenwoordigt in het pact (het convenant)."
    )
    missie = models.TextField(max_length=1500, help_text="De missie van de organisatie in één alinea.")
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingediend_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    beoordeling = models.CharField(max_length=20, choices=Beoordeling.choices, default=Beoordeling.GOEDGEKEURD)

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


class ConvenantActiviteit(models.Model):
    """An activity for this year that an applicant promises when it signs the convenant.

    On approval it is copied into that year's Lokale Sociale Agenda (AgendaActiviteit)."""

    aansluitverzoek = models.ForeignKey(Aansluitverzoek, on_delete=models.CASCADE, related_name="activiteiten")
    pijler = models.ForeignKey(Pijler, on_delete=models.PROTECT, related_name="+")
    omschrijving = models.TextField(max_length=1000)
    volgorde = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = "activiteit uit het convenant"
        verbose_name_plural = "activiteiten uit het convenant"

    def __str__(self):
        return self.omschrijving[:60]


class Indicator(models.Model):
    """A measure the pact follows (seed 000, "monitoring en evaluatie"): of one pillar or the whole pact.

    For example: households up to 120% of the social minimum (CBS), or the reach
    of a regeling. The values are dated and each names its source."""

    pijler = models.ForeignKey(
        Pijler,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicatoren",
        help_text="Leeg: de indicator hoort bij het hele pact.",
    )
    naam = models.CharField(max_length=200)
    eenheid = models.CharField(max_length=40, help_text="Bijvoorbeeld: huishoudens, procent, kinderen.")
    omschrijving = models.TextField(blank=True, max_length=1000)
    nulmeting = models.DecimalField("beginwaarde (nulmeting)", max_digits=12, decimal_places=2)
    nulmeting_jaar = models.PositiveSmallIntegerField("jaar van de nulmeting")
    streefwaarde = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    streefjaar = models.PositiveSmallIntegerField(null=True, blank=True)
    demo = models.BooleanField(
        "voorbeeldcijfers (demo)", default=False, help_text="Aan: de website zegt dat de cijfers een voorbeeld zijn."
    )
    volgorde = models.PositiveSmallIntegerField(default=0)
    vertalingen = vertalingen_veld("naam", "eenheid", "omschrijving")

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = "indicator"
        verbose_name_plural = "indicatoren"

    def __str__(self):
        return self.naam


class IndicatorWaarde(models.Model):
    """One dated value of an indicator, with where it comes from."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="waarden")
    datum = models.DateField(help_text="De datum waarop de waarde geldt (de peildatum).")
    waarde = models.DecimalField(max_digits=12, decimal_places=2)
    bron = models.CharField(max_length=200, help_text="Bijvoorbeeld: CBS, Armoede en sociale uitsluiting 2025.")
    bron_link = models.URLField("link naar de bron", blank=True)

    class Meta:
        ordering = ["datum"]
        verbose_name = "waarde"
        verbose_name_plural = "waarden"
        constraints = [models.UniqueConstraint(fields=["indicator", "datum"], name="een_waarde_per_datum")]

    def __str__(self):
        return f"{self.waarde} op {self.datum:%d-%m-%Y}"


class DatumPeilingStatus(models.TextChoices):
    OPEN = "open", "Open: partners geven hun voorkeur"
    GESLOTEN = "gesloten", "Gesloten"


class DatumPeiling(models.Model):
    """Before planning a meeting the coordinator asks the partners which dates suit them (Loomio's poll)."""

    titel = models.CharField(max_length=200, help_text="Wordt de titel van de bijeenkomst.")
    toelichting = models.TextField(blank=True, max_length=1000)
    status = models.CharField(max_length=20, choices=DatumPeilingStatus.choices, default=DatumPeilingStatus.OPEN)
    gekozen = models.ForeignKey(
        "PeilingDatum",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="gekozen datum",
        help_text="Kies een datum, met plek en adres: de peiling sluit en de bijeenkomst wordt gepland.",
    )
    plaats = models.CharField("naam van de plek", max_length=200, blank=True)
    adres = models.CharField(max_length=300, blank=True, help_text="Straat, huisnummer en plaats.")
    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = "datumprikker"
        verbose_name_plural = "datumprikkers"

    def __str__(self):
        return self.titel


class PeilingDatum(models.Model):
    peiling = models.ForeignKey(DatumPeiling, on_delete=models.CASCADE, related_name="datums")
    start = models.DateTimeField()
    eind = models.DateTimeField()

    class Meta:
        ordering = ["start"]
        verbose_name = "mogelijke datum"
        verbose_name_plural = "mogelijke datums"
        constraints = [models.CheckConstraint(condition=Q(eind__gt=F("start")), name="peilingdatum_eind_na_start")]

    def __str__(self):
        from django.utils import timezone
        from django.utils.formats import date_format

        return date_format(timezone.localtime(self.start), "l j F Y, H:i")


class PeilingKeuze(models.TextChoices):
    JA = "ja", "Ja"
    MISSCHIEN = "misschien", "Misschien"
    NEE = "nee", "Nee"


class PeilingAntwoord(models.Model):
    """One organisation's answer for one date: ja, misschien or nee."""

    datum = models.ForeignKey(PeilingDatum, on_delete=models.CASCADE, related_name="antwoorden")
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="+")
    keuze = models.CharField(max_length=20, choices=PeilingKeuze.choices)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisatie__naam"]
        verbose_name = "antwoord"
        verbose_name_plural = "antwoorden"
        constraints = [models.UniqueConstraint(fields=["datum", "organisatie"], name="een_antwoord_per_datum")]

    def __str__(self):
        return f"{self.organisatie}: {self.get_keuze_display()}"
