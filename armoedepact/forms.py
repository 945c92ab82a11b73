"""Forms for partner accounts, in B1 Dutch."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm


class InloggenForm(AuthenticationForm):
    error_messages = {
        # The same message whether the e-mail address exists or not: no user enumeration.
        "invalid_login": "Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters en probeer het opnieuw.",
        "inactive": "Het e-mailadres of het wachtwoord klopt niet. Let op hoofdletters en probeer het opnieuw.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "E-mailadres"
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["username"].error_messages["required"] = "Vul uw e-mailadres in."
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].error_messages["required"] = "Vul uw wachtwoord in."

    def clean_username(self):
        # Lower-casing can make a text longer ("İ" becomes two characters), so check the length again.
        username = self.cleaned_data["username"].strip().lower()
        if len(username) > 150:
            raise forms.ValidationError("Dit e-mailadres is te lang. Controleer wat u heeft ingevuld.")
        return username


class WachtwoordVergetenForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "E-mailadres"
        self.fields["email"].help_text = "Het e-mailadres waarmee u inlogt."
        self.fields["email"].error_messages.update(
            {"required": "Vul uw e-mailadres in.", "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."}
        )


class NieuwWachtwoordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Nieuw wachtwoord"
        self.fields["new_password1"].help_text = "Minstens 12 tekens. Gebruik geen woord dat makkelijk te raden is."
        self.fields["new_password2"].label = "Herhaal het nieuwe wachtwoord"
        self.fields["new_password2"].help_text = ""


class UitnodigingAccepterenForm(forms.Form):
    voornaam = forms.CharField(max_length=150, error_messages={"required": "Vul uw voornaam in."})
    achternaam = forms.CharField(max_length=150, error_messages={"required": "Vul uw achternaam in."})
    wachtwoord1 = forms.CharField(
        label="Kies een wachtwoord",
        help_text="Minstens 12 tekens. Gebruik geen woord dat makkelijk te raden is.",
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Kies een wachtwoord."},
    )
    wachtwoord2 = forms.CharField(
        label="Herhaal het wachtwoord",
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Vul het wachtwoord nog een keer in."},
    )

    def __init__(self, *args, email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        een, twee = cleaned.get("wachtwoord1"), cleaned.get("wachtwoord2")
        if een and twee and een != twee:
            self.add_error("wachtwoord2", "De twee wachtwoorden zijn niet gelijk. Typ ze nog een keer.")
        elif een:
            from django.contrib.auth import get_user_model

            probe = get_user_model()(
                username=self.email,
                email=self.email,
                first_name=cleaned.get("voornaam", ""),
                last_name=cleaned.get("achternaam", ""),
            )
            try:
                password_validation.validate_password(een, probe)
            except forms.ValidationError as error:
                self.add_error("wachtwoord1", error)
        return cleaned
