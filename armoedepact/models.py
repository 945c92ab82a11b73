"""Partner accounts: who belongs to which organisation, and invitations."""

from django.conf import settings
from django.db import models


class Rol(models.TextChoices):
    BEHEERDER = "beheerder", "Beheerder"
    MEDEWERKER = "medewerker", "Medewerker"


class Lidmaatschap(models.Model):
    """A partner user's membership of an organisation of the sociale kaart."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lidmaatschappen")
    organisatie = models.ForeignKey(
        "sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="lidmaatschappen"
    )
    rol = models.CharField(max_length=20, choices=Rol.choices, default=Rol.MEDEWERKER)
    sinds = models.DateTimeField(auto_now_add=True)

    class Meta:
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
    organisatie = models.ForeignKey("sociale_kaart.Organisatie", on_delete=models.CASCADE, related_name="uitnodigingen")
    rol = models.CharField(max_length=20, choices=Rol.choices, default=Rol.BEHEERDER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    verloopt_op = models.DateTimeField()
    gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt_op"]
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"

    def __str__(self):
        return f"{self.email} voor {self.organisatie}"
