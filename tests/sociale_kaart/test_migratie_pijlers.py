"""The data migration that made the four hard-coded pillar choices rows
(sociale_kaart 0005_pijler_als_rij, docs/adr/0010).

NOT a migrate-back-and-forth test: unapplying sociale_kaart 0005 unapplies every
app built on it (most of the schema), far above the 20 s this test may cost. It
calls the migration's forward function directly, with the historical models of
the executor's state at the moment the RunPython runs (after its first two
operations: the Pijler table and the temporary `pijler_rij` key), on tables of
that state made in a schema of their own inside the test's transaction, so the
real tables are not touched and everything is rolled back."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db

MIGRATIE = importlib.import_module("sociale_kaart.migrations.0005_pijler_als_rij")


@pytest.fixture
def oude_apps():
    """The historical apps just before the data step of 0005, with their tables in schema
    `migratietest` (first on the search path); dropped afterwards."""
    loader = MigrationExecutor(connection).loader
    state = loader.project_state(("sociale_kaart", "0004_lidmaatschap_uitnodiging_zoektelling"), at_end=True)
    for operatie in MIGRATIE.Migration.operations[:2]:  # CreateModel Pijler, AddField aanbod.pijler_rij
        operatie.state_forwards("sociale_kaart", state)
    apps = state.apps
    with connection.cursor() as cursor:
        cursor.execute("SHOW search_path")
        pad = cursor.fetchone()[0]
        cursor.execute("CREATE SCHEMA migratietest")
        cursor.execute(f"SET search_path TO migratietest, {pad}")
    try:
        with connection.schema_editor(atomic=False) as editor:
            for model in apps.get_models():
                if model._meta.managed and not model._meta.proxy:
                    editor.create_model(model)
        yield apps
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the deferred key checks, before the drop
            cursor.execute(f"SET search_path TO {pad}")
            cursor.execute("DROP SCHEMA migratietest CASCADE")


def test_the_four_westerkwartier_pillars_become_rows_and_aanbod_follows(oude_apps):
    Organisatie = oude_apps.get_model("sociale_kaart", "Organisatie")
    Aanbod = oude_apps.get_model("sociale_kaart", "Aanbod")
    Pijler = oude_apps.get_model("sociale_kaart", "Pijler")
    org = Organisatie.objects.create(naam="Humanitas", slug="humanitas")
    oud = {
        keuze: Aanbod.objects.create(
            organisatie=org,
            titel=f"Aanbod {keuze}",
            slug=f"aanbod-{keuze or 'geen'}",
            wat_u_krijgt="Hulp.",
            pijler=keuze,
        )
        for keuze in ("netwerk", "preventie", "meedoen", "gezondheid", "")
    }

    MIGRATIE.pijlers_maken(oude_apps, None)

    assert list(Pijler.objects.order_by("volgorde").values_list("slug", "naam")) == [
        ("netwerk", "Netwerk"),
        ("preventie", "Preventie"),
        ("meedoen", "Meedoen (met name jeugd)"),
        ("gezondheid", "Gezondheid"),
    ]
    for keuze, aanbod in oud.items():
        aanbod.refresh_from_db()
        if keuze:
            assert aanbod.pijler_rij.slug == keuze, keuze
        else:
            assert aanbod.pijler_rij is None  # no pillar stays no pillar
    MIGRATIE.pijlers_maken(oude_apps, None)  # run twice (a re-run): still four rows
    assert Pijler.objects.count() == 4
