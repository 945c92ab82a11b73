"""Colleagues of an organisation in the partner portal: the beheerder invites (through the
same Uitnodiging path as the coordinator) and removes them. A medewerker gets 403 here."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from sociale_kaart import selectors, services
from sociale_kaart.models import Lidmaatschap, Rol


class CollegaForm(forms.Form):
    email = forms.EmailField(
        label="E-mailadres van uw collega",
        max_length=254,
        error_messages={
            "required": "Vul het e-mailadres van uw collega in.",
            "invalid": "Vul een e-mailadres in zoals naam@organisatie.nl.",
        },
    )
    rol = forms.ChoiceField(
        label="Wat mag deze collega?",
        choices=[
            (Rol.MEDEWERKER, "Medewerker: past het aanbod aan"),
            (Rol.BEHEERDER, "Beheerder: past ook de gegevens van de organisatie en de collega's aan"),
        ],
        initial=Rol.MEDEWERKER,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies wat deze collega mag.", "invalid_choice": "Kies wat deze collega mag."},
    )


@login_required
@require_http_methods(["GET", "POST"])
def collegas(request, slug):
    organisatie = selectors.organisatie_als_beheerder(user=request.user, slug=slug)
    form = CollegaForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            uitnodiging, token = services.collega_uitnodigen(
                email=form.cleaned_data["email"],
                organisatie=organisatie,
                rol=form.cleaned_data["rol"],
                door=request.user,
            )
        except ValidationError as error:
            form.add_error("email", " ".join(error.messages))
        else:
            services.uitnodiging_versturen(
                uitnodiging=uitnodiging, token=token, basis_url=request.build_absolute_uri("/")
            )
            messages.success(request, f"De uitnodiging is verstuurd naar {uitnodiging.email}. De link werkt 14 dagen.")
            return redirect("partner:collegas", slug=organisatie.slug)
    context = {"organisatie": organisatie, "form": form, **selectors.collegas(organisatie=organisatie)}
    return render(request, "partner/collegas.html", context)


@login_required
@require_POST
def collega_verwijderen(request, slug, pk):
    organisatie = selectors.organisatie_als_beheerder(user=request.user, slug=slug)
    lidmaatschap = Lidmaatschap.objects.filter(pk=pk, organisatie=organisatie).select_related("gebruiker").first()
    if lidmaatschap is None:
        raise Http404
    try:
        services.lidmaatschap_verwijderen(lidmaatschap=lidmaatschap)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{lidmaatschap.gebruiker.email} hoort niet meer bij {organisatie.naam}.")
    if lidmaatschap.gebruiker_id == request.user.pk and not Lidmaatschap.objects.filter(pk=pk).exists():
        return redirect("partner_start")
    return redirect("partner:collegas", slug=organisatie.slug)
