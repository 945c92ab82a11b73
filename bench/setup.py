"""Start Django against the benchmark database, never the development one.

The benchmark uses its own embedded PostgreSQL cluster in bench/data/pg
(git-ignored), or BENCH_DATABASE_URL when set. DATABASE_URL is ignored on
purpose, so a benchmark can never fill a real database with generated data.
Settings are production-like: DEBUG off, cached templates, no query logging."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"


def django_zonder_database() -> None:
    """Just enough Django for the pure engine: its reasons go through gettext,
    which needs settings, but it never touches a database. Dutch, as the command."""
    from django.conf import settings

    if settings.configured:
        return
    settings.configure(USE_I18N=True, LANGUAGE_CODE="nl", LOCALE_PATHS=[ROOT / "locale"], INSTALLED_APPS=[])
    import django

    django.setup()


def django_opzetten() -> None:
    from django.conf import settings

    if settings.configured:
        return
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
    os.environ.setdefault("EMAIL_HOST", "localhost")
    os.environ.setdefault("VERSLEUTELING_SLEUTELS", "AnvTCBxHssyBFiKXJcZsYvUmwzVAXi0-E-MCtcuZiDw=")  # bench-only key
    os.environ["DJANGO_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_SECURE_COOKIES"] = "0"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ["DJANGO_LOG_LEVEL"] = "WARNING"
    # Measure the views themselves, not the page cache in front of them.
    os.environ["DJANGO_PAGE_CACHE"] = "0"
    os.environ.pop("PYTEST_VERSION", None)
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        import pgserver

        from armoedepact import embedded_db

        DATA.mkdir(parents=True, exist_ok=True)
        server = pgserver.get_server(DATA / "pg", cleanup_mode="stop")
        url = embedded_db._url(server)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "armoedepact.settings"

    import django

    django.setup()
    if not os.environ.get("BENCH_DATABASE_URL"):
        _productie_geheugen(DATA / "pg")

    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# A managed PostgreSQL in production gets about a quarter of its RAM as
# shared_buffers; the embedded default (128 MB) cannot hold the 190 MB aanbod
# table, which would make this benchmark measure disk reads instead of queries.
SERVER_INSTELLINGEN = {"shared_buffers": "1GB", "work_mem": "16MB", "effective_cache_size": "4GB"}


def _productie_geheugen(pgdata: Path) -> None:
    import subprocess

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW shared_buffers")
        if cursor.fetchone()[0] == SERVER_INSTELLINGEN["shared_buffers"]:
            return
        for naam, waarde in SERVER_INSTELLINGEN.items():
            cursor.execute(f"ALTER SYSTEM SET {naam} = '{waarde}'")
    connection.close()
    import pgserver._commands

    pg_ctl = Path(pgserver._commands.POSTGRES_BIN_PATH) / "pg_ctl"
    command = f"{pg_ctl} -D {pgdata} -l {pgdata / 'log'} -w restart"
    if os.geteuid() == 0:
        subprocess.run(["su", "pgserver", "-s", "/bin/sh", "-c", command], check=True, capture_output=True)
    else:
        subprocess.run(command.split(), check=True, capture_output=True)
