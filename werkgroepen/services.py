"""Writes for the pact: status changes, progress updates, sign-ups with a waiting
list, applications to join, and the Lokale Sociale Agenda.

Every function checks its rules first and raises ValidationError with a Dutch
message a partner can act on; nothing is saved half."""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from common.berichten import bericht_sturen
from common.overgangen import overgang_controleren
from common.slugs import unieke_slug
from sociale_kaart import services as kaart_services
from sociale_kaart.models import Pijler
from werkgroepen.models import (
    AANSLUITVERZOEK_TRANSITIONS,
    ACTIEPUNT_TRANSITIONS,
    BEOORDELING_OVERGANGEN,
    Aanmelding,
    AanmeldingStatus,
    Aansluitverzoek,
    AansluitverzoekStatus,
    Actiepunt,
    ActiepuntStatus,
    AgendaActiviteit,
    AgendaBijdrage,
    AgendaRonde,
    AgendaRondeStatus,
    Beoordeling,
    Bijeenkomst,
    ConvenantActiviteit,
    Pact,
    Voortgang,
)

# Applications allowed per sender address per hour (the public form's rate limit).
AANSLUITEN_PER_UUR = 3


# --- Actiepunten -------------------------------------------------------------------


def actiepunt_overgang_controleren(*, van: str, naar: str) -> None:
    """Raise ValidationError when an actiepunt cannot go from `van` to `naar`."""
    if van == naar:
        return

    def melding() -> str:
        toegestaan = sorted(ActiepuntStatus(s).label.lower() for s in ACTIEPUNT_TRANSITIONS.get(van, set()))
        uitleg = f"Dat kan alleen naar: {', '.join(toegestaan)}." if toegestaan else "Dit actiepunt is klaar."
        return (
            f"Een actiepunt met status '{ActiepuntStatus(van).label.lower()}' kan niet naar "
            f"'{ActiepuntStatus(naar).label.lower()}'. {uitleg}"
        )

    overgang_controleren(overgangen=ACTIEPUNT_TRANSITIONS, van=van, naar=naar, melding=melding)


@transaction.atomic
def actiepunt_status_wijzigen(*, actiepunt: Actiepunt, status: str) -> Actiepunt:
    actiepunt = Actiepunt.objects.select_for_update().get(pk=actiepunt.pk)
    actiepunt_overgang_controleren(van=actiepunt.status, naar=status)
    actiepunt.status = status
    actiepunt.full_clean()
    actiepunt.save(update_fields=["status"])
    return actiepunt


@transaction.atomic
def voortgang_toevoegen(
    *,
    actiepunt: Actiepunt,
    tekst: str,
    door,
    organisatie,
    status: str = "",
    datum: date | None = None,
    percentage: int | None = None,
    direct: bool,
) -> Voortgang:
    """Add a dated progress update; optionally move the actiepunt to a new status
    and set how far it is (0-100 %). Finishing sets 100 %.

    `direct` has no default, so no caller publishes unreviewed by forgetting it:
    pass the organisation's trust (`organisatie.vertrouwd`). `direct=False`: the
    update waits for the coordinator (voortgang_beoordelen) and changes the
    actiepunt only when approved."""
    actiepunt = Actiepunt.objects.select_for_update().get(pk=actiepunt.pk)
    if status:
        actiepunt_overgang_controleren(van=actiepunt.status, naar=status)
    if status == ActiepuntStatus.AFGEROND:
        percentage = 100
    voortgang = Voortgang(
        actiepunt=actiepunt,
        datum=datum or timezone.localdate(),
        tekst=tekst.strip(),
        status_na=status if status and status != actiepunt.status else "",
        organisatie=organisatie,
        door=door,
        percentage=percentage,
        beoordeling=Beoordeling.GOEDGEKEURD if direct else Beoordeling.WACHT,
    )
    voortgang.full_clean()
    voortgang.save()
    if direct:
        _voortgang_toepassen(actiepunt, voortgang)
    return voortgang


def _voortgang_toepassen(actiepunt: Actiepunt, voortgang: Voortgang) -> None:
    """Move the actiepunt to the update's status and percentage."""
    status, percentage = voortgang.status_na, voortgang.percentage
    velden = []
    if status and status != actiepunt.status:
        actiepunt.status = status
        velden.append("status")
    if percentage is not None:
        actiepunt.percentage = percentage
        velden.append("percentage")
    if velden:
        actiepunt.save(update_fields=velden)


def _beoordelen(item, *, goedkeuren: bool) -> str:
    naar = Beoordeling.GOEDGEKEURD if goedkeuren else Beoordeling.AFGEWEZEN
    overgang_controleren(
        overgangen=BEOORDELING_OVERGANGEN, van=item.beoordeling, naar=naar, melding="Dit is al zo beoordeeld."
    )
    return naar


@transaction.atomic
def voortgang_beoordelen(*, voortgang: Voortgang, goedkeuren: bool) -> Voortgang:
    """The coordinator approves (public, and the actiepunt moves with it) or rejects a progress update."""
    voortgang = Voortgang.objects.select_for_update().get(pk=voortgang.pk)
    naar = _beoordelen(voortgang, goedkeuren=goedkeuren)
    if naar == Beoordeling.GOEDGEKEURD:
        actiepunt = Actiepunt.objects.select_for_update().get(pk=voortgang.actiepunt_id)
        if voortgang.status_na and voortgang.status_na != actiepunt.status:
            actiepunt_overgang_controleren(van=actiepunt.status, naar=voortgang.status_na)
        _voortgang_toepassen(actiepunt, voortgang)
    voortgang.beoordeling = naar
    voortgang.save(update_fields=["beoordeling"])
    return voortgang


@transaction.atomic
def voortgang_terug_naar_controle(*, voortgang: Voortgang, status_ervoor: str, percentage_ervoor: int) -> Voortgang:
    """Undo a direct publication of a progress update: it leaves the public pages and
    waits for review again (where it can be approved once more).

    The actiepunt gets back the status and percentage it had before this update
    (`status_ervoor`, `percentage_ervoor`), each only when no newer approved update
    has set that value since: then the newer update stands."""
    voortgang = Voortgang.objects.select_for_update().get(pk=voortgang.pk)
    overgang_controleren(
        overgangen=BEOORDELING_OVERGANGEN,
        van=voortgang.beoordeling,
        naar=Beoordeling.WACHT,
        melding="Deze update staat niet meer op de website. Er is niets veranderd.",
    )
    actiepunt = Actiepunt.objects.select_for_update().get(pk=voortgang.actiepunt_id)
    nieuwer = Voortgang.objects.filter(
        actiepunt=actiepunt, beoordeling=Beoordeling.GOEDGEKEURD, aangemaakt_op__gt=voortgang.aangemaakt_op
    )
    velden = []
    if voortgang.percentage is not None and not nieuwer.filter(percentage__isnull=False).exists():
        actiepunt.percentage = percentage_ervoor
        velden.append("percentage")
    if voortgang.status_na and actiepunt.status == voortgang.status_na and not nieuwer.exclude(status_na="").exists():
        actiepunt.status = status_ervoor  # an undo, so not bound to the forward transitions
        velden.append("status")
    if velden:
        actiepunt.save(update_fields=velden)
    voortgang.beoordeling = Beoordeling.WACHT
    voortgang.save(update_fields=["beoordeling"])
    return voortgang


@transaction.atomic
def agendabijdrage_terug_naar_controle(*, bijdrage: AgendaBijdrage) -> AgendaBijdrage:
    """Undo a direct publication of an agenda contribution: it leaves the public agenda
    (pages, PDF, open data) and waits for review again."""
    bijdrage = AgendaBijdrage.objects.select_for_update().get(pk=bijdrage.pk)
    overgang_controleren(
        overgangen=BEOORDELING_OVERGANGEN,
        van=bijdrage.beoordeling,
        naar=Beoordeling.WACHT,
        melding="Deze agendabijdrage staat niet meer op de website. Er is niets veranderd.",
    )
    bijdrage.beoordeling = Beoordeling.WACHT
    bijdrage.save(update_fields=["beoordeling", "gewijzigd_op"])
    return bijdrage


@transaction.atomic
def agendabijdrage_beoordelen(*, bijdrage: AgendaBijdrage, goedkeuren: bool) -> AgendaBijdrage:
    """The coordinator approves (public on the pact pages) or rejects an agenda contribution."""
    bijdrage = AgendaBijdrage.objects.select_for_update().get(pk=bijdrage.pk)
    bijdrage.beoordeling = _beoordelen(bijdrage, goedkeuren=goedkeuren)
    bijdrage.save(update_fields=["beoordeling", "gewijzigd_op"])
    return bijdrage


# --- Bijeenkomsten -----------------------------------------------------------------


def bijeenkomst_plannen(**velden) -> Bijeenkomst:
    """Create a meeting; full_clean checks that it ends after it starts."""
    bijeenkomst = Bijeenkomst(**velden)
    bijeenkomst.full_clean()
    bijeenkomst.save()
    return bijeenkomst


@dataclass(frozen=True)
class AanmeldResultaat:
    aanmelding: Aanmelding
    gewijzigd: bool


def _plaatsen_bezet(bijeenkomst: Bijeenkomst) -> int:
    return bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.AANGEMELD).count()


@transaction.atomic
def aanmelden(*, bijeenkomst: Bijeenkomst, organisatie, gebruiker, nu: datetime | None = None) -> AanmeldResultaat:
    """Sign a partner user up. Full: on the waiting list. Twice: nothing changes."""
    nu = nu or timezone.now()
    # Lock the meeting so two sign-ups for the last place cannot both get it.
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    if bijeenkomst.start <= nu:
        raise ValidationError("Deze bijeenkomst is al begonnen of voorbij. Aanmelden kan niet meer.", code="voorbij")
    bestaand = Aanmelding.objects.filter(bijeenkomst=bijeenkomst, gebruiker=gebruiker).first()
    if bestaand is not None and bestaand.status != AanmeldingStatus.AFGEMELD:
        return AanmeldResultaat(aanmelding=bestaand, gewijzigd=False)
    vol = bijeenkomst.max_plaatsen is not None and _plaatsen_bezet(bijeenkomst) >= bijeenkomst.max_plaatsen
    status = AanmeldingStatus.WACHTLIJST if vol else AanmeldingStatus.AANGEMELD
    aanmelding = bestaand or Aanmelding(bijeenkomst=bijeenkomst, gebruiker=gebruiker)
    aanmelding.organisatie = organisatie
    aanmelding.status = status
    aanmelding.aangemeld_op = nu
    aanmelding.full_clean(validate_constraints=False)
    aanmelding.save()
    return AanmeldResultaat(aanmelding=aanmelding, gewijzigd=True)


@transaction.atomic
def afmelden(*, bijeenkomst: Bijeenkomst, gebruiker, nu: datetime | None = None) -> Aanmelding | None:
    """Cancel a sign-up. A freed place goes to the first on the waiting list."""
    nu = nu or timezone.now()
    bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
    if bijeenkomst.start <= nu:
        raise ValidationError("Deze bijeenkomst is al begonnen of voorbij. Afmelden kan niet meer.", code="voorbij")
    aanmelding = Aanmelding.objects.filter(bijeenkomst=bijeenkomst, gebruiker=gebruiker).first()
    if aanmelding is None or aanmelding.status == AanmeldingStatus.AFGEMELD:
        return None
    had_plaats = aanmelding.status == AanmeldingStatus.AANGEMELD
    aanmelding.status = AanmeldingStatus.AFGEMELD
    aanmelding.save(update_fields=["status", "gewijzigd_op"])
    if had_plaats:
        wachtlijst_opschuiven(bijeenkomst=bijeenkomst)
    return aanmelding


def wachtlijst_opschuiven(*, bijeenkomst: Bijeenkomst) -> list[Aanmelding]:
    """Give free places to the waiting list, first come first served. Call inside a transaction."""
    vrij = None if bijeenkomst.max_plaatsen is None else bijeenkomst.max_plaatsen - _plaatsen_bezet(bijeenkomst)
    wachtenden = bijeenkomst.aanmeldingen.filter(status=AanmeldingStatus.WACHTLIJST).order_by("aangemeld_op", "pk")
    if vrij is not None:
        wachtenden = wachtenden[: max(vrij, 0)]
    opgeschoven = list(wachtenden.select_related("gebruiker"))
    for aanmelding in opgeschoven:
        aanmelding.status = AanmeldingStatus.AANGEMELD
        aanmelding.save(update_fields=["status", "gewijzigd_op"])
        _bijeenkomst_bericht(aanmelding=aanmelding, bijeenkomst=bijeenkomst, sjabloon="wachtlijst_plaats")
    return opgeschoven


WAAROM_BIJEENKOMST = "U heeft zich aangemeld voor een bijeenkomst van het Armoedepact."
WIJZIGEN_BIJEENKOMST = "Wilt u deze berichten niet meer? Meld u af voor de bijeenkomst in het partnerportaal."


def _bijeenkomst_bericht(*, aanmelding: Aanmelding, bijeenkomst: Bijeenkomst, sjabloon: str) -> bool:
    from django.urls import reverse

    gebruiker = aanmelding.gebruiker
    onderwerp = {
        "wachtlijst_plaats": f"U heeft een plaats: {bijeenkomst.titel}",
        "bijeenkomst_herinnering": f"Herinnering: {bijeenkomst.titel} op {timezone.localtime(bijeenkomst.start):%d-%m}",
    }[sjabloon]
    return bericht_sturen(
        aan=[gebruiker.email],
        onderwerp=onderwerp,
        sjabloon=sjabloon,
        context={
            "naam": gebruiker.first_name,
            "bijeenkomst": bijeenkomst,
            # The partner portal's page of the pact (a URL name, not an import of the top floor).
            "link": settings.PORTAAL_URL + reverse("partner:pact") + "#bijeenkomsten",
            "waarom": WAAROM_BIJEENKOMST,
            "wijzigen": WIJZIGEN_BIJEENKOMST,
        },
    )


def bijeenkomst_herinneringen_versturen(*, nu: datetime | None = None) -> int:
    """One reminder per sign-up, BIJEENKOMST_HERINNEREN_DAGEN days before the meeting."""
    nu = nu or timezone.now()
    grens = nu + timedelta(days=settings.BIJEENKOMST_HERINNEREN_DAGEN)
    verstuurd = 0
    aanmeldingen = Aanmelding.objects.select_related("bijeenkomst", "gebruiker").filter(
        status=AanmeldingStatus.AANGEMELD,
        herinnerd_op__isnull=True,
        bijeenkomst__start__gt=nu,
        bijeenkomst__start__lte=grens,
    )
    for aanmelding in aanmeldingen:
        with transaction.atomic():
            if not Aanmelding.objects.filter(pk=aanmelding.pk, herinnerd_op__isnull=True).update(herinnerd_op=nu):
                continue
            if _bijeenkomst_bericht(
                aanmelding=aanmelding, bijeenkomst=aanmelding.bijeenkomst, sjabloon="bijeenkomst_herinnering"
            ):
                verstuurd += 1
    return verstuurd


# --- Aansluiten bij het pact --------------------------------------------------------


def afzender_hash(*, adres: str) -> str:
    """A keyed hash of a network address: enough to count, never the address itself."""
    return hmac.new(settings.SECRET_KEY.encode(), (adres or "").encode(), hashlib.sha256).hexdigest()


def aansluiten_te_vaak(*, afzender: str, nu: datetime | None = None) -> bool:
    nu = nu or timezone.now()
    recent = Aansluitverzoek.objects.filter(afzender_hash=afzender, aangemaakt_op__gte=nu - timedelta(hours=1))
    return recent.count() >= AANSLUITEN_PER_UUR


@transaction.atomic
def aansluitverzoek_indienen(
    *,
    organisatie_naam: str,
    contactpersoon: str,
    email: str,
    wat_doet_u: str,
    bijdrage: str,
    afzender: str = "",
    vertegenwoordiger: str = "",
    missie: str = "",
    activiteiten: list[tuple[Pijler, str]] = (),
) -> Aansluitverzoek:
    """Store an application; with activities it carries the convenant (representative, mission, activities)."""
    from werkgroepen.selectors import aansluitverzoek_open_dubbel

    if afzender and aansluiten_te_vaak(afzender=afzender):
        raise ValidationError(
            "U heeft in het afgelopen uur al een paar aanvragen gestuurd. Probeer het over een uur opnieuw.",
            code="te_vaak",
        )
    if aansluitverzoek_open_dubbel(organisatie_naam=organisatie_naam, email=email):
        raise ValidationError(
            "Wij hebben al een aanvraag van deze organisatie. De coördinator neemt contact met u op. "
            "U hoeft niets meer te doen.",
            code="dubbel",
        )
    verzoek = Aansluitverzoek(
        organisatie_naam=organisatie_naam.strip(),
        contactpersoon=contactpersoon.strip(),
        email=email.strip().lower(),
        wat_doet_u=wat_doet_u.strip(),
        bijdrage=bijdrage.strip(),
        afzender_hash=afzender,
        vertegenwoordiger=vertegenwoordiger.strip(),
        missie=missie.strip(),
    )
    activiteiten = [(pijler, tekst.strip()) for pijler, tekst in activiteiten if tekst and tekst.strip()]
    if activiteiten and not (verzoek.vertegenwoordiger and verzoek.missie):
        raise ValidationError(
            "Wilt u het convenant ondertekenen? Vul dan ook de vertegenwoordiger en de missie in.",
            code="convenant_onvolledig",
        )
    if (verzoek.vertegenwoordiger or verzoek.missie) and not activiteiten:
        raise ValidationError(
            "Wilt u het convenant ondertekenen? Vul dan minstens één activiteit voor dit jaar in.",
            code="convenant_zonder_activiteit",
        )
    verzoek.full_clean()
    verzoek.save()
    for volgorde, (pijler, tekst) in enumerate(activiteiten):
        activiteit = ConvenantActiviteit(aansluitverzoek=verzoek, pijler=pijler, omschrijving=tekst, volgorde=volgorde)
        activiteit.full_clean()
        activiteit.save()
    return verzoek


def _status_controleren(verzoek: Aansluitverzoek, naar: str) -> None:
    overgang_controleren(
        overgangen=AANSLUITVERZOEK_TRANSITIONS,
        van=verzoek.status,
        naar=naar,
        melding=f"De aanvraag van {verzoek.organisatie_naam} is al {verzoek.get_status_display().lower()}.",
        code="al_behandeld",
    )


UITNODIGING_TEKST = """Beste {contactpersoon},

Welkom bij het Armoedepact {gemeente}! De coördinator heeft de aanvraag van {organisatie} goedgekeurd.

Maak met deze link uw account aan. De link werkt 14 dagen en maar één keer:
{url}

Daarna kunt u zich aanmelden voor bijeenkomsten en de Lokale Sociale Agenda invullen.

Vragen? Bel de gemeente: {telefoon}.

Met vriendelijke groet,
De coördinator van het Armoedepact
"""


@transaction.atomic
def aansluitverzoek_goedkeuren(*, verzoek: Aansluitverzoek, door, basis_url: str) -> tuple:
    """Approve: create the organisation (unpublished, pact partner since today) and invite the contact.

    With the convenant the organisation is a signatory from today, and its
    activities enter this year's Lokale Sociale Agenda (convenant_in_agenda).

    basis_url is the site's address (e.g. request.build_absolute_uri("/")); the
    e-mail is sent once the transaction has been committed.
    Returns (organisatie, token)."""
    from sociale_kaart.models import Organisatie, Status

    verzoek = Aansluitverzoek.objects.select_for_update().get(pk=verzoek.pk)
    _status_controleren(verzoek, AansluitverzoekStatus.GOEDGEKEURD)
    organisatie = Organisatie(
        naam=verzoek.organisatie_naam,
        slug=unieke_slug(Organisatie, verzoek.organisatie_naam, standaard="organisatie"),
        korte_omschrijving=verzoek.wat_doet_u[:1000],
        email=verzoek.email,
        pactpartner=True,
        pactpartner_sinds=timezone.localdate(),
        status=Status.CONCEPT,
    )
    organisatie.full_clean()
    organisatie.save()
    _, token = kaart_services.uitnodiging_maken(email=verzoek.email, organisatie=organisatie, door=door)
    verzoek.status = AansluitverzoekStatus.GOEDGEKEURD
    verzoek.organisatie = organisatie
    verzoek.behandeld_door = door
    verzoek.behandeld_op = timezone.now()
    verzoek.save(update_fields=["status", "organisatie", "behandeld_door", "behandeld_op"])
    convenant_in_agenda(verzoek=verzoek, door=door)

    url = basis_url.rstrip("/") + f"/partner/uitnodiging/{token}/"
    tekst = UITNODIGING_TEKST.format(
        contactpersoon=verzoek.contactpersoon,
        gemeente=settings.GEMEENTE_NAAM,
        organisatie=organisatie.naam,
        url=url,
        telefoon=settings.CENTRAAL_TELEFOONNUMMER,
    )
    ontvanger = verzoek.email
    transaction.on_commit(
        lambda: send_mail(
            subject=f"Welkom bij het Armoedepact {settings.GEMEENTE_NAAM}",
            message=tekst,
            from_email=None,
            recipient_list=[ontvanger],
        )
    )
    return organisatie, token


@transaction.atomic
def aansluitverzoek_afwijzen(*, verzoek: Aansluitverzoek, door) -> Aansluitverzoek:
    verzoek = Aansluitverzoek.objects.select_for_update().get(pk=verzoek.pk)
    _status_controleren(verzoek, AansluitverzoekStatus.AFGEWEZEN)
    verzoek.status = AansluitverzoekStatus.AFGEWEZEN
    verzoek.behandeld_door = door
    verzoek.behandeld_op = timezone.now()
    verzoek.save(update_fields=["status", "behandeld_door", "behandeld_op"])
    return verzoek


# --- Lokale Sociale Agenda ----------------------------------------------------------


def agendaronde_openen(*, jaar: int) -> AgendaRonde:
    ronde, _ = AgendaRonde.objects.get_or_create(jaar=jaar)
    ronde.status = AgendaRondeStatus.OPEN
    ronde.full_clean()
    ronde.save()
    return ronde


def agendaronde_sluiten(*, ronde: AgendaRonde) -> AgendaRonde:
    ronde.status = AgendaRondeStatus.GESLOTEN
    ronde.save(update_fields=["status"])
    return ronde


@transaction.atomic
def agendabijdrage_opslaan(
    *,
    ronde: AgendaRonde,
    organisatie,
    missie: str,
    activiteiten: list[tuple[Pijler, str]],
    door,
    vertegenwoordiger: str = "",
    direct: bool,
    ook_gesloten: bool = False,
) -> AgendaBijdrage:
    """Submit or replace an organisation's agenda for an open round. `direct` has no
    default: pass the organisation's trust. `direct=False` (a partner that is not
    trusted): it waits for the coordinator before it is public.

    ook_gesloten: the coordinator's own writes (an approved convenant) may enter a closed round."""
    ronde = AgendaRonde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status != AgendaRondeStatus.OPEN and not ook_gesloten:
        raise ValidationError(
            f"De Lokale Sociale Agenda {ronde.jaar} is gesloten. Bel de coördinator als u nog iets wilt wijzigen.",
            code="gesloten",
        )
    activiteiten = [(pijler, tekst.strip()) for pijler, tekst in activiteiten if tekst and tekst.strip()]
    if not activiteiten:
        raise ValidationError("Vul minstens één activiteit in.", code="geen_activiteit")
    bijdrage = AgendaBijdrage.objects.filter(ronde=ronde, organisatie=organisatie).first()
    bijdrage = bijdrage or AgendaBijdrage(ronde=ronde, organisatie=organisatie)
    bijdrage.missie = missie.strip()
    bijdrage.vertegenwoordiger = vertegenwoordiger.strip()
    bijdrage.ingediend_door = door
    bijdrage.beoordeling = Beoordeling.GOEDGEKEURD if direct else Beoordeling.WACHT
    bijdrage.full_clean(validate_constraints=False)
    bijdrage.save()
    bijdrage.activiteiten.all().delete()
    for volgorde, (pijler, tekst) in enumerate(activiteiten):
        activiteit = AgendaActiviteit(bijdrage=bijdrage, pijler=pijler, omschrijving=tekst, volgorde=volgorde)
        activiteit.full_clean()
        activiteit.save()
    return bijdrage


@transaction.atomic
def convenant_in_agenda(*, verzoek: Aansluitverzoek, door, jaar: int | None = None) -> AgendaBijdrage | None:
    """Copy an approved application's convenant into the Lokale Sociale Agenda of the year it was approved.

    The round of that year is made when it does not exist yet (closed: the
    coordinator opens it for the other partners). Without activities: nothing."""
    activiteiten = [(a.pijler, a.omschrijving) for a in verzoek.activiteiten.select_related("pijler")]
    if not activiteiten or verzoek.organisatie is None:
        return None
    jaar = jaar or (verzoek.behandeld_op or timezone.now()).astimezone(timezone.get_current_timezone()).year
    ronde, _ = AgendaRonde.objects.get_or_create(jaar=jaar)
    return agendabijdrage_opslaan(
        ronde=ronde,
        organisatie=verzoek.organisatie,
        missie=verzoek.missie,
        vertegenwoordiger=verzoek.vertegenwoordiger,
        activiteiten=activiteiten,
        door=door,
        direct=True,  # the coordinator approved the convenant: that is the review
        ook_gesloten=True,
    )


def pact_instellingen_bewaren() -> Pact:
    """The pact's settings row, saved (with the defaults) when it did not exist yet."""
    return Pact.objects.get_or_create(pk=1)[0]


# --- Datumprikker: choosing a date with the partners --------------------------------


@transaction.atomic
def peiling_beantwoorden(*, peiling, organisatie, keuzes: dict[int, str]) -> int:
    """Store an organisation's ja / misschien / nee per date of an open poll; returns how many were stored.

    Checked before anything is written: an unknown date or answer changes nothing."""
    from werkgroepen.models import DatumPeiling, DatumPeilingStatus, PeilingAntwoord, PeilingKeuze

    peiling = DatumPeiling.objects.select_for_update().get(pk=peiling.pk)
    if peiling.status != DatumPeilingStatus.OPEN:
        raise ValidationError("Deze datumprikker is gesloten. U kunt niets meer invullen.", code="gesloten")
    datums = {d.pk: d for d in peiling.datums.all()}
    if not keuzes:
        raise ValidationError("Kies bij minstens één datum ja, misschien of nee.", code="leeg")
    if any(pk not in datums or keuze not in PeilingKeuze.values for pk, keuze in keuzes.items()):
        raise ValidationError("Kies bij elke datum ja, misschien of nee.", code="ongeldig")
    for pk, keuze in keuzes.items():
        PeilingAntwoord.objects.update_or_create(datum=datums[pk], organisatie=organisatie, defaults={"keuze": keuze})
    return len(keuzes)


@transaction.atomic
def peiling_sluiten_en_plannen(*, peiling, datum, plaats: str, adres: str, door) -> Bijeenkomst:
    """Close the poll and plan the meeting on the chosen date."""
    from werkgroepen.models import DatumPeiling, DatumPeilingStatus

    peiling = DatumPeiling.objects.select_for_update().get(pk=peiling.pk)
    if peiling.status != DatumPeilingStatus.OPEN:
        raise ValidationError("Deze datumprikker is al gesloten.", code="gesloten")
    if datum.peiling_id != peiling.pk:
        raise ValidationError("Kies een datum van deze datumprikker.", code="andere_peiling")
    if not (plaats.strip() and adres.strip()):
        raise ValidationError("Vul de plek en het adres in om de bijeenkomst te plannen.", code="geen_plek")
    bijeenkomst = bijeenkomst_plannen(
        titel=peiling.titel,
        omschrijving=peiling.toelichting,
        start=datum.start,
        eind=datum.eind,
        plaats=plaats.strip(),
        adres=adres.strip(),
        organisator=door,
    )
    peiling.status, peiling.gekozen, peiling.bijeenkomst = DatumPeilingStatus.GESLOTEN, datum, bijeenkomst
    peiling.plaats, peiling.adres = plaats.strip(), adres.strip()
    peiling.save(update_fields=["status", "gekozen", "bijeenkomst", "plaats", "adres"])
    return bijeenkomst
