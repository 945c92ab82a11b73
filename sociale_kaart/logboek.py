"""Keeps where a resident lives out of the development server's request log.

The search and map pages carry the chosen village (and, for one redirect, a
postcode) in the query string. The application itself never logs URLs with
their query string; Django's development server does ("GET /hulp/?kern=leek").
This filter removes the query string of sociale kaart URLs from those records.
Gunicorn writes no access log unless asked to (see docs/performance.md)."""

import logging
import re

_MET_ZOEKVRAAG = re.compile(r"(/(?:hulp|organisatie)/[^\s?]*)\?\S*")


class ZonderZoekvraag(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(
                _MET_ZOEKVRAAG.sub(r"\1?[weggelaten]", arg) if isinstance(arg, str) else arg for arg in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = _MET_ZOEKVRAAG.sub(r"\1?[weggelaten]", record.msg)
        return True


def installeren() -> None:
    logger = logging.getLogger("django.server")
    if not any(isinstance(f, ZonderZoekvraag) for f in logger.filters):
        logger.addFilter(ZonderZoekvraag())
