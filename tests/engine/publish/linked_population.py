"""A population with many countries of birth and citizenships, so that many cells are small."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.tabulation.spec import TableSpec, read_spec
from mechelen.core.tabulation.table import CellTable
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish.release_files import published_cells
from tests.core.disclosure.atoms import Atom, PublishedTable

COMMON = ["BEL"] * 30 + ["FRA"] * 4 + ["NLD"] * 3 + ["MAR"] * 3
RARE = ["ITA", "ESP", "POL", "ROU", "SYR", "AFG", "COD", "CMR", "IND", "CHN", "BRA", "USA"]
RARE += ["UKR", "XXA", "TUR"]
MAPPING = {
    "dataset": "pop",
    "country": "BEL",
    "id": "id",
    "dimensions": {
        "sex": {"column": "sex"},
        "age": {"column": "age", "bands": [0, 15, 20, 35, 65]},
        "citizenship": {"column": "citizenship"},
        "country_of_birth": {"column": "birth"},
    },
}
DIMENSIONS = [
    "country_of_birth_group",
    "sex",
    "age_band",
    "citizenship_status",
    "migratory_status",
    "country_of_birth",
]


def population_workspace(folder: Path, seed: int) -> tuple[Workspace, random.Random]:
    """A workspace with one dataset ``pop`` of 300 to 2,000 persons, drawn from ``seed``."""
    rng = random.Random(seed)
    countries = COMMON + rng.sample(RARE, 8)
    lines = ["id,sex,age,citizenship,birth"]
    for number in range(rng.choice([300, 800, 2000])):
        birth = rng.choice(countries)
        citizenship = birth if rng.random() < 0.7 else rng.choice(countries)
        lines.append(f"p{number},{rng.choice('FM')},{rng.randint(0, 95)},{citizenship},{birth}")
    source = folder / "pop.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    workspace = Workspace(folder / "ws")
    mapping, problems = read_mapping(MAPPING)
    assert mapping is not None, problems
    ingest(workspace, source, mapping, "")
    return workspace, rng


def suppression_spec(
    name: str, tables: list[dict[str, object]], filters: dict[str, object] | None = None
) -> TableSpec:
    document: dict[str, object] = {
        "dataset": "pop",
        "release": name,
        "tables": tables,
        "protection": {"method": "suppression", "threshold": 10, "secondary": "gauss"},
    }
    if filters:
        document["filters"] = filters
    spec, problems = read_spec(document)
    assert spec is not None, problems
    return spec


def random_tables(rng: random.Random) -> list[dict[str, object]]:
    return [
        {"name": f"t{i}", "dimensions": rng.sample(DIMENSIONS, rng.choice([1, 2, 2, 3]))}
        for i in range(rng.choice([1, 2]))
    ]


def published_tables(
    folder: Path, truth: Mapping[str, CellTable], keeps: Callable[[Atom], bool]
) -> list[PublishedTable]:
    """What a release folder published, on the true tables (``truth`` by name), each table
    of a population whose atoms ``keeps`` tells (for the person-level attacker)."""
    meta = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    found = []
    for name, keys, _, shown in published_cells(folder, meta):
        table = truth[name]
        mask = np.zeros(len(table), dtype=np.bool_)
        for key, is_shown in zip(keys, shown, strict=True):
            index = table.index(key)
            assert index is not None, (name, key)
            mask[index] = is_shown
        found.append(PublishedTable(table, mask, keeps))
    return found
