"""Tables with every margin: equations hold, zeros are cells, both strategies agree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.spec import read_spec
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.tables.build import build_tables
from tests.engine.synthetic import town_workspace


@pytest.fixture
def town(tmp_path: Path) -> Iterator[Workspace]:
    workspace = town_workspace(tmp_path)
    yield workspace
    workspace.close()


def spec_of(document: dict[str, object]):  # type: ignore[no-untyped-def]
    spec, problems = read_spec({"dataset": "town", **document})
    assert spec is not None, problems
    return spec


def test_margins_add_up_and_strategies_agree(town: Workspace) -> None:
    spec = spec_of(
        {
            "combinations": {
                "dimensions": ["geography", "sex", "age_band", "citizenship_group"],
                "ways": [1, 2, 3],
            }
        }
    )
    fast, timings = build_tables(town, spec, "grouping-sets")
    slow, _ = build_tables(town, spec, "separate")
    assert len(fast) == 4 + 6 + 4 and timings.cube_rows > 0
    for a, b in zip(fast, slow, strict=True):
        assert a.table.keys == b.table.keys
        assert np.array_equal(a.table.counts, b.table.counts)
        assert np.array_equal(a.record_key_sums, b.record_key_sums)
        for total, parts in a.table.equations():
            assert a.table.counts[total] == a.table.counts[list(parts)].sum()
        assert a.table.counts[a.table.index(("_T",) * len(a.table.dimensions))] == 3000  # type: ignore[index]


def test_geography_hierarchy_and_zero_cells(town: Workspace) -> None:
    spec = spec_of({"tables": [{"name": "t", "dimensions": ["geography", "citizenship"]}]})
    [built], _ = build_tables(town, spec)
    hierarchy = built.table.hierarchies["geography"]
    assert hierarchy.parents["d1"] == "m1" and hierarchy.parents["m2"] == "_T"
    assert hierarchy.depth == 2
    # every district x citizenship cell exists, zeros included
    assert len(built.table) == (5 + 2 + 1) * (8 + 1)  # 8 citizenships and their total
    assert built.table.counts[built.table.index(("d1", "XXA"))] >= 0  # type: ignore[index]


def test_filters_and_groups(town: Workspace) -> None:
    spec = spec_of(
        {
            "geography": {"level": "municipality"},
            "filters": {"age": {"min": 18}, "sex": ["F"]},
            "tables": [{"name": "t", "dimensions": ["citizenship_group", "migratory_status"]}],
        }
    )
    [built], _ = build_tables(town, spec)
    groups = built.table.hierarchies["citizenship_group"].leaves
    assert groups[0] == "BEL" and "Africa" in groups and "Stateless" in groups
    total = town.con.execute(
        "SELECT count(*) FROM data__town WHERE age >= 18 AND sex = 'F'"
    ).fetchone()
    assert total is not None
    assert built.table.counts[built.table.index(("_T", "_T"))] == total[0]  # type: ignore[index]


@pytest.mark.parametrize(
    ("document", "code"),
    [
        ({"tables": [{"name": "t", "dimensions": ["religion"]}]}, "spec.E022"),
        ({"dataset": "nowhere", "tables": [{"name": "t", "dimensions": ["sex"]}]}, "spec.E020"),
        (
            {"geography": {"level": "street"}, "tables": [{"name": "t", "dimensions": ["sex"]}]},
            "spec.E021",
        ),
        (
            {"filters": {"income": [1]}, "tables": [{"name": "t", "dimensions": ["sex"]}]},
            "spec.E024",
        ),
    ],
)
def test_spec_errors_name_what_is_unknown(
    town: Workspace, document: dict[str, object], code: str
) -> None:
    with pytest.raises(ProblemsFound) as raised:
        build_tables(town, spec_of(document))
    assert code in {p.code for p in raised.value.problems}


def test_magnitude_tables_keep_each_cells_largest_contributions(tmp_path: Path) -> None:
    from mechelen.core.microdata.mapping import read_mapping
    from mechelen.engine.ingest.pipeline import ingest

    path = tmp_path / "work.csv"
    path.write_text(
        "id;area;sex;hours;motif;years\n"
        "a;x;F;40;travail;0.5\n"
        "b;x;F;10;famille;3\n"
        "c;x;M;60;asile;12\n"
        "d;y;M;5;;\n",
        encoding="utf-8",
    )
    mapping, problems = read_mapping(
        {
            "dataset": "work",
            "country": "BEL",
            "id": "id",
            "geography": [{"level": "area", "column": "area"}],
            "dimensions": {
                "sex": {"column": "sex"},
                "reason_for_migration": {"column": "motif"},
                "duration_of_stay": {"column": "years", "bands": [0, 1, 10]},
            },
            "measures": {"hours": "hours"},
        }
    )
    assert mapping is not None, problems
    with Workspace(tmp_path / "ws") as workspace:
        ingest(workspace, path, mapping, "")
        reasons = workspace.con.execute(
            "SELECT reason_for_migration, duration_of_stay_band FROM data__work ORDER BY _row"
        ).fetchall()
        assert reasons == [
            ("work", "0"),
            ("family", "1-9"),
            ("international-protection", "10+"),
            ("unknown", "_U"),
        ]
        spec = spec_of(
            {
                "dataset": "work",
                "measure": {"sum": "hours"},
                "tables": [{"name": "t", "dimensions": ["geography", "sex"]}],
            }
        )
        [built], _ = build_tables(workspace, spec)
        table = built.table
        assert table.top_contributions is not None
        x_f = table.index(("x", "F"))
        assert table.values[x_f] == 50 and list(table.top_contributions[x_f]) == [40, 10]
        total = table.index(("_T", "_T"))
        assert table.values[total] == 115 and list(table.top_contributions[total]) == [60, 40]  # type: ignore[index]
        assert table.counts[total] == 4  # type: ignore[index]
