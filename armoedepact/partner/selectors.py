"""Reads for the partner portal. One access function per object: each raises
Http404 both when the object does not exist and when the user may not see it.
Organisations: sociale_kaart.selectors.organisatie_van_gebruiker (by slug or pk)."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from armoedepact.correcties import selectors as correctie_selectors
from armoedepact.models import KapotteLink, Linkcontrole, Revisie, RevisieStatus
from overdracht import selectors as overdracht_selectors
from regelingen.models import Regeling
from sociale_kaart.models import Aanbod, Lidmaatschap, Locatie, Organisatie, Status
from sociale_kaart.selectors import (
    herinnering_nodig,
    organisatie_van_gebruiker,
    organisaties_herinnering_nodig,
    organisaties_van_gebruiker,
)
from werkgroepen import selectors as werkgroepen_selectors
from werkgroepen.models import Actiepunt


def _mag(user, organisatie_id: int) -> bool:
    return organisaties_van_gebruiker(user=user).filter(pk=organisatie_id).exists()


def aanbod_get_for_user(*, user, uuid) -> Aanbod:
    aanbod = (
        Aanbod.objects.select_related("organisatie")
        .prefetch_related("openingstijden", "themas", "doelgroepen", "levensgebeurtenissen", "kernen")
        .filter(uuid=uuid)
        .first()
    )
    if aanbod is None or not _mag(user, aanbod.organisatie_id):
        raise Http404("Aanbod niet gevonden")
    return aanbod


def locatie_get_for_user(*, user, uuid) -> Locatie:
    """A location of one of the user's organisations (beheerder or medewerker); 404 otherwise."""
    locatie = Locatie.objects.select_related("organisatie").prefetch_related("openingstijden").filter(uuid=uuid).first()
    if locatie is None or not _mag(user, locatie.organisatie_id):
        raise Http404("Locatie niet gevonden")
    return locatie


def locaties_van(*, organisatie: Organisatie) -> tuple[list[Locatie], list[Revisie]]:
    """The organisation's locations with their opening hours and any change waiting for approval."""
    locaties = list(
        organisatie.locaties.select_related("kern").prefetch_related("openingstijden").order_by("naam", "pk")
    )
    wachtend = Revisie.objects.filter(
        organisatie=organisatie, soort=Revisie.Soort.LOCATIE, status=RevisieStatus.WACHT
    ).order_by("ingediend_op")
    per_uuid = {}
    nieuw = []
    for revisie in wachtend:
        uuid = (revisie.data.get("_locatie") or [None])[0]
        if uuid is None:
            nieuw.append(revisie)
        else:
            per_uuid[uuid] = revisie
    for locatie in locaties:
        locatie.wachtende_revisie = per_uuid.get(str(locatie.uuid))
    return locaties, nieuw


def revisie_get_for_user(*, user, pk: int) -> Revisie:
    revisie = Revisie.objects.select_related("organisatie", "aanbod").filter(pk=pk).first()
    if revisie is None or not _mag(user, revisie.organisatie_id):
        raise Http404("Wijziging niet gevonden")
    return revisie


def wachtende_revisie(*, organisatie: Organisatie | None = None, aanbod: Aanbod | None = None) -> Revisie | None:
    qs = Revisie.objects.filter(status=RevisieStatus.WACHT)
    if aanbod is not None:
        return qs.filter(aanbod=aanbod).first()
    return qs.filter(organisatie=organisatie, soort=Revisie.Soort.ORGANISATIE).first()


def organisatie_afgewezen(*, organisatie: Organisatie) -> Revisie | None:
    """The latest change to the organisation's details, when the coordinator rejected it
    (a newer change, waiting or approved, replaces the notice)."""
    laatste = (
        Revisie.objects.filter(organisatie=organisatie, soort=Revisie.Soort.ORGANISATIE)
        .exclude(status=RevisieStatus.INGETROKKEN)
        .order_by("-ingediend_op", "-pk")
        .first()
    )
    return laatste if laatste is not None and laatste.status == RevisieStatus.AFGEWEZEN else None


def dashboard(*, organisatie: Organisatie) -> dict:
    """Everything the dashboard of one organisation shows, in a fixed number of queries."""
    revisies = Revisie.objects.filter(status__in=[RevisieStatus.WACHT, RevisieStatus.AFGEWEZEN]).order_by(
        "-ingediend_op"
    )
    aanbod = list(
        Aanbod.objects.filter(organisatie=organisatie)
        .prefetch_related(Prefetch("revisies", queryset=revisies, to_attr="open_revisies"))
        .order_by("titel")
    )
    groepen = {
        "wacht": [a for a in aanbod if any(r.status == RevisieStatus.WACHT for r in a.open_revisies)],
        Status.GEPUBLICEERD: [a for a in aanbod if a.status == Status.GEPUBLICEERD],
        Status.CONCEPT: [a for a in aanbod if a.status == Status.CONCEPT],
        Status.GEARCHIVEERD: [a for a in aanbod if a.status == Status.GEARCHIVEERD],
    }
    for item in aanbod:
        item.wacht = next((r for r in item.open_revisies if r.status == RevisieStatus.WACHT), None)
        laatste = item.open_revisies[0] if item.open_revisies else None
        item.afgewezen = laatste if laatste is not None and laatste.status == RevisieStatus.AFGEWEZEN else None
        item.verouderd = item.status != Status.GEARCHIVEERD and herinnering_nodig(item.laatst_gecontroleerd)
    verouderd = [a for a in aanbod if a.verouderd]
    return {
        "organisatie": organisatie,
        "organisatie_verouderd": herinnering_nodig(organisatie.laatst_gecontroleerd),
        "organisatie_wacht": wachtende_revisie(organisatie=organisatie),
        "organisatie_afgewezen": organisatie_afgewezen(organisatie=organisatie),
        "groepen": groepen,
        "verouderd": verouderd,
        "bijeenkomsten": list(werkgroepen_selectors.bijeenkomsten_komend()[:5]),
        "kapotte_links": kapotte_links(organisatie=organisatie),
        "correcties": correctie_selectors.open_correcties_van_organisatie(organisatie=organisatie),
        "open_verzoeken": overdracht_selectors.open_verzoeken_per_organisatie(organisaties=[organisatie]).get(
            organisatie.pk, 0
        ),
    }


def kapotte_links(*, organisatie: Organisatie) -> list[KapotteLink]:
    """The links of this organisation, its aanbod and the regelingen it carries out that failed
    in the latest link check, each with `gevonden_op`: the first check of the run of checks
    up to the latest in which the same link failed (3 queries)."""
    controles = list(Linkcontrole.objects.order_by("-uitgevoerd_op").values_list("pk", "uitgevoerd_op"))
    if not controles:
        return []
    van_organisatie = Q(soort=KapotteLink.Soort.ORGANISATIE, object_id=organisatie.pk) | Q(
        soort=KapotteLink.Soort.AANBOD, object_id__in=Aanbod.objects.filter(organisatie=organisatie).values("pk")
    )
    van_organisatie |= Q(
        soort=KapotteLink.Soort.REGELING, object_id__in=Regeling.objects.filter(uitvoerder=organisatie).values("pk")
    )
    rijen = list(KapotteLink.objects.filter(van_organisatie).select_related("controle"))
    fout_in: dict[tuple, set[int]] = {}
    for rij in rijen:
        fout_in.setdefault((rij.soort, rij.object_id, rij.url), set()).add(rij.controle_id)
    laatste = controles[0][0]
    nu = [rij for rij in rijen if rij.controle_id == laatste]
    for rij in nu:
        rij.gevonden_op = controles[0][1]
        for pk, op in controles:
            if pk not in fout_in[(rij.soort, rij.object_id, rij.url)]:
                break
            rij.gevonden_op = op
    return sorted(nu, key=lambda r: (r.naam, r.url))


def organisaties_met_verouderde_items() -> QuerySet:
    """For the reminder: organisations with an active account and something not checked for 11+ months
    (organisations without an account get no e-mail; /beheer/ lists them as "nog geen account")."""
    met_account = Lidmaatschap.objects.filter(organisatie=OuterRef("pk"), gebruiker__is_active=True)
    return (
        organisaties_herinnering_nodig()
        .filter(Exists(met_account))
        .prefetch_related(
            "lidmaatschappen__gebruiker",
            Prefetch(
                "aanbod",
                queryset=Aanbod.objects.filter(status=Status.GEPUBLICEERD).order_by("titel"),
                to_attr="gepubliceerd_aanbod",
            ),
        )
    )


def actiepunt_get_for_user(*, user, organisatie_pk: int, pk: int) -> tuple:
    """An actiepunt the user's organisation leads (trekker) or takes part in (Wie), or 404."""
    organisatie = organisatie_van_gebruiker(user=user, pk=organisatie_pk)
    actiepunt = (
        Actiepunt.objects.select_related("pijler", "trekker")
        .filter(Q(trekker=organisatie) | Q(organisaties=organisatie), pk=pk)
        .first()
    )
    if actiepunt is None:
        raise Http404("Dit actiepunt bestaat niet of uw organisatie doet er niet aan mee.")
    return organisatie, actiepunt


def publicatie_uitleg(*, revisie: Revisie) -> str:
    """After approving: exactly what is now public and what still waits, and why (Dutch, for /beheer/)."""
    organisatie = Organisatie.objects.get(pk=revisie.organisatie_id)
    aanbod = Aanbod.objects.get(pk=revisie.aanbod_id) if revisie.aanbod_id else None
    wachten = Revisie.objects.filter(organisatie=organisatie, status=RevisieStatus.WACHT).count()
    nog = f" Van {organisatie.naam} wacht{'en' if wachten != 1 else ''} nog {wachten} wijziging(en)." if wachten else ""
    if organisatie.status != Status.GEPUBLICEERD:
        wat = f"'{aanbod.titel}'" if aanbod else f"De gegevens van {organisatie.naam}"
        return (
            f"De wijziging is goedgekeurd. {wat} staat nog niet op de website: de organisatie "
            f"{organisatie.naam} is nog niet gepubliceerd (status: {organisatie.get_status_display().lower()}). "
            "Publiceer de organisatie; dan komt haar goedgekeurde aanbod mee." + nog
        )
    if aanbod:
        if aanbod.status != Status.GEPUBLICEERD:
            return (
                f"De wijziging is goedgekeurd. '{aanbod.titel}' staat niet op de website: het aanbod is "
                f"{aanbod.get_status_display().lower()}." + nog
            )
        return f"De wijziging is goedgekeurd. '{aanbod.titel}' staat nu op de website." + nog
    return f"De wijziging is goedgekeurd. De gegevens van {organisatie.naam} staan nu op de website." + nog
