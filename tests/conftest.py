"""Shared fixtures. The database is a temporary embedded PostgreSQL cluster of
this test run (see armoedepact/embedded_db.py); browser tests drive Debian's
Chromium through Playwright against pytest-django's live_server."""

import os

import pytest
from django.utils import translation

# Playwright's sync API runs an event loop in the main thread; Django would
# then refuse ORM calls from test code. The server itself runs in its own
# thread, so this is safe for tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The translations are compiled from the .po files in Python (no system gettext),
# also when pytest runs without `make`.
from common.catalogi import compileren  # noqa: E402

compileren()

from tests.browser.support import *  # noqa: E402,F403  (browser fixtures)
from tests.smtp import smtp_server  # noqa: E402,F401  (a real SMTP server for the mail path)


@pytest.fixture(autouse=True)
def _fast_test_settings(settings):
    # PBKDF2 with a million rounds costs ~0.5 s per user created; tests do not need it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _dutch_after_each_test():
    """A request to /en/ or /ar/ activates that language in the thread; Django's test
    client leaves it active after the response. The next test must start in Dutch (the
    master text), else its Dutch assertions meet English text depending on test order."""
    yield
    translation.deactivate()


@pytest.fixture
def regelingen_demo(db):
    """The demo regelingen and the norms of 2025 and 2026 (spec section 7)."""
    from io import StringIO

    from regelingen import demo

    demo.load(stdout=StringIO())
