"""A content version in PostgreSQL, the key of the page cache.

Every gunicorn worker keeps its own local-memory cache of rendered public
pages. They cannot tell each other that an entry changed, so the signal goes
through the database: one row holds a content version, and triggers on every
published-content table give it a new random value when a transaction that
changed such a table commits. Each cached page is stored under the version
of the moment it was rendered; a request reads the version (one primary-key
lookup) and so never sees a page from before the last committed change.

* The triggers are deferred constraint triggers: the version row is locked
  only at commit, after every other lock, so two editors cannot deadlock on it.
  A transaction-local setting makes the bump happen once per transaction, even
  for a COPY of 100,000 rows.
* The version is random, never a counter: a rolled-back transaction (or test)
  can never make an old cached page current again.
* Only the apps in settings.PAGINA_CACHE_APPS are watched (this module names
  no app). Tables written by residents (settings.PAGINA_CACHE_NIET_BEWAAKT:
  searches without results, search and check counters) and the history tables
  are not watched: they change no public page.

`installeren()` runs after every `migrate` (and every test flush), so tables
added later get their triggers without anyone remembering to add them.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import connections

# The names the tables, triggers and setting have had since this lived in armoedepact.
VERSIE_TABEL = "armoedepact_inhoudsversie"
TELLER_TABEL = "armoedepact_teller"
# Anonymous PDFs (the folder, the agenda), rendered once per content version (common/pdf.py).
PDF_TABEL = "armoedepact_pdf"

_FUNCTIES = f"""
CREATE TABLE IF NOT EXISTS {VERSIE_TABEL} (
    id smallint PRIMARY KEY CHECK (id = 1),
    versie text NOT NULL,
    gewijzigd_op timestamptz NOT NULL DEFAULT now()
);
INSERT INTO {VERSIE_TABEL} (id, versie) VALUES (1, md5(random()::text || clock_timestamp()::text))
    ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS {TELLER_TABEL} (
    sleutel text PRIMARY KEY,
    aantal integer NOT NULL,
    tot timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS {PDF_TABEL} (
    sleutel text PRIMARY KEY,
    versie text NOT NULL,
    inhoud bytea NOT NULL,
    gemaakt_op timestamptz NOT NULL DEFAULT now()
);
CREATE OR REPLACE FUNCTION armoedepact_inhoud_gewijzigd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('armoedepact.inhoud_gewijzigd', true), '') <> '1' THEN
        PERFORM set_config('armoedepact.inhoud_gewijzigd', '1', true);
        UPDATE {VERSIE_TABEL}
            SET versie = md5(random()::text || clock_timestamp()::text), gewijzigd_op = clock_timestamp()
            WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$;
"""  # noqa: S608 (constant table names)


def bewaakte_tabellen() -> list[str]:
    """Database tables whose changes can change a public page."""
    niet_bewaakt = set(getattr(settings, "PAGINA_CACHE_NIET_BEWAAKT", ()))
    tabellen = set()
    for label in getattr(settings, "PAGINA_CACHE_APPS", ()):
        if not apps.is_installed(label):
            continue
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            meta = model._meta
            if meta.proxy or not meta.managed or meta.label_lower in niet_bewaakt:
                continue
            if meta.model_name.startswith("historical"):
                continue
            tabellen.add(meta.db_table)
    return sorted(tabellen)


def installeren(*, using: str = "default") -> list[str]:
    """Create the version row and its triggers (idempotent). Returns the watched tables."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
    bestaande = set(connection.introspection.table_names())
    tabellen = [t for t in bewaakte_tabellen() if t in bestaande]
    with connection.cursor() as cursor:
        cursor.execute(_FUNCTIES)
        # Counters of rate limits start empty after migrate and after a test flush.
        cursor.execute(f"TRUNCATE {TELLER_TABEL}, {PDF_TABEL}")
        cursor.execute("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE tgname LIKE 'armoedepact_versie%'")
        aanwezig = {(tabel.strip('"'), naam) for tabel, naam in cursor.fetchall()}
        for tabel in tabellen:
            naam = connection.ops.quote_name(tabel)
            if (tabel, "armoedepact_versie") not in aanwezig:
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER armoedepact_versie AFTER INSERT OR UPDATE OR DELETE ON {naam} "
                    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION armoedepact_inhoud_gewijzigd()"
                )
            if (tabel, "armoedepact_versie_truncate") not in aanwezig:
                cursor.execute(
                    f"CREATE TRIGGER armoedepact_versie_truncate AFTER TRUNCATE ON {naam} "
                    "FOR EACH STATEMENT EXECUTE FUNCTION armoedepact_inhoud_gewijzigd()"
                )
    return tabellen


def na_migrate(sender, using="default", **kwargs) -> None:
    installeren(using=using)


def huidige_versie(*, using: str = "default") -> str:
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT versie FROM {VERSIE_TABEL} WHERE id = 1")  # noqa: S608
        rij = cursor.fetchone()
    return rij[0] if rij else ""
