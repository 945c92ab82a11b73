""" "Klopt er iets niet?" (resident pages, every language): a short form under each public
aanbod, organisatie and regeling. No personal data is asked; a honeypot and a rate
limit per client address keep floods out."""

from __future__ import annotations

from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from armoedepact.correcties import selectors, services
from armoedepact.models import CorrectieWat
from common.security import adres_sleutel, te_vaak

MELDINGEN_PER_UUR = 5


class CorrectieForm(forms.Form):
    wat = forms.ChoiceField(
        label=gettext_lazy("Wat klopt er niet?"),
        choices=CorrectieWat.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Kies wat er niet klopt."),
            "invalid_choice": gettext_lazy("Kies wat er niet klopt."),
        },
    )
    toelichting = forms.CharField(
        label=gettext_lazy("Wat moet het zijn?"),
        help_text=gettext_lazy(
            "Schrijf kort wat er niet klopt. Bijvoorbeeld: het telefoonnummer is nu 0594 123456. "
            "Schrijf geen naam of andere gegevens over uzelf."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": gettext_lazy("Schrijf kort wat er niet klopt."),
            "max_length": gettext_lazy("Dit is te lang. Gebruik 1000 tekens of minder."),
        },
    )
    # Honeypot: hidden from people (and screen readers); a bot that fills it is ignored.
    website_adres = forms.CharField(label=gettext_lazy("Laat dit veld leeg"), required=False, max_length=500)

    def clean_toelichting(self):
        tekst = self.cleaned_data["toelichting"].replace("\x00", "").strip()
        if not tekst:
            raise forms.ValidationError(_("Schrijf kort wat er niet klopt."))
        return tekst

    def is_spam(self) -> bool:
        return bool(str(self.data.get("website_adres", "")).strip())


@never_cache
@require_http_methods(["GET", "POST"])
def correctie(request, onderwerp, slug):
    pagina = selectors.pagina_voor_correctie(onderwerp=onderwerp, slug=slug)
    form = CorrectieForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if te_vaak(soort="correctie", sleutel=adres_sleutel(request), limiet=MELDINGEN_PER_UUR, seconden=3600):
            form.add_error(
                None,
                _("U heeft in het afgelopen uur al een paar meldingen gestuurd. Probeer het later nog eens."),
            )
            status = 429
        else:
            if not form.is_spam():
                services.correctie_indienen(
                    pagina=pagina, wat=form.cleaned_data["wat"], toelichting=form.cleaned_data["toelichting"]
                )
            return redirect(reverse("correctie_bedankt", kwargs={"onderwerp": onderwerp, "slug": slug}))
    return render(request, "armoedepact/correctie.html", {"form": form, "pagina": pagina}, status=status)


@never_cache
def correctie_bedankt(request, onderwerp, slug):
    pagina = selectors.pagina_voor_correctie(onderwerp=onderwerp, slug=slug)
    return render(request, "armoedepact/correctie_bedankt.html", {"pagina": pagina})
