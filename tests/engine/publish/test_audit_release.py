"""The attacker's audit of a published release: it passes on protected output and catches leaks."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.spec import read_spec
from mechelen.engine.publish.audit_release import audit_release
from mechelen.engine.publish.release import make_release
from tests.engine.synthetic import town_workspace

TABLES = [
    {"name": "a", "dimensions": ["geography", "sex", "age_band"]},
    {"name": "b", "dimensions": ["geography", "citizenship_group", "sex"]},
]


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("audit")
    workspace = town_workspace(folder, persons=500)
    made = {}
    for method in ("gauss", "milp"):
        spec, problems = read_spec(
            {
                "dataset": "town",
                "release": f"town-{method}",
                "tables": TABLES,
                "protection": {"method": "suppression", "secondary": method},
            }
        )
        assert spec is not None, problems
        made[method] = make_release(workspace, spec, "", folder / method, "tester").folder
    workspace.close()
    return made


@pytest.mark.parametrize("method", ["gauss", "milp"])
def test_protected_releases_pass(releases: dict[str, Path], method: str) -> None:
    result = audit_release(releases[method])
    assert result.applicable and result.suppressed > 0
    assert result.passed, result.narrow[:3]


def test_publishing_the_true_value_of_all_but_one_small_cell_is_caught(
    releases: dict[str, Path], tmp_path: Path
) -> None:
    import shutil

    from mechelen.engine.tables.build import build_tables

    workspace = town_workspace(tmp_path / "truth", persons=500)
    spec, _ = read_spec({"dataset": "town", "tables": TABLES})
    assert spec is not None
    built, _ = build_tables(workspace, spec)
    workspace.close()
    truth = {
        key: int(count)
        for key, count in zip(built[1].table.keys, built[1].table.counts, strict=True)
    }
    leaked = tmp_path / "leaked"
    shutil.copytree(releases["gauss"], leaked)
    path = leaked / "b.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    dims = [c for c in header if c not in ("geography_label", "value", "flag")]
    positions = [header.index(d) for d in dims]
    hidden = [r for r in body if r[-1] == "suppressed"]
    small = next(r for r in hidden if 0 < truth[tuple(r[i] for i in positions)] < 10)
    for row in hidden:
        if row is not small:
            row[-2], row[-1] = str(truth[tuple(row[i] for i in positions)]), "observed"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *body])
    result = audit_release(leaked)
    assert not result.passed
    # the cell itself, and the cells nobody publishes that sum through it (its status)
    [narrow] = [cell for cell in result.narrow if cell.table == "b"]
    assert all(cell.lower == cell.upper for cell in result.narrow)
    assert narrow.lower == narrow.upper == truth[tuple(small[i] for i in positions)]


def test_perturbed_releases_are_not_applicable(tmp_path: Path) -> None:
    workspace = town_workspace(tmp_path, persons=300)
    spec, _ = read_spec({"dataset": "town", "tables": TABLES})
    assert spec is not None
    folder = make_release(workspace, spec, "", tmp_path / "ckm", "tester").folder
    workspace.close()
    assert not audit_release(folder).applicable


def test_not_a_release(tmp_path: Path) -> None:
    with pytest.raises(ProblemsFound) as raised:
        audit_release(tmp_path)
    assert [p.code for p in raised.value.problems] == ["audit.E001"]
