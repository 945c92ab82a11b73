"""Lidmaatschap, Uitnodiging and ZoekTelling moved from armoedepact to sociale_kaart
(docs/adr/0006). The move changes Django's state only: the rows stay in their
tables and the staff groups keep their permissions on them."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sociale_kaart.models import Lidmaatschap, Uitnodiging, ZoekTelling

VOOR = [("armoedepact", "0005_regeling_history"), ("sociale_kaart", "0003_aanbod_zoekindex")]
NA = [("armoedepact", "0006_models_naar_sociale_kaart"), ("sociale_kaart", "0004_lidmaatschap_uitnodiging_zoektelling")]


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


def test_tables_keep_their_names():
    assert Lidmaatschap._meta.db_table == "armoedepact_lidmaatschap"
    assert Uitnodiging._meta.db_table == "armoedepact_uitnodiging"
    assert ZoekTelling._meta.db_table == "armoedepact_zoektelling"


@pytest.mark.django_db  # the two migrations change no schema, so the test transaction rolls everything back
def test_rows_and_group_permissions_survive_the_move():
    oud = _migreer(VOOR)
    Organisatie = oud.get_model("sociale_kaart", "Organisatie")
    User = oud.get_model("auth", "User")
    org = Organisatie.objects.create(naam="Voedselbank", slug="voedselbank-verhuis", korte_omschrijving="Eten")
    user = User.objects.create(username="lid@voorbeeld.nl")
    oud.get_model("armoedepact", "Lidmaatschap").objects.create(gebruiker=user, organisatie=org, rol="beheerder")
    oud.get_model("armoedepact", "ZoekTelling").objects.create(
        soort="zoekterm", waarde="schulden", maand="2026-11-01", aantal=3
    )
    # A group with rights on the moved models, given before the move (as the staff groups were).
    ContentType = oud.get_model("contenttypes", "ContentType")
    Permission = oud.get_model("auth", "Permission")
    groep = oud.get_model("auth", "Group").objects.create(name="verhuistest")
    for model in ("uitnodiging", "zoektelling"):
        soort, _ = ContentType.objects.get_or_create(app_label="armoedepact", model=model)
        recht, _ = Permission.objects.get_or_create(
            content_type=soort, codename=f"view_{model}", defaults={"name": f"Can view {model}"}
        )
        groep.permissions.add(recht)

    _migreer(NA)
    # The page-cache triggers are deferred; fire them now, or PostgreSQL refuses the
    # ALTER TABLEs of later migrations on a table with pending trigger events.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    _migreer(MigrationExecutor(connection).loader.graph.leaf_nodes())  # today's schema for today's models

    lid = Lidmaatschap.objects.get(gebruiker__username="lid@voorbeeld.nl")
    assert lid.organisatie.slug == "voedselbank-verhuis" and lid.rol == "beheerder"
    assert ZoekTelling.objects.get(waarde="schulden").aantal == 3
    rechten = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="verhuistest").permissions.select_related("content_type")
    }
    assert rechten == {"sociale_kaart.view_uitnodiging", "sociale_kaart.view_zoektelling"}
