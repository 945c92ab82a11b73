"""Writes of the partner portal's pact part that may publish directly: progress on an
actiepunt and the organisation's part of the Lokale Sociale Agenda.

The werkgroepen services decide public or waiting from `direct`, which they take
from here: the organisation's trust. A trusted organisation's direct publication is
noted for "Net gepubliceerd" on /beheer/, as for aanbod (armoedepact/partner/services.py);
werkgroepen (floor 2) cannot do that itself, it does not know the top floor."""

from datetime import date

from django.db import transaction

from armoedepact.models import DirectePublicatie
from armoedepact.partner.services import directe_publicatie_vastleggen
from sociale_kaart.models import Organisatie, Pijler
from werkgroepen import services as werkgroepen_services
from werkgroepen.models import Actiepunt, AgendaBijdrage, AgendaRonde, Voortgang


@transaction.atomic
def voortgang_melden(
    *,
    actiepunt: Actiepunt,
    organisatie: Organisatie,
    door,
    tekst: str,
    status: str = "",
    percentage: int | None = None,
    datum: date | None = None,
) -> Voortgang:
    """A partner's progress update: public at once from a trusted organisation (and listed
    in "Net gepubliceerd" with the actiepunt's status and percentage before it), else waiting."""
    ervoor = Actiepunt.objects.select_for_update().get(pk=actiepunt.pk)
    voortgang = werkgroepen_services.voortgang_toevoegen(
        actiepunt=actiepunt,
        tekst=tekst,
        door=door,
        organisatie=organisatie,
        status=status,
        percentage=percentage,
        datum=datum,
        direct=organisatie.vertrouwd,
    )
    if organisatie.vertrouwd:
        directe_publicatie_vastleggen(
            soort=DirectePublicatie.Soort.VOORTGANG,
            organisatie=organisatie,
            door=door,
            voortgang=voortgang,
            vorige_status=ervoor.status,
            vorige_percentage=ervoor.percentage,
        )
    return voortgang


@transaction.atomic
def agenda_opslaan(
    *,
    ronde: AgendaRonde,
    organisatie: Organisatie,
    door,
    missie: str,
    activiteiten: list[tuple[Pijler, str]],
    vertegenwoordiger: str = "",
) -> AgendaBijdrage:
    """A partner's agenda for an open round: public at once from a trusted organisation
    (and listed in "Net gepubliceerd"), else waiting for the coordinator."""
    bijdrage = werkgroepen_services.agendabijdrage_opslaan(
        ronde=ronde,
        organisatie=organisatie,
        missie=missie,
        activiteiten=activiteiten,
        door=door,
        vertegenwoordiger=vertegenwoordiger,
        direct=organisatie.vertrouwd,
    )
    if organisatie.vertrouwd:
        directe_publicatie_vastleggen(
            soort=DirectePublicatie.Soort.AGENDABIJDRAGE, organisatie=organisatie, door=door, agendabijdrage=bijdrage
        )
    return bijdrage
