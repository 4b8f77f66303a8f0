"""Small files in every encoding and format that Belgian and French offices export."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mechelen.engine.ingest.workspace import Workspace

PERSONS_MAPPING = {
    "dataset": "persons",
    "country": "BEL",
    "id": "id",
    "geography": [
        {"level": "municipality", "column": "commune", "label": "nom"},
        {"level": "province", "column": "province"},
    ],
    "dimensions": {
        "sex": {"column": "sexe"},
        "age": {"column": "âge", "bands": [0, 18, 65]},
        "citizenship": {"column": "nationalité"},
        "country_of_birth": {"column": "pays de naissance"},
    },
}

HEADER = ["id", "commune", "nom", "province", "sexe", "âge", "nationalité", "pays de naissance"]
ROWS = [
    ["p1", "12025", "Malines", "10000", "F", "34", "Belgique", "Belgique"],
    ["p2", "12025", "Malines", "10000", "M", "41", "Maroc", "Maroc"],
    ["p3", "21004", "Bruxelles", "", "H", "7", "BEL", "Belgique"],
    ["p4", "21004", "Bruxelles", "", "femme", "88", "apatride", "Syrie"],
    ["p5", "12025", "Malines", "10000", "V", "19", "Türkiye", "Turquie"],
]


def write_csv(
    path: Path, rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ";"
) -> Path:
    text = "\n".join(delimiter.join(row) for row in [HEADER, *rows]) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def write_mapping(path: Path, document: dict[str, object]) -> Path:
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    space = Workspace(tmp_path / "ws")
    yield space  # type: ignore[misc]
    space.close()
