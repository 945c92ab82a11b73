"""Forms of the pact pages. Every message says what to do, in B1 Dutch."""

from django import forms

from sociale_kaart.models import Pijler
from werkgroepen.models import ACTIEPUNT_TRANSITIONS, ActiepuntStatus


def _verplicht(tekst: str) -> dict:
    return {"required": tekst, "max_length": "Dit is te lang. Maak de tekst korter."}


class AansluitenForm(forms.Form):
    organisatie_naam = forms.CharField(
        label="Naam van uw organisatie",
        max_length=200,
        error_messages=_verplicht("Vul de naam van uw organisatie in."),
    )
    contactpersoon = forms.CharField(
        label="Uw naam",
        help_text="U bent de contactpersoon voor het pact.",
        max_length=200,
        error_messages=_verplicht("Vul uw naam in."),
    )
    email = forms.EmailField(
        label="Uw e-mailadres",
        help_text="Hierop krijgt u bericht van de coördinator.",
        max_length=254,
        error_messages={
            **_verplicht("Vul uw e-mailadres in."),
            "invalid": "Vul een e-mailadres in zoals naam@organisatie.nl.",
        },
    )
    wat_doet_u = forms.CharField(
        label="Wat doet uw organisatie?",
        help_text="Schrijf het in een paar zinnen. Bijvoorbeeld: wij helpen gezinnen met de administratie.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_verplicht("Schrijf kort wat uw organisatie doet."),
    )
    bijdrage = forms.CharField(
        label="Wat wilt u bijdragen aan het pact?",
        help_text="Bijvoorbeeld: een ruimte voor een bijeenkomst, kennis over schulden, of vrijwilligers.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_verplicht("Schrijf kort wat u wilt bijdragen."),
    )
    # The convenant (seed 004): optional; with it the organisation signs the pact.
    vertegenwoordiger = forms.CharField(
        label="Wie vertegenwoordigt uw organisatie in het pact?",
        help_text="Naam en functie. Bijvoorbeeld: Anna de Vries, coördinator vrijwilligers.",
        max_length=200,
        required=False,
        error_messages=_verplicht(""),
    )
    missie = forms.CharField(
        label="De missie van uw organisatie",
        help_text="In een paar zinnen: waarvoor staat uw organisatie?",
        max_length=1500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_verplicht(""),
    )
    # Honeypot: hidden from people with CSS; a bot that fills it is ignored.
    website_adres = forms.CharField(label="Laat dit veld leeg", required=False, max_length=500)

    CONVENANT_VELDEN = ("vertegenwoordiger", "missie")

    def __init__(self, *args, pijlers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.pijlers = list(pijlers)
        for pijler in self.pijlers:
            self.fields[f"activiteit_{pijler.pk}"] = forms.CharField(
                label=f"Wat doet u dit jaar voor: {pijler.naam}?",
                help_text="Bijvoorbeeld: wij geven vier keer een budgetcursus.",
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages=_verplicht(""),
            )
        # The honeypot last, after the convenant.
        self.fields["website_adres"] = self.fields.pop("website_adres")

    AANVRAAG_VELDEN = ("organisatie_naam", "contactpersoon", "email", "wat_doet_u", "bijdrage")

    def aanvraag_velden(self):
        return [self[n] for n in self.AANVRAAG_VELDEN]

    def aanvraag_velden_namen(self) -> tuple[str, ...]:
        """The fields the service takes as they are (the activities go separately)."""
        return self.AANVRAAG_VELDEN + self.CONVENANT_VELDEN

    def convenant_velden(self):
        return [self[n] for n in self.CONVENANT_VELDEN] + [self[f"activiteit_{p.pk}"] for p in self.pijlers]

    def activiteiten(self) -> list:
        """(pijler, text) for every pillar with an activity filled in."""
        return [(p, self.cleaned_data.get(f"activiteit_{p.pk}", "")) for p in self.pijlers]

    def is_spam(self) -> bool:
        return bool(self.data.get("website_adres", "").strip())


class VoortgangForm(forms.Form):
    tekst = forms.CharField(
        label="Wat is er gebeurd?",
        help_text="Schrijf wat u heeft gedaan en wat het opleverde. Bijvoorbeeld: 12 ouders volgden de budgetcursus.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_verplicht("Schrijf kort wat er is gebeurd."),
    )
    percentage = forms.IntegerField(
        label="Hoe ver is het actiepunt? (in procent)",
        help_text="Een getal van 0 tot en met 100. Laat leeg als u het niet weet.",
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": "Vul een getal in, zonder %-teken. Bijvoorbeeld: 40.",
            "min_value": "Vul een getal in van 0 tot en met 100.",
            "max_value": "Vul een getal in van 0 tot en met 100.",
        },
    )
    status = forms.ChoiceField(label="Verandert de status?", required=False, widget=forms.RadioSelect)

    def __init__(self, *args, huidige_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        huidig = ActiepuntStatus(huidige_status)
        keuzes = [("", f"Nee, de status blijft '{huidig.label.lower()}'")]
        for status in ActiepuntStatus:
            if status in ACTIEPUNT_TRANSITIONS[huidig]:
                keuzes.append((status.value, f"Ja, nu: {status.label.lower()}"))
        self.fields["status"].choices = keuzes
        self.fields["status"].initial = ""
        self.fields["status"].error_messages["invalid_choice"] = "Kies een van de statussen in de lijst."


AGENDA_REGELS = 5


class AgendaForm(forms.Form):
    """Mission paragraph plus up to AGENDA_REGELS activities, each with a pillar."""

    missie = forms.CharField(
        label="De missie van uw organisatie",
        help_text="Eén alinea: waarom bestaat uw organisatie en voor wie?",
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_verplicht("Schrijf de missie van uw organisatie in een paar zinnen."),
    )

    vertegenwoordiger = forms.CharField(
        label="Wie vertegenwoordigt uw organisatie in het pact?",
        help_text="Naam en functie. Bijvoorbeeld: Anja de Vries, coördinator vrijwilligers.",
        required=False,
        max_length=200,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from werkgroepen.selectors import pact_instellingen

        niveau = pact_instellingen().niveau_enkelvoud
        pijlers = Pijler.objects.filter(actief=True).order_by("volgorde", "naam")
        for i in range(1, AGENDA_REGELS + 1):
            self.fields[f"activiteit_{i}_tekst"] = forms.CharField(
                label="Wat gaat u doen?",
                help_text="Bijvoorbeeld: elke week een gratis inloopspreekuur voor hulp bij post.",
                required=i == 1,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages=_verplicht("Beschrijf minstens één activiteit voor dit jaar."),
            )
            self.fields[f"activiteit_{i}_pijler"] = forms.ModelChoiceField(
                label="Waar hoort dit bij?",
                queryset=pijlers,
                required=i == 1,
                empty_label=f"Kies een {niveau}",
                error_messages={
                    "invalid_choice": f"Kies een {niveau} uit de lijst.",
                    "required": f"Kies bij activiteit {i} een {niveau}.",
                },
            )

    def regels(self):
        """(tekst field, pijler field) per activity row, for the template."""
        return [(self[f"activiteit_{i}_tekst"], self[f"activiteit_{i}_pijler"]) for i in range(1, AGENDA_REGELS + 1)]

    def clean(self):
        cleaned = super().clean()
        for i in range(2, AGENDA_REGELS + 1):
            tekst = (cleaned.get(f"activiteit_{i}_tekst") or "").strip()
            pijler = cleaned.get(f"activiteit_{i}_pijler")
            if tekst and pijler is None and f"activiteit_{i}_pijler" not in self.errors:
                niveau = self.fields[f"activiteit_{i}_pijler"].empty_label.removeprefix("Kies een ")
                self.add_error(f"activiteit_{i}_pijler", f"Kies bij activiteit {i} een {niveau}.")
        return cleaned

    def activiteiten(self) -> list[tuple]:
        rijen = []
        for i in range(1, AGENDA_REGELS + 1):
            tekst = (self.cleaned_data.get(f"activiteit_{i}_tekst") or "").strip()
            if tekst:
                rijen.append((self.cleaned_data[f"activiteit_{i}_pijler"], tekst))
        return rijen

    @classmethod
    def initial_van(cls, bijdrage) -> dict:
        if bijdrage is None:
            return {}
        initial = {"missie": bijdrage.missie, "vertegenwoordiger": bijdrage.vertegenwoordiger}
        for i, activiteit in enumerate(bijdrage.activiteiten.all()[:AGENDA_REGELS], start=1):
            initial[f"activiteit_{i}_tekst"] = activiteit.omschrijving
            initial[f"activiteit_{i}_pijler"] = activiteit.pijler_id
        return initial
