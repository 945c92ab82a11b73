import pytest
from django.core.exceptions import ValidationError

from common.overgangen import overgang_controleren
from common.slugs import unieke_slug
from sociale_kaart.models import Organisatie


@pytest.mark.django_db
def test_a_second_organisation_with_the_same_name_gets_a_numbered_slug():
    eerste = Organisatie.objects.create(naam="Voedselbank", slug=unieke_slug(Organisatie, "Voedselbank"))
    tweede = unieke_slug(Organisatie, "Voedselbank!")
    assert (eerste.slug, tweede) == ("voedselbank", "voedselbank-2")
    # The row being saved may keep its own slug.
    assert unieke_slug(Organisatie, "Voedselbank", eigen_pk=eerste.pk) == "voedselbank"
    assert unieke_slug(Organisatie, "???", standaard="organisatie") == "organisatie"


def test_a_transition_outside_the_table_is_refused_with_the_message():
    tabel = {"nieuw": {"open"}, "open": {"klaar"}}
    overgang_controleren(overgangen=tabel, van="nieuw", naar="open", melding="nee")
    with pytest.raises(ValidationError) as fout:
        overgang_controleren(overgangen=tabel, van="klaar", naar="open", melding=lambda: "Dit is al klaar.")
    assert fout.value.messages == ["Dit is al klaar."]
