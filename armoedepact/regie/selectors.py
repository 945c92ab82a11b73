"""Reads for the regie pages. Each page runs a bounded number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Sum
from django.utils import timezone

from armoedepact.correcties import selectors as correctie_selectors
from armoedepact.models import DirectePublicatie, Linkcontrole, Revisie, RevisieStatus, Taalstatus
from common import anoniem
from overdracht import selectors as overdracht_selectors
from regelingen import selectors as regeling_selectors
from regelingen.models import CheckTelling
from sociale_kaart.models import Pijler, Thema, ZoekTelling, ZoektermZonderResultaat
from sociale_kaart.selectors import organisatie_publiek, organisaties_herinnering_nodig
from werkgroepen import selectors as werkgroepen_selectors
from werkgroepen.models import Aansluitverzoek, AansluitverzoekStatus, Actiepunt, ActiepuntStatus

TERMIJN_DAGEN = 60
KLEIN = anoniem.KLEIN  # counts below this are shown as "minder dan 5"
MAANDEN = 12
klein = anoniem.klein  # a count on its own; rows that add up to a shown total use anoniem.rij


# --- Wat vraagt aandacht ---------------------------------------------------------------

# The permission each block of the start page needs: the one of the admin page it links to.
BLOK_PERMISSIES = {
    "revisies": "armoedepact.change_revisie",
    "net_gepubliceerd": "armoedepact.change_revisie",  # who moderates, also checks what trusted partners publish
    "verzoeken": "werkgroepen.change_aansluitverzoek",
    "normen": "regelingen.view_normbedrag",
    "links": "armoedepact.view_kapottelink",
    "organisaties": "sociale_kaart.view_organisatie",
    "uitnodigen": "sociale_kaart.add_uitnodiging",
    "bijeenkomsten": "werkgroepen.view_bijeenkomst",
    "bijeenkomst_plannen": "werkgroepen.add_bijeenkomst",
    "termijnen": "werkgroepen.view_ambassadeurschap",
    "actiepunten": "werkgroepen.view_actiepunt",
    "bereik": "regelingen.view_checktelling",
    "testgevallen": "regelingen.view_testgeval",
    "overdracht": "overdracht.view_verzoektelling",
}


def aandacht(*, user, vandaag: date | None = None) -> dict:
    """Everything the start page of /beheer/ shows (about 16 queries, whatever the data size).

    Each block is shown only when the user's permissions allow the admin page it
    links to; `toon` says which blocks, and hidden blocks run no queries."""
    vandaag = vandaag or timezone.localdate()
    toon = {blok: user.has_perm(permissie) for blok, permissie in BLOK_PERMISSIES.items()}

    revisies = Revisie.objects.filter(status=RevisieStatus.WACHT).select_related("organisatie", "aanbod")
    verzoeken = Aansluitverzoek.objects.filter(status=AansluitverzoekStatus.NIEUW).order_by("aangemaakt_op")

    verouderd = organisaties_herinnering_nodig(vandaag=vandaag).order_by("-verouderd_aanbod", "naam")
    actieve_leden = get_user_model().objects.filter(is_active=True, lidmaatschappen__organisatie=OuterRef("pk"))
    zonder_gebruiker = organisatie_publiek().exclude(Exists(actieve_leden)).order_by("naam")

    result: dict = {"toon": toon, "termijn_dagen": TERMIJN_DAGEN, "actiepunt_statussen": ActiepuntStatus.choices}
    if toon["revisies"]:
        result |= {"revisies": list(revisies[:10]), "revisies_aantal": revisies.count()}
    if toon["net_gepubliceerd"]:
        ongezien = net_gepubliceerd().filter(gezien_op__isnull=True)
        result |= {"net_gepubliceerd": list(ongezien[:10]), "net_gepubliceerd_aantal": ongezien.count()}
    if toon["verzoeken"]:
        result |= {"verzoeken": list(verzoeken[:10]), "verzoeken_aantal": verzoeken.count()}
    if toon["normen"]:
        # Per household type: a new row for one type does not silence the others.
        stand = regeling_selectors.normen_stand(vandaag=vandaag)
        result |= {
            "nieuwste_norm": regeling_selectors.nieuwste_norm_datum(),
            "norm_te_oud": bool(stand.verouderd),
            "normen": stand,
        }
    if toon["links"]:
        controle = Linkcontrole.objects.order_by("-uitgevoerd_op").first()
        result |= {"linkcontrole": controle, "kapotte_links": list(controle.kapotte_links.all()) if controle else []}
    if toon["organisaties"]:
        result |= {
            "verouderd": list(verouderd[:25]),
            "verouderd_aantal": verouderd.count(),
            "zonder_gebruiker": list(zonder_gebruiker[:25]),
            "zonder_gebruiker_aantal": zonder_gebruiker.count(),
        }
    if toon["bijeenkomsten"]:
        result["bijeenkomsten"] = list(werkgroepen_selectors.bijeenkomsten_komend(alleen_openbaar=False)[:5])
        result["planning"] = werkgroepen_selectors.planningsstand(vandaag=vandaag)
        voorstel = werkgroepen_selectors.gastheer_voorstel()
        result["gastheer_voorstel"] = voorstel[0] if voorstel else None
        result["te_sluiten"] = list(werkgroepen_selectors.bijeenkomsten_te_sluiten()[:5])
    if toon["termijnen"]:
        result["termijnen"] = list(
            werkgroepen_selectors.ambassadeurschappen_bijna_afgelopen(dagen=TERMIJN_DAGEN, vandaag=vandaag).order_by(
                "termijn_eind"
            )
        )
    if toon["actiepunten"]:
        result["actiepunten"] = _actiepunten_per_pijler()
    if toon["overdracht"]:
        result["verzoek_tellingen"] = overdracht_selectors.tellingen()[:24]
    return result


def net_gepubliceerd():
    """Direct publications of trusted organisations, newest first ("Net gepubliceerd")."""
    return DirectePublicatie.objects.select_related(
        "organisatie",
        "aanbod",
        "agendabijdrage__ronde",
        "voortgang__actiepunt",
        "door",
        "gezien_door",
        "ongedaan_door",
    )


@dataclass
class PijlerActiepunten:
    pijler: Pijler
    per_status: list[int]
    totaal: int


def _actiepunten_per_pijler() -> list[PijlerActiepunten]:
    """Actiepunten per pillar by status (2 queries)."""
    tellingen = defaultdict(dict)
    for rij in Actiepunt.objects.values("pijler_id", "status").annotate(n=Count("id")).order_by():
        tellingen[rij["pijler_id"]][rij["status"]] = rij["n"]
    result = []
    for pijler in Pijler.objects.filter(actief=True).order_by("volgorde", "naam"):
        per_status = [tellingen[pijler.pk].get(status, 0) for status, _ in ActiepuntStatus.choices]
        result.append(PijlerActiepunten(pijler=pijler, per_status=per_status, totaal=sum(per_status)))
    return result


# --- Bereik ------------------------------------------------------------------------------


@dataclass
class RegelingTelling:
    naam: str
    ja: int
    misschien: int
    nee: int

    @property
    def cellen(self) -> list[str]:
        # The month total is shown too: no hidden cell may follow from it (common/anoniem.py).
        return anoniem.rij([self.ja, self.misschien, self.nee])


@dataclass
class Maand:
    maand: date
    checks: int
    regelingen: list[RegelingTelling] = field(default_factory=list)

    @property
    def checks_tekst(self) -> str:
        return klein(self.checks)


@dataclass
class Bereik:
    van: date
    maanden: list[Maand]
    themas: list[tuple[str, int]]
    zoektermen: list[tuple[str, int]]
    zonder_resultaat: list[tuple[str, int]]
    # "Klopt er iets niet?": (month, received, of which done)
    correcties: list[tuple[date, int, int]] = field(default_factory=list)

    def correcties_tekst(self) -> list[tuple[date, str, list[str]]]:
        """Per month: received, and open/done as a row whose sum is shown (small counts hidden)."""
        return [
            (maand, klein(aantal), anoniem.rij([aantal - klaar, klaar])) for maand, aantal, klaar in self.correcties
        ]


def _eerste_van_maand(vandaag: date, terug: int) -> date:
    jaar, maand = vandaag.year, vandaag.month - terug
    while maand < 1:
        maand += 12
        jaar -= 1
    return date(jaar, maand, 1)


def bereik(*, vandaag: date | None = None, top: int = 15) -> Bereik:
    """Anonymous reach of the last 12 months (6 queries). Counts only; the page hides small ones."""
    vandaag = vandaag or timezone.localdate()
    van = _eerste_van_maand(vandaag, MAANDEN - 1)

    per_maand: dict[date, Maand] = {}
    rijen = (
        CheckTelling.objects.filter(maand__gte=van)
        .values_list("maand", "regeling__naam", "ja", "misschien", "nee")
        .order_by("-maand", "regeling__naam")
    )
    for maand, naam, ja, misschien, nee in rijen:
        item = per_maand.setdefault(maand, Maand(maand=maand, checks=0))
        item.regelingen.append(RegelingTelling(naam=naam, ja=ja, misschien=misschien, nee=nee))
        # Every completed check counts once for every active regeling, so the
        # busiest regeling of a month tells how many checks were completed.
        item.checks = max(item.checks, ja + misschien + nee)

    def top_van(soort: str) -> list[tuple[str, int]]:
        return list(
            ZoekTelling.objects.filter(soort=soort, maand__gte=van)
            .values("waarde")
            .annotate(totaal=Sum("aantal"))
            .order_by("-totaal", "waarde")
            .values_list("waarde", "totaal")[:top]
        )

    namen = dict(Thema.objects.values_list("slug", "naam"))
    themas = [(namen.get(slug, slug), aantal) for slug, aantal in top_van(ZoekTelling.Soort.THEMA)]
    zonder = list(
        ZoektermZonderResultaat.objects.filter(maand__gte=van)
        .values("zoekterm")
        .annotate(totaal=Sum("aantal"))
        .order_by("-totaal", "zoekterm")
        .values_list("zoekterm", "totaal")[: top * 2]
    )
    return Bereik(
        van=van,
        maanden=sorted(per_maand.values(), key=lambda m: m.maand, reverse=True),
        themas=themas,
        zoektermen=top_van(ZoekTelling.Soort.ZOEKTERM),
        zonder_resultaat=zonder,
        correcties=correctie_selectors.correcties_per_maand(van=van),
    )


def talen_nagekeken() -> set[str]:
    """The languages whose translation a person has checked (Dutch, the master text, always)."""
    return {"nl", *Taalstatus.objects.filter(nagekeken=True).values_list("code", flat=True)}
