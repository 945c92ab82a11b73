"""Give every entry that has no version yet its first one (issue 20).

Data from before the history started, and data loaded with bulk_create, had no
version: the first record was the state after the first change. This writes a
"+" version for each such row, with its related rows, dated at its creation.
Written against the migration state, so later model changes do not break it.
"""

from django.db import migrations
from django.utils import timezone

BRONNEN = [
    ("sociale_kaart", "Organisatie", "HistoricalOrganisatie"),
    ("sociale_kaart", "Aanbod", "HistoricalAanbod"),
    ("regelingen", "Regeling", "HistoricalRegeling"),
    ("regelingen", "Normbedrag", "HistoricalNormbedrag"),
    ("regelingen", "Vermogensgrens", "HistoricalVermogensgrens"),
    ("regelingen", "AowLeeftijd", "HistoricalAowLeeftijd"),
]
LOCATIE_VELDEN = ("uuid", "naam", "straat", "postcode", "plaats", "kern_id", "latitude", "longitude")


def _json(value):
    return value if value is None or isinstance(value, (str, int, bool)) else str(value)


def _samenhang(obj, model_naam):
    data = {f.name: sorted(getattr(obj, f.name).values_list("pk", flat=True)) for f in obj._meta.many_to_many}
    if model_naam == "Aanbod":
        data["openingstijden"] = [
            [t.weekdag, t.van.strftime("%H:%M"), t.tot.strftime("%H:%M")]
            for t in obj.openingstijden.order_by("weekdag", "van")
        ]
    elif model_naam == "Organisatie":
        data["locaties"] = [{k: _json(getattr(loc, k)) for k in LOCATIE_VELDEN} for loc in obj.locaties.order_by("pk")]
    return data


def eerste_versies(apps, schema_editor):
    for app, model_naam, history_naam in BRONNEN:
        model = apps.get_model(app, model_naam)
        history = apps.get_model("armoedepact", history_naam)
        eigen = {f.attname for f in history._meta.concrete_fields}
        velden = [f.attname for f in model._meta.concrete_fields if f.attname in eigen]
        met_versie = history.objects.values("id")
        nieuw = []
        for obj in model.objects.exclude(pk__in=met_versie).order_by("pk"):
            nieuw.append(
                history(
                    **{naam: getattr(obj, naam) for naam in velden},
                    history_date=getattr(obj, "aangemaakt_op", None) or timezone.now(),
                    history_type="+",
                    history_change_reason="Eerste versie (bestond al)",
                    samenhang=_samenhang(obj, model_naam),
                )
            )
        history.objects.bulk_create(nieuw, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("armoedepact", "0007_versies_met_goedkeurder_en_samenhang"),
        ("sociale_kaart", "0004_lidmaatschap_uitnodiging_zoektelling"),
        ("regelingen", "0002_testgeval"),
    ]

    operations = [migrations.RunPython(eerste_versies, migrations.RunPython.noop)]
