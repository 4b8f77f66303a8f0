"""What was already published from a dataset, for protecting a new release together with it.

An attacker holds every table ever published from a dataset. A new release protected alone
could publish a cell that an earlier release suppressed, or a cell that, with the earlier
release's cells, pins one down. So the tables of earlier suppression releases of the same data
join the new release's linked system: their published cells are public (locked), their
suppressed cells stay suppressed, and their sensitive cells are protected again.

The earlier release is read from its folder (its ``release.json`` and flag CSVs: exactly what
was published) and rebuilt from the workspace with the spec the release log kept, for the true
values of its suppressed cells. A release whose published cells no longer match the workspace's
data (a new version of the dataset was ingested since) is left out and named in the result:
protection across versions of a dataset is not modelled.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure import SUPPRESSION
from mechelen.core.tabulation.spec import Filter, TableRequest, TableSpec, read_spec
from mechelen.core.tabulation.table import CellTable
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish.release_files import (
    filter_signature,
    filters_from_json,
    published_cells,
)
from mechelen.engine.tables.build import build_tables
from mechelen.engine.yaml_source import parse_yaml

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class EarlierRelease:
    """An earlier release's tables (true values) and which of their cells it published."""

    name: str
    folder: Path
    #: the population its tables describe (:func:`filter_signature` of its filters)
    population: str
    filters: tuple[Filter, ...]
    tables: tuple[tuple[CellTable, BoolArray], ...]


@dataclass(frozen=True)
class EarlierReleases:
    found: tuple[EarlierRelease, ...]
    #: folders left out, with the reason (``other-dataset``, ``not-suppression``,
    #: ``not-in-log``, ``data-changed``)
    left_out: tuple[tuple[str, str], ...]


#: where the workspace keeps what each suppression release published (public aggregates)
KEPT = "published"


def keep_published(workspace: Workspace, folder: Path, content_sha256: str) -> None:
    """Keep a copy of what a suppression release published (its ``release.json`` and flag
    CSVs) in the workspace: deleting or moving the release's folder must not make later
    releases forget it."""
    meta = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    kept = workspace.folder / KEPT / content_sha256
    kept.mkdir(parents=True, exist_ok=True)
    for name in ["release.json", *(entry["file"] for entry in meta["tables"])]:
        shutil.copyfile(folder / name, kept / name)


def logged_folders(workspace: Workspace, dataset: str, exclude: Path | None = None) -> list[Path]:
    """What every release of ``dataset`` in the workspace's log published: its folder, or
    where that is gone, the workspace's copy. ``exclude``: a folder being written again."""
    from mechelen.engine.publish.release import release_log_table

    release_log_table(workspace)
    rows = workspace.con.execute(
        "SELECT DISTINCT folder, content_sha256 FROM releases WHERE dataset = ? "
        "ORDER BY folder, content_sha256",
        [dataset],
    ).fetchall()
    found: list[Path] = []
    for folder_text, digest in rows:
        folder = Path(folder_text)
        if exclude is not None and folder.resolve() == exclude.resolve():
            continue
        kept = workspace.folder / KEPT / str(digest)
        if (kept / "release.json").is_file():  # exactly what was published
            found.append(kept)
        elif (folder / "release.json").is_file() and folder not in found:  # an older release
            found.append(folder)
    return found


def _spec(workspace: Workspace, folder: Path, meta: dict[str, Any]) -> TableSpec | None:
    """The spec of the release: from its ``release.json``, or for a release written before
    it held the spec's filters and geography, from the workspace's release log."""
    if "geography" in meta:
        geography = meta["geography"] or {}
        return TableSpec(
            dataset=str(meta["dataset"]),
            tables=tuple(
                TableRequest(str(t["name"]), tuple(t["dimensions"])) for t in meta["tables"]
            ),
            measure=meta.get("sum_of"),
            geography_level=geography.get("level"),
            geography_up_to=geography.get("up_to"),
            filters=filters_from_json(meta.get("filters", [])),
            release=str(meta["release"]),
        )
    row = workspace.con.execute(
        "SELECT spec FROM releases WHERE folder = ? ORDER BY made_at DESC LIMIT 1", [str(folder)]
    ).fetchone()
    if row is None or not row[0]:
        return None
    spec, _ = read_spec(parse_yaml(str(row[0]), "spec.yaml", "spec"))
    return spec


def earlier_releases(
    workspace: Workspace, dataset: str, folders: Sequence[Path], exclude: Path | None = None
) -> EarlierReleases:
    """The earlier suppression releases of ``dataset`` among ``folders`` (``exclude``: the
    folder the new release is written to, never its own earlier release)."""
    found: list[EarlierRelease] = []
    left_out: list[tuple[str, str]] = []
    for folder in folders:
        if exclude is not None and folder.resolve() == exclude.resolve():
            continue
        meta = json.loads((folder / "release.json").read_text(encoding="utf-8"))
        if meta.get("dataset") != dataset:
            left_out.append((str(folder), "other-dataset"))
            continue
        if meta["protection"]["method"] != SUPPRESSION.id:
            left_out.append((str(folder), "not-suppression"))
            continue
        spec = _spec(workspace, folder, meta)
        if spec is None:
            left_out.append((str(folder), "not-in-log"))
            continue
        built, _ = build_tables(workspace, spec)
        rebuilt = {b.table.name: b.table for b in built}
        tables: list[tuple[CellTable, BoolArray]] = []
        for table_name, keys, values, shown in published_cells(folder, meta):
            table = rebuilt.get(table_name)
            if table is None:
                break
            mask = np.zeros(len(table), dtype=np.bool_)
            same = True
            for key, value, is_shown in zip(keys, values, shown, strict=True):
                index = table.index(key)
                if index is None or (is_shown and abs(table.values[index] - value) > 1e-6):
                    same = False
                    break
                mask[index] = is_shown
            if not same:
                break
            tables.append((table, mask))
        else:
            found.append(
                EarlierRelease(
                    str(meta["release"]),
                    folder,
                    filter_signature(spec.filters),
                    tuple(spec.filters),
                    tuple(tables),
                )
            )
            continue
        left_out.append((str(folder), "data-changed"))
    return EarlierReleases(tuple(found), tuple(left_out))
