"""Statistics test data: a tiny synthetic file, and releases made fast from one prebuilt folder.

The engine builds the tiny release once per test process (:func:`prebuilt`); a release row
in any state gets a copy of those files, so tests and the access matrix need no ingest.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.utils import timezone

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.tabulation.spec import read_spec
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish.release import make_release
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.statistics.datasets.storage import upload_folder
from mechelen.web.statistics.datasets.summaries import ingest_summary
from mechelen.web.statistics.models import (
    Dataset,
    Release,
    ReleaseStatus,
    ServiceFigure,
    SourceFile,
)
from mechelen.web.statistics.releases.folders import media_relative, releases_folder
from mechelen.web.statistics.releases.published import headline_figures, release_tables
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role

#: a label that a spreadsheet would run as a formula: downloads must defuse it
FORMULA_LABEL = '=HYPERLINK("http://evil.example","click")'


#: what an administrator sends to approve a release: the confirmation they read the evidence
CONFIRMED = {"confirm": "on"}


def tiny_csv() -> str:
    """Two districts, persons by sex, age and nationality; one row has a bad age."""
    rows = ["district,district_name,sex,age,nationality,persons"]
    for code, name in (("D1", "North"), ("D2", FORMULA_LABEL)):
        for sex in ("F", "M"):
            for age, nationality, persons in (
                (8, "BEL", 40),
                (30, "BEL", 55),
                (30, "NLD", 12),
                (45, "MAR", 14),
                (70, "BEL", 30),
            ):
                label = f'"{name.replace(chr(34), chr(34) * 2)}"'
                rows.append(f"{code},{label},{sex},{age},{nationality},{persons}")
    rows.append("D1,North,F,not-an-age,BEL,3")
    return "\n".join(rows) + "\n"


MAPPING = """\
dataset: people
country: BEL
count: persons
geography:
  - {level: district, column: district, label: district_name}
dimensions:
  sex: {column: sex}
  age: {column: age, bands: [0, 18, 65]}
  citizenship: {column: nationality}
"""
SPEC = """\
release: people-2024
dataset: people
tables:
  - {name: by-sex, dimensions: [geography, sex]}
  - {name: by-citizenship-status-and-sex, dimensions: [geography, citizenship_status, sex]}
protection: {method: cell-key, threshold: 3}
"""


@dataclass(frozen=True)
class Prebuilt:
    folder: Path
    summary: dict[str, Any]
    tables: list[dict[str, Any]]
    content_sha256: str


@cache
def prebuilt() -> Prebuilt:
    base = Path(tempfile.mkdtemp(prefix="mechelen-stats-"))
    (base / "people.csv").write_text(tiny_csv(), encoding="utf-8")
    mapping, _ = read_mapping(parse_yaml(MAPPING, "mapping.yaml", "mapping"))
    spec, _ = read_spec(parse_yaml(SPEC, "spec.yaml", "spec"))
    assert mapping is not None and spec is not None
    with Workspace(base / "workspace") as workspace:
        result = ingest(workspace, base / "people.csv", mapping, MAPPING)
        built = make_release(workspace, spec, SPEC, base / "release", "tests")
    tables = [
        {
            "name": t.table.name,
            "dimensions": list(t.table.dimensions),
            "cells": t.report.cells,
            "report": t.report.as_dict(),
        }
        for t in built.tables
    ]
    return Prebuilt(base / "release", ingest_summary(result), tables, built.content_sha256)


def dataset_in(organisation: Organisation) -> Dataset:
    dataset, _ = Dataset.objects.get_or_create(
        organisation=organisation,
        name="people",
        defaults={
            "mapping_text": MAPPING,
            "summary": prebuilt().summary,
            "ingested_at": timezone.now(),
        },
    )
    return dataset


def release_in(organisation: Organisation, status: str = ReleaseStatus.DRAFT) -> Release:
    """A built release of ``organisation`` in ``status``, with the prebuilt files."""
    made = prebuilt()
    release = Release.objects.create(
        organisation=organisation,
        dataset=dataset_in(organisation),
        name=f"people-{uuid.uuid4().hex[:8]}",
        title=f"People of {organisation.name} ({status})",
        spec_text=SPEC,
        status=status,
    )
    folder = releases_folder(organisation) / str(release.pk) / uuid.uuid4().hex
    shutil.copytree(made.folder, folder)
    release.folder = media_relative(folder)
    release.tables = made.tables
    release.content_sha256 = made.content_sha256
    release.built_at = timezone.now()
    if status == ReleaseStatus.PUBLISHED:
        release.published_at = timezone.now()
        release.headline = headline_figures(release_tables(release))
    if status == ReleaseStatus.REJECTED:
        release.rejection_reason = "Not yet"
    release.save()
    return release


def source_file_in(organisation: Organisation) -> SourceFile:
    folder = upload_folder(organisation)
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{uuid.uuid4().hex}.csv"
    (folder / stored).write_text(tiny_csv(), encoding="utf-8")
    return SourceFile.objects.create(
        organisation=organisation,
        original_name="people.csv",
        kind="csv",
        size=(folder / stored).stat().st_size,
        stored_name=stored,
        columns=["district", "district_name", "sex", "age", "nationality", "persons"],
    )


def job_in(organisation: Organisation) -> Job:
    return Job.objects.create(
        organisation=organisation,
        kind="statistics.ingest",
        params={"dataset": dataset_in(organisation).pk},
        status=JobStatus.DONE,
        progress=1.0,
    )


def figure_of(city: Any, name: str = "Newcomers in Dutch courses") -> ServiceFigure:
    return ServiceFigure.objects.create(
        organisation=city.organisation,
        provider=city.users[Role.SERVICE_PROVIDER],
        sector="education",
        period="2024",
        name=f"{name} {uuid.uuid4().hex[:6]}",
        value=120,
    )


# kwargs builders of the access matrix (world, city) -> URL kwargs


def slug_and(city: Any, pk: int, **more: Any) -> dict[str, Any]:
    return {"slug": city.organisation.slug, "pk": pk, **more}


def upload_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, source_file_in(city.organisation).pk)


def job_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, job_in(city.organisation).pk)


def dataset_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, dataset_in(city.organisation).pk)


def draft_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, release_in(city.organisation).pk)


def submitted_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, release_in(city.organisation, ReleaseStatus.SUBMITTED).pk)


def draft_table_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, release_in(city.organisation).pk, table="by-sex")


def draft_file_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, release_in(city.organisation).pk, name="by-sex.csv")


def published_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, release_in(city.organisation, ReleaseStatus.PUBLISHED).pk)


def published_table_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return {**published_kwargs(world, city), "table": "by-sex"}


def published_file_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return {**published_kwargs(world, city), "name": "by-sex.csv"}


def figure_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return slug_and(city, figure_of(city).pk)
