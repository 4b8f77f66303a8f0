"""Approval attacks the release together with everything the city published already.

Two releases of one dataset (seed 23 of ``tests.engine.publish.linked_population``): the
second, protected alone, passes its own audit but, beside the first, lets an attacker narrow
suppressed cells. Published after the first, it is refused; protected with the first (as a
preview built once the first is published is), it is approved.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from django.utils import timezone

from mechelen.engine.publish.release import make_release
from mechelen.web.statistics.models import Release, ReleaseStatus
from mechelen.web.statistics.releases.actions import ReleaseStateError, approve_release
from mechelen.web.statistics.releases.folders import media_relative, releases_folder
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role
from tests.engine.publish.linked_population import (
    population_workspace,
    random_tables,
    suppression_spec,
)
from tests.web.conftest import World
from tests.web.statistics.factories import dataset_in


def made_releases(folder: Path) -> dict[str, Path]:
    workspace, rng = population_workspace(folder, seed=23)
    first = suppression_spec("one", random_tables(rng))
    second = suppression_spec("two", random_tables(rng))
    made = {"one": make_release(workspace, first, "", folder / "one", "tests").folder}
    made["together"] = make_release(workspace, second, "", folder / "together", "tests").folder
    made["alone"] = make_release(
        workspace, second, "", folder / "alone", "tests", published=[]
    ).folder
    workspace.close()
    return made


def release_from(organisation: Organisation, folder: Path, status: str) -> Release:
    release = Release.objects.create(
        organisation=organisation,
        dataset=dataset_in(organisation),
        name=f"pop-{uuid.uuid4().hex[:8]}",
        title="Population",
        spec_text="dataset: pop",
        status=status,
    )
    target = releases_folder(organisation) / str(release.pk) / "build"
    shutil.copytree(folder, target)
    release.folder = media_relative(target)
    release.built_at = timezone.now()
    if status == ReleaseStatus.PUBLISHED:
        release.published_at = timezone.now()
    release.save()
    return release


def test_a_release_that_leaks_beside_a_published_one_is_not_approved(
    world: World, tmp_path: Path
) -> None:
    made = made_releases(tmp_path)
    city = world.a.organisation
    admin = world.a.users[Role.ADMINISTRATOR]
    release_from(city, made["one"], ReleaseStatus.PUBLISHED)
    alone = release_from(city, made["alone"], ReleaseStatus.SUBMITTED)
    with pytest.raises(ReleaseStateError, match=r"audit\.E004"):
        approve_release(admin, alone)
    alone.refresh_from_db()
    assert alone.status == ReleaseStatus.SUBMITTED
    together = release_from(city, made["together"], ReleaseStatus.SUBMITTED)
    approve_release(admin, together)
    together.refresh_from_db()
    assert together.status == ReleaseStatus.PUBLISHED
    # another city's published releases are not its data: they change nothing here
    other = release_from(world.b.organisation, made["alone"], ReleaseStatus.SUBMITTED)
    approve_release(world.b.users[Role.ADMINISTRATOR], other)
