"""Forms of the warm handover. Every message says what to do, in B1 Dutch."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from overdracht.models import BesteTijd

TELEFOON = re.compile(r"^\+?[0-9][0-9 ()-]{8,18}$")


class ToestemmingForm(forms.Form):
    toestemming = forms.ChoiceField(
        label=_("Mogen wij uw gegevens sturen?"),
        choices=[("ja", _("Ja, stuur mijn gegevens. Ik wil gebeld worden.")), ("nee", _("Nee, ik bel liever zelf."))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee."), "invalid_choice": _("Kies ja of nee.")},
    )


class ContactForm(forms.Form):
    """The details that are sent: nothing else."""

    naam = forms.CharField(
        label=_("Uw naam"),
        max_length=100,
        error_messages={
            "required": _("Vul uw naam in."),
            "max_length": _("Uw naam is te lang. Gebruik 100 tekens of minder."),
        },
    )
    telefoon = forms.CharField(
        label=_("Uw telefoonnummer"),
        help_text=_("Bijvoorbeeld 06 12345678. Vul een telefoonnummer of een e-mailadres in, of allebei."),
        max_length=20,
        required=False,
        error_messages={"max_length": _("Vul een telefoonnummer in zoals 06 12345678.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        required=False,
        error_messages={"invalid": _("Vul een e-mailadres in zoals naam@voorbeeld.nl.")},
    )
    beste_tijd = forms.ChoiceField(
        label=_("Wanneer kunnen ze u het best bellen?"),
        choices=BesteTijd.choices,
        initial=BesteTijd.MAAKT_NIET_UIT,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies wanneer ze u het best kunnen bellen."),
            "invalid_choice": _("Kies een tijd."),
        },
    )
    vraag = forms.CharField(
        label=_("Waar wilt u hulp bij?"),
        help_text=_(
            "Schrijf het in een of twee zinnen. Bijvoorbeeld: ik heb schulden en weet niet waar ik moet beginnen."
        ),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Dit is te lang. Gebruik 500 tekens of minder.")},
    )

    def clean_naam(self):
        naam = " ".join(self.cleaned_data["naam"].split())
        if not naam:
            raise forms.ValidationError(_("Vul uw naam in."))
        return naam

    def clean_telefoon(self):
        telefoon = " ".join(self.cleaned_data.get("telefoon", "").split())
        if telefoon and not TELEFOON.match(telefoon):
            raise forms.ValidationError(_("Vul een telefoonnummer in zoals 06 12345678. Gebruik alleen cijfers."))
        return telefoon

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("telefoon") and not data.get("email"):
            self.add_error(
                "telefoon", _("Vul een telefoonnummer of een e-mailadres in. Anders kan niemand u bereiken.")
            )
        return data


class InwonerForm(ContactForm):
    uitslag_meesturen = forms.BooleanField(
        label=_("Stuur mijn uitslag van de check mee"),
        help_text=_(
            "Dan ziet de organisatie bij welke regelingen u waarschijnlijk hulp kunt krijgen. "
            "Uw bedragen en antwoorden sturen we niet mee."
        ),
        required=False,
    )

    def __init__(self, *args, met_uitslag: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not met_uitslag:
            del self.fields["uitslag_meesturen"]


class DoorverwijsForm(ContactForm):
    ontvanger = forms.ModelChoiceField(
        label="Naar welke organisatie verwijst u door?",
        queryset=None,
        empty_label="Kies een organisatie",
        error_messages={"required": "Kies een organisatie.", "invalid_choice": "Kies een organisatie uit de lijst."},
    )
    toestemming_inwoner = forms.BooleanField(label="De inwoner gaf toestemming", required=False)
    privacyverklaring_gedeeld = forms.BooleanField(label="Ik heb de privacyverklaring gedeeld", required=False)

    field_order = ["ontvanger", "naam", "telefoon", "email", "beste_tijd", "vraag"]

    def __init__(self, *args, organisaties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontvanger"].queryset = organisaties
        self.fields["naam"].label = "Naam van de inwoner"
        self.fields["telefoon"].label = "Telefoonnummer van de inwoner"
        self.fields["email"].label = "E-mailadres van de inwoner"
        self.fields["beste_tijd"].label = "Wanneer kan de inwoner het best gebeld worden?"
        self.fields["vraag"].label = "Waar wil de inwoner hulp bij?"
        self.fields["naam"].error_messages["required"] = "Vul de naam van de inwoner in."


class BesluitForm(forms.Form):
    actie = forms.ChoiceField(
        choices=[("accepteren", "Accepteren"), ("afwijzen", "Afwijzen"), ("afronden", "Afronden")],
        error_messages={"required": "Kies wat u met het verzoek doet.", "invalid_choice": "Kies wat u doet."},
    )
    reden = forms.CharField(
        label="Waarom wijst u het verzoek af?",
        help_text="Bijvoorbeeld: wij helpen alleen inwoners van 18 jaar en ouder.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Schrijf op waarom u het verzoek afwijst.",
            "max_length": "Dit is te lang. Gebruik 500 tekens of minder.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The reason is needed to reject, not to accept or close.
        self.fields["reden"].required = not self.is_bound or self.data.get("actie") == "afwijzen"


class InstellingenForm(forms.Form):
    ontvangt_verzoeken = forms.TypedChoiceField(
        label="Wilt u verzoeken ontvangen?",
        help_text="Dan zien inwoners de knop 'Laat mij bellen' bij uw aanbod. Partners kunnen naar u doorverwijzen.",
        choices=[("ja", "Ja, wij ontvangen verzoeken"), ("nee", "Nee, nu niet")],
        coerce=lambda v: v == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies ja of nee.", "invalid_choice": "Kies ja of nee."},
    )
    verzoeken_email = forms.EmailField(
        label="Naar welk e-mailadres sturen wij een bericht over een nieuw verzoek?",
        help_text="Laat leeg: dan krijgen alle medewerkers met een account het bericht.",
        required=False,
        max_length=254,
        error_messages={"invalid": "Vul een e-mailadres in zoals verzoeken@organisatie.nl."},
    )
