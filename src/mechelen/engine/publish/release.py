"""Make a release: build the spec's tables, protect them, write every format, log the release.

Files written in the output folder (the same tables give byte-identical files, except under
differential privacy, which is random by design):

- ``<table>.csv``        codes, labels, value and flag (observed, perturbed, suppressed)
- ``<table>.sdmx.csv``   SDMX-CSV with OBS_STATUS and CONF_STATUS
- ``<table>.hxl.csv``    CSV with an HXL hashtag row
- ``tables.xlsx``        one sheet per table
- ``tables.json``        every table with its cells, labels and disclosure report
- ``datapackage.json``   Frictionless Data Package of the CSV files, with licence
- ``disclosure-report.json``  method, parameters, suppressions, perturbations, information loss
- ``release.json``       what the audit needs: tables, dimensions, hierarchies, the relations
                         between dimensions (derived variables, groups) and the protection

The workspace keeps the release log (who, when, parameters, content hash) and, for
differential privacy, the privacy budget spent per dataset.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mechelen.core.disclosure import DIFFERENTIAL_PRIVACY, SUPPRESSION, ProtectedTable
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.relations import DerivedDimension
from mechelen.core.tabulation.spec import TableRequest, TableSpec
from mechelen.core.tabulation.table import CellTable, merged_hierarchies
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish.csv_formats import write_flag_csv, write_hxl_csv, write_sdmx_csv
from mechelen.engine.publish.earlier import (
    EarlierRelease,
    earlier_releases,
    keep_published,
    logged_folders,
)
from mechelen.engine.publish.other_formats import datapackage, table_json, write_json, write_xlsx
from mechelen.engine.publish.populations import everyone_groups
from mechelen.engine.publish.release_files import EVERYONE, filter_signature, filters_json
from mechelen.engine.publish.runners import ProtectionContext, protect
from mechelen.engine.tables.build import BuildTimings, BuiltTable, Progress, build_tables
from mechelen.engine.tables.relations import dimension_relations, status_tables

BUDGET_ENV = "MECHELEN_PRIVACY_BUDGET"
DEFAULT_BUDGET = 5.0

_LOG = (
    """CREATE TABLE IF NOT EXISTS releases (
        release VARCHAR, dataset VARCHAR, made_by VARCHAR, made_at VARCHAR, method VARCHAR,
        parameters VARCHAR, spec VARCHAR, content_sha256 VARCHAR, folder VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS privacy_budget (
        dataset VARCHAR, release VARCHAR, epsilon DOUBLE, spent_at VARCHAR)""",
)


@dataclass(frozen=True)
class Release:
    name: str
    folder: Path
    tables: list[ProtectedTable]
    files: list[Path]
    content_sha256: str
    timings: BuildTimings


def release_log_table(workspace: Workspace) -> None:
    """Create the release log and the privacy budget tables if the workspace has none yet."""
    for statement in _LOG:
        workspace.con.execute(statement)


def privacy_budget_left(workspace: Workspace, dataset: str) -> float:
    release_log_table(workspace)
    total = float(os.environ.get(BUDGET_ENV, DEFAULT_BUDGET))
    row = workspace.con.execute(
        "SELECT COALESCE(sum(epsilon), 0) FROM privacy_budget WHERE dataset = ?", [dataset]
    ).fetchone()
    return total - float(row[0] if row else 0)


def _hierarchies(tables: Sequence[ProtectedTable]) -> dict[str, dict[str, str]]:
    merged = merged_hierarchies(t.table for t in tables)
    return {name: dict(sorted(merged[name].parents.items())) for name in sorted(merged)}


def _content_hash(files: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def write_release(
    tables: Sequence[ProtectedTable],
    spec: TableSpec,
    folder: Path,
    source: str,
    licence: str = "CC-BY-4.0",
    relations: Sequence[DerivedDimension] = (),
    published_before: Sequence[str] = (),
    country: str = "",
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    csv_names: dict[str, str] = {}
    for protected in tables:
        name = protected.table.name
        csv_names[name] = f"{name}.csv"
        files.append(write_flag_csv(protected, folder / f"{name}.csv"))
        files.append(
            write_sdmx_csv(
                protected, folder / f"{name}.sdmx.csv", f"MECHELEN:{spec.release}-{name}(1.0)"
            )
        )
        files.append(write_hxl_csv(protected, folder / f"{name}.hxl.csv"))
    files.append(write_xlsx(tables, folder / "tables.xlsx"))
    files.append(
        write_json(
            {"release": spec.release, "tables": [table_json(t) for t in tables]},
            folder / "tables.json",
        )
    )
    files.append(
        write_json(
            datapackage(spec.release, tables, csv_names, licence, source),
            folder / "datapackage.json",
        )
    )
    files.append(
        write_json([t.report.as_dict() for t in tables], folder / "disclosure-report.json")
    )
    protection = spec.protection
    meta: dict[str, Any] = {
        "release": spec.release,
        "dataset": spec.dataset,
        "protection": {
            "method": protection.method,
            "threshold": protection.threshold,
            "secondary": protection.secondary,
            "epsilon": protection.epsilon,
            **dict(protection.parameters),
        },
        "measure": tables[0].measure if tables else "persons",
        "tables": [
            {
                "name": t.table.name,
                "dimensions": list(t.table.dimensions),
                "file": csv_names[t.table.name],
            }
            for t in tables
        ],
        "hierarchies": _hierarchies(tables),
        "relations": [relation.as_json() for relation in relations],
        "filters": filters_json(spec.filters),
        "geography": {"level": spec.geography_level, "up_to": spec.geography_up_to},
        "sum_of": spec.measure,
        "country": country,
        "published_before": list(published_before),
        "files": {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(files, key=lambda p: p.name)
        },
    }
    files.append(write_json(meta, folder / "release.json"))
    return files


def make_release(
    workspace: Workspace,
    spec: TableSpec,
    spec_text: str,
    folder: Path,
    made_by: str,
    strategy: str = "grouping-sets",
    progress: Progress | None = None,
    published: Sequence[Path] | None = None,
) -> Release:
    """Build, protect, write and log one release; raises ProblemsFound on a bad spec.

    A suppression release is protected together with the earlier releases of its dataset in
    ``published`` (folders; default: every release of the dataset in the workspace's log,
    as the command line has no approval step).
    """
    built, timings = build_tables(workspace, spec, strategy, progress)
    record = workspace.dataset(spec.dataset)
    earlier: tuple[EarlierRelease, ...] = ()
    if spec.protection.method == SUPPRESSION.id:
        folders = (
            logged_folders(workspace, spec.dataset, exclude=folder)
            if published is None
            else published
        )
        earlier = earlier_releases(workspace, spec.dataset, folders, exclude=folder).found
    country = record.country if record else ""
    derived: list[tuple[str, CellTable]] = []
    if spec.protection.method == SUPPRESSION.id:  # cells nobody publishes: for the attacker
        derived = derived_tables(
            [(filter_signature(spec.filters), b.table) for b in built]
            + [(e.population, t) for e in earlier for t, _ in e.tables],
            country,
        )
        derived += everyone_tables(workspace, spec, built, earlier)
    every_table = [b.table for b in built] + [t for e in earlier for t, _ in e.tables]
    relations = release_relations(every_table + [t for _, t in derived], country)
    context = ProtectionContext(
        budget_left=privacy_budget_left(workspace, spec.dataset),
        relations=relations,
        population=filter_signature(spec.filters),
        filters=tuple(spec.filters),
        earlier=earlier,
        derived=tuple(derived),
    )
    tables = protect(built, spec.protection, context)
    failing = sum(t.report.audit.get("too_narrow", 0) for t in tables if t.report.audit)
    if failing:
        # a pattern that fails its own audit is never written (earlier releases can leave a
        # sensitive cell no room, whatever this release suppresses)
        names = ", ".join(e.name for e in earlier) or "-"
        raise ProblemsFound([Problem("audit.E004", {"count": failing, "earlier": names})])
    source = f"{record.source} (sha256 {record.sha256})" if record else spec.dataset
    files = write_release(
        tables,
        spec,
        folder,
        source,
        relations=relations,
        published_before=[e.name for e in earlier],
        country=country,
    )
    content = _content_hash(files)
    if spec.protection.method == SUPPRESSION.id:
        keep_published(workspace, folder, content)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with workspace.transaction() as con:
        con.execute(
            "INSERT INTO releases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                spec.release,
                spec.dataset,
                made_by,
                now,
                spec.protection.method,
                json.dumps(tables[0].report.parameters if tables else {}, sort_keys=True),
                spec_text,
                content,
                str(folder),
            ],
        )
        if spec.protection.method == DIFFERENTIAL_PRIVACY.id:
            con.execute(
                "INSERT INTO privacy_budget VALUES (?, ?, ?, ?)",
                [spec.dataset, spec.release, spec.protection.epsilon, now],
            )
    return Release(spec.release, folder, tables, files, content, timings)


def release_relations(tables: Sequence[CellTable], country: str) -> tuple[DerivedDimension, ...]:
    """The public relations between the dimensions of the tables (derived variables, country
    groups): the attacker's, so the protection's and the audit's."""
    if not country:
        return ()
    hierarchies = merged_hierarchies(tables)
    return tuple(dimension_relations([t.dimensions for t in tables], hierarchies, country))


def everyone_tables(
    workspace: Workspace,
    spec: TableSpec,
    built: Sequence[BuiltTable],
    earlier: Sequence[EarlierRelease],
) -> list[tuple[str, CellTable]]:
    """Releases of populations that do not nest (adults beside women) all sit inside
    everyone, whom nobody published: everyone's tables, of each set of dimensions the
    releases use, join the system as cells nobody publishes, so that both populations are
    compared with them (:mod:`.populations`). None when everyone is published, or when one
    population is all there is."""
    groups = everyone_groups(
        {filter_signature(spec.filters), *(e.population for e in earlier)},
        [b.table for b in built] + [t for e in earlier for t, _ in e.tables],
    )
    if not groups:
        return []
    dimension_sets = [group[0].dimensions for group in groups]
    everyone = replace(
        spec,
        tables=tuple(TableRequest(f"everyone {i}", d) for i, d in enumerate(dimension_sets)),
        filters=(),
    )
    made, _ = build_tables(workspace, everyone)
    return [(EVERYONE, b.table) for b in made]


def derived_tables(
    tables: Sequence[tuple[str, CellTable]], country: str
) -> list[tuple[str, CellTable]]:
    """The status tables (:func:`~mechelen.engine.tables.relations.status_tables`) of each
    population's tables: cells nobody publishes that link tables through a status."""
    if not country:
        return []
    by_population: dict[str, list[CellTable]] = {}
    for population, table in tables:
        by_population.setdefault(population, []).append(table)
    return [
        (population, table)
        for population, members in by_population.items()
        for table in status_tables(members, country)
    ]


def release_log(workspace: Workspace) -> list[tuple[Any, ...]]:
    release_log_table(workspace)
    return workspace.con.execute(
        "SELECT release, dataset, made_by, made_at, method, content_sha256 FROM releases ORDER BY made_at"
    ).fetchall()
