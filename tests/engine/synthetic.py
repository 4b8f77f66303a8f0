"""A small synthetic population ingested into a workspace, for table and release tests."""

from __future__ import annotations

import random
from pathlib import Path

from mechelen.core.microdata.mapping import read_mapping
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.ingest.workspace import Workspace

MAPPING = {
    "dataset": "town",
    "country": "BEL",
    "id": "id",
    "geography": [
        {"level": "district", "column": "district"},
        {"level": "municipality", "column": "municipality"},
    ],
    "dimensions": {
        "sex": {"column": "sex"},
        "age": {"column": "age", "bands": [0, 18, 65]},
        "citizenship": {"column": "citizenship"},
        "country_of_birth": {"column": "birth"},
    },
}
DISTRICTS = {"d1": "m1", "d2": "m1", "d3": "m2", "d4": "m2", "d5": "m2"}
COUNTRIES = ["BEL"] * 12 + ["MAR", "FRA", "TUR", "NLD", "SYR", "COD", "XXA"]


def write_population(path: Path, persons: int = 3000, seed: int = 7) -> Path:
    rng = random.Random(seed)
    lines = ["id,district,municipality,sex,age,citizenship,birth"]
    for number in range(persons):
        district = rng.choice(list(DISTRICTS))
        citizenship = rng.choice(COUNTRIES)
        birth = citizenship if rng.random() < 0.7 else rng.choice(COUNTRIES[:-1])
        lines.append(
            f"p{number},{district},{DISTRICTS[district]},{rng.choice('FM')},{rng.randint(0, 95)},"
            f"{citizenship},{birth}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def town_workspace(folder: Path, persons: int = 3000, seed: int = 7) -> Workspace:
    workspace = Workspace(folder / "ws")
    mapping, problems = read_mapping(MAPPING)
    assert mapping is not None, problems
    ingest(workspace, write_population(folder / "town.csv", persons, seed), mapping, "")
    return workspace
