"""`python manage.py potjeswijzer < huishouden.json` (spec section 6).

Reads one household (a JSON object) or many (a JSON array) from stdin, checks
them against the active regelingen and norms in the database, and prints the
result(s) as JSON on stdout. Beside `uitkomsten` (the local regelingen, spec
section 6) each result has `landelijk`: the four national allowances as an
indication (regelingen/toeslagen.py). Invalid input: Dutch messages on stderr, exit 2,
nothing on stdout.
"""

import dataclasses
import json
import sys
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from regelingen import eligibility, selectors, toeslagen
from regelingen.invoer import InvoerFout, huishouden_uit_dict

MAX_HUISHOUDENS = 100_000


def _geen_constante(naam):
    raise ValueError(naam)


class Command(BaseCommand):
    help = "Check which regelingen one or more households may get (JSON on stdin, JSON on stdout)."

    def handle(self, *args, **options):
        fouten = []
        try:
            tekst = sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            return self._stop(["De invoer is geen geldige UTF-8-tekst. Sla het bestand op als UTF-8."])
        if not tekst.strip():
            return self._stop(
                ["Er is geen invoer. Geef een huishouden als JSON, bijvoorbeeld: potjeswijzer < huishouden.json"]
            )
        try:
            data = json.loads(tekst, parse_float=Decimal, parse_constant=_geen_constante)
        except (ValueError, RecursionError) as error:
            plek = ""
            if isinstance(error, json.JSONDecodeError):
                plek = f" (regel {error.lineno}, kolom {error.colno})"
            return self._stop([f"De invoer is geen geldige JSON{plek}. Kijk na of alle haakjes en komma's kloppen."])

        enkel = not isinstance(data, list)
        items = [data] if enkel else data
        if not enkel and not items:
            return self._stop(["De lijst met huishoudens is leeg. Geef minstens één huishouden."])
        if len(items) > MAX_HUISHOUDENS:
            return self._stop([f"Te veel huishoudens. Geef er hoogstens {MAX_HUISHOUDENS} tegelijk."])

        try:  # `ontvangt` may name the local regelingen too
            lokaal = frozenset(selectors.regeling_slugs_actief())
        except DatabaseError:
            lokaal = frozenset()  # reported below
        huishoudens = []
        for nummer, item in enumerate(items, start=1):
            try:
                huishoudens.append(huishouden_uit_dict(item, lokaal=lokaal))
            except InvoerFout as fout:
                prefix = "" if enkel else f"Huishouden {nummer}: "
                fouten.extend(prefix + melding for melding in fout.fouten)
        if fouten:
            return self._stop(fouten)

        try:
            regels = selectors.regels_voor_engine()
            normen = selectors.normen_voor_engine()
        except DatabaseError:
            return self._stop(["De database is niet bereikbaar of nog niet klaar. Voer eerst 'manage.py migrate' uit."])
        if not regels:
            return self._stop(
                [
                    "Er staan geen actieve regelingen in de database. "
                    "Laad ze eerst, bijvoorbeeld met 'manage.py load_demo'."
                ]
            )
        for datum in sorted({h.peildatum for h in huishoudens}):
            ontbreekt = normen.ontbreekt_op(datum)
            if ontbreekt:
                return self._stop(
                    [
                        f"Voor de peildatum {datum.isoformat()} ontbreken {' en '.join(ontbreekt)} in de database. "
                        "Kies een latere peildatum of laat de coördinator de normen invullen."
                    ]
                )

        jaren = selectors.toeslagparameters()
        resultaten = []
        for h in huishoudens:
            landelijk = toeslagen.beoordeel_landelijk(h, toeslagen.parameters_op(jaren, h.peildatum))
            if h.vaste_lasten is not None:  # a leefgeld test counts the toeslagen as income
                h = dataclasses.replace(h, toeslagen_per_maand=toeslagen.per_maand_voor_leefgeld(landelijk))
            resultaat = eligibility.resultaat_als_dict(eligibility.beoordeel(h, regels, normen))
            for uitkomst in resultaat["uitkomsten"]:
                if uitkomst["regeling"] in h.ontvangt:  # only with `ontvangt`: the spec's shape is unchanged
                    uitkomst["al_ontvangen"] = True
                    uitkomst["redenen"].insert(
                        0,
                        eligibility.al_ontvangen_niet_meer()
                        if uitkomst["uitkomst"] == eligibility.NEE
                        else eligibility.al_ontvangen_reden(),
                    )
            resultaat["landelijk"] = toeslagen.landelijk_als_dict(landelijk)
            resultaten.append(resultaat)
        uitvoer = resultaten[0] if enkel else resultaten
        self.stdout.write(json.dumps(uitvoer, ensure_ascii=False, indent=2))

    def _stop(self, fouten):
        for fout in fouten:
            sys.stderr.write(f"Fout: {fout}\n")
        sys.exit(2)
