"""Answers as people type them: "34 jaar", "1650 euro", "€ 1.650,00", "1.650", "1650,-",
"geen", "nul" are understood by the check's forms; anything else gets the clear message
it always got (property tests with hypothesis, through the real forms)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from regelingen import forms


def _nl(bedrag: Decimal) -> str:
    """1650.5 -> 1.650,50 (Dutch thousands and decimal comma)."""
    return f"{bedrag:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


@pytest.mark.parametrize(
    ("tekst", "bedrag"),
    [
        ("1650 euro", "1650.00"),
        ("€ 1.650,00", "1650.00"),
        ("1.650", "1650.00"),
        ("1650,-", "1650.00"),
        ("€ 1650,-", "1650.00"),
        ("EUR 1650", "1650.00"),
        ("1650 EUR", "1650.00"),
        ("geen", "0.00"),
        ("Nul", "0.00"),
        ("1650", "1650.00"),
    ],
)
def test_natural_amounts_in_the_income_form(tekst, bedrag):
    form = forms.InkomenForm({"netto_inkomen": tekst})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["netto_inkomen"] == Decimal(bedrag)


def test_geen_for_savings_is_zero():
    form = forms.VermogenForm({"vermogen": "geen"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["vermogen"] == Decimal("0.00")


@pytest.mark.parametrize(("tekst", "leeftijd"), [("34 jaar", 34), ("34 Jaar", 34), ("34 jr", 34), (" 34 ", 34)])
def test_natural_ages(tekst, leeftijd):
    form = forms.LeeftijdForm({"leeftijd": tekst})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["leeftijd"] == leeftijd


def test_children_ages_with_jaar_and_en():
    form = forms.KinderenLeeftijdenForm({"leeftijden": "4 jaar, 7 jaar en 12 jaar"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["leeftijden"] == [4, 7, 12]


def test_geen_years_of_low_income_is_zero():
    form = forms.JarenForm({"jaren_laag_inkomen": "geen"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["jaren_laag_inkomen"] == 0


@given(euros=st.integers(min_value=0, max_value=999_999), centen=st.integers(min_value=0, max_value=99))
def test_every_written_form_of_an_amount_means_the_same(euros, centen):
    bedrag = Decimal(euros) + Decimal(centen) / 100
    vormen = [f"{bedrag:.2f}", f"€ {_nl(bedrag)}", f"{_nl(bedrag)} euro", f"EUR {_nl(bedrag)}"]
    if centen == 0:
        vormen += [f"{euros},-", f"€ {euros},-", f"{euros} euro", _nl(bedrag).removesuffix(",00")]
    for vorm in vormen:
        assert forms.lees_bedrag(vorm, wat="uw inkomen", voorbeeld="1250", maximum=Decimal(10**6)) == bedrag, vorm


@given(leeftijd=st.integers(min_value=16, max_value=120), woord=st.sampled_from(["", " jaar", " Jaar", " jr", "jaar"]))
def test_every_written_form_of_an_age_means_the_same(leeftijd, woord):
    form = forms.LeeftijdForm({"leeftijd": f"{leeftijd}{woord}"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["leeftijd"] == leeftijd


@given(tekst=st.text(max_size=30))
def test_anything_else_gives_the_clear_message_never_a_crash(tekst):
    try:
        bedrag = forms.lees_bedrag(tekst, wat="uw inkomen", voorbeeld="1250", maximum=Decimal(10**6))
    except ValidationError as fout:
        assert (
            "Vul uw inkomen in" in fout.messages[0]
            or "Een bedrag kan niet lager" in fout.messages[0]
            or "te hoog" in fout.messages[0]
        )
    else:
        assert Decimal(0) <= bedrag <= Decimal(10**6)
    form = forms.LeeftijdForm({"leeftijd": tekst})
    if not form.is_valid():
        melding = str(form.errors["leeftijd"])
        assert any(d in melding for d in ("Vul uw leeftijd in", "niet meer dan 10 tekens", "Null-tekens"))


@pytest.mark.parametrize("tekst", ["heel weinig", "jaar", "euro", "-", "34 jaar oud", "12,345,67"])
def test_other_text_still_gets_the_message(tekst):
    form = forms.InkomenForm({"netto_inkomen": tekst})
    assert not form.is_valid()
    assert "Vul uw inkomen in als een bedrag, bijvoorbeeld 1250." in form.errors["netto_inkomen"]
