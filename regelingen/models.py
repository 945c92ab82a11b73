"""Regelingen ("potjes"), the dated norms the check uses, and anonymous counters.

The conditions of a regeling are plain fields (spec section 4); the engine in
`regelingen/eligibility.py` reads them through `selectors.regels_voor_engine`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from common.vertalingen import vertalingen_veld


class Huishoudtype(models.TextChoices):
    ALLEENSTAAND_21 = "alleenstaand_21", "Alleenstaande (ouder), 21 jaar tot AOW-leeftijd"
    SAMEN_21 = "samen_21", "Gehuwden of samenwonenden, beiden 21 jaar tot AOW-leeftijd"
    ALLEENSTAAND_AOW = "alleenstaand_aow", "Alleenstaande (ouder), AOW-leeftijd"
    SAMEN_AOW = "samen_aow", "Gehuwden, één of beiden AOW-leeftijd"
    ALLEENSTAAND_18 = "alleenstaand_18", "Alleenstaande (ouder), 18 tot en met 20 jaar"
    SAMEN_18_18 = "samen_18_18", "Gehuwden, beiden 18 tot en met 20 jaar, zonder kinderen"
    SAMEN_18_18_KIND = "samen_18_18_kind", "Gehuwden, beiden 18 tot en met 20 jaar, met kinderen"
    SAMEN_18_21 = "samen_18_21", "Gehuwden, één 18 tot en met 20 en één 21 of ouder, zonder kinderen"
    SAMEN_18_21_KIND = "samen_18_21_kind", "Gehuwden, één 18 tot en met 20 en één 21 of ouder, met kinderen"


class VermogensSoort(models.TextChoices):
    ALLEENSTAANDE = "alleenstaande", "Alleenstaande"
    GEZIN = "gezin", "Alleenstaande ouder, gehuwden of samenwonenden"


_GELD = {"max_digits": 10, "decimal_places": 2}


# The condition and amount fields of the spec (section 4), in the order the
# admin, the import/export and the demo data list them.
VOORWAARDE_VELDEN = (
    "percentage",
    "percentage_met_kinderen",
    "vermogenstoets",
    "min_leeftijd",
    "tot_aow_leeftijd",
    "kind_leeftijd_van",
    "kind_leeftijd_tot",
    "min_jaren_laag_inkomen",
    "niet_voor_studenten",
    "alleen_inwoners",
    "hooguit_misschien",
    "hooguit_misschien_reden",
    "leefgeld_basis",
    "leefgeld_per_persoon",
)
BEDRAG_VELDEN = (
    "bedrag_vast",
    "bedrag_per_volwassene",
    "bedrag_per_kind",
)


class Regeling(models.Model):
    naam = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    actief = models.BooleanField(default=True, help_text="Een regeling die niet actief is, ziet niemand in de check.")

    # What a resident reads (B1).
    korte_uitleg = models.TextField("korte uitleg", max_length=1000)
    wat_u_krijgt = models.TextField("wat u krijgt", max_length=2000)
    hoe_aanvragen = models.TextField("hoe aanvragen", max_length=3000, blank=True, help_text="Eén stap per regel.")
    aanvraag_link = models.URLField("link om aan te vragen", blank=True)
    telefoon = models.CharField(max_length=30, blank=True)
    meenemen = models.TextField("wat moet u meenemen", max_length=2000, blank=True, help_text="Eén ding per regel.")
    voorbeeld_toelichting = models.CharField(
        "nog niet bevestigd (voorbeeld)",
        max_length=500,
        blank=True,
        help_text="Welke voorwaarde of welk bedrag een voorbeeld is. De site toont dit met '(voorbeeld)'.",
    )
    uitvoerder = models.ForeignKey(
        "sociale_kaart.Organisatie", on_delete=models.PROTECT, related_name="uitgevoerde_regelingen"
    )
    helpt_gratis = models.ManyToManyField(
        "sociale_kaart.Organisatie",
        blank=True,
        related_name="helpt_bij_regelingen",
        verbose_name="helpt gratis bij aanvragen",
    )
    themas = models.ManyToManyField(
        "sociale_kaart.Thema", blank=True, related_name="regelingen", verbose_name="thema's"
    )

    # Conditions (spec section 4).
    percentage = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text="Inkomensgrens als percentage van de norm. Leeg: geen inkomenstoets.",
    )
    percentage_met_kinderen = models.DecimalField(
        "percentage met kinderen",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text="Voor huishoudens met minstens één kind onder 18. Leeg: hetzelfde als het percentage.",
    )
    vermogenstoets = models.BooleanField(default=False)
    min_leeftijd = models.PositiveSmallIntegerField(default=18, validators=[MaxValueValidator(120)])
    tot_aow_leeftijd = models.BooleanField("alleen tot de AOW-leeftijd", default=False)
    kind_leeftijd_van = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(17)])
    kind_leeftijd_tot = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(17)])
    min_jaren_laag_inkomen = models.PositiveSmallIntegerField(
        "minimaal aantal jaren laag inkomen", null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    niet_voor_studenten = models.BooleanField(default=False)
    alleen_inwoners = models.BooleanField(default=True)
    hooguit_misschien = models.BooleanField(
        default=False, help_text="De uitkomst is nooit 'ja': het hangt af van kosten of van plekken."
    )
    hooguit_misschien_reden = models.CharField(
        "waarom hooguit misschien", max_length=300, blank=True, help_text="Eén zin in B1, voor de inwoner."
    )
    leefgeld_basis = models.DecimalField(
        "leefgeld: basisbedrag per maand",
        null=True,
        blank=True,
        help_text=(
            "Alleen voor hulp die het leefgeld toetst (zoals de Voedselbank): wat een huishouden per maand "
            "overhoudt na de vaste lasten moet lager zijn dan dit bedrag plus het bedrag per persoon. "
            "Leeg: geen leefgeldtoets."
        ),
        **_GELD,
    )
    leefgeld_per_persoon = models.DecimalField("leefgeld: bedrag per persoon per maand", null=True, blank=True, **_GELD)
    bedrag_vast = models.DecimalField("vast bedrag per jaar", null=True, blank=True, **_GELD)
    bedrag_per_volwassene = models.DecimalField("bedrag per volwassene per jaar", null=True, blank=True, **_GELD)
    bedrag_per_kind = models.DecimalField("bedrag per kind per jaar", null=True, blank=True, **_GELD)

    vertalingen = vertalingen_veld(
        "naam",
        "korte_uitleg",
        "wat_u_krijgt",
        "hoe_aanvragen",
        "meenemen",
        "voorbeeld_toelichting",
        "hooguit_misschien_reden",
    )
    laatst_gecontroleerd = models.DateField(null=True, blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = "regeling"
        verbose_name_plural = "regelingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind_leeftijd_van__isnull=True)
                | Q(kind_leeftijd_tot__isnull=True)
                | Q(kind_leeftijd_van__lte=F("kind_leeftijd_tot")),
                name="regeling_kind_leeftijd_van_voor_tot",
            ),
            models.CheckConstraint(
                condition=Q(bedrag_vast__isnull=True) | Q(bedrag_vast__gte=0), name="regeling_bedrag_vast_positief"
            ),
            models.CheckConstraint(
                condition=Q(bedrag_per_volwassene__isnull=True) | Q(bedrag_per_volwassene__gte=0),
                name="regeling_bedrag_per_volwassene_positief",
            ),
            models.CheckConstraint(
                condition=Q(bedrag_per_kind__isnull=True) | Q(bedrag_per_kind__gte=0),
                name="regeling_bedrag_per_kind_positief",
            ),
        ]

    def __str__(self):
        return self.naam

    @property
    def stappen(self) -> list[str]:
        return [regel.strip() for regel in self.hoe_aanvragen.splitlines() if regel.strip()]

    @property
    def meenemen_lijst(self) -> list[str]:
        return [regel.strip() for regel in self.meenemen.splitlines() if regel.strip()]


class Normbedrag(models.Model):
    """Net norm per month including 5% vakantietoeslag, as published (spec section 1)."""

    huishoudtype = models.CharField(max_length=20, choices=Huishoudtype.choices)
    bedrag = models.DecimalField(validators=[MinValueValidator(0)], **_GELD)
    geldig_vanaf = models.DateField()

    class Meta:
        ordering = ["-geldig_vanaf", "huishoudtype"]
        verbose_name = "normbedrag"
        verbose_name_plural = "normbedragen"
        constraints = [models.UniqueConstraint(fields=["huishoudtype", "geldig_vanaf"], name="norm_per_type_datum")]

    def __str__(self):
        return f"{self.get_huishoudtype_display()} vanaf {self.geldig_vanaf:%d-%m-%Y}: {self.bedrag}"


class Vermogensgrens(models.Model):
    soort = models.CharField(max_length=20, choices=VermogensSoort.choices)
    bedrag = models.DecimalField(validators=[MinValueValidator(0)], **_GELD)
    geldig_vanaf = models.DateField()

    class Meta:
        ordering = ["-geldig_vanaf", "soort"]
        verbose_name = "vermogensgrens"
        verbose_name_plural = "vermogensgrenzen"
        constraints = [models.UniqueConstraint(fields=["soort", "geldig_vanaf"], name="vermogensgrens_per_soort_datum")]

    def __str__(self):
        return f"{self.get_soort_display()} vanaf {self.geldig_vanaf:%d-%m-%Y}: {self.bedrag}"


class AowLeeftijd(models.Model):
    geldig_vanaf = models.DateField(unique=True)
    jaren = models.PositiveSmallIntegerField(validators=[MinValueValidator(60), MaxValueValidator(80)])
    maanden = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(11)])

    class Meta:
        ordering = ["-geldig_vanaf"]
        verbose_name = "AOW-leeftijd"
        verbose_name_plural = "AOW-leeftijden"

    def __str__(self):
        return f"vanaf {self.geldig_vanaf:%d-%m-%Y}: {self.jaren} jaar en {self.maanden} maanden"


class Toeslag(models.TextChoices):
    """The blocks of national-allowance parameters (regelingen/toeslagen.py)."""

    ZORGTOESLAG = "zorgtoeslag", "Zorgtoeslag"
    HUURTOESLAG = "huurtoeslag", "Huurtoeslag"
    KINDGEBONDEN_BUDGET = "kindgebonden_budget", "Kindgebonden budget"
    KINDERBIJSLAG = "kinderbijslag", "Kinderbijslag"
    TOETSINGSINKOMEN = "toetsingsinkomen", "Toetsingsinkomen (schatting)"


class Toeslagparameter(models.Model):
    """One dated figure of a national allowance, kept by the coordinator like the norms:
    its value, where it comes from, when that source was read, and from when it holds.
    An empty value means: not found in a source we can name, so no amount ("vraag het na").
    The row "regels" of each toeslag holds the source of its rules and the official link."""

    toeslag = models.CharField(max_length=30, choices=Toeslag.choices)
    sleutel = models.CharField(
        max_length=40,
        help_text="Welk getal, bijvoorbeeld max_per_maand_alleen. 'regels': de bron van de regels en de link.",
    )
    waarde = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Leeg: niet gevonden in een bron. Dan noemt de check geen bedrag. Ja/nee: 1 of 0.",
    )
    bron = models.TextField(help_text="Waar het getal staat: de wet, Dienst Toeslagen, de SVB, met datum.")
    link = models.URLField(blank=True, help_text="Alleen bij 'regels': de officiële proefberekening of aanvraag.")
    gelezen = models.DateField("gelezen op", help_text="Wanneer de bron is gelezen.")
    geldig_vanaf = models.DateField()

    class Meta:
        ordering = ["-geldig_vanaf", "toeslag", "sleutel"]
        verbose_name = "toeslagparameter"
        verbose_name_plural = "toeslagparameters"
        constraints = [
            models.UniqueConstraint(fields=["toeslag", "sleutel", "geldig_vanaf"], name="toeslagparameter_per_datum")
        ]

    def __str__(self):
        if self.waarde is None:
            waarde = "geen bedrag (niet gevonden in een bron)"
        else:  # 1234.5000 -> 1234,5 (Dutch decimal comma, no trailing zeros)
            waarde = f"{self.waarde:f}"
            waarde = (waarde.rstrip("0").rstrip(".") if "." in waarde else waarde).replace(".", ",")
        if self.sleutel == "regels":
            waarde = "bron van de regels"
        return f"{self.get_toeslag_display()} {self.sleutel} vanaf {self.geldig_vanaf:%d-%m-%Y}: {waarde}"


class CheckTelling(models.Model):
    """Anonymous counts: per regeling per month, how many completed checks gave ja, misschien or nee.
    Nothing about the household is kept."""

    regeling = models.ForeignKey(Regeling, on_delete=models.CASCADE, related_name="tellingen")
    maand = models.DateField(help_text="De eerste dag van de maand.")
    ja = models.PositiveIntegerField(default=0)
    misschien = models.PositiveIntegerField(default=0)
    nee = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-maand", "regeling__slug"]
        verbose_name = "telling van checks"
        verbose_name_plural = "tellingen van checks"
        constraints = [models.UniqueConstraint(fields=["regeling", "maand"], name="telling_per_regeling_maand")]

    def __str__(self):
        return f"{self.regeling} {self.maand:%m-%Y}"


class CheckSessie(models.Model):
    """One running check: a random id and the time of the last answer, nothing a
    resident typed. The answers themselves travel encrypted in the resident's own
    cookie (regelingen/check.py); "Stoppen en alles wissen" deletes this row, so a
    copy of that cookie opens nothing afterwards."""

    id = models.CharField(primary_key=True, max_length=64)
    laatst = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "lopende check"
        verbose_name_plural = "lopende checks"

    def __str__(self):
        return "lopende check"


def kinderen_lezen(tekst: str) -> tuple[int, ...]:
    """ "4, 9" -> (4, 9). Raises ValueError for anything else."""
    delen = [deel.strip() for deel in tekst.split(",") if deel.strip()]
    leeftijden = tuple(int(deel) for deel in delen if deel.isdigit() and len(deel) <= 2)
    if len(leeftijden) != len(delen) or any(leeftijd > 17 for leeftijd in leeftijden):
        raise ValueError(tekst)
    return leeftijden


def _kinderen_valideren(tekst: str) -> None:
    try:
        kinderen_lezen(tekst)
    except ValueError:
        raise ValidationError(
            "Schrijf de leeftijden van kinderen onder 18 met komma's ertussen, bijvoorbeeld: 4, 9."
        ) from None


class Testgeval(models.Model):
    """An example household with the outcome the coordinator expects for one regeling.

    The regie runs all of them through the engine (armoedepact.regie.services) and
    shows which fail; a change to a regeling or a norm first shows which would change.
    """

    UITKOMSTEN = [("ja", "Ja"), ("misschien", "Misschien"), ("nee", "Nee")]
    __test__ = False  # not a pytest test class

    regeling = models.ForeignKey(Regeling, on_delete=models.CASCADE, related_name="testgevallen")
    naam = models.CharField(max_length=200, help_text="Bijvoorbeeld: alleenstaande ouder, 2 kinderen, bijstand.")
    peildatum = models.DateField(null=True, blank=True, help_text="Leeg: vandaag.")
    woont_in_gemeente = models.BooleanField(default=True)
    leeftijd = models.PositiveSmallIntegerField(validators=[MinValueValidator(16), MaxValueValidator(120)])
    partner = models.BooleanField("woont samen of is getrouwd", default=False)
    leeftijd_partner = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(16), MaxValueValidator(120)]
    )
    kinderen = models.CharField(
        "leeftijden van de kinderen",
        max_length=100,
        blank=True,
        validators=[_kinderen_valideren],
        help_text="Met komma's, bijvoorbeeld: 4, 9. Leeg: geen.",
    )
    netto_inkomen = models.DecimalField(
        "netto inkomen per maand", validators=[MinValueValidator(0), MaxValueValidator(1_000_000)], **_GELD
    )
    vermogen = models.DecimalField(
        "spaargeld en bezit",
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Leeg: weet ik niet.",
        **_GELD,
    )
    jaren_laag_inkomen = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)], help_text="Leeg: weet ik niet."
    )
    student = models.BooleanField(default=False)
    vaste_lasten = models.DecimalField(
        "vaste lasten per maand",
        null=True,
        blank=True,
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text="Huur, energie, zorgverzekering en andere vaste lasten. Nodig voor de leefgeldtoets (Voedselbank). "
        "Leeg: niet gevraagd; een regeling met een leefgeldtoets doet dan niet mee.",
    )
    verwachte_uitkomst = models.CharField(max_length=10, choices=UITKOMSTEN)

    class Meta:
        ordering = ["regeling__slug", "naam"]
        verbose_name = "testgeval"
        verbose_name_plural = "testgevallen"

    def __str__(self):
        return f"{self.regeling}: {self.naam}"

    @property
    def kinderen_leeftijden(self) -> tuple[int, ...]:
        return kinderen_lezen(self.kinderen)
