"""Building a release, run by a job (``jobs/kinds.py``) or, for the demo, directly: build,
protect and write the release's tables (the engine's make_release) into a new folder of the
release, and keep what the pages need.

Raises the engine's ProblemsFound for bad input, and records an audit entry on success.
"""

from __future__ import annotations

import shutil
from typing import Any

from django.utils import timezone

from mechelen.core.problems import ProblemsFound
from mechelen.core.releases.workflow import Step, states_allowing
from mechelen.core.tabulation.spec import read_spec
from mechelen.engine.publish.release import make_release
from mechelen.engine.tables.build import Progress
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.audit.log import record
from mechelen.web.statistics.datasets.storage import open_workspace
from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.folders import (
    media_relative,
    published_release_folders,
    releases_folder,
)


class SpecChanged(Exception):
    """The release's spec changed (or it was submitted) while it was being built."""


def build_release(
    release: Release, actor: Any, build: str, progress: Progress | None = None
) -> int:
    """Build the release into its folder ``build``; the number of tables."""
    base = releases_folder(release.organisation) / str(release.pk)
    folder = base / build
    spec, problems = read_spec(parse_yaml(release.spec_text, "spec.yaml", "spec"))
    if spec is None:
        raise ProblemsFound(problems)
    made_by = actor.get_username() if actor is not None else "mechelen"
    try:
        with open_workspace(release.organisation) as workspace:
            built = make_release(
                workspace,
                spec,
                release.spec_text,
                folder,
                made_by,
                progress=progress,
                published=published_release_folders(release.organisation, exclude=release.pk),
            )
    except ProblemsFound:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    current = Release.objects.filter(pk=release.pk, spec_text=release.spec_text)
    if not current.filter(status__in=sorted(states_allowing(Step.EDIT))).exists():
        shutil.rmtree(folder, ignore_errors=True)
        raise SpecChanged(release.name)
    for old in base.iterdir():
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    release.folder = media_relative(folder)
    release.tables = [
        {
            "name": t.table.name,
            "dimensions": list(t.table.dimensions),
            "cells": t.report.cells,
            "report": t.report.as_dict(),
        }
        for t in built.tables
    ]
    release.content_sha256, release.built_at = built.content_sha256, timezone.now()
    release.save(update_fields=["folder", "tables", "content_sha256", "built_at"])
    record(
        actor,
        "statistics.release.build",
        release,
        release.organisation,
        {"name": release.name, "content_sha256": built.content_sha256},
    )
    return len(built.tables)
