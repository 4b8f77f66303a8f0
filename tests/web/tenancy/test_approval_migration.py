"""Organisations that existed before moderation stay public: migration tenancy 0002 approves
them (and the model's default for a new one is pending)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import OrganisationStatus

BEFORE = [("tenancy", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_existing_organisations_are_approved_by_the_migration() -> None:
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("tenancy", "Organisation")
    old.objects.create(slug="mechelen", name="Mechelen", country="BEL", level="local")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)
    assert Organisation.objects.get(slug="mechelen").status == OrganisationStatus.APPROVED
    assert Organisation(slug="new").status == OrganisationStatus.PENDING
