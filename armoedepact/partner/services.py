"""Writes of the partner portal. A partner's change to published content (or a
new aanbod) waits as a Revisie until the coordinator approves it; trusted
organisations publish directly. Nothing is ever hard deleted, and every save
is kept in the history (django-simple-history)."""

import hashlib
import json
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from armoedepact.historie import een_versie, versie_vastleggen
from armoedepact.models import REVISIE_OVERGANGEN, DirectePublicatie, Revisie, RevisieStatus
from armoedepact.partner.forms import AanbodForm, LocatieForm, OrganisatieForm, form_data_as_json
from common.berichten import bericht_sturen
from common.overgangen import overgang_controleren
from common.slugs import unieke_slug
from sociale_kaart.models import (
    SERVICETALEN,
    STATUS_TRANSITIONS,
    VERIFICATIE_VELDEN,
    Aanbod,
    Locatie,
    Openingstijd,
    Organisatie,
    Status,
)
from sociale_kaart.selectors import bevestigd_op, verificatie_grens
from sociale_kaart.services import aanbod_zoekvector_bijwerken


def _bewaar_aanbod(form: AanbodForm, *, door, goedgekeurd_door=None) -> Aanbod:
    """Save a valid AanbodForm with its opening hours and refresh the search vector.

    One version is written after the opening hours and thema's are saved, naming
    who wrote it (`door`) and who approved it."""
    aanbod = form.save(commit=False)
    _aangeraakt_bevestigen(aanbod, form)
    if not aanbod.slug:
        aanbod.slug = unieke_slug(Aanbod, aanbod.titel, standaard="aanbod")
    aanbod.full_clean(exclude=["zoekvector"])
    with een_versie(aanbod, door=door, goedgekeurd_door=goedgekeurd_door):
        aanbod.save()
        form.save_m2m()
        aanbod.openingstijden.all().delete()
        Openingstijd.objects.bulk_create(
            [Openingstijd(aanbod=aanbod, weekdag=dag, van=van, tot=tot) for dag, van, tot in form.openingstijden()]
        )
    aanbod_zoekvector_bijwerken(aanbod_ids=[aanbod.pk])
    return aanbod


def _aangeraakt_bevestigen(aanbod: Aanbod, form: AanbodForm) -> None:
    """An edit that is published (approved, or direct) confirms today the critical
    fields it changed (the verification routine); the others keep their own date."""
    vandaag = date.today()
    if aanbod.pk is None:
        for _, _, veld in VERIFICATIE_VELDEN:
            setattr(aanbod, veld, vandaag)
        return
    oud = Aanbod.objects.get(pk=aanbod.pk)
    tijden = [(t.weekdag, t.van, t.tot) for t in oud.openingstijden.all()]
    if oud.telefoon != aanbod.telefoon:
        aanbod.telefoon_bevestigd_op = vandaag
    if oud.hoe_aanvragen != aanbod.hoe_aanvragen:
        aanbod.hoe_aanvragen_bevestigd_op = vandaag
    if tijden != form.openingstijden() or oud.openingstijden_toelichting != aanbod.openingstijden_toelichting:
        aanbod.openingstijden_bevestigd_op = vandaag


def _bewaar_organisatie(form: OrganisatieForm, *, door, goedgekeurd_door=None) -> Organisatie:
    organisatie = form.save(commit=False)
    organisatie.laatst_gecontroleerd = date.today()
    organisatie.full_clean()
    with een_versie(organisatie, door=door, goedgekeurd_door=goedgekeurd_door):
        organisatie.save()
    aanbod_zoekvector_bijwerken(aanbod_ids=list(organisatie.aanbod.values_list("pk", flat=True)))
    return organisatie


def _publieke_versie(model, pk) -> int:
    """The history id of the version that is public now (written first when the entry has none)."""
    versie = model.history.filter(id=pk).order_by("-history_date", "-history_id").first()
    if versie is None:
        versie_vastleggen(model.objects.get(pk=pk), reden="Versie van voor een directe publicatie")
        versie = model.history.filter(id=pk).order_by("-history_date", "-history_id").first()
    return versie.history_id


def directe_publicatie_vastleggen(
    *, soort, organisatie, door, aanbod=None, vorige_versie=None, **onderwerp
) -> DirectePublicatie:
    """Note a trusted organisation's direct publication for "Net gepubliceerd" on /beheer/.
    `onderwerp`: the agendabijdrage, or the voortgang with the actiepunt's vorige_status
    and vorige_percentage (armoedepact/partner/pact_services.py)."""
    publicatie = DirectePublicatie(
        soort=soort,
        nieuw=vorige_versie is None and soort == DirectePublicatie.Soort.AANBOD,
        organisatie=organisatie,
        aanbod=aanbod,
        vorige_versie=vorige_versie,
        door=door,
        **onderwerp,
    )
    publicatie.full_clean()
    publicatie.save()
    return publicatie


def _vervang_wachtende(**filters) -> None:
    Revisie.objects.filter(status=RevisieStatus.WACHT, **filters).update(status=RevisieStatus.INGETROKKEN)


@transaction.atomic
def aanbod_opslaan(*, form: AanbodForm, organisatie: Organisatie, door) -> Revisie | None:
    """Save a partner's aanbod form. Returns the Revisie when it waits for approval, else None."""
    aanbod = form.instance
    nieuw = aanbod.pk is None
    if nieuw:
        aanbod.organisatie = organisatie
        aanbod.status = Status.GEPUBLICEERD if organisatie.vertrouwd else Status.CONCEPT
        aanbod.laatst_gecontroleerd = date.today()
        aanbod = _bewaar_aanbod(form, door=door)
        if organisatie.vertrouwd:
            if organisatie.status == Status.GEPUBLICEERD:
                directe_publicatie_vastleggen(
                    soort=DirectePublicatie.Soort.AANBOD, organisatie=organisatie, aanbod=aanbod, door=door
                )
            return None
        return Revisie.objects.create(
            soort=Revisie.Soort.AANBOD,
            nieuw=True,
            organisatie=organisatie,
            aanbod=aanbod,
            data=form_data_as_json(form),
            ingediend_door=door,
        )
    if organisatie.vertrouwd or aanbod.status != Status.GEPUBLICEERD:
        # Not public (concept) or trusted: the change applies at once. A concept
        # waiting to be published keeps its pending revision, with the new data.
        aanbod.laatst_gecontroleerd = date.today()
        publiek = aanbod.status == Status.GEPUBLICEERD and organisatie.status == Status.GEPUBLICEERD
        vorige = _publieke_versie(Aanbod, aanbod.pk) if publiek else None
        _bewaar_aanbod(form, door=door)
        if publiek:
            directe_publicatie_vastleggen(
                soort=DirectePublicatie.Soort.AANBOD,
                organisatie=organisatie,
                aanbod=aanbod,
                door=door,
                vorige_versie=vorige,
            )
        Revisie.objects.filter(status=RevisieStatus.WACHT, aanbod=aanbod, nieuw=True).update(
            data=form_data_as_json(form)
        )
        return None
    # Published and not trusted: the public keeps the approved version meanwhile.
    _vervang_wachtende(aanbod=aanbod)
    return Revisie.objects.create(
        soort=Revisie.Soort.AANBOD,
        organisatie=organisatie,
        aanbod=aanbod,
        data=form_data_as_json(form),
        ingediend_door=door,
    )


@transaction.atomic
def organisatie_opslaan(*, form: OrganisatieForm, door) -> Revisie | None:
    organisatie = Organisatie.objects.get(pk=form.instance.pk)
    if organisatie.vertrouwd or organisatie.status != Status.GEPUBLICEERD:
        publiek = organisatie.status == Status.GEPUBLICEERD
        vorige = _publieke_versie(Organisatie, organisatie.pk) if publiek else None
        _bewaar_organisatie(form, door=door)
        if publiek:
            directe_publicatie_vastleggen(
                soort=DirectePublicatie.Soort.ORGANISATIE, organisatie=organisatie, door=door, vorige_versie=vorige
            )
        return None
    _vervang_wachtende(organisatie=organisatie, soort=Revisie.Soort.ORGANISATIE)
    return Revisie.objects.create(
        soort=Revisie.Soort.ORGANISATIE, organisatie=organisatie, data=form_data_as_json(form), ingediend_door=door
    )


# --- Locations: part of the organisation, through the same moderation --------------

LOCATIE_SLEUTEL = "_locatie"  # in Revisie.data: the uuid of the location changed (absent: a new one)
VERWIJDEREN_SLEUTEL = "_verwijderen"  # in Revisie.data: remove this location


def _locatie_toepassen(
    *, organisatie: Organisatie, form: LocatieForm | None, locatie: Locatie | None, door, goedgekeurd_door=None
) -> None:
    """Save (form) or remove (no form) a location with its opening hours; one version of the organisation."""
    with een_versie(organisatie, door=door, goedgekeurd_door=goedgekeurd_door):
        if form is None:
            locatie.delete()
        else:
            _locatie_aangeraakt_bevestigen(form)
            locatie = form.save(commit=False)
            locatie.organisatie = organisatie
            locatie.full_clean()
            locatie.save()
            locatie.openingstijden.all().delete()
            Openingstijd.objects.bulk_create(
                [Openingstijd(locatie=locatie, weekdag=d, van=v, tot=t) for d, v, t in form.openingstijden()]
            )
    aanbod_zoekvector_bijwerken(aanbod_ids=list(organisatie.aanbod.values_list("pk", flat=True)))


def _locatie_aangeraakt_bevestigen(form: LocatieForm) -> None:
    """A published location change confirms today, for the aanbod given at that location,
    the critical fields it changed: address, opening hours, phone."""
    if form.instance.pk is None:
        return
    oud = Locatie.objects.get(pk=form.instance.pk)
    nieuw = form.instance
    velden = {}
    if (oud.straat, oud.postcode, oud.plaats) != (nieuw.straat, nieuw.postcode, nieuw.plaats):
        velden["adres_bevestigd_op"] = date.today()
    if [(t.weekdag, t.van, t.tot) for t in oud.openingstijden.all()] != form.openingstijden():
        velden["openingstijden_bevestigd_op"] = date.today()
    if oud.telefoon != nieuw.telefoon:
        velden["telefoon_bevestigd_op"] = date.today()
    if velden:
        Aanbod.objects.filter(locaties=oud).update(**velden)


def _locatie_wijziging(*, organisatie: Organisatie, form, locatie, data: dict, door) -> Revisie | None:
    """Apply a location change at once (trusted, or not public yet) or keep it as a Revisie."""
    organisatie = Organisatie.objects.get(pk=organisatie.pk)
    if organisatie.vertrouwd or organisatie.status != Status.GEPUBLICEERD:
        publiek = organisatie.status == Status.GEPUBLICEERD
        vorige = _publieke_versie(Organisatie, organisatie.pk) if publiek else None
        _locatie_toepassen(organisatie=organisatie, form=form, locatie=locatie, door=door)
        if publiek:
            directe_publicatie_vastleggen(
                soort=DirectePublicatie.Soort.ORGANISATIE, organisatie=organisatie, door=door, vorige_versie=vorige
            )
        return None
    if locatie is not None:
        _vervang_wachtende(
            organisatie=organisatie, soort=Revisie.Soort.LOCATIE, **{f"data__{LOCATIE_SLEUTEL}": [str(locatie.uuid)]}
        )
        data[LOCATIE_SLEUTEL] = [str(locatie.uuid)]
    return Revisie.objects.create(soort=Revisie.Soort.LOCATIE, organisatie=organisatie, data=data, ingediend_door=door)


@transaction.atomic
def locatie_opslaan(*, form: LocatieForm, organisatie: Organisatie, door) -> Revisie | None:
    """Save a partner's location form. Returns the Revisie when it waits for approval, else None."""
    locatie = form.instance if form.instance.pk else None
    return _locatie_wijziging(
        organisatie=organisatie, form=form, locatie=locatie, data=form_data_as_json(form), door=door
    )


@transaction.atomic
def locatie_verwijderen(*, locatie: Locatie, door) -> Revisie | None:
    return _locatie_wijziging(
        organisatie=locatie.organisatie, form=None, locatie=locatie, data={VERWIJDEREN_SLEUTEL: ["1"]}, door=door
    )


def _revisie_locatie(revisie: Revisie) -> Locatie | None:
    uuid = (revisie.data.get(LOCATIE_SLEUTEL) or [None])[0]
    if uuid is None:
        return None
    locatie = Locatie.objects.filter(organisatie_id=revisie.organisatie_id, uuid=uuid).first()
    if locatie is None:
        raise ValidationError("Deze locatie bestaat niet meer. Er is niets veranderd.")
    return locatie


def alles_klopt(*, item: Aanbod | Organisatie, door) -> None:
    """'Alles klopt nog': a person confirmed the entry today; nothing else changes.
    For an aanbod that confirms each critical field of the verification routine too,
    so an aanbod hidden for want of confirmation is shown again at once."""
    vandaag = date.today()
    item.laatst_gecontroleerd = vandaag
    velden = ["laatst_gecontroleerd", "gewijzigd_op"]
    if isinstance(item, Aanbod):
        for _, _, veld in VERIFICATIE_VELDEN:
            setattr(item, veld, vandaag)
        item.verificatie_gemeld_op = None
        item.verborgen_wegens_verificatie = False
        velden += [veld for _, _, veld in VERIFICATIE_VELDEN] + [
            "verificatie_gemeld_op",
            "verborgen_wegens_verificatie",
        ]
    with een_versie(item, door=door, reden="Alles klopt nog"):
        item.save(update_fields=velden)


def velden_bevestigen(*, aanbod: Aanbod, velden: list[str], door) -> None:
    """Confirm some critical fields of an aanbod today (the verification routine).
    Shown again to residents only when no field is out of date any more."""
    bekend = {naam: veld for naam, _, veld in VERIFICATIE_VELDEN}
    if not velden or any(naam not in bekend for naam in velden):
        raise ValidationError("Kies wat er nog klopt: telefoon, adres, openingstijden of hoe u begint.")
    vandaag = date.today()
    for naam in velden:
        setattr(aanbod, bekend[naam], vandaag)
    bijwerken = [bekend[naam] for naam in velden] + ["gewijzigd_op"]
    grens = verificatie_grens(vandaag=vandaag)
    if all(bevestigd_op(aanbod, veld) >= grens for _, _, veld in VERIFICATIE_VELDEN):
        aanbod.verificatie_gemeld_op = None
        aanbod.verborgen_wegens_verificatie = False
        bijwerken += ["verificatie_gemeld_op", "verborgen_wegens_verificatie"]
    with een_versie(aanbod, door=door, reden="Bevestigd: " + ", ".join(velden)):
        aanbod.save(update_fields=bijwerken)


def aanbod_status_zetten(*, aanbod: Aanbod, status: str, door) -> None:
    if status == aanbod.status:
        return
    overgang_controleren(overgangen=STATUS_TRANSITIONS, van=aanbod.status, naar=status, melding="Deze status kan niet.")
    aanbod.status = status
    with een_versie(aanbod, door=door):
        aanbod.save(update_fields=["status", "gewijzigd_op"])
    aanbod_zoekvector_bijwerken(aanbod_ids=[aanbod.pk])  # the vocabulary follows what is public
    if status == Status.GEARCHIVEERD:
        _vervang_wachtende(aanbod=aanbod)
    elif status == Status.CONCEPT and not aanbod.organisatie.vertrouwd:
        # Out of the archive: back to review, as a new entry; approving publishes it again.
        _vervang_wachtende(aanbod=aanbod)
        Revisie.objects.create(
            soort=Revisie.Soort.AANBOD,
            nieuw=True,
            organisatie=aanbod.organisatie,
            aanbod=aanbod,
            data=form_data_uit_object(AanbodForm, instance=aanbod),
            ingediend_door=door,
        )


def form_data_uit_object(form_class, *, instance) -> dict[str, list[str]]:
    """The edit form's values for an object as it is now, JSON-safe (as form_data_as_json)."""
    form = form_class(instance=instance)
    data: dict[str, list[str]] = {}
    for name in form.fields:
        waarde = form[name].value()
        if waarde is None or waarde is False:
            continue
        if waarde is True:
            data[name] = ["on"]
        elif isinstance(waarde, (list, tuple)):
            data[name] = [str(getattr(w, "pk", w)) for w in waarde]
        else:
            data[name] = [str(waarde)]
    return data


def _overgang(revisie: Revisie, naar: str) -> None:
    overgang_controleren(
        overgangen=REVISIE_OVERGANGEN, van=revisie.status, naar=naar, melding="Deze wijziging is al beoordeeld."
    )


def revisie_formulier(revisie: Revisie):
    """The edit form bound to the revision's data, against the current object."""
    data = MultiValueDict(revisie.data)
    if revisie.soort == Revisie.Soort.LOCATIE:
        if VERWIJDEREN_SLEUTEL in revisie.data:
            return None
        return LocatieForm(
            data=data, instance=_revisie_locatie(revisie) or Locatie(organisatie_id=revisie.organisatie_id)
        )
    if revisie.soort == Revisie.Soort.AANBOD:
        return AanbodForm(data=data, instance=Aanbod.objects.get(pk=revisie.aanbod_id))
    return OrganisatieForm(data=data, instance=Organisatie.objects.get(pk=revisie.organisatie_id))


WAAROM_WIJZIGING = "U of een collega heeft een wijziging ingediend op het portaal van het Armoedepact."
WIJZIGEN_WIJZIGING = (
    "Wij sturen dit bericht naar wie de wijziging indiende. Klopt uw e-mailadres niet meer? "
    "Vraag de beheerder van uw organisatie of de coördinator om het aan te passen."
)


def _revisie_ontvangers(revisie: Revisie) -> list[str]:
    if revisie.ingediend_door_id and revisie.ingediend_door.email:
        return [revisie.ingediend_door.email]
    return [lid.gebruiker.email for lid in revisie.organisatie.lidmaatschappen.select_related("gebruiker")]


def _revisie_titel(revisie: Revisie) -> str:
    if revisie.soort == Revisie.Soort.AANBOD and revisie.aanbod_id:
        return revisie.aanbod.titel
    return f"de gegevens van {revisie.organisatie.naam}"


def revisie_bericht(*, revisie: Revisie, basis_url: str | None = None) -> bool:
    """E-mail the partner who submitted the change: approved, or rejected with the reason."""
    basis = (basis_url or settings.PORTAAL_URL).rstrip("/")
    if revisie.status == RevisieStatus.GOEDGEKEURD:
        if revisie.soort == Revisie.Soort.AANBOD and revisie.aanbod_id:
            pad = reverse("sociale_kaart:aanbod", kwargs={"slug": revisie.aanbod.slug})
        else:
            pad = reverse("sociale_kaart:organisatie", kwargs={"slug": revisie.organisatie.slug})
        sjabloon, onderwerp = "wijziging_goedgekeurd", "Uw wijziging is goedgekeurd (Armoedepact)"
    else:
        pad = reverse("partner:revisie", kwargs={"pk": revisie.pk})
        sjabloon, onderwerp = "wijziging_afgewezen", "Uw wijziging is niet goedgekeurd (Armoedepact)"
    return bericht_sturen(
        aan=_revisie_ontvangers(revisie),
        onderwerp=onderwerp,
        sjabloon=sjabloon,
        context={
            "titel": _revisie_titel(revisie),
            "reden": revisie.reden,
            "link": basis + pad,
            "waarom": WAAROM_WIJZIGING,
            "wijzigen": WIJZIGEN_WIJZIGING,
        },
    )


def revisie_vingerafdruk(revisie: Revisie) -> str:
    """A fingerprint of the proposal as the coordinator sees it: its data and status.

    The review page carries it in a hidden field; a partner's edit after the page
    was opened changes it, so an approval of text nobody saw is refused."""
    inhoud = json.dumps([revisie.pk, revisie.status, revisie.data], sort_keys=True, default=str)
    return hashlib.sha256(inhoud.encode()).hexdigest()


REVISIE_VERANDERD = (
    "De partner heeft deze wijziging aangepast nadat u de pagina opende. Er is niets gepubliceerd. "
    "Bekijk de nieuwe versie en beoordeel die opnieuw."
)


@transaction.atomic
def revisie_goedkeuren(*, revisie: Revisie, door, basis_url: str | None = None, gezien: str | None = None) -> None:
    """Publish the proposal. `gezien` is the fingerprint of the version the coordinator
    saw (revisie_vingerafdruk); when the revision changed since, nothing is published."""
    revisie = Revisie.objects.select_for_update().get(pk=revisie.pk)
    if revisie.status != RevisieStatus.INGETROKKEN:
        _overgang(revisie, RevisieStatus.GOEDGEKEURD)
    if revisie.status == RevisieStatus.INGETROKKEN or (gezien is not None and gezien != revisie_vingerafdruk(revisie)):
        raise ValidationError(REVISIE_VERANDERD)
    if revisie.soort == Revisie.Soort.LOCATIE:
        _locatie_goedkeuren(revisie, door=door)
    else:
        _revisie_toepassen(revisie, door=door)
    revisie.status = RevisieStatus.GOEDGEKEURD
    revisie.beoordeeld_door = door
    revisie.beoordeeld_op = timezone.now()
    revisie.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op"])
    revisie_bericht(revisie=revisie, basis_url=basis_url)


def _locatie_goedkeuren(revisie: Revisie, *, door) -> None:
    organisatie = Organisatie.objects.get(pk=revisie.organisatie_id)
    form = revisie_formulier(revisie)
    locatie = _revisie_locatie(revisie)
    if form is not None and not form.is_valid():
        fouten = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        raise ValidationError(f"Deze wijziging klopt niet meer en kan niet worden goedgekeurd ({fouten}).")
    _locatie_toepassen(
        organisatie=organisatie, form=form, locatie=locatie, door=revisie.ingediend_door, goedgekeurd_door=door
    )


def _revisie_toepassen(revisie: Revisie, *, door) -> None:
    form = revisie_formulier(revisie)
    if not form.is_valid():
        fouten = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        raise ValidationError(f"Deze wijziging klopt niet meer en kan niet worden goedgekeurd ({fouten}).")
    vandaag = date.today()
    if revisie.soort == Revisie.Soort.AANBOD:
        form.instance.laatst_gecontroleerd = vandaag
        if revisie.nieuw:
            form.instance.status = Status.GEPUBLICEERD
        _bewaar_aanbod(form, door=revisie.ingediend_door, goedgekeurd_door=door)
    else:
        _bewaar_organisatie(form, door=revisie.ingediend_door, goedgekeurd_door=door)


@transaction.atomic
def revisie_afwijzen(*, revisie: Revisie, door, reden: str, basis_url: str | None = None) -> None:
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError("Schrijf waarom u de wijziging afwijst. De partner ziet deze reden.")
    revisie = Revisie.objects.select_for_update().get(pk=revisie.pk)
    _overgang(revisie, RevisieStatus.AFGEWEZEN)
    revisie.status = RevisieStatus.AFGEWEZEN
    revisie.reden = reden
    revisie.beoordeeld_door = door
    revisie.beoordeeld_op = timezone.now()
    revisie.save(update_fields=["status", "reden", "beoordeeld_door", "beoordeeld_op"])
    revisie_bericht(revisie=revisie, basis_url=basis_url)


def revisie_verschillen(revisie: Revisie) -> list[tuple[str, str, str]]:
    """(label, current value, proposed value) for every field that changes."""
    if revisie.soort == Revisie.Soort.LOCATIE:
        return _locatie_verschillen(revisie)
    form = revisie_formulier(revisie)
    form.is_valid()
    instance = (
        Aanbod.objects.get(pk=revisie.aanbod_id)
        if revisie.soort == Revisie.Soort.AANBOD
        else Organisatie.objects.get(pk=revisie.organisatie_id)
    )
    nieuw_aanbod = revisie.nieuw
    rijen = []
    for name, field in form.fields.items():
        voorstel = form.cleaned_data.get(name) if form.is_bound else None
        if name.startswith(("van_", "tot_")):
            continue
        huidig = field.initial if name.startswith("vertaling_") else getattr(instance, name, None)
        if hasattr(huidig, "all"):
            huidig_tekst = ", ".join(str(x) for x in huidig.all())
            voorstel_tekst = ", ".join(str(x) for x in (voorstel or []))
        else:
            huidig_tekst = _als_tekst(instance, name, huidig)
            voorstel_tekst = _als_tekst(instance, name, voorstel)
        if nieuw_aanbod or huidig_tekst != voorstel_tekst:
            rijen.append((str(field.label), "" if nieuw_aanbod else huidig_tekst, voorstel_tekst))
    if revisie.soort == Revisie.Soort.AANBOD:
        huidig = "; ".join(str(t) for t in instance.openingstijden.all())
        voorstel = "; ".join(
            str(Openingstijd(weekdag=d, van=v, tot=t)) for d, v, t in (form.openingstijden() if form.is_valid() else [])
        )
        if nieuw_aanbod or huidig != voorstel:
            rijen.append(("Openingstijden", "" if nieuw_aanbod else huidig, voorstel))
    return rijen


def _locatie_verschillen(revisie: Revisie) -> list[tuple[str, str, str]]:
    locatie = _revisie_locatie(revisie)
    if VERWIJDEREN_SLEUTEL in revisie.data:
        return [("Locatie", str(locatie), "Verwijderen")]
    form = revisie_formulier(revisie)
    geldig = form.is_valid()
    nieuw = locatie is None
    huidig_obj = locatie or Locatie()
    talen = dict(SERVICETALEN)
    rijen = []
    for name, field in form.fields.items():
        if name.startswith(("van_", "tot_")):
            continue
        if name == "toegankelijk":
            huidig = _als_tekst(huidig_obj, "rolstoeltoegankelijk", huidig_obj.rolstoeltoegankelijk)
            voorstel = _als_tekst(
                huidig_obj, "rolstoeltoegankelijk", form.instance.rolstoeltoegankelijk if geldig else None
            )
        elif name == "talen":
            huidig = ", ".join(talen.get(t, t) for t in huidig_obj.talen)
            voorstel = ", ".join(talen.get(t, t) for t in (form.cleaned_data.get("talen") or []))
        else:
            huidig = _als_tekst(huidig_obj, name, getattr(huidig_obj, name, None))
            voorstel = _als_tekst(huidig_obj, name, form.cleaned_data.get(name))
        if nieuw or huidig != voorstel:
            rijen.append((str(field.label), "" if nieuw else huidig, voorstel))
    huidig = "; ".join(str(t) for t in locatie.openingstijden.all()) if locatie else ""
    voorstel = "; ".join(
        str(Openingstijd(weekdag=d, van=v, tot=t)) for d, v, t in (form.openingstijden() if geldig else [])
    )
    if nieuw or huidig != voorstel:
        rijen.append(("Openingstijden", huidig, voorstel))
    return rijen


def _als_tekst(instance, name: str, value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    display = getattr(instance, f"get_{name}_display", None)
    if display is not None:
        field = instance._meta.get_field(name)
        return str(dict(field.flatchoices).get(value, value))
    return str(value)
