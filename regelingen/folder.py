"""The folder "Alle regelingen op een rij": a public, printable A4 PDF made from
the database (/regelingen/folder.pdf and one per theme; routes in regelingen/urls.py).

Income limits are the engine's own: each common household type is run through
`regelingen.eligibility.beoordeel` at today's norms, and the limit it uses is shown.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from common import pdf
from common.vertalingen import vertaald_html
from regelingen import eligibility as e
from regelingen import selectors as regeling_selectors
from sociale_kaart.models import Thema

FOLDER_CSS = Path(__file__).resolve().parent / "folder.css"


@dataclass(frozen=True)
class Huishoudsoort:
    naam: str  # lazy: in the language of the folder being made
    partner: bool
    kinderen: bool
    aow: bool
    jong: int = 0  # how many of the adults are 18, 19 or 20 (their norm is lower)


# Every household type the check uses (spec section 3), so the folder states
# each limit the check can apply, also the lower ones for 18-20-year-olds.
HUISHOUDSOORTEN = (
    Huishoudsoort(gettext_lazy("Alleenstaand"), partner=False, kinderen=False, aow=False),
    Huishoudsoort(gettext_lazy("Alleenstaande ouder"), partner=False, kinderen=True, aow=False),
    Huishoudsoort(gettext_lazy("Samenwonend of getrouwd"), partner=True, kinderen=False, aow=False),
    Huishoudsoort(gettext_lazy("Samenwonend of getrouwd, met kinderen"), partner=True, kinderen=True, aow=False),
    Huishoudsoort(gettext_lazy("Alleenstaand, met AOW"), partner=False, kinderen=False, aow=True),
    Huishoudsoort(gettext_lazy("Samen, met AOW"), partner=True, kinderen=False, aow=True),
    Huishoudsoort(
        gettext_lazy("Alleenstaand, 18 tot en met 20 jaar"), partner=False, kinderen=False, aow=False, jong=1
    ),
    Huishoudsoort(
        gettext_lazy("Alleenstaande ouder, 18 tot en met 20 jaar"), partner=False, kinderen=True, aow=False, jong=1
    ),
    Huishoudsoort(
        gettext_lazy("Samen, één van u 18 tot en met 20 jaar"), partner=True, kinderen=False, aow=False, jong=1
    ),
    Huishoudsoort(
        gettext_lazy("Samen, één van u 18 tot en met 20 jaar, met kinderen"),
        partner=True,
        kinderen=True,
        aow=False,
        jong=1,
    ),
    Huishoudsoort(
        gettext_lazy("Samen, u allebei 18 tot en met 20 jaar"), partner=True, kinderen=False, aow=False, jong=2
    ),
    Huishoudsoort(
        gettext_lazy("Samen, u allebei 18 tot en met 20 jaar, met kinderen"),
        partner=True,
        kinderen=True,
        aow=False,
        jong=2,
    ),
)


@dataclass
class Grens:
    huishouden: str
    bedrag: str


@dataclass
class FolderRegeling:
    regeling: object
    voor_wie: list[str]
    grenzen: list[Grens]
    leefgeld: list[Grens] = dataclasses.field(default_factory=list)
    leefgeld_per_persoon: str = ""


# The leefgeld test counts persons (adults and children under 18), so the folder's table
# runs over the household sizes of the check's household types: 1 adult, 2 adults,
# and either with children (a household of up to 6 persons; each further person adds the same).
LEEFGELD_PERSONEN = (1, 2, 3, 4, 5, 6)


def leefgeld_huishouden(personen: int) -> str:
    """ "3 personen: samen met 1 kind, of een ouder met 2 kinderen", in the active language."""
    aantal = ngettext("%(aantal)s persoon", "%(aantal)s personen", personen) % {"aantal": personen}
    if personen == 1:
        return _("%(aantal)s: alleenstaand") % {"aantal": aantal}

    def kinderen(n: int) -> str:
        return ngettext("%(aantal)s kind", "%(aantal)s kinderen", n) % {"aantal": n}

    if personen == 2:
        return _("%(aantal)s: samen, of een ouder met %(kinderen)s") % {"aantal": aantal, "kinderen": kinderen(1)}
    return _("%(aantal)s: samen met %(samen)s, of een ouder met %(ouder)s") % {
        "aantal": aantal,
        "samen": kinderen(personen - 2),
        "ouder": kinderen(personen - 1),
    }


def leefgeld_vaste_lasten() -> str:
    return _(
        "Als vaste lasten tellen: huur of hypotheek, gas, water en stroom, de zorgverzekering, andere verzekeringen, "
        "gemeentelijke belastingen en wat u per maand aflost."
    )


def leefgeld_grenzen(regel: e.RegelingRegels) -> list[Grens]:
    """For a leefgeld test (the Voedselbank): per household size, what may be left per month
    after fixed costs (lower than basis + per person x persons, as the engine tests it)."""
    if regel.leefgeld_basis is None:
        return []
    per_persoon = regel.leefgeld_per_persoon or Decimal(0)
    return [
        Grens(huishouden=leefgeld_huishouden(personen), bedrag=e.euro(regel.leefgeld_basis + per_persoon * personen))
        for personen in LEEFGELD_PERSONEN
    ]


def _huishouden(soort: Huishoudsoort, regel: e.RegelingRegels, peildatum: date) -> e.Huishouden:
    leeftijd = 70 if soort.aow else (19 if soort.jong else max(35, regel.min_leeftijd))
    leeftijd_partner = 19 if soort.jong == 2 else (70 if soort.aow else 35)
    kind = regel.kind_leeftijd_van if regel.kind_leeftijd_van is not None else 8
    return e.Huishouden(
        peildatum=peildatum,
        woont_in_gemeente=True,
        leeftijd=leeftijd,
        partner=soort.partner,
        leeftijd_partner=leeftijd_partner if soort.partner else None,
        kinderen=(kind,) if soort.kinderen else (),
        netto_inkomen=Decimal(0),
        vermogen=Decimal(0),
        jaren_laag_inkomen=99,
        student=False,
    )


def inkomensgrenzen(regel: e.RegelingRegels, normen: e.Normen, peildatum: date) -> list[Grens]:
    """The income limit per common household type, as the engine computes it.

    A household type that cannot get the regeling at all (for example without
    children, for a regeling for children) is left out."""
    if regel.leefgeld_basis is not None:
        return []  # a leefgeld test (the Voedselbank): no income limit per household type
    grenzen = []
    regel = dataclasses.replace(regel, actief=True)
    for soort in HUISHOUDSOORTEN:
        if regel.heeft_kind_voorwaarde and not soort.kinderen:
            continue
        if soort.jong and regel.min_leeftijd > 18:
            continue
        resultaat = e.beoordeel(_huishouden(soort, regel, peildatum), (regel,), normen)
        uitkomst = resultaat.uitkomsten[0]
        if uitkomst.uitkomst == e.NEE or uitkomst.inkomensgrens is None:
            continue
        grenzen.append(Grens(huishouden=str(soort.naam), bedrag=e.euro(uitkomst.inkomensgrens)))
    return grenzen


def voor_wie(regel: e.RegelingRegels, normen: e.Normen, peildatum: date, *, regeling=None) -> list[str]:
    """The conditions in short B1 sentences, in the active language. The regeling's own
    "hooguit misschien" sentence comes from `regeling` (its translation, or the Dutch text
    marked lang="nl") when given."""
    zinnen = []
    if regel.alleen_inwoners:
        zinnen.append(_("U woont in de gemeente."))
    if regel.min_leeftijd and regel.min_leeftijd > 18:
        zinnen.append(
            ngettext("U bent %(leeftijd)s jaar of ouder.", "U bent %(leeftijd)s jaar of ouder.", regel.min_leeftijd)
            % {"leeftijd": regel.min_leeftijd}
        )
    if regel.tot_aow_leeftijd:
        zinnen.append(_("U bent jonger dan de AOW-leeftijd."))
    if regel.heeft_kind_voorwaarde:
        van = regel.kind_leeftijd_van if regel.kind_leeftijd_van is not None else 0
        tot = regel.kind_leeftijd_tot if regel.kind_leeftijd_tot is not None else 17
        bereik = _("van %(van)s tot en met %(tot)s jaar") % {"van": van, "tot": tot}
        zinnen.append(_("U heeft thuis een kind %(bereik)s.") % {"bereik": bereik})
    if regel.percentage is not None:
        zinnen.append(_("Uw inkomen is niet hoger dan de grens. Kijk in de tabel."))
    if regel.vermogenstoets:
        grenzen = normen.op(peildatum).vermogensgrenzen
        alleen = grenzen.get(e.VERMOGEN_ALLEENSTAANDE)
        gezin = grenzen.get(e.VERMOGEN_GEZIN)
        if alleen is not None and gezin is not None:
            zinnen.append(
                _("Uw spaargeld en bezit is niet meer dan %(alleen)s (alleen) of %(gezin)s (met partner of kinderen).")
                % {"alleen": e.euro(alleen), "gezin": e.euro(gezin)}
            )
        else:
            zinnen.append(_("Uw spaargeld en bezit is niet te hoog."))
    if regel.min_jaren_laag_inkomen:
        zinnen.append(
            ngettext(
                "U heeft al minstens %(jaren)s jaar een laag inkomen.",
                "U heeft al minstens %(jaren)s jaar een laag inkomen.",
                regel.min_jaren_laag_inkomen,
            )
            % {"jaren": regel.min_jaren_laag_inkomen}
        )
    if regel.niet_voor_studenten:
        zinnen.append(_("U studeert niet."))
    if regel.hooguit_misschien and regel.hooguit_misschien_reden:
        zinnen.append(
            vertaald_html(regeling, "hooguit_misschien_reden")
            if regeling is not None
            else regel.hooguit_misschien_reden
        )
    return zinnen


def folder_inhoud(*, thema: Thema | None = None, vandaag: date | None = None) -> dict:
    """Everything the folder shows (about 6 queries)."""
    vandaag = vandaag or timezone.localdate()
    regelingen = regeling_selectors.regeling_list_actief()
    if thema is not None:
        regelingen = [r for r in regelingen if any(t.pk == thema.pk for t in r.themas.all())]
    normen = regeling_selectors.normen_voor_engine()
    items = []
    for regeling in regelingen:
        regel = regeling_selectors.regels_van(regeling)
        items.append(
            FolderRegeling(
                regeling=regeling,
                voor_wie=voor_wie(regel, normen, vandaag, regeling=regeling),
                grenzen=inkomensgrenzen(regel, normen, vandaag),
                leefgeld=leefgeld_grenzen(regel),
                leefgeld_per_persoon=e.euro(regel.leefgeld_per_persoon or Decimal(0)),
            )
        )
    items.sort(key=lambda item: item.regeling.naam.lower())
    return {
        "regelingen": items,
        "thema": thema,
        "vandaag": vandaag,
        "leefgeld_vaste_lasten": leefgeld_vaste_lasten(),
        "paginanummers_css": pdf.paginanummers_css(),
    }


def _antwoord(request, *, thema: Thema | None, bestandsnaam: str) -> HttpResponse:
    # A printed folder cannot follow a bare path: name the whole address.
    check_url = request.build_absolute_uri(reverse("regelingen:start"))

    def maak() -> bytes:
        context = {**folder_inhoud(thema=thema), "check_url": check_url}
        html = render_to_string("regelingen/folder_pdf.html", context, request=request)
        return pdf.html_naar_pdf(html, stylesheets=[FOLDER_CSS])

    # The same for everyone until the content changes: rendered once per content version.
    inhoud = pdf.bewaard(f"folder:{thema.slug if thema else ''}:{get_language()}:{check_url}", maak)
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{bestandsnaam}"'
    response["Cache-Control"] = "public, max-age=3600"
    return response


@pdf.beperkt
def folder_pdf(request):
    return _antwoord(request, thema=None, bestandsnaam="alle-regelingen-op-een-rij.pdf")


@pdf.beperkt
def folder_thema_pdf(request, thema: str):
    gevonden = Thema.objects.filter(slug=thema).first()
    if gevonden is None:
        raise Http404("Dit thema bestaat niet.")
    return _antwoord(request, thema=gevonden, bestandsnaam=f"regelingen-{gevonden.slug}.pdf")
