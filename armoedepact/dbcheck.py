"""Turn an unreachable database into one clear message instead of a traceback."""

import contextlib
import sys
from urllib.parse import urlsplit

from django.db.utils import OperationalError


def _where() -> str:
    from django.conf import settings

    parts = urlsplit(settings.DATABASE_URL)
    return f"{parts.hostname or 'socket'}:{parts.port or 5432}/{parts.path.lstrip('/')}"


@contextlib.contextmanager
def explain_database_errors():
    try:
        yield
    except OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        sys.stderr.write(
            f"\nConfiguratiefout / configuration error: the database at {_where()} cannot be reached "
            f"({first_line}).\nCheck DATABASE_URL, or unset it to use the embedded PostgreSQL for development.\n\n"
        )
        raise SystemExit(2) from None


def ensure_database_reachable() -> None:
    """Called at WSGI start-up so a wrong DATABASE_URL fails loudly at once."""
    from django.db import connection

    with explain_database_errors():
        connection.ensure_connection()
