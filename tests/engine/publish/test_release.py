"""Releases: every format, byte-identical twice, consistent cell keys, budget and release log."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.spec import TableSpec, read_spec
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish.csv_formats import safe_text
from mechelen.engine.publish.release import make_release, privacy_budget_left, release_log
from tests.engine.synthetic import town_workspace

DIMENSIONS = ["geography", "sex", "age_band", "citizenship_group", "migratory_status"]


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = town_workspace(tmp_path_factory.mktemp("town"))
    yield workspace
    workspace.close()


def spec_of(**document: object) -> TableSpec:
    spec, problems = read_spec({"dataset": "town", "release": "town-2026", **document})
    assert spec is not None, problems
    return spec


TWO_TABLES = {
    "tables": [
        {"name": "sex-by-age", "dimensions": ["geography", "sex", "age_band"]},
        {"name": "status", "dimensions": ["geography", "migratory_status"]},
    ]
}


def test_every_format_is_written_and_identical_twice(town: Workspace, tmp_path: Path) -> None:
    first = make_release(town, spec_of(**TWO_TABLES), "spec", tmp_path / "a", "tester")
    second = make_release(town, spec_of(**TWO_TABLES), "spec", tmp_path / "b", "tester")
    names = sorted(p.name for p in first.files)
    assert names == sorted(
        [
            "sex-by-age.csv",
            "sex-by-age.sdmx.csv",
            "sex-by-age.hxl.csv",
            "status.csv",
            "status.sdmx.csv",
            "status.hxl.csv",
            "tables.xlsx",
            "tables.json",
            "datapackage.json",
            "disclosure-report.json",
            "release.json",
        ]
    )
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert first.content_sha256 == second.content_sha256
    with (tmp_path / "a" / "sex-by-age.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert set(rows[0]) == {"geography", "geography_label", "sex", "age_band", "value", "flag"}
    assert {r["flag"] for r in rows} <= {"perturbed", "suppressed"}
    assert all(r["value"] == "" for r in rows if r["flag"] == "suppressed")
    assert all(int(r["value"]) >= 10 for r in rows if r["flag"] == "perturbed")
    hxl = (tmp_path / "a" / "status.hxl.csv").read_text(encoding="utf-8").splitlines()
    assert hxl[1].startswith("#adm+code,#adm+name,")
    sdmx = (tmp_path / "a" / "status.sdmx.csv").read_text(encoding="utf-8").splitlines()
    assert sdmx[0] == "DATAFLOW,GEOGRAPHY,MIGRATORY_STATUS,OBS_VALUE,OBS_STATUS,CONF_STATUS"
    assert sdmx[1].startswith("MECHELEN:town-2026-status(1.0),_T,_T,")
    package = json.loads((tmp_path / "a" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["path"] for r in package["resources"]] == ["sex-by-age.csv", "status.csv"]
    assert package["resources"][0]["schema"]["primaryKey"] == ["geography", "sex", "age_band"]
    book = load_workbook(tmp_path / "a" / "tables.xlsx")
    assert book.sheetnames == ["sex-by-age", "status"]
    report = json.loads((tmp_path / "a" / "disclosure-report.json").read_text(encoding="utf-8"))
    assert report[0]["method"] == "cell-key" and report[0]["parameters"]["threshold"] == 10
    meta = json.loads((tmp_path / "a" / "release.json").read_text(encoding="utf-8"))
    assert meta["hierarchies"]["geography"]["d1"] == "m1"
    assert [r[0] for r in release_log(town)][-2:] == ["town-2026", "town-2026"]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(DIMENSIONS), st.sampled_from(DIMENSIONS), st.sampled_from(DIMENSIONS))
def test_a_cell_gets_the_same_value_in_every_table(
    town: Workspace, shared: str, a: str, b: str
) -> None:
    if len({shared, a, b}) < 3:
        return
    spec = spec_of(
        tables=[
            {"name": "one", "dimensions": [shared, a]},
            {"name": "two", "dimensions": [shared, b]},
        ]
    )
    from mechelen.engine.publish.runners import ProtectionContext, protect
    from mechelen.engine.tables.build import build_tables

    built, _ = build_tables(town, spec)
    one, two = protect(built, spec.protection, ProtectionContext())
    hierarchy = one.table.hierarchies[shared]
    for code in hierarchy.codes:
        left = one.published[one.table.index((code, "_T"))]  # type: ignore[index]
        right = two.published[two.table.index((code, "_T"))]  # type: ignore[index]
        assert (np.isnan(left) and np.isnan(right)) or left == right


def test_differential_privacy_spends_the_budget_and_refuses_when_spent(
    town: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MECHELEN_PRIVACY_BUDGET", "1.5")
    spec = spec_of(protection={"method": "differential-privacy", "epsilon": 1.0}, **TWO_TABLES)
    before = privacy_budget_left(town, "town")
    release = make_release(town, spec, "spec", tmp_path / "dp", "tester")
    assert privacy_budget_left(town, "town") == pytest.approx(before - 1.0)
    report = release.tables[0].report
    assert report.method == "differential-privacy"
    assert report.parameters["epsilon_release"] <= 1.0 + 1e-9
    # each person is in one cell per combination of margins: 3 geography levels x 2 x 2, then 3 x 2
    assert report.parameters["l1_sensitivity_release"] == 3 * 2 * 2 + 3 * 2
    with pytest.raises(ProblemsFound) as raised:
        make_release(town, spec, "spec", tmp_path / "dp2", "tester")
    assert [p.code for p in raised.value.problems] == ["dp.E001"]
    assert not (tmp_path / "dp2").exists()


@pytest.mark.parametrize(
    ("text", "safe"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("@x", "'@x"), ("Malines", "Malines"), ("-", "'-")],
)
def test_csv_is_safe_against_formula_injection(text: str, safe: str) -> None:
    assert safe_text(text) == safe


def test_a_spec_with_method_none_built_directly_is_refused_with_a_code(
    town: Workspace, tmp_path: Path
) -> None:
    """A TableSpec made without read_spec: ``none`` gets spec.E019, not a KeyError (fails on
    70a54e0), and nothing is written."""
    from dataclasses import replace

    from mechelen.core.tabulation.spec import Protection

    spec = replace(spec_of(**TWO_TABLES), protection=Protection(method="none"))
    with pytest.raises(ProblemsFound) as raised:
        make_release(town, spec, "spec", tmp_path / "none", "tester")
    assert [p.code for p in raised.value.problems] == ["spec.E019"]
    assert not (tmp_path / "none").exists() or not any((tmp_path / "none").iterdir())
