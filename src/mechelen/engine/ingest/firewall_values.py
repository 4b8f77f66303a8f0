"""The firewall on the values read at ingest (the rules are in mechelen.core.microdata.firewall).

Category columns (every mapped column but numbers and the person id) are checked before any
value is standardised: one holding a value that states an immigration or legal status stops
the ingest (``firewall.E002``, rows counted, no value named). Rejected values of the other
columns that state a status are withheld from the validation report: their row is kept with
the code ``firewall.E003`` and no value.
"""

from __future__ import annotations

from mechelen.core.microdata.firewall import (
    MappedColumn,
    ValueCount,
    check_values,
    refused_values,
    status_like,
)
from mechelen.core.microdata.mapping import DataMapping
from mechelen.core.problems import Problem
from mechelen.engine.ingest.columns_sql import quote
from mechelen.engine.ingest.workspace import Workspace

#: roles whose values are numbers or identifiers, not categories
NOT_CATEGORIES = ("age", "duration_of_stay", "count", "id")
WITHHELD = "firewall.E003"


def category_columns(mapping: DataMapping) -> list[MappedColumn]:
    """The mapped columns whose values are categories (geography, dimensions, kept columns)."""
    found: dict[str, MappedColumn] = {}
    for item in mapping.mapped_columns():
        if item.role not in NOT_CATEGORIES and not item.role.startswith("measures."):
            found.setdefault(item.column, item)
    return list(found.values())


def refuse_status_values(workspace: Workspace, mapping: DataMapping, file: str) -> list[Problem]:
    """``firewall.E002`` for each category column of ``src`` holding a status value.

    The distinct values are checked first; rows are counted only for a column found holding
    one, so that the usual case costs one DISTINCT per column."""
    con = workspace.con
    problems = []
    for item in category_columns(mapping):
        column = quote(item.column)
        distinct = con.execute(f"SELECT DISTINCT {column} FROM src WHERE {column} IS NOT NULL")
        refused = sorted(refused_values(item, (str(row[0]) for row in distinct.fetchall())))
        if not refused:
            continue
        rows = con.execute(
            f"SELECT {column}, min(_row), count(*) FROM src WHERE list_contains(?, {column}) "
            "GROUP BY 1",
            [refused],
        ).fetchall()
        counts = [ValueCount(str(value), int(first), int(n)) for value, first, n in rows]
        problems += check_values(item, counts, file)
    return problems


def withhold_status_values(workspace: Workspace, errors: str = "errors") -> int:
    """Withhold the rejected values of ``errors`` that state a status; how many rows."""
    con = workspace.con
    values = [
        str(row[0])
        for row in con.execute(
            f"SELECT DISTINCT value FROM {errors} WHERE value IS NOT NULL"
        ).fetchall()
    ]
    withheld = sorted(status_like(values))
    if not withheld:
        return 0
    found = con.execute(
        f"SELECT count(*) FROM {errors} WHERE list_contains(?, value)", [withheld]
    ).fetchone()
    con.execute(
        f"UPDATE {errors} SET code = ?, value = NULL WHERE list_contains(?, value)",
        [WITHHELD, withheld],
    )
    return int(found[0]) if found else 0
