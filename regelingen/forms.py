"""Forms of the check: one question per form. Every error says what to do, in B1 Dutch."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from regelingen.invoer import MAX_INKOMEN, MAX_JAREN, MAX_KINDEREN, MAX_LEEFTIJD
from regelingen.invoer import MIN_LEEFTIJD_CHECK as MIN_LEEFTIJD

JA_NEE = [("ja", gettext_lazy("Ja")), ("nee", gettext_lazy("Nee"))]
MAX_VERMOGEN_FORM = Decimal(100_000_000)


def ja_nee(label: str, *, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=JA_NEE,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": gettext_lazy("Kies ja of nee."), "invalid_choice": gettext_lazy("Kies ja of nee.")},
    )


NUL_WOORDEN = ("geen", "nul", "niks", "niets")


def lees_bedrag(tekst: str, *, wat: str, voorbeeld: str, maximum: Decimal) -> Decimal:
    """Read an amount as residents type it: 1250, 1250,50, 1.250,50, € 1250, 1250 euro,
    € 1.650,00, 1650,- or 1250.50; "geen" and "nul" are 0.

    `wat` is the (translated) thing asked for, as in "Vul {wat} in als een bedrag"."""
    fout = _("Vul %(wat)s in als een bedrag, bijvoorbeeld %(voorbeeld)s.") % {"wat": wat, "voorbeeld": voorbeeld}
    schoon = re.sub(r"[\s\u00a0€]", "", tekst or "").lower()
    if schoon.rstrip(".") in NUL_WOORDEN:
        return Decimal("0.00")
    schoon = schoon.removeprefix("eur").removesuffix("euro").removesuffix("eur").removesuffix(".")
    negatief = schoon.startswith("-")
    schoon = schoon.lstrip("-").removesuffix(",-").removesuffix(",--")
    if not schoon or len(schoon) > 20 or not re.fullmatch(r"[\d.,]+", schoon) or not re.search(r"\d", schoon):
        raise ValidationError(fout)
    if "," in schoon:
        if schoon.count(",") > 1 or not re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d{1,2})?|\d+(,\d{1,2})?", schoon):
            raise ValidationError(fout)
        schoon = schoon.replace(".", "").replace(",", ".")
    elif "." in schoon:
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", schoon):
            schoon = schoon.replace(".", "")  # 1.250 is Dutch for twelve hundred and fifty
        elif not re.fullmatch(r"\d+\.\d{1,2}", schoon):
            raise ValidationError(fout)
    try:
        bedrag = Decimal(schoon)
    except InvalidOperation:
        raise ValidationError(fout) from None
    if negatief and bedrag != 0:
        raise ValidationError(
            _("Een bedrag kan niet lager zijn dan 0. Vul %(wat)s in, bijvoorbeeld %(voorbeeld)s.")
            % {"wat": wat, "voorbeeld": voorbeeld}
        )
    if bedrag > maximum:
        raise ValidationError(
            _("Dit bedrag is te hoog. Vul %(wat)s per maand in, bijvoorbeeld %(voorbeeld)s.")
            % {"wat": wat, "voorbeeld": voorbeeld}
        )
    return bedrag.quantize(Decimal("0.01"))


def lees_geheel_getal(tekst: str, *, fout: str) -> int:
    """A whole number as residents type it: 34, "34 jaar", "34 jr", "nul" or "geen" (0)."""
    schoon = re.sub(r"\s+", " ", (tekst or "").strip().lower()).rstrip(".")
    if schoon in NUL_WOORDEN:
        return 0
    schoon = re.sub(r"\s*(jaar|jaren|jr)$", "", schoon)
    if not re.fullmatch(r"\d{1,3}", schoon):
        raise ValidationError(fout)
    return int(schoon)


class WoonplaatsForm(forms.Form):
    woont_in_gemeente = ja_nee(gettext_lazy("Woont u in de gemeente?"))

    def __init__(self, *args, gemeente: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if gemeente:
            self.fields["woont_in_gemeente"].label = _("Woont u in de gemeente %(gemeente)s?") % {"gemeente": gemeente}


class SamenwonenForm(forms.Form):
    partner = ja_nee(
        gettext_lazy("Woont u samen of bent u getrouwd?"),
        help_text=gettext_lazy("Kies ja als u een partner heeft die bij u woont. Ook als u niet getrouwd bent."),
    )


class LeeftijdForm(forms.Form):
    leeftijd = forms.CharField(
        label=gettext_lazy("Hoe oud bent u?"),
        max_length=10,
        help_text=gettext_lazy("In jaren. Bijvoorbeeld 35."),
        error_messages={"required": gettext_lazy("Vul uw leeftijd in. Bijvoorbeeld 35.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
    )
    leeftijd_partner = forms.CharField(
        label=gettext_lazy("Hoe oud is uw partner?"),
        max_length=10,
        help_text=gettext_lazy("In jaren. Bijvoorbeeld 37."),
        error_messages={"required": gettext_lazy("Vul de leeftijd van uw partner in. Bijvoorbeeld 37.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
    )

    def __init__(self, *args, partner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not partner:
            del self.fields["leeftijd_partner"]
        else:
            self.fields["leeftijd"].label = _("Hoe oud bent u zelf?")

    @staticmethod
    def _leeftijd(tekst: str, *, geen_getal: str, buiten_bereik: str) -> int:
        waarde = lees_geheel_getal(tekst, fout=geen_getal)
        if not MIN_LEEFTIJD <= waarde <= MAX_LEEFTIJD:
            raise ValidationError(buiten_bereik % {"min": MIN_LEEFTIJD, "max": MAX_LEEFTIJD})
        return waarde

    def clean_leeftijd(self):
        return self._leeftijd(
            self.cleaned_data["leeftijd"],
            geen_getal=_("Vul uw leeftijd in als een getal. Bijvoorbeeld 35."),
            buiten_bereik=_("Vul uw leeftijd in. Dat is een getal van %(min)s tot en met %(max)s."),
        )

    def clean_leeftijd_partner(self):
        return self._leeftijd(
            self.cleaned_data["leeftijd_partner"],
            geen_getal=_("Vul de leeftijd van uw partner in als een getal. Bijvoorbeeld 35."),
            buiten_bereik=_("Vul de leeftijd van uw partner in. Dat is een getal van %(min)s tot en met %(max)s."),
        )


class KinderenForm(forms.Form):
    heeft_kinderen = ja_nee(
        gettext_lazy("Wonen er kinderen onder de 18 jaar bij u thuis?"),
        help_text=gettext_lazy("Het gaat om uw eigen kinderen of kinderen van uw partner die bij u wonen."),
    )


class KinderenLeeftijdenForm(forms.Form):
    leeftijden = forms.CharField(
        label=gettext_lazy("Hoe oud zijn de kinderen?"),
        max_length=200,
        help_text=gettext_lazy("Zet een komma tussen de leeftijden. Bijvoorbeeld: 4, 7, 12. Een baby is 0."),
        error_messages={"required": gettext_lazy("Vul de leeftijden van de kinderen in. Bijvoorbeeld: 4, 7, 12.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_leeftijden(self):
        tekst = re.sub(r"\b(jaar|jaren|jr)\b\.?", " ", self.cleaned_data["leeftijden"].lower())
        delen = [d for d in re.split(r"[,;\s]+|\ben\b", tekst) if d]
        fout = _("Vul de leeftijden in als getallen met een komma ertussen. Bijvoorbeeld: 4, 7, 12.")
        if not delen:
            raise ValidationError(fout)
        leeftijden = [lees_geheel_getal(d, fout=fout) for d in delen]
        if any(leeftijd >= 18 for leeftijd in leeftijden):
            raise ValidationError(
                _("Vul alleen kinderen in die jonger zijn dan 18 jaar. Een kind van 18 telt niet mee.")
            )
        if len(leeftijden) > MAX_KINDEREN:
            raise ValidationError(_("Vul hoogstens %(aantal)s kinderen in.") % {"aantal": MAX_KINDEREN})
        return sorted(leeftijden)


class InkomenForm(forms.Form):
    netto_inkomen = forms.CharField(
        label=gettext_lazy("Wat is het netto inkomen van uw huishouden per maand?"),
        max_length=30,
        help_text=gettext_lazy(
            "Tel alles bij elkaar op wat u en uw partner per maand op uw rekening krijgen. "
            "Bijvoorbeeld loon, een uitkering, AOW, pensioen of alimentatie. "
            "Tel niet mee: vakantiegeld, huurtoeslag, zorgtoeslag, kinderbijslag en kindgebonden budget. "
            "Vul een bedrag in, bijvoorbeeld 1250."
        ),
        error_messages={"required": gettext_lazy("Vul uw inkomen in als een bedrag, bijvoorbeeld 1250.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def clean_netto_inkomen(self):
        return lees_bedrag(
            self.cleaned_data["netto_inkomen"], wat=_("uw inkomen"), voorbeeld="1250", maximum=MAX_INKOMEN
        )


class VermogenForm(forms.Form):
    vermogen = forms.CharField(
        label=gettext_lazy("Hoeveel spaargeld en bezit heeft u?"),
        max_length=30,
        required=False,
        help_text=gettext_lazy(
            "Tel op: geld op uw bank- en spaarrekeningen, contant geld en dingen die veel waard zijn, "
            "zoals een tweede auto. Samen met uw partner. Vul een bedrag in, bijvoorbeeld 2500."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    weet_niet = forms.BooleanField(label=gettext_lazy("Ik weet het niet"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("weet_niet"):
            data["vermogen"] = None
            self.errors.pop("vermogen", None)
            return data
        if "vermogen" not in data:
            return data
        tekst = data.get("vermogen") or ""
        if not tekst.strip():
            self.add_error(
                "vermogen", _("Vul een bedrag in, bijvoorbeeld 2500. Weet u het niet? Kies 'Ik weet het niet'.")
            )
            return data
        try:
            data["vermogen"] = lees_bedrag(
                tekst, wat=_("uw spaargeld en bezit"), voorbeeld="2500", maximum=MAX_VERMOGEN_FORM
            )
        except ValidationError as error:
            self.add_error("vermogen", error)
        return data


class JarenForm(forms.Form):
    jaren_laag_inkomen = forms.CharField(
        label=gettext_lazy("Hoe lang heeft u al een laag inkomen?"),
        max_length=10,
        required=False,
        help_text=gettext_lazy("In hele jaren. Korter dan 1 jaar? Vul dan 0 in."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
    )
    weet_niet = forms.BooleanField(label=gettext_lazy("Ik weet het niet"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("weet_niet"):
            data["jaren_laag_inkomen"] = None
            return data
        tekst = (data.get("jaren_laag_inkomen") or "").strip()
        if not tekst:
            self.add_error(
                "jaren_laag_inkomen",
                _("Vul het aantal jaren in, bijvoorbeeld 3. Weet u het niet? Kies 'Ik weet het niet'."),
            )
            return data
        try:
            jaren = lees_geheel_getal(tekst, fout=_("Vul het aantal jaren in als een getal, bijvoorbeeld 3."))
            if jaren > MAX_JAREN:
                raise ValidationError(_("Vul een aantal jaren in van 0 tot en met %(max)s.") % {"max": MAX_JAREN})
            data["jaren_laag_inkomen"] = jaren
        except ValidationError as error:
            self.add_error("jaren_laag_inkomen", error)
        return data


class StudieForm(forms.Form):
    student = ja_nee(
        gettext_lazy("Gaat u naar school of studeert u?"),
        help_text=gettext_lazy(
            "Bijvoorbeeld een opleiding op het mbo, hbo of de universiteit, met studiefinanciering."
        ),
    )


class WoningForm(forms.Form):
    huurt = forms.ChoiceField(
        label=gettext_lazy("Huurt u uw woning?"),
        choices=[
            ("ja", gettext_lazy("Ja, ik huur")),
            ("nee", gettext_lazy("Nee, het is mijn eigen huis of ik woon bij iemand in")),
            ("weet_niet", gettext_lazy("Ik weet het niet")),
        ],
        widget=forms.RadioSelect,
        help_text=gettext_lazy("We vragen dit voor de huurtoeslag."),
        error_messages={
            "required": gettext_lazy("Kies een antwoord."),
            "invalid_choice": gettext_lazy("Kies een antwoord."),
        },
    )


_LEEG_OF_WEET_NIET = gettext_lazy(
    "Vul een bedrag in, bijvoorbeeld %(voorbeeld)s. Weet u het niet? Kies 'Ik weet het niet'."
)


class _BedragOfWeetNiet(forms.Form):
    """An amount, or "Ik weet het niet" (None)."""

    veld = ""
    wat = ""
    voorbeeld = ""
    weet_niet = forms.BooleanField(label=gettext_lazy("Ik weet het niet"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("weet_niet"):
            data[self.veld] = None
            self.errors.pop(self.veld, None)
            return data
        if self.veld not in data:
            return data
        tekst = data.get(self.veld) or ""
        if not tekst.strip():
            self.add_error(
                self.veld,
                _LEEG_OF_WEET_NIET % {"voorbeeld": self.voorbeeld},
            )
            return data
        try:
            data[self.veld] = lees_bedrag(tekst, wat=self.wat, voorbeeld=self.voorbeeld, maximum=MAX_INKOMEN)
        except ValidationError as error:
            self.add_error(self.veld, error)
        return data


class VasteLastenForm(_BedragOfWeetNiet):
    veld, wat, voorbeeld = "vaste_lasten", gettext_lazy("uw vaste lasten"), "1100"
    vaste_lasten = forms.CharField(
        label=gettext_lazy("Hoeveel vaste lasten heeft u per maand?"),
        max_length=30,
        required=False,
        help_text=gettext_lazy(
            "Tel op: huur of hypotheek, gas, water en stroom, de zorgverzekering, andere verzekeringen, "
            "gemeentelijke belastingen en wat u per maand aflost. Vul een bedrag in, bijvoorbeeld 1100."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    field_order = ["vaste_lasten", "weet_niet"]


class HuurForm(forms.Form):
    huur = forms.CharField(
        label=gettext_lazy("Hoeveel kale huur betaalt u per maand?"),
        max_length=30,
        required=False,
        help_text=gettext_lazy(
            "Kale huur is de huur zonder servicekosten, zoals schoonmaak of energie voor de gang. "
            "Het staat in uw huurcontract of op de brief van de verhuurder. Vul een bedrag in, bijvoorbeeld 750."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    weet_niet = forms.BooleanField(label=gettext_lazy("Ik weet het niet"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("weet_niet"):
            data["huur"] = None
            self.errors.pop("huur", None)
            return data
        if "huur" not in data:
            return data
        tekst = data.get("huur") or ""
        if not tekst.strip():
            self.add_error("huur", _LEEG_OF_WEET_NIET % {"voorbeeld": "750"})
            return data
        try:
            data["huur"] = lees_bedrag(tekst, wat=_("uw kale huur"), voorbeeld="750", maximum=MAX_INKOMEN)
        except ValidationError as error:
            self.add_error("huur", error)
        return data


class NieuwInkomenForm(forms.Form):
    nieuw_inkomen = forms.CharField(
        label=gettext_lazy("Hoeveel gaat u netto per maand verdienen?"),
        max_length=30,
        help_text=gettext_lazy(
            "Het nieuwe netto inkomen van uw huishouden per maand. Vul een bedrag in, bijvoorbeeld 1900."
        ),
        error_messages={"required": gettext_lazy("Vul een bedrag in, bijvoorbeeld 1900.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def clean_nieuw_inkomen(self):
        return lees_bedrag(
            self.cleaned_data["nieuw_inkomen"], wat=_("het nieuwe inkomen"), voorbeeld="1900", maximum=MAX_INKOMEN
        )


# What a resident may already receive beside the local regelingen (the slugs of regelingen/invoer.py).
AL_ONTVANGEN_LANDELIJK = (
    ("bijstand", gettext_lazy("Bijstand")),
    ("aow", gettext_lazy("AOW")),
    ("ww", gettext_lazy("WW")),
    ("huurtoeslag", gettext_lazy("Huurtoeslag")),
    ("zorgtoeslag", gettext_lazy("Zorgtoeslag")),
    ("kindgebonden-budget", gettext_lazy("Kindgebonden budget")),
    ("kinderbijslag", gettext_lazy("Kinderbijslag")),
)


class OntvangtForm(forms.Form):
    """ "Wat krijgt u al?": any number of ticks, none is a fine answer too."""

    ontvangt = forms.MultipleChoiceField(
        label=gettext_lazy("Wat krijgt u al?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Kies alles wat u nu al krijgt. Dan vragen we minder. Krijgt u niets hiervan? Ga dan gewoon verder."
        ),
        error_messages={"invalid_choice": gettext_lazy("Kies alleen uit de lijst.")},
    )

    def __init__(self, *args, lokaal: tuple[tuple[str, str], ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ontvangt"].choices = [*AL_ONTVANGEN_LANDELIJK, *lokaal]


# --- "Wat als...": one form per scenario page (POST, used for that page only, never stored) ---


class SamenwonenScenarioForm(forms.Form):
    leeftijd_partner = forms.CharField(
        label=gettext_lazy("Hoe oud is uw nieuwe partner?"),
        max_length=10,
        help_text=gettext_lazy("In jaren. Bijvoorbeeld 37."),
        error_messages={"required": gettext_lazy("Vul de leeftijd van uw partner in. Bijvoorbeeld 37.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 4}),
    )
    inkomen_partner = forms.CharField(
        label=gettext_lazy("Hoeveel verdient uw partner netto per maand?"),
        max_length=30,
        help_text=gettext_lazy("Heeft uw partner geen inkomen? Vul dan 0 in."),
        error_messages={"required": gettext_lazy("Vul het inkomen van uw partner in, bijvoorbeeld 1200.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def clean_leeftijd_partner(self):
        return LeeftijdForm._leeftijd(
            self.cleaned_data["leeftijd_partner"],
            geen_getal=_("Vul de leeftijd van uw partner in als een getal. Bijvoorbeeld 35."),
            buiten_bereik=_("Vul de leeftijd van uw partner in. Dat is een getal van %(min)s tot en met %(max)s."),
        )

    def clean_inkomen_partner(self):
        return lees_bedrag(
            self.cleaned_data["inkomen_partner"],
            wat=_("het inkomen van uw partner"),
            voorbeeld="1200",
            maximum=MAX_INKOMEN,
        )


class KindScenarioForm(forms.Form):
    keuze = forms.ChoiceField(
        label=gettext_lazy("Welk kind, en welke leeftijd?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Kies een antwoord."),
            "invalid_choice": gettext_lazy("Kies een antwoord."),
        },
    )

    def __init__(self, *args, keuzes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keuze"].choices = list(keuzes)


class AowScenarioForm(forms.Form):
    inkomen = forms.CharField(
        label=gettext_lazy("Wat wordt dan uw netto inkomen per maand?"),
        max_length=30,
        help_text=gettext_lazy(
            "Met AOW en pensioen samen. Weet u het niet? Kijk op svb.nl of mijnpensioenoverzicht.nl. "
            "Vul een bedrag in, bijvoorbeeld 1500."
        ),
        error_messages={"required": gettext_lazy("Vul een bedrag in, bijvoorbeeld 1500.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def clean_inkomen(self):
        return lees_bedrag(self.cleaned_data["inkomen"], wat=_("uw inkomen"), voorbeeld="1500", maximum=MAX_INKOMEN)
