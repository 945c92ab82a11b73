"""The full HSDS export: one JSON document, written piece by piece so a large
sociale kaart never has to fit in memory at once.

Layout (documented in docs/hsds.md):

    {"hsds_version": "3.0", "generated_at": ..., "publisher": ..., "license": ...,
     "taxonomies": [...], "taxonomy_terms": [...],
     "organizations": [<compiled/organization.json>...],
     "services": [<compiled/service.json>...]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from sociale_kaart.hsds import mapping, selectors
from sociale_kaart.selectors import aanbod_publiek, organisatie_publiek

CHUNK_SIZE = 500


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def license_url() -> str:
    return getattr(settings, "HSDS_LICENSE_URL", "https://creativecommons.org/publicdomain/zero/1.0/")


def header() -> dict:
    return {
        "hsds_version": mapping.HSDS_VERSION,
        "generated_at": timezone.now().astimezone(mapping.AMSTERDAM).isoformat(timespec="seconds"),
        "publisher": f"Armoedepact {settings.GEMEENTE_NAAM}",
        "license": license_url(),
    }


def _array(name: str, items: Iterator[dict]) -> Iterator[str]:
    yield f',"{name}":['
    first = True
    for item in items:
        yield ("" if first else ",") + _dumps(item)
        first = False
    yield "]"


def _organisations() -> Iterator[dict]:
    queryset = organisatie_publiek().order_by("naam", "uuid")
    queryset = queryset.prefetch_related(Prefetch("locaties", queryset=selectors._locaties()))
    for organisatie in queryset.iterator(chunk_size=CHUNK_SIZE):
        data = mapping.organization(organisatie)
        del data["services"]  # services are listed in full below, each with its organization_id
        yield data


def _services() -> Iterator[dict]:
    offset = mapping._offset()
    queryset = selectors.with_service_data(aanbod_publiek().order_by("titel", "uuid"))
    for aanbod in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield mapping.service(aanbod, offset=offset)


def iter_export() -> Iterator[str]:
    """The export document as text pieces."""
    yield _dumps(header())[:-1]
    yield from _array("taxonomies", (mapping.taxonomy(kind) for kind in mapping.TAXONOMIES))
    yield from _array("taxonomy_terms", (mapping.taxonomy_term(t.kind, t.term) for t in selectors.all_terms()))
    yield from _array("organizations", _organisations())
    yield from _array("services", _services())
    yield "}\n"
