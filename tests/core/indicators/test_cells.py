"""An indicator's figures picked from a published table's cells by dimension codes."""

from __future__ import annotations

from typing import Any

import pytest

from mechelen.core.framework.model import Framework
from mechelen.core.indicators import MEASURE_KINDS, compute_measure
from mechelen.core.indicators.building import build_catalogue
from mechelen.core.indicators.cells import (
    CellSelection,
    TableCells,
    choose_table,
    parse_selection,
    table_figures,
)
from mechelen.core.problems import Problem
from mechelen.core.tabulation.hierarchy import TOTAL


def cell(value: float | None, flag: str = "perturbed", conf: str = "F", **key: str) -> Any:
    full = {"geography": TOTAL, "status": TOTAL, "sex": TOTAL, **key}
    return {"key": full, "value": value, "flag": flag, "confidentiality": conf}


def table(*cells: Any, name: str = "by-status-and-sex") -> dict[str, Any]:
    return {"name": name, "dimensions": ["geography", "status", "sex"], "cells": list(cells)}


RESIDENTS = table(
    cell(600),
    cell(500, status="citizen"),
    cell(90, status="non-citizen"),
    cell(10, status="stateless"),
    cell(300, sex="F"),
    cell(240, status="citizen", sex="F"),
    cell(60, status="non-citizen", sex="F"),
    cell(280, geography="D1"),
    cell(40, geography="D1", status="non-citizen"),
)


def test_a_share_sums_the_chosen_codes_with_every_other_dimension_at_its_total() -> None:
    cells = TableCells(
        numerator=CellSelection.of({"status": ["non-citizen", "stateless"]}),
        denominator=CellSelection(),
    )
    found = table_figures(cells, MEASURE_KINDS["share"], RESIDENTS, TOTAL)
    assert found.figures == {"numerator": 100.0, "denominator": 600.0}
    assert compute_measure("share", found.figures, 100).value == pytest.approx(100 / 6)
    # a part of the area; stateless is absent from D1, so it counts 0
    in_d1 = table_figures(cells, MEASURE_KINDS["share"], RESIDENTS, "D1")
    assert in_d1.figures == {"numerator": 40.0, "denominator": 280.0}


def test_a_gap_adds_each_group_to_the_numerator_and_the_denominator() -> None:
    cells = TableCells(
        numerator=CellSelection.of({"sex": ["F"]}),
        denominator=CellSelection(),
        groups=(
            CellSelection.of({"status": ["citizen"]}),
            CellSelection.of({"status": ["non-citizen"]}),
        ),
    )
    found = table_figures(cells, MEASURE_KINDS["gap"], RESIDENTS, TOTAL)
    assert found.figures == {
        "numerator_a": 240.0,
        "denominator_a": 500.0,
        "numerator_b": 60.0,
        "denominator_b": 90.0,
    }
    assert compute_measure("gap", found.figures, 100).value == pytest.approx(48 - 66.666666)


def test_a_distribution_counts_each_code_of_its_dimension() -> None:
    cells = TableCells(by="status")
    found = table_figures(cells, MEASURE_KINDS["distinct"], RESIDENTS, TOTAL)
    assert found.figures == {"citizen": 500.0, "non-citizen": 90.0, "stateless": 10.0}


@pytest.mark.parametrize(
    ("hidden", "flag", "conf"),
    [(None, "suppressed", "C"), (7.0, "observed", "C"), (7.0, "observed", "D"), (7.0, "x", "F")],
)
def test_a_hidden_or_flagged_cell_is_never_used(hidden: float | None, flag: str, conf: str) -> None:
    protected = table(cell(600), cell(hidden, flag, conf, status="stateless"))
    cells = TableCells(
        numerator=CellSelection.of({"status": ["stateless"]}), denominator=CellSelection()
    )
    found = table_figures(cells, MEASURE_KINDS["share"], protected, TOTAL)
    assert found.figures is None
    assert [p.code for p in found.problems] == ["indicator.E046"]
    # in a distribution, a hidden group counts as absent (a lower bound)
    spread = table_figures(TableCells(by="status"), MEASURE_KINDS["distinct"], protected, TOTAL)
    assert spread.figures == {}


def test_a_perturbed_value_is_taken_as_published() -> None:
    cells = TableCells(numerator=CellSelection.of({"status": ["stateless"]}))
    found = table_figures(cells, MEASURE_KINDS["count"], RESIDENTS, TOTAL)
    assert found.figures == {"count": 10.0}


def test_a_table_without_a_chosen_dimension_gives_nothing() -> None:
    cells = TableCells(numerator=CellSelection.of({"age": ["0-14"]}))
    found = table_figures(cells, MEASURE_KINDS["count"], RESIDENTS, TOTAL)
    assert found.figures is None and found.problems[0].code == "indicator.E047"


def test_the_table_is_found_by_name_then_by_dimensions() -> None:
    small = {"name": "by-status", "dimensions": ["geography", "status"], "cells": []}
    renamed = {**RESIDENTS, "name": "renamed"}
    cells = TableCells(table="by-status-and-sex", numerator=CellSelection.of({"status": ["x"]}))
    assert choose_table([small, RESIDENTS], cells) is RESIDENTS
    assert choose_table([renamed, small], cells, ("geography", "status", "sex")) is renamed
    assert choose_table([renamed, small], cells) is small
    assert choose_table([small], TableCells(numerator=CellSelection.of({"sex": ["F"]}))) is None


def test_selections_are_read_from_text() -> None:
    found = parse_selection("status=non-citizen, stateless sex=F")
    assert found == CellSelection.of({"status": ["non-citizen", "stateless"], "sex": ["F"]})
    assert isinstance(found, CellSelection) and parse_selection(found.text()) == found
    assert parse_selection("") == CellSelection()
    for wrong in ("status", "status=", "status=a sex", "status=a status=b"):
        problem = parse_selection(wrong)
        assert isinstance(problem, Problem) and problem.code == "indicator.E044", wrong


TEXT = {"en": "x", "fr": "x", "es": "x"}
GROUPS = [{"en": "A", "fr": "A", "es": "A"}, {"en": "B", "fr": "B", "es": "B"}]
BY_STATUS = [{"citizenship_status": "citizen"}, {"citizenship_status": "non-citizen"}]


def entry(
    cells: dict[str, Any], measure: str = "share", kind: str = "published-table"
) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": "own",
        "label": TEXT,
        "definition": TEXT,
        "measure": measure,
        "numerator": TEXT,
        "unit": TEXT,
        "direction": "context",
        "sources": [
            {
                "kind": kind,
                "dimensions": ["geography", "citizenship_status", "age_band"],
                "table": "by-status",
                "cells": cells,
            }
        ],
        "serves": {"commitments": [17]},
    }
    if measure in ("share", "gap"):
        node["denominator"] = TEXT
    if measure == "gap":
        node["groups"] = GROUPS
    return node


@pytest.mark.parametrize(
    ("document", "codes"),
    [
        (entry({"numerator": {"citizenship_status": "non-citizen"}, "denominator": {}}), []),
        (entry({"numerator": {"sex": ["F"]}, "denominator": {}}), ["indicator.E041"]),
        (entry({"numerator": {"citizenship_status": ["x"]}}), ["indicator.E042"]),
        (entry({"numerator": {}, "denominator": {}}, kind="external"), ["indicator.E040"]),
        (entry({"numerator": {}, "size": 3}), ["framework.E010"]),
        (entry({"numerator": {}}, measure="distinct"), ["indicator.E042"]),
        (entry({"by": "citizenship_status"}, measure="distinct"), []),
        (entry({"numerator": {"age_band": "0-14"}, "denominator": {}}, "gap"), ["indicator.E042"]),
        (
            entry({"numerator": {"citizenship_status": "x"}, "groups": BY_STATUS}, "gap"),
            ["indicator.E042", "indicator.E045"],
        ),
        (
            entry(
                {"numerator": {"age_band": "0-14"}, "denominator": {}, "groups": BY_STATUS}, "gap"
            ),
            [],
        ),
    ],
)
def test_cells_in_indicators_yaml_are_checked(
    framework: Framework, document: dict[str, Any], codes: list[str]
) -> None:
    result = build_catalogue({"indicators": [document]}, framework, "own.yaml")
    assert sorted({p.code for p in result.problems if p.is_error}) == sorted(codes)
    if not codes:
        assert result.catalogue is not None
        (spec,) = result.catalogue.indicators
        source = spec.table_source
        assert source is not None and source.cells is not None
        assert source.cells.table == "by-status"
        again = {**document, "sources": [{**document["sources"][0]}]}
        again["sources"][0]["cells"] = source.cells.as_document()
        rebuilt = build_catalogue({"indicators": [again]}, framework, "own.yaml").catalogue
        assert rebuilt is not None and rebuilt.indicators[0].table_source == source
