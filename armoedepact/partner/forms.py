"""Partner portal forms in B1 Dutch: an organisation and its aanbod, and the
account forms (log-in, passwords, accepting an invitation)."""

import re

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError

from armoedepact.auth import GeremdMelding
from common import veilige_url
from sociale_kaart.models import SERVICETALEN, Aanbod, Locatie, Organisatie, Postcodegebied, Weekdag

_TELEFOON = re.compile(r"^(\+31|0031|0)\d{9}$")
B1_VELDEN = ("korte_omschrijving", "wat_u_krijgt", "voor_wie", "hoe_aanvragen", "meenemen", "kosten_toelichting")


def telefoon_valideren(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return value
    kaal = re.sub(r"[\s().-]", "", value)
    if not _TELEFOON.match(kaal):
        raise ValidationError("Vul een Nederlands telefoonnummer in van 10 cijfers, bijvoorbeeld 0594 - 12 34 56.")
    return value


class _PartnerForm(forms.ModelForm):
    """Dutch messages for the common problems, and no HTML tricks in text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in B1_VELDEN:
            if name in self.fields:
                # static/js/b1-hint.js gives the B1 hint while typing for these texts.
                self.fields[name].widget.attrs["data-b1"] = "1"
        for field in self.fields.values():
            field.error_messages.setdefault("required", "Vul dit veld in.")
            if isinstance(field, forms.URLField):
                field.error_messages["invalid"] = "Vul een volledig webadres in, zoals https://www.voorbeeld.nl."
                field.assume_scheme = "https"
            elif isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = (
                    f"Deze tekst is te lang. Gebruik hooguit {field.max_length} tekens."
                )

    def clean_telefoon(self):
        return telefoon_valideren(self.cleaned_data.get("telefoon", ""))

    def clean_website(self):
        """Only http(s) links to a public address: the link check fetches them (common/veilige_url.py)."""
        website = self.cleaned_data.get("website", "")
        melding = veilige_url.mag_opslaan(website)
        if melding:
            raise ValidationError(melding)
        return website


class _VertalingenVelden:
    """Optional translations of the texts residents read, one field per language and text
    (`vertaling_<taal>_<veld>`), stored in the model's `vertalingen`. They travel with the
    rest of the form, so a partner's translation goes through the same moderation."""

    LANG = 1000  # longer translations belong in the Dutch text's length, not more

    def _vertaalvelden_toevoegen(self):
        velden = [v for v in self.instance._meta.get_field("vertalingen").validators[0].velden if v in self.fields]
        bestaand = self.instance.vertalingen or {}
        self._vertaalgroepen = []
        for taal, taalnaam in settings.LANGUAGES:
            if taal == settings.LANGUAGE_CODE:
                continue
            namen = []
            for veld in velden:
                naam = f"vertaling_{taal}_{veld}"
                bron = self.fields[veld]
                attrs = {"lang": taal, "dir": "rtl" if taal in settings.LANGUAGES_BIDI else "ltr"}
                lang = isinstance(bron.widget, forms.Textarea)
                self.fields[naam] = forms.CharField(
                    required=False,
                    max_length=self.LANG,
                    label=f"{bron.label} ({taalnaam})",
                    initial=(bestaand.get(taal) or {}).get(veld, ""),
                    widget=forms.Textarea(attrs={**attrs, "rows": 3}) if lang else forms.TextInput(attrs=attrs),
                    error_messages={"max_length": f"Deze vertaling is te lang. Gebruik hooguit {self.LANG} tekens."},
                )
                namen.append(naam)
            self._vertaalgroepen.append((taal, taalnaam, namen))

    def vertaalgroepen(self):
        """Per language, for the template: (code, name in its own language, bound fields,
        how many are filled in, whether one has an error, so its block opens)."""
        groepen = []
        for taal, naam, namen in self._vertaalgroepen:
            velden = [self[n] for n in namen]
            ingevuld = sum(1 for veld in velden if (veld.value() or "").strip())
            groepen.append((taal, naam, velden, ingevuld, any(n in self.errors for n in namen)))
        return groepen

    def _vertalingen_overnemen(self, cleaned) -> None:
        """Put the translation fields into instance.vertalingen; texts the form does not show stay."""
        vertalingen = {taal: dict(teksten) for taal, teksten in (self.instance.vertalingen or {}).items()}
        for taal, _naam, namen in self._vertaalgroepen:
            teksten = vertalingen.setdefault(taal, {})
            for naam in namen:
                if naam not in self.data:  # not sent (an older form): keep what is there
                    continue
                veld = naam.removeprefix(f"vertaling_{taal}_")
                tekst = (cleaned.get(naam) or "").strip()
                if tekst:
                    teksten[veld] = tekst
                else:
                    teksten.pop(veld, None)
        self.instance.vertalingen = {taal: teksten for taal, teksten in vertalingen.items() if teksten}


class _OpeningstijdenVelden:
    """Opening hours as 7 optional (van, tot) pairs, one per weekday, for an aanbod or a location."""

    def _openingstijd_velden_toevoegen(self):
        for dag in Weekdag:
            for deel in ("van", "tot"):
                naam = f"{deel}_{dag.value}"
                self.fields[naam] = forms.TimeField(
                    required=False,
                    label=f"{dag.label.capitalize()} {deel}",
                    widget=forms.TimeInput(attrs={"type": "time", "class": "input--short"}, format="%H:%M"),
                    error_messages={"invalid": "Vul een tijd in zoals 9:00 of 13:30."},
                )
        if self.instance.pk and not self.is_bound:
            for tijd in self.instance.openingstijden.all():
                self.initial[f"van_{tijd.weekdag}"] = tijd.van
                self.initial[f"tot_{tijd.weekdag}"] = tijd.tot

    def openingstijd_velden(self):
        """(dag, van-field, tot-field) per weekday, for the template."""
        return [(dag.label.capitalize(), self[f"van_{dag.value}"], self[f"tot_{dag.value}"]) for dag in Weekdag]

    def _openingstijden_controleren(self, cleaned) -> None:
        for dag in Weekdag:
            van, tot = cleaned.get(f"van_{dag.value}"), cleaned.get(f"tot_{dag.value}")
            if (van is None) != (tot is None) and f"van_{dag.value}" not in self.errors:
                self.add_error(f"tot_{dag.value}", f"Vul voor {dag.label} allebei de tijden in, of geen van beide.")
            elif van is not None and tot is not None and van >= tot:
                self.add_error(f"tot_{dag.value}", f"Op {dag.label} moet de eindtijd later zijn dan de begintijd.")

    def openingstijden(self) -> list[tuple[int, object, object]]:
        return [
            (dag.value, self.cleaned_data[f"van_{dag.value}"], self.cleaned_data[f"tot_{dag.value}"])
            for dag in Weekdag
            if self.cleaned_data.get(f"van_{dag.value}") is not None
        ]


class OrganisatieForm(_VertalingenVelden, _PartnerForm):
    class Meta:
        model = Organisatie
        fields = ["naam", "korte_omschrijving", "website", "telefoon", "email"]
        labels = {"korte_omschrijving": "Wat doet uw organisatie?", "email": "E-mailadres"}
        help_texts = {
            "korte_omschrijving": "In een paar korte zinnen. Schrijf zoals u praat.",
            "telefoon": "Het nummer dat inwoners kunnen bellen.",
        }
        widgets = {"korte_omschrijving": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._vertaalvelden_toevoegen()

    def gewone_velden(self):
        return [self[name] for name in self.Meta.fields]

    def clean(self):
        cleaned = super().clean()
        self._vertalingen_overnemen(cleaned)
        return cleaned


class AanbodForm(_OpeningstijdenVelden, _VertalingenVelden, _PartnerForm):
    """The aanbod with its opening hours as 7 optional (van, tot) pairs."""

    class Meta:
        model = Aanbod
        fields = [
            "titel",
            "wat_u_krijgt",
            "voor_wie",
            "themas",
            "doelgroepen",
            "levensgebeurtenissen",
            "heel_de_gemeente",
            "kernen",
            "op_afstand",
            "kosten",
            "kosten_toelichting",
            "hoe_aanvragen",
            "meenemen",
            "telefoon",
            "email",
            "website",
            "openingstijden_toelichting",
            "min_leeftijd",
            "max_leeftijd",
        ]
        labels = {
            "titel": "Naam van het aanbod",
            "wat_u_krijgt": "Wat krijgt een inwoner?",
            "voor_wie": "Voor wie is het?",
            "themas": "Thema's",
            "heel_de_gemeente": "Dit aanbod is er in heel de gemeente",
            "kernen": "In welke dorpen is het aanbod?",
            "op_afstand": "Het aanbod heeft geen vaste plek (telefonisch, online of bij mensen thuis)",
            "kosten": "Wat kost het?",
            "kosten_toelichting": "Uitleg over de kosten",
            "hoe_aanvragen": "Hoe vraagt iemand het aan?",
            "meenemen": "Wat moet iemand meenemen?",
            "email": "E-mailadres",
            "openingstijden_toelichting": "Uitleg over de openingstijden",
            "min_leeftijd": "Vanaf welke leeftijd?",
            "max_leeftijd": "Tot en met welke leeftijd?",
        }
        help_texts = {
            "titel": "Kort en duidelijk, bijvoorbeeld: Hulp bij uw administratie.",
            "wat_u_krijgt": "Schrijf in korte zinnen. Spreek de lezer aan met u.",
            "hoe_aanvragen": "Zet elke stap op een nieuwe regel.",
            "meenemen": "Zet elk ding op een nieuwe regel.",
            "telefoon": "Leeg? Dan tonen wij het nummer van uw organisatie.",
            "email": "Leeg? Dan tonen wij het e-mailadres van uw organisatie.",
            "kernen": "",
            "op_afstand": "",
        }
        widgets = {
            "wat_u_krijgt": forms.Textarea(attrs={"rows": 5}),
            "voor_wie": forms.Textarea(attrs={"rows": 3}),
            "hoe_aanvragen": forms.Textarea(attrs={"rows": 4}),
            "meenemen": forms.Textarea(attrs={"rows": 3}),
            "themas": forms.CheckboxSelectMultiple,
            "doelgroepen": forms.CheckboxSelectMultiple,
            "levensgebeurtenissen": forms.CheckboxSelectMultiple,
            "kernen": forms.CheckboxSelectMultiple,
            "kosten": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kosten"].choices = [c for c in self.fields["kosten"].choices if c[0]]
        for name in ("min_leeftijd", "max_leeftijd"):
            self.fields[name].error_messages["invalid"] = "Vul een leeftijd in als getal, bijvoorbeeld 18."
            self.fields[name].widget.attrs["class"] = "input--short"
        self._openingstijd_velden_toevoegen()
        self._vertaalvelden_toevoegen()

    def gewone_velden(self):
        return [self[name] for name in self.Meta.fields]

    def clean(self):
        cleaned = super().clean()
        self._openingstijden_controleren(cleaned)
        low, high = cleaned.get("min_leeftijd"), cleaned.get("max_leeftijd")
        if low is not None and high is not None and low > high:
            self.add_error("max_leeftijd", "De leeftijd 'tot en met' moet hoger zijn dan 'vanaf'.")
        if not cleaned.get("heel_de_gemeente") and not cleaned.get("kernen") and not cleaned.get("op_afstand"):
            self.add_error("kernen", "Kies minstens één dorp. Of kies 'heel de gemeente' of 'geen vaste plek'.")
        self._vertalingen_overnemen(cleaned)
        return cleaned


_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")
_TOEGANKELIJK = [("ja", "Ja"), ("nee", "Nee"), ("", "Weet ik niet")]


class LocatieForm(_OpeningstijdenVelden, _PartnerForm):
    """A location of the organisation: address (the postcode fills in kern and coordinates
    from the portal's postcode table), accessibility, languages, contact and opening hours."""

    toegankelijk = forms.ChoiceField(
        label="Kan iemand met een rolstoel naar binnen?",
        choices=_TOEGANKELIJK,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Locatie
        fields = [
            "naam",
            "straat",
            "postcode",
            "plaats",
            "toegankelijkheid",
            "talen",
            "telefoon",
            "email",
            "contactpersoon",
        ]
        labels = {
            "naam": "Naam van de locatie",
            "straat": "Straat en huisnummer",
            "toegankelijkheid": "Uitleg over de toegankelijkheid",
            "talen": "In welke talen kunnen mensen hier geholpen worden?",
            "email": "E-mailadres",
            "contactpersoon": "Contactpersoon",
        }
        help_texts = {
            "naam": "Bijvoorbeeld: Dorpshuis De Schakel.",
            "postcode": "Bijvoorbeeld: 9351 AB.",
            "toegankelijkheid": "Bijvoorbeeld: er is een lift, of de ingang is aan de achterkant.",
            "contactpersoon": "De functie of naam van wie inwoners hier helpt, bijvoorbeeld: de coördinator.",
            "talen": "",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["talen"] = forms.MultipleChoiceField(
            label=self.Meta.labels["talen"],
            choices=SERVICETALEN,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "Kies een taal uit de lijst."},
        )
        self.order_fields([*self.Meta.fields[:4], "toegankelijk", *self.Meta.fields[4:]])
        for name in ("straat", "postcode", "plaats"):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = "Vul dit veld in."
        if not self.is_bound:
            waarde = self.instance.rolstoeltoegankelijk
            self.initial["toegankelijk"] = "" if waarde is None else ("ja" if waarde else "nee")
        self._openingstijd_velden_toevoegen()

    def gewone_velden(self):
        return [self[name] for name in self.fields if not name.startswith(("van_", "tot_"))]

    def clean_postcode(self):
        postcode = (self.cleaned_data.get("postcode") or "").strip()
        gevonden = _POSTCODE.match(postcode)
        if not gevonden:
            raise ValidationError("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 9351 AB.")
        gebied = Postcodegebied.objects.select_related("kern").filter(postcode=gevonden[1]).first()
        if gebied is None:
            raise ValidationError(
                "Deze postcode ligt niet in de gemeente Westerkwartier. Controleer de postcode, bijvoorbeeld 9351 AB."
            )
        self._kern = gebied.kern
        return f"{gevonden[1]} {gevonden[2].upper()}"

    def clean(self):
        cleaned = super().clean()
        self._openingstijden_controleren(cleaned)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        keuze = self.cleaned_data.get("toegankelijk", "")
        self.instance.rolstoeltoegankelijk = {"ja": True, "nee": False}.get(keuze)
        kern = getattr(self, "_kern", None)
        if kern is not None:
            self.instance.kern = kern
            self.instance.latitude, self.instance.longitude = kern.latitude, kern.longitude


def form_data_as_json(form: forms.Form) -> dict[str, list[str]]:
    """The submitted values of the form's own fields, JSON-safe, to replay later."""
    return {name: [str(v) for v in form.data.getlist(name)] for name in form.fields if name in form.data}


# --- Accounts ----------------------------------------------------------------------


class InloggenForm(GeremdMelding, AuthenticationForm):
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

    def __init__(self, *args, email: str = "", organisatie: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.organisatie = organisatie

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
            probe.organisatie_namen = [self.organisatie] if self.organisatie else []
            try:
                password_validation.validate_password(een, probe)
            except forms.ValidationError as error:
                self.add_error("wachtwoord1", error)
        return cleaned
