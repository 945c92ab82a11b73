"""Versions of organisations, aanbod, regelingen and norms: one version per save,
with who wrote it, who approved it and the rows that belong to it (opening
hours, locations, thema's...), so a restore gives everything back.

The history models are registered in armoedepact/models.py (`_register_history`,
docs/adr/0007). Plain saves still make a version through simple-history's
signals; the services and the admin use `een_versie()` so a save with its
related rows makes exactly one version, written after those rows are saved.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import time

from django.core.exceptions import ValidationError
from django.db import models, transaction

# --- What belongs to an entry -----------------------------------------------------

_LOCATIE_VELDEN = (
    "uuid",
    "naam",
    "straat",
    "postcode",
    "plaats",
    "kern_id",
    "latitude",
    "longitude",
    "rolstoeltoegankelijk",
    "toegankelijkheid",
    "telefoon",
    "email",
    "contactpersoon",
    "talen",
)


def _tijden(rij) -> list[list]:
    return [[t.weekdag, t.van.strftime("%H:%M"), t.tot.strftime("%H:%M")] for t in rij.openingstijden.all()]


def _m2m_ids(instance) -> dict[str, list[int]]:
    return {
        field.name: sorted(getattr(instance, field.name).values_list("pk", flat=True))
        for field in instance._meta.many_to_many
    }


def samenhang(instance) -> dict:
    """The related rows of an entry as plain JSON: what a restore puts back."""
    from sociale_kaart.models import Aanbod, Organisatie

    if instance.pk is None:
        return {}
    data: dict = _m2m_ids(instance)
    if isinstance(instance, Aanbod):
        data["openingstijden"] = _tijden(instance)
    elif isinstance(instance, Organisatie):
        data["locaties"] = [
            {**{naam: _json(getattr(loc, naam)) for naam in _LOCATIE_VELDEN}, "openingstijden": _tijden(loc)}
            for loc in instance.locaties.prefetch_related("openingstijden").order_by("pk")
        ]
    return data


def _json(value):
    if value is None or isinstance(value, (str, int, bool, list)):
        return value
    return str(value)


def samenhang_vastleggen(sender, instance, history_instance, **kwargs) -> None:
    """pre_create_historical_record: store the related rows and the approver on the version."""
    history_instance.goedgekeurd_door = getattr(instance, "_history_goedgekeurd_door", None)
    if history_instance.history_type != "-":
        history_instance.samenhang = samenhang(instance)


# --- Writing versions -----------------------------------------------------------------


def _records(model):
    from armoedepact.models import VERSIES

    return VERSIES[model]


def versie_vastleggen(instance, *, soort: str = "~", door=None, goedgekeurd_door=None, reden: str = "", datum=None):
    """Write one version of `instance` as it is now (with its related rows)."""
    instance._history_user = door
    instance._history_goedgekeurd_door = goedgekeurd_door
    instance._change_reason = reden[:100] if reden else None
    if datum is not None:
        instance._history_date = datum
    try:
        _records(type(instance)).create_historical_record(instance, soort)
    finally:
        for attr in ("_history_user", "_history_goedgekeurd_door", "_change_reason", "_history_date"):
            instance.__dict__.pop(attr, None)


@contextmanager
def een_versie(instance, *, door, goedgekeurd_door=None, reden: str = ""):
    """Save `instance` and its related rows inside the block; one version is written after it."""
    nieuw = instance.pk is None
    instance.skip_history_when_saving = True
    try:
        yield instance
    finally:
        instance.__dict__.pop("skip_history_when_saving", None)
    versie_vastleggen(instance, soort="+" if nieuw else "~", door=door, goedgekeurd_door=goedgekeurd_door, reden=reden)


def eerste_versies_vastleggen() -> int:
    """Give every entry without any version its first one (data from before history, bulk loads)."""
    from armoedepact.models import VERSIES

    aantal = 0
    for model in VERSIES:
        met_versie = model.history.model.objects.values(model._meta.pk.attname)
        for obj in model.objects.exclude(pk__in=met_versie).order_by("pk").iterator():
            datum = getattr(obj, "aangemaakt_op", None)
            versie_vastleggen(obj, soort="+", reden="Eerste versie (bestond al)", datum=datum)
            aantal += 1
    return aantal


# --- Restoring -------------------------------------------------------------------------


def _velden(model) -> list[models.Field]:
    """The fields a restore copies back: tracked, editable, not the key or timestamps."""
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and f.editable and not getattr(f, "auto_now", False) and f.name != "zoekvector"
    ]


@transaction.atomic
def versie_herstellen(*, versie, door):
    """Make an old version current again: its fields and what belonged to it. One new version records it."""
    from sociale_kaart.models import Aanbod, Openingstijd, Organisatie
    from sociale_kaart.services import aanbod_zoekvector_bijwerken

    model = versie.instance_type
    huidig = model.objects.select_for_update().get(pk=getattr(versie, model._meta.pk.attname))
    for field in _velden(model):
        setattr(huidig, field.attname, getattr(versie, field.attname))
    oud = versie.samenhang or {}
    try:
        huidig.full_clean(exclude=["zoekvector"] if model is Aanbod else None, validate_unique=False)
    except ValidationError as error:
        raise ValidationError(
            "Deze versie kan niet terug, omdat ze niet meer klopt: " + " ".join(error.messages)
        ) from error
    reden = f"Teruggezet naar de versie van {versie.history_date:%d-%m-%Y %H:%M}"
    with een_versie(huidig, door=door, reden=reden):
        huidig.save()
        for field in model._meta.many_to_many:
            if field.name in oud:
                bestaand = field.related_model.objects.filter(pk__in=oud[field.name])
                getattr(huidig, field.name).set(bestaand)
        if model is Aanbod and "openingstijden" in oud:
            huidig.openingstijden.all().delete()
            Openingstijd.objects.bulk_create(
                [
                    Openingstijd(aanbod=huidig, weekdag=dag, van=time.fromisoformat(van), tot=time.fromisoformat(tot))
                    for dag, van, tot in oud["openingstijden"]
                ]
            )
        if model is Organisatie and "locaties" in oud:
            _locaties_terugzetten(huidig, oud["locaties"])
    if model is Aanbod:
        aanbod_zoekvector_bijwerken(aanbod_ids=[huidig.pk])
    elif model is Organisatie:
        aanbod_zoekvector_bijwerken(aanbod_ids=list(huidig.aanbod.values_list("pk", flat=True)))
    return huidig


def _locaties_terugzetten(organisatie, locaties: list[dict]) -> None:
    """Put the organisation's locations back as they were; ones added later are removed."""
    from sociale_kaart.models import Locatie, Openingstijd

    bewaren = []
    for rij in locaties:
        waarden = {k: v for k, v in rij.items() if k not in ("uuid", "openingstijden")}
        locatie, _ = Locatie.objects.update_or_create(organisatie=organisatie, uuid=rij["uuid"], defaults=waarden)
        bewaren.append(locatie.pk)
        if "openingstijden" in rij:  # versions from before locations had hours leave them as they are
            locatie.openingstijden.all().delete()
            Openingstijd.objects.bulk_create(
                [
                    Openingstijd(locatie=locatie, weekdag=d, van=time.fromisoformat(v), tot=time.fromisoformat(t))
                    for d, v, t in rij["openingstijden"]
                ]
            )
    organisatie.locaties.exclude(pk__in=bewaren).delete()


# --- Reading: "Wie deed wat" ----------------------------------------------------------


def beschrijf_samenhang(versie) -> list[tuple[str, str]]:
    """(label, text) of what belonged to a version, for the restore page."""
    from sociale_kaart.models import Aanbod, Locatie, Openingstijd

    oud = versie.samenhang or {}
    rijen = []
    if "openingstijden" in oud:
        tijden = [
            str(Openingstijd(weekdag=d, van=time.fromisoformat(v), tot=time.fromisoformat(t)))
            for d, v, t in oud["openingstijden"]
        ]
        rijen.append(("Openingstijden", "; ".join(tijden) or "geen"))
    if "locaties" in oud:
        if versie.instance_type is Aanbod:
            namen = [str(loc) for loc in Locatie.objects.filter(pk__in=oud["locaties"])]
        else:
            namen = [", ".join(str(r[k]) for k in ("naam", "straat", "plaats") if r.get(k)) for r in oud["locaties"]]
        rijen.append(("Locaties", "; ".join(namen) or "geen"))
    return rijen
