"""WSGI entry point (gunicorn armoedepact.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "armoedepact.settings")

application = get_wsgi_application()

from armoedepact.dbcheck import ensure_database_reachable  # noqa: E402

ensure_database_reachable()
