"""Count searches on the sociale kaart for the coordinator's bereik page.

Sits before the page cache, so a search served from the cache is counted too.
Only page 1 of a search counts; only the words and the theme slugs are kept,
never a place, a person or a time of day (see sociale_kaart.services)."""

import logging
import re

from django.db import DatabaseError

from common.talen import zonder_taal
from sociale_kaart.services import zoekopdracht_tellen
from sociale_kaart.zoeken.tekst import zoektekst_opschonen

_ZOEKPADEN = {"/hulp/", "/hulp/kaart/"}
_SLUG = re.compile(r"^[a-z0-9-]{1,100}$")


class ZoekTellingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "GET" and zonder_taal(request.path) in _ZOEKPADEN and response.status_code == 200:
            try:
                self._tel(request.GET)
            except DatabaseError:
                # PostgreSQL is away and the page came from the page cache: serve it, skip the count.
                logging.getLogger(__name__).warning("search not counted: database unavailable")
        return response

    @staticmethod
    def _tel(params) -> None:
        if params.get("pagina", "1") not in ("", "1"):
            return
        zoekterm = zoektekst_opschonen(params.get("q", ""))[:200]
        themas = [slug for slug in params.getlist("thema")[:20] if _SLUG.match(slug)]
        if zoekterm or themas:
            zoekopdracht_tellen(zoekterm=zoekterm, themas=themas)
