"""Our crispy-forms template pack renders NL Design System markup: label, hint
and error tied to the input, radio groups in a fieldset with a legend."""

from django import forms
from django.template import Context, Template


class VoorbeeldForm(forms.Form):
    naam = forms.CharField(help_text="Uw voornaam is genoeg.")
    keuze = forms.ChoiceField(choices=[("ja", "Ja"), ("nee", "Nee")], widget=forms.RadioSelect)
    opmerking = forms.CharField(required=False)


def _render(form) -> str:
    return Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))


def test_text_field_has_label_hint_and_error_tied_to_the_input():
    html = _render(VoorbeeldForm(data={"naam": "", "keuze": "ja"}))
    assert '<label class="utrecht-form-label" for="id_naam">' in html
    assert 'id="id_naam-hint"' in html and 'id="id_naam-error"' in html
    assert 'aria-describedby="id_naam-hint id_naam-error"' in html
    assert 'aria-invalid="true"' in html
    assert "utrecht-form-field--invalid" in html


def test_radio_group_is_a_fieldset_with_legend_and_optional_fields_say_so():
    html = _render(VoorbeeldForm())
    assert '<fieldset class="utrecht-form-fieldset"' in html
    assert "utrecht-form-fieldset__legend" in html and "Keuze" in html
    assert 'type="radio" name="keuze" value="nee"' in html
    assert "(niet verplicht)" in html.split("Opmerking", 1)[1][:80]
