"""The sociale kaart: organisations, their aanbod (services) and the taxonomies
residents search by. Field names follow Open Referral HSDS 3.0 in spirit."""

import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

from common.vertalingen import vertalingen_veld


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    GEPUBLICEERD = "gepubliceerd", "Gepubliceerd"
    GEARCHIVEERD = "gearchiveerd", "Gearchiveerd"


# Allowed status transitions (services check them; nothing is ever hard deleted).
STATUS_TRANSITIONS = {
    Status.CONCEPT: {Status.GEPUBLICEERD, Status.GEARCHIVEERD},
    Status.GEPUBLICEERD: {Status.CONCEPT, Status.GEARCHIVEERD},
    Status.GEARCHIVEERD: {Status.CONCEPT, Status.GEPUBLICEERD},
}


class Pijler(models.Model):
    """One part of the pact's structure: a pillar, a path, a theme or a table.

    The pact names the level (werkgroepen.Pact: "pijlers", "paden", ...); the
    rows are data the coordinator adds, renames, orders and retires. It lives on
    this floor because aanbod is classified by it (docs/adr/0010)."""

    naam = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, help_text="Het laatste deel van het webadres.")
    ondertitel = models.CharField(max_length=200, blank=True)
    tekst = models.TextField(blank=True, help_text="Wat dit onderdeel wil bereiken. Eén alinea per regel.")
    volgorde = models.PositiveSmallIntegerField(default=0)
    actief = models.BooleanField(
        default=True, help_text="Uit: niet meer in gebruik. Het blijft bewaard, maar staat niet meer op de website."
    )
    vertalingen = vertalingen_veld("naam", "ondertitel", "tekst")

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = "pijler (of pad, thema, tafel)"
        verbose_name_plural = "pijlers (of paden, thema's, tafels)"

    def __str__(self):
        return self.naam


class Kosten(models.TextChoices):
    GRATIS = "gratis", "Gratis"
    EIGEN_BIJDRAGE = "eigen_bijdrage", "Eigen bijdrage"


class Taxonomie(models.Model):
    naam = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    icoon = models.CharField(max_length=50, blank=True, help_text="Naam van het icoon in static/icons/.")
    omschrijving = models.CharField(max_length=300, blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)
    vertalingen = vertalingen_veld("naam", "omschrijving")

    class Meta:
        abstract = True
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class Thema(Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class Doelgroep(Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"


class Levensgebeurtenis(Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = "levensgebeurtenis"
        verbose_name_plural = "levensgebeurtenissen"


class Coordinaten(models.Model):
    """A point on the map (WGS84). Both coordinates or neither: half a point cannot be shown or measured."""

    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                "Vul de breedtegraad en de lengtegraad allebei in, of laat ze allebei leeg. "
                "Bijvoorbeeld 53.16 en 6.37 voor Leek."
            )


class Kern(Coordinaten):
    """A village or town of the gemeente, with its centre point."""

    naam = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "kern"
        verbose_name_plural = "kernen"
        indexes = [models.Index(fields=["latitude", "longitude"], name="kern_coordinaten")]

    def __str__(self):
        return self.naam


class Postcodegebied(models.Model):
    """The 4 digits of a postcode and the kern they belong to, so a resident can
    type a postcode instead of choosing a village. Kept by the coordinator."""

    postcode = models.CharField(
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^[1-9][0-9]{3}$", "Vul 4 cijfers in, bijvoorbeeld 9351.")],
        help_text="Alleen de 4 cijfers, bijvoorbeeld 9351.",
    )
    kern = models.ForeignKey(Kern, on_delete=models.CASCADE, related_name="postcodegebieden")

    class Meta:
        ordering = ["postcode"]
        verbose_name = "postcodegebied"
        verbose_name_plural = "postcodegebieden"

    def __str__(self):
        return f"{self.postcode} ({self.kern})" if self.kern_id else self.postcode


# The languages people can be helped in at a location: code and Dutch name.
SERVICETALEN = (
    ("nl", "Nederlands"),
    ("en", "Engels"),
    ("de", "Duits"),
    ("ar", "Arabisch"),
    ("tr", "Turks"),
    ("pl", "Pools"),
    ("uk", "Oekraïens"),
    ("ru", "Russisch"),
    ("ti", "Tigrinya"),
    ("so", "Somalisch"),
    ("fa", "Perzisch"),
    ("nds", "Gronings"),
    ("ngt", "Nederlandse Gebarentaal"),
)


class Organisatie(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    korte_omschrijving = models.TextField("korte omschrijving", max_length=1000)
    website = models.URLField(blank=True)
    telefoon = models.CharField(max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    pactpartner = models.BooleanField(default=False)
    pactpartner_sinds = models.DateField(null=True, blank=True)
    kernpartner = models.BooleanField(default=False)
    vertrouwd = models.BooleanField(
        default=False, help_text="Wijzigingen van een vertrouwde organisatie zijn direct zichtbaar."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    laatst_gecontroleerd = models.DateField(
        null=True, blank=True, help_text="Datum waarop iemand heeft bevestigd dat alles klopt."
    )
    vertalingen = vertalingen_veld("naam", "korte_omschrijving")
    # Warm handover (the overdracht app): here, because the kaart shows "Laat mij bellen" by it.
    ontvangt_verzoeken = models.BooleanField(
        "ontvangt verzoeken", default=False, help_text="Inwoners en partners kunnen vragen of u contact opneemt."
    )
    verzoeken_email = models.EmailField(
        "e-mail voor verzoeken", blank=True, help_text="Leeg: alle medewerkers met een account krijgen de e-mail."
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return self.naam


class Locatie(Coordinaten):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="locaties")
    naam = models.CharField(max_length=200, blank=True)
    straat = models.CharField("straat en huisnummer", max_length=200, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    plaats = models.CharField(max_length=100, blank=True)
    kern = models.ForeignKey(Kern, on_delete=models.PROTECT, null=True, blank=True, related_name="locaties")
    rolstoeltoegankelijk = models.BooleanField("toegankelijk met rolstoel", null=True, blank=True)
    toegankelijkheid = models.CharField(max_length=300, blank=True)
    telefoon = models.CharField(max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    contactpersoon = models.CharField(max_length=200, blank=True)
    talen = ArrayField(models.CharField(max_length=30), default=list, blank=True)

    class Meta:
        ordering = ["organisatie__naam", "naam"]
        verbose_name = "locatie"
        verbose_name_plural = "locaties"
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return ", ".join(part for part in [self.naam, self.straat, self.plaats] if part)

    @property
    def talen_namen(self) -> list[str]:
        """The Dutch names of the languages people can be helped in here."""
        namen = dict(SERVICETALEN)
        return [namen.get(taal, taal) for taal in self.talen]


class Aanbod(models.Model):
    """One service of an organisation (HSDS: service)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="aanbod")
    titel = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    wat_u_krijgt = models.TextField("wat u krijgt", max_length=3000)
    voor_wie = models.TextField("voor wie", max_length=2000, blank=True)
    themas = models.ManyToManyField(Thema, blank=True, related_name="aanbod", verbose_name="thema's")
    doelgroepen = models.ManyToManyField(Doelgroep, blank=True, related_name="aanbod")
    levensgebeurtenissen = models.ManyToManyField(Levensgebeurtenis, blank=True, related_name="aanbod")
    heel_de_gemeente = models.BooleanField("in heel de gemeente", default=False)
    kernen = models.ManyToManyField(Kern, blank=True, related_name="aanbod", help_text="Waar het aanbod er is.")
    locaties = models.ManyToManyField(Locatie, blank=True, related_name="aanbod")
    op_afstand = models.BooleanField(
        "zonder vaste plek", default=False, help_text="Telefonisch, online of bij u thuis (HSDS: virtual)."
    )
    kosten = models.CharField(max_length=20, choices=Kosten.choices, default=Kosten.GRATIS)
    kosten_toelichting = models.CharField(max_length=500, blank=True)
    hoe_aanvragen = models.TextField("hoe aanvragen", max_length=3000, blank=True, help_text="Eén stap per regel.")
    meenemen = models.TextField("wat moet u meenemen", max_length=2000, blank=True, help_text="Eén ding per regel.")
    telefoon = models.CharField(max_length=30, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField(blank=True)
    openingstijden_toelichting = models.CharField(max_length=500, blank=True)
    talen = ArrayField(models.CharField(max_length=30), default=list, blank=True)
    rolstoeltoegankelijk = models.BooleanField("toegankelijk met rolstoel", null=True, blank=True)
    min_leeftijd = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(120)])
    max_leeftijd = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(120)])
    pijler = models.ForeignKey(
        Pijler,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aanbod",
        limit_choices_to={"actief": True},
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    laatst_gecontroleerd = models.DateField(null=True, blank=True)
    # The verification routine: when each critical field was last confirmed (VERIFICATIE_VELDEN).
    telefoon_bevestigd_op = models.DateField("telefoon bevestigd op", null=True, blank=True, editable=False)
    adres_bevestigd_op = models.DateField("adres bevestigd op", null=True, blank=True, editable=False)
    openingstijden_bevestigd_op = models.DateField("openingstijden bevestigd op", null=True, blank=True, editable=False)
    hoe_aanvragen_bevestigd_op = models.DateField("hoe aanvragen bevestigd op", null=True, blank=True, editable=False)
    # Set by `manage.py verificatie`: the notice to the organisation, then hidden from residents.
    verificatie_gemeld_op = models.DateTimeField(null=True, blank=True, editable=False)
    verborgen_wegens_verificatie = models.BooleanField(default=False, editable=False)
    vertalingen = vertalingen_veld(
        "titel",
        "wat_u_krijgt",
        "voor_wie",
        "kosten_toelichting",
        "hoe_aanvragen",
        "meenemen",
        "openingstijden_toelichting",
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    # Weighted tsvector (dutch) over titel, wat_u_krijgt, organisatie and
    # thema's; kept current by sociale_kaart.services on every change.
    zoekvector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["titel"]
        verbose_name = "aanbod"
        verbose_name_plural = "aanbod"
        indexes = [
            GinIndex(fields=["zoekvector"]),
            models.Index(fields=["status", "organisatie"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_leeftijd__isnull=True)
                | Q(max_leeftijd__isnull=True)
                | Q(min_leeftijd__lte=models.F("max_leeftijd")),
                name="aanbod_leeftijd_van_voor_tot",
            )
        ]

    def __str__(self):
        return self.titel


# The critical fields of an aanbod a resident relies on: field, label, date field.
VERIFICATIE_VELDEN = (
    ("telefoon", "telefoon", "telefoon_bevestigd_op"),
    ("adres", "adres", "adres_bevestigd_op"),
    ("openingstijden", "openingstijden", "openingstijden_bevestigd_op"),
    ("hoe_aanvragen", "hoe u begint", "hoe_aanvragen_bevestigd_op"),
)


class AanbodZoekindex(models.Model):
    """A narrow copy of what the public search needs, one row per aanbod.

    Ranking reads this small table instead of the wide aanbod heap, and needs no
    join with organisaties: `publiek` says whether the aanbod and its organisation
    are both published. PostgreSQL triggers (migration 0003) keep every row
    current on each insert or update of an aanbod and each update of an
    organisation, also for changes made with QuerySet.update() or raw SQL, so the
    flag can never go stale. Never write to this table from Python."""

    aanbod = models.OneToOneField(
        Aanbod, on_delete=models.CASCADE, primary_key=True, related_name="zoekindex", editable=False
    )
    publiek = models.BooleanField(default=False)
    titel = models.CharField(max_length=200)
    zoekvector = SearchVectorField(null=True)
    kosten = models.CharField(max_length=20, choices=Kosten.choices, default=Kosten.GRATIS)
    heel_de_gemeente = models.BooleanField(default=False)
    op_afstand = models.BooleanField(default=False)

    class Meta:
        verbose_name = "zoekindex van aanbod"
        verbose_name_plural = "zoekindex van aanbod"
        indexes = [
            GinIndex(fields=["zoekvector"], condition=Q(publiek=True), name="aanbodzoek_vector_publiek"),
            models.Index(fields=["titel", "aanbod"], condition=Q(publiek=True), name="aanbodzoek_titel_publiek"),
        ]

    def __str__(self):
        return self.titel


class Weekdag(models.IntegerChoices):
    MAANDAG = 0, "maandag"
    DINSDAG = 1, "dinsdag"
    WOENSDAG = 2, "woensdag"
    DONDERDAG = 3, "donderdag"
    VRIJDAG = 4, "vrijdag"
    ZATERDAG = 5, "zaterdag"
    ZONDAG = 6, "zondag"


class Openingstijd(models.Model):
    """Opening hours of an aanbod or of a location (exactly one of the two)."""

    aanbod = models.ForeignKey(Aanbod, on_delete=models.CASCADE, null=True, blank=True, related_name="openingstijden")
    locatie = models.ForeignKey(Locatie, on_delete=models.CASCADE, null=True, blank=True, related_name="openingstijden")
    weekdag = models.PositiveSmallIntegerField(choices=Weekdag.choices)
    van = models.TimeField()
    tot = models.TimeField()

    class Meta:
        ordering = ["weekdag", "van"]
        verbose_name = "openingstijd"
        verbose_name_plural = "openingstijden"
        constraints = [
            models.CheckConstraint(condition=Q(van__lt=models.F("tot")), name="openingstijd_van_voor_tot"),
            models.CheckConstraint(
                condition=Q(aanbod__isnull=False, locatie__isnull=True) | Q(aanbod__isnull=True, locatie__isnull=False),
                name="openingstijd_aanbod_of_locatie",
            ),
        ]

    def __str__(self):
        return f"{self.get_weekdag_display()} van {self.van:%H:%M} tot {self.tot:%H:%M}"


class Synoniem(models.Model):
    """A rule of the everyday lexicon the coordinator keeps: an everyday, old,
    abbreviated or foreign word (or a few words, "food bank") and the words of
    the kaart it should also find ("deurwaarder" -> schulden). One way unless
    wederzijds: then every word of the rule finds the others ("kleding" = "kleren")."""

    woord = models.CharField(max_length=100, unique=True, help_text="Eén woord of een paar woorden, zoals 'food bank'.")
    zoekt_ook = models.CharField("zoekt ook naar", max_length=300, help_text="Woorden met een spatie ertussen.")
    wederzijds = models.BooleanField(
        "betekenen hetzelfde",
        default=False,
        help_text="Aan: elk woord vindt ook de andere. Uit: alleen het woord vindt de andere woorden.",
    )

    class Meta:
        ordering = ["woord"]
        verbose_name = "synoniem"
        verbose_name_plural = "synoniemen"

    def __str__(self):
        return f"{self.woord} {'=' if self.wederzijds else '->'} {self.zoekt_ook}"


class Zoekwoord(models.Model):
    """The vocabulary of the search: every word of the aanbod texts, organisation
    names and thema's, lower case. Typos are forgiven against it (pg_trgm
    similarity, GIN trigram index) and compound words are found through it.
    Kept by services.aanbod_zoekvector_bijwerken; not edited by hand."""

    woord = models.CharField(max_length=60, primary_key=True)

    class Meta:
        verbose_name = "zoekwoord"
        verbose_name_plural = "zoekwoorden"
        indexes = [GinIndex(fields=["woord"], opclasses=["gin_trgm_ops"], name="zoekwoord_trigram")]

    def __str__(self):
        return self.woord


class Voorrang(models.Model):
    """Help the coordinator shows first for a thema or a levensgebeurtenis (the
    home page tiles land on these lists), in this order."""

    aanbod = models.ForeignKey(Aanbod, on_delete=models.CASCADE, related_name="voorrang")
    thema = models.ForeignKey(Thema, null=True, blank=True, on_delete=models.CASCADE, related_name="voorrang")
    levensgebeurtenis = models.ForeignKey(
        Levensgebeurtenis, null=True, blank=True, on_delete=models.CASCADE, related_name="voorrang"
    )
    volgorde = models.PositiveSmallIntegerField(default=1, help_text="1 komt bovenaan.")

    class Meta:
        ordering = ["volgorde", "pk"]
        verbose_name = "eerst tonen"
        verbose_name_plural = "eerst tonen"
        constraints = [
            models.CheckConstraint(
                condition=Q(thema__isnull=False, levensgebeurtenis__isnull=True)
                | Q(thema__isnull=True, levensgebeurtenis__isnull=False),
                name="voorrang_thema_of_levensgebeurtenis",
            ),
            models.UniqueConstraint(fields=["thema", "aanbod"], name="voorrang_eenmaal_per_thema"),
            models.UniqueConstraint(fields=["levensgebeurtenis", "aanbod"], name="voorrang_eenmaal_per_gebeurtenis"),
        ]

    def __str__(self):
        return f"{self.volgorde}. {self.aanbod}"


class ZoektermAfhandeling(models.TextChoices):
    """What the coordinator did about a search without results."""

    SYNONIEM = "synoniem", "Synoniem toegevoegd"
    AANBOD = "aanbod", "Aanbod toegevoegd"
    NIET_ONZE_TAAK = "niet_onze_taak", "Niet onze taak"


class ZoektermZonderResultaat(models.Model):
    """Searches that found nothing, counted per month: query text only, no person, no place, no time.

    The coordinator marks a term as dealt with (all its months at once). A term still
    found nothing in a later month comes back open, unless it was "niet onze taak"
    (sociale_kaart.services.zoekterm_zonder_resultaat_tellen)."""

    zoekterm = models.CharField(max_length=200)
    maand = models.DateField(help_text="De eerste dag van de maand.")
    aantal = models.PositiveIntegerField(default=0)
    afhandeling = models.CharField(max_length=20, choices=ZoektermAfhandeling.choices, blank=True)
    afgehandeld_op = models.DateField(null=True, blank=True)

    class Meta:
        # Open ones first (no date), then the newest month and the most searched.
        ordering = [models.F("afgehandeld_op").desc(nulls_first=True), "-maand", "-aantal"]
        verbose_name = "zoekterm zonder resultaat"
        verbose_name_plural = "zoektermen zonder resultaat"
        constraints = [models.UniqueConstraint(fields=["zoekterm", "maand"], name="zoekterm_per_maand")]

    def __str__(self):
        return self.zoekterm


# --- Who acts for an organisation: partner accounts and invitations ---------------


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", "Beheerder"
    MEDEWERKER = "medewerker", "Medewerker"


class Lidmaatschap(models.Model):
    """A partner user's membership of an organisation of the sociale kaart."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="lidmaatschappen")
    rol = models.CharField(max_length=20, choices=Rol.choices, default=Rol.MEDEWERKER)
    sinds = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "armoedepact_lidmaatschap"  # moved from armoedepact; the table kept its name
        verbose_name = "lidmaatschap"
        verbose_name_plural = "lidmaatschappen"
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "organisatie"], name="een_lidmaatschap_per_organisatie")
        ]

    def __str__(self):
        return f"{self.gebruiker} bij {self.organisatie} ({self.get_rol_display()})"


class Uitnodiging(models.Model):
    """A single-use invitation to become a partner user. Only a hash of the token is stored."""

    email = models.EmailField("e-mailadres")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="uitnodigingen")
    rol = models.CharField(max_length=20, choices=Rol.choices, default=Rol.BEHEERDER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "armoedepact_uitnodiging"  # moved from armoedepact; the table kept its name
        ordering = ["-aangemaakt_op"]
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"

    def __str__(self):
        return f"{self.email} voor {self.organisatie}"


# --- What residents look for (anonymous counts) -------------------------------------


class ZoekTelling(models.Model):
    """Anonymous counts of what residents look for on the sociale kaart, per month:
    a search text or a theme, and how often. No person, no place, no time of day."""

    class Soort(models.TextChoices):
        ZOEKTERM = "zoekterm", "Zoekterm"
        THEMA = "thema", "Thema"

    soort = models.CharField(max_length=20, choices=Soort.choices)
    waarde = models.CharField(max_length=200)
    maand = models.DateField(help_text="De eerste dag van de maand.")
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "armoedepact_zoektelling"  # moved from armoedepact; the table kept its name
        ordering = ["-maand", "-aantal"]
        verbose_name = "telling van zoeken"
        verbose_name_plural = "tellingen van zoeken"
        constraints = [models.UniqueConstraint(fields=["soort", "waarde", "maand"], name="zoektelling_per_maand")]

    def __str__(self):
        return f"{self.get_soort_display()} {self.waarde} ({self.maand:%m-%Y})"
