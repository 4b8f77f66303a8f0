"""The firewall of paragraphs 11e and 41: immigration or legal status never enters Mechelen.

Migratory status is derived from country of birth and citizenship only. The words that name
or state an immigration or legal status, in English, French, Dutch, Spanish, German, Italian
and Portuguese, are data (:mod:`mechelen.core.microdata.status_vocabulary`). With them:

- a column whose name states a status (a residence permit, a visa, an asylum decision,
  irregular or undocumented status...) is refused when the mapping reads it, whatever the role
  (``firewall.E001``); such a column that the mapping does not name is never read, and
  reported (``firewall.W001``);
- a category column (any mapped column but numbers and ids) holding a value that states a
  status ("Duldung", "sans papiers", "refugee"...) is refused (``firewall.E002``), with the
  number of rows and the first one, never the value; the one exception is a reason for
  migration that is a UNECE category ("international protection", "asylum"), in the
  reason-for-migration dimension only;
- a rejected value of any other column that states a status is recorded by row and code only
  (``firewall.E003``), never verbatim (:func:`status_like`).

Each rule has a stable id and is registered in FIREWALL_COLUMN_RULES or FIREWALL_VALUE_RULES.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from mechelen.core.microdata.normalise import normalise
from mechelen.core.microdata.status_vocabulary import packaged_vocabulary
from mechelen.core.microdata.vocabulary import reason_code
from mechelen.core.problems import Location, Problem

__all__ = [
    "FIREWALL_COLUMN_RULES",
    "FIREWALL_VALUE_RULES",
    "MappedColumn",
    "ValueCount",
    "check_columns",
    "check_values",
    "normalise",
    "refused_values",
    "status_like",
    "status_phrase_in_name",
    "status_phrase_in_value",
]

#: the dimension whose UNECE category "international protection" is not a status
REASON_FOR_MIGRATION = "reason_for_migration"


def status_phrase_in_name(name: str) -> str | None:
    """The status term a column name contains, or None."""
    return packaged_vocabulary().names.search(name)


def status_phrase_in_value(value: str) -> str | None:
    """The status term a value contains, or None (for checks only: never show it)."""
    return packaged_vocabulary().values.search(value)


@dataclass(frozen=True)
class MappedColumn:
    """A column of the source file as the mapping uses it."""

    column: str
    role: str  # e.g. "citizenship", "geography.municipality", "keep.civil_status"


ColumnRule = Callable[[Iterable[MappedColumn], Iterable[str]], Iterator[Problem]]
#: a value rule yields the values of a column that it refuses
ValueRule = Callable[[MappedColumn, Iterable[str]], Iterator[str]]

FIREWALL_COLUMN_RULES: dict[str, ColumnRule] = {}
FIREWALL_VALUE_RULES: dict[str, ValueRule] = {}


def _column_rule(rule_id: str) -> Callable[[ColumnRule], ColumnRule]:
    def register(rule: ColumnRule) -> ColumnRule:
        FIREWALL_COLUMN_RULES[rule_id] = rule
        return rule

    return register


@_column_rule("status-column-name")
def refuse_status_columns(
    mapped: Iterable[MappedColumn], file_columns: Iterable[str]
) -> Iterator[Problem]:
    """A mapped status column is an error; an unmapped one is reported as left unread."""
    mapped_names = set()
    for item in mapped:
        mapped_names.add(item.column)
        phrase = status_phrase_in_name(item.column) or status_phrase_in_name(item.role)
        if phrase:
            yield Problem(
                "firewall.E001", {"column": item.column, "role": item.role, "phrase": phrase}
            )
    for column in file_columns:
        if column not in mapped_names:
            phrase = status_phrase_in_name(column)
            if phrase:
                yield Problem(
                    "firewall.W001", {"column": column, "phrase": phrase}, severity="warning"
                )


def _value_rule(rule_id: str) -> Callable[[ValueRule], ValueRule]:
    def register(rule: ValueRule) -> ValueRule:
        FIREWALL_VALUE_RULES[rule_id] = rule
        return rule

    return register


@_value_rule("status-values")
def refuse_status_values(column: MappedColumn, values: Iterable[str]) -> Iterator[str]:
    """Values stating a status; a UNECE reason for migration is allowed in that dimension."""
    for value in values:
        if column.role == REASON_FOR_MIGRATION and reason_code(value) is not None:
            continue
        if status_phrase_in_value(value):
            yield value


@dataclass(frozen=True)
class ValueCount:
    """A distinct value of a column, the first row holding it and how many rows do."""

    value: str
    first_row: int
    rows: int


def check_columns(mapped: Iterable[MappedColumn], file_columns: Iterable[str]) -> list[Problem]:
    mapped, file_columns = list(mapped), list(file_columns)
    return [p for rule in FIREWALL_COLUMN_RULES.values() for p in rule(mapped, file_columns)]


def check_values(
    column: MappedColumn, values: Iterable[ValueCount], file: str | None = None
) -> list[Problem]:
    """One ``firewall.E002`` for a category column holding status values: how many rows and
    the first one, never a value."""
    counts = list(values)
    refused = refused_values(column, [c.value for c in counts])
    if not refused:
        return []
    found = [c for c in counts if c.value in refused]
    first = min(c.first_row for c in found)
    params = {"column": column.column, "role": column.role, "rows": sum(c.rows for c in found)}
    return [Problem("firewall.E002", params, Location(file=file, row=first, column=column.column))]


def refused_values(column: MappedColumn, values: Iterable[str]) -> set[str]:
    """The values of a category column that a value rule refuses."""
    distinct = list(values)
    return {v for rule in FIREWALL_VALUE_RULES.values() for v in rule(column, distinct)}


def status_like(values: Iterable[str]) -> set[str]:
    """The values that state a status, to be withheld wherever they would be shown or kept."""
    return {value for value in values if status_phrase_in_value(value)}
