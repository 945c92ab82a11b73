"""Open data of the pact: one zip with a CSV file per table (pillars, goals,
action points with progress, progress updates, public meetings, signatories).

Only what the public pact pages show already. Every cell goes through
common.importexport.veilige_cel, so text a spreadsheet would run as a formula
stays text. UTF-8, comma-separated, one header row."""

import csv
import io
import zipfile

from django.utils import timezone

from common.importexport import veilige_cel
from werkgroepen import selectors
from werkgroepen.models import Beoordeling, Bijeenkomst, Voortgang

LEESMIJ = """Open data van het pact ({pact}), gemaakt op {datum}.

Elk bestand is een tabel (CSV, UTF-8, komma's). De eerste regel geeft de namen van de kolommen.
- onderdelen.csv: de {meervoud} van het pact, met de opgetelde voortgang in procent.
- doelen.csv: de doelen per onderdeel, met hun voortgang.
- actiepunten.csv: wat (titel), wie (organisaties), wanneer (periode), status en voortgang.
- voortgang.csv: de updates van de partners over hun actiepunten.
- bijeenkomsten.csv: de openbare bijeenkomsten van het pact.
- ondertekenaars.csv: de organisaties die het pact hebben ondertekend, met de datum.
Voortgang is een gewogen gemiddelde. Gestopte actiepunten tellen niet mee.
"""


def _csv(kop: list[str], rijen) -> bytes:
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(kop)
    for rij in rijen:
        schrijver.writerow(["" if cel is None else veilige_cel(cel) for cel in rij])
    return uit.getvalue().encode("utf-8")


def _datum(waarde) -> str:
    return waarde.isoformat() if waarde else ""


def _tijd(waarde) -> str:
    return timezone.localtime(waarde).isoformat(timespec="minutes") if waarde else ""


def pact_zip() -> bytes:
    pact = selectors.pact_instellingen()
    pijlers = selectors.pijlers_met_voortgang()  # the active ones, as on the website
    doelen = [doel for p in pijlers for doel in p.doelen_met_punten]
    actiepunten = [a for p in pijlers for a in p.actiepunten.all()]
    bestanden = {
        "onderdelen.csv": _csv(
            ["id", "naam", "slug", "volgorde", "voortgang_procent"],
            ([p.pk, p.naam, p.slug, p.volgorde, p.voortgang] for p in pijlers),
        ),
        "doelen.csv": _csv(
            ["id", "onderdeel_id", "titel", "gewicht", "voortgang_procent"],
            ([d.pk, d.pijler_id, d.titel, d.gewicht, d.voortgang] for d in doelen),
        ),
        "actiepunten.csv": _csv(
            [
                "id",
                "onderdeel_id",
                "doel_id",
                "titel",
                "trekker",
                "wie",
                "jaar",
                "wanneer_van",
                "wanneer_tot",
                "status",
                "voortgang_procent",
                "gewicht",
                "thematafel",
            ],
            (
                [
                    a.pk,
                    a.pijler_id,
                    a.doel_id,
                    a.titel,
                    a.trekker.naam if a.trekker else "",
                    "; ".join(o.naam for o in a.organisaties.all()),
                    a.jaar,
                    _datum(a.periode_van),
                    _datum(a.periode_tot),
                    a.get_status_display(),
                    a.voortgang_procent,
                    a.gewicht,
                    a.thematafel.titel if a.thematafel else "",
                ]
                for a in actiepunten
            ),
        ),
        "voortgang.csv": _csv(
            ["actiepunt_id", "datum", "organisatie", "tekst", "procent", "status_na"],
            (
                [v.actiepunt_id, _datum(v.datum), v.organisatie.naam if v.organisatie else "", v.tekst, v.percentage]
                + [v.get_status_na_display() if v.status_na else ""]
                for v in Voortgang.objects.filter(beoordeling=Beoordeling.GOEDGEKEURD)
                .select_related("organisatie")
                .order_by("actiepunt_id", "datum", "pk")
            ),
        ),
        "bijeenkomsten.csv": _csv(
            ["id", "titel", "soort", "begin", "eind", "plaats", "gastorganisatie", "aantal_aanwezigen", "verslag"],
            (
                [
                    b.pk,
                    b.titel,
                    b.get_soort_display(),
                    _tijd(b.start),
                    _tijd(b.eind),
                    b.plaats,
                    b.gastorganisatie.naam if b.gastorganisatie else "",
                    b.aantal_aanwezigen,
                    b.get_verslag_status_display() if b.verslag_status else "",
                ]
                for b in Bijeenkomst.objects.filter(openbaar=True).select_related("gastorganisatie").order_by("start")
            ),
        ),
        "ondertekenaars.csv": _csv(
            ["organisatie", "partner_sinds", "vertegenwoordiger", "website"],
            (
                [o.naam, _datum(o.pactpartner_sinds), o.vertegenwoordiger or "", o.website]
                for o in selectors.pactpartners()
            ),
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        leesmij = LEESMIJ.format(pact=pact.naam, datum=timezone.localdate().isoformat(), meervoud=pact.niveau_meervoud)
        archief.writestr("LEESMIJ.txt", leesmij)
        for naam, inhoud in bestanden.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()
