"""Regels testen: run the stored testgevallen through the engine.

Loading reuses `regelingen.selectors` (the same conversion the check uses), so a
testgeval sees exactly what a resident's check would see.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from regelingen import eligibility as e
from regelingen import selectors as regeling_selectors
from regelingen.models import Regeling, Testgeval


@dataclass(frozen=True)
class TestgevalUitslag:
    __test__ = False  # not a pytest test class
    testgeval: Testgeval
    uitkomst: str
    redenen: tuple[str, ...]

    @property
    def geslaagd(self) -> bool:
        return self.uitkomst == self.testgeval.verwachte_uitkomst


@dataclass(frozen=True)
class Verschil:
    testgeval: Testgeval
    nu: str
    straks: str

    @property
    def straks_fout(self) -> bool:
        return self.straks != self.testgeval.verwachte_uitkomst


def huishouden_van(testgeval: Testgeval, *, peildatum: date) -> e.Huishouden:
    return e.Huishouden(
        peildatum=testgeval.peildatum or peildatum,
        woont_in_gemeente=testgeval.woont_in_gemeente,
        leeftijd=testgeval.leeftijd,
        partner=testgeval.partner,
        leeftijd_partner=testgeval.leeftijd_partner if testgeval.partner else None,
        kinderen=testgeval.kinderen_leeftijden,
        netto_inkomen=testgeval.netto_inkomen,
        vermogen=testgeval.vermogen,
        jaren_laag_inkomen=testgeval.jaren_laag_inkomen,
        student=testgeval.student,
        vaste_lasten=testgeval.vaste_lasten,
        vaste_lasten_gevraagd=testgeval.vaste_lasten is not None,
    )


def testgeval_list() -> list[Testgeval]:
    """All testgevallen with their regeling (1 query)."""
    return list(Testgeval.objects.select_related("regeling").order_by("regeling__slug", "naam"))


def _uitkomst(
    testgeval: Testgeval, regels: dict[str, e.RegelingRegels], normen: e.Normen, peildatum: date
) -> e.Uitkomst | None:
    regel = regels.get(testgeval.regeling.slug)
    if regel is None:
        return None
    # The testgeval is about this one regeling, active or not.
    regel = dataclasses.replace(regel, actief=True)
    resultaat = e.beoordeel(huishouden_van(testgeval, peildatum=peildatum), (regel,), normen)
    return resultaat.uitkomsten[0] if resultaat.uitkomsten else None


def alle_regels() -> dict[str, e.RegelingRegels]:
    """Every regeling (also inactive ones) as engine input, by slug (1 query)."""
    return {r.slug: regeling_selectors.regels_van(r) for r in Regeling.objects.all()}


def testgevallen_draaien(
    *,
    testgevallen: Sequence[Testgeval] | None = None,
    regels: dict[str, e.RegelingRegels] | None = None,
    normen: e.Normen | None = None,
    vandaag: date | None = None,
) -> list[TestgevalUitslag]:
    """Run testgevallen through the engine; failures first. 5 queries when nothing is given."""
    testgevallen = testgeval_list() if testgevallen is None else testgevallen
    regels = alle_regels() if regels is None else regels
    normen = regeling_selectors.normen_voor_engine() if normen is None else normen
    vandaag = vandaag or timezone.localdate()
    uitslagen = []
    for testgeval in testgevallen:
        uitkomst = _uitkomst(testgeval, regels, normen, vandaag)
        if uitkomst is None:
            uitslagen.append(TestgevalUitslag(testgeval, "", ("Deze regeling bestaat niet meer.",)))
        else:
            uitslagen.append(TestgevalUitslag(testgeval, uitkomst.uitkomst, uitkomst.redenen))
    return sorted(uitslagen, key=lambda u: u.geslaagd)


def verschillen(
    *,
    testgevallen: Iterable[Testgeval],
    regels_nu: dict[str, e.RegelingRegels],
    regels_straks: dict[str, e.RegelingRegels],
    normen_nu: e.Normen,
    normen_straks: e.Normen,
    peildatum: date,
) -> list[Verschil]:
    """The testgevallen whose outcome would change with the proposed rules or norms."""
    result = []
    for testgeval in testgevallen:
        nu = _uitkomst(testgeval, regels_nu, normen_nu, peildatum)
        straks = _uitkomst(testgeval, regels_straks, normen_straks, peildatum)
        nu_tekst = nu.uitkomst if nu else ""
        straks_tekst = straks.uitkomst if straks else ""
        if nu_tekst != straks_tekst:
            result.append(Verschil(testgeval, nu_tekst, straks_tekst))
    return result


def verschillen_voor_regeling(*, voorstel: Regeling, vandaag: date | None = None) -> list[Verschil]:
    """What changes if `voorstel` (an unsaved, changed Regeling) were saved (4-5 queries)."""
    vandaag = vandaag or timezone.localdate()
    if voorstel.pk is None:
        return []
    huidig = Regeling.objects.filter(pk=voorstel.pk).first()
    if huidig is None:
        return []
    testgevallen = list(Testgeval.objects.filter(regeling_id=voorstel.pk).select_related("regeling"))
    if not testgevallen:
        return []
    normen = regeling_selectors.normen_voor_engine()
    # Testgevallen point at the regeling by its current slug.
    nieuw = dataclasses.replace(regeling_selectors.regels_van(voorstel), slug=huidig.slug)
    return verschillen(
        testgevallen=testgevallen,
        regels_nu={huidig.slug: regeling_selectors.regels_van(huidig)},
        regels_straks={huidig.slug: nieuw},
        normen_nu=normen,
        normen_straks=normen,
        peildatum=vandaag,
    )


def verschillen_voor_norm(*, voorstel, vandaag: date | None = None) -> list[Verschil]:
    """What changes if `voorstel` (an unsaved Normbedrag, new or changed) were saved.

    A testgeval without its own peildatum is checked on the day the norm starts
    when that is later than today, so a norm for next January shows its effect now."""
    vandaag = vandaag or timezone.localdate()
    normen_nu = regeling_selectors.normen_voor_engine()
    anderen = tuple(
        n
        for n in normen_nu.normbedragen
        if not (n.huishoudtype == voorstel.huishoudtype and n.geldig_vanaf == voorstel.geldig_vanaf)
    )
    if voorstel.pk is not None:
        from regelingen.models import Normbedrag

        oud = Normbedrag.objects.filter(pk=voorstel.pk).first()
        if oud is not None:
            anderen = tuple(
                n for n in anderen if not (n.huishoudtype == oud.huishoudtype and n.geldig_vanaf == oud.geldig_vanaf)
            )
    nieuw = e.Normbedrag(huishoudtype=voorstel.huishoudtype, bedrag=voorstel.bedrag, geldig_vanaf=voorstel.geldig_vanaf)
    normen_straks = e.Normen(
        normbedragen=(*anderen, nieuw),
        vermogensgrenzen=normen_nu.vermogensgrenzen,
        aow_leeftijden=normen_nu.aow_leeftijden,
    )
    peildatum = max(vandaag, voorstel.geldig_vanaf) if voorstel.geldig_vanaf else vandaag
    regels = alle_regels()
    return verschillen(
        testgevallen=testgeval_list(),
        regels_nu=regels,
        regels_straks=regels,
        normen_nu=normen_nu,
        normen_straks=normen_straks,
        peildatum=peildatum,
    )
