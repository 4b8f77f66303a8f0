"""The input figures of an indicator, read from where the city keeps them.

- **published releases**: the cells of a release's ``tables.json`` (only releases whose state
  is published; never the workspace). Each catalogue indicator that a published table can
  give registers a reader with its id; an indicator whose published-table source names its
  ``cells`` (the city's own, see :mod:`mechelen.core.indicators.cells`) is read from those
  cells. The value is then ``compute_indicator(spec, figures)``. Cells hidden by disclosure
  control count as absent for counts by group; a share whose numerator or denominator is
  hidden has no value. :func:`from_published_releases` gives one value a year from every
  published release of the city (the latest published wins a year).
- **service figures**: the figures named as numerator (and denominator) summed by year.
- **commitments**: chosen commitments (abandoned ones left out) and those achieved, today.
- **closed assessment rounds**: sector x dimension pairs with a consensus, and those at 3 or more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from mechelen.core.indicators import MEASURE_KINDS, IndicatorSpec, compute_indicator
from mechelen.core.indicators.cells import choose_table, table_figures
from mechelen.core.microdata.codes import (
    FOREIGN_BORN,
    NON_CITIZEN,
    STATELESS_STATUS,
    UNKNOWN,
    UNKNOWN_STATUS,
)
from mechelen.core.problems import Problem
from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.core.tabulation.spec import GEOGRAPHY
from mechelen.web.assessments.reading import report_of
from mechelen.web.commitments.models import CommitmentStatus
from mechelen.web.followup.change.rounds import closed_rounds
from mechelen.web.statistics import policy as statistics_policy
from mechelen.web.statistics.models import Release, ServiceFigure
from mechelen.web.statistics.releases.published import release_tables, release_year
from mechelen.web.tenancy.models import Organisation

Tables = list[dict[str, Any]]
#: counts by code of one dimension, for one part of the area (None: hidden by protection)
Slice = dict[str, float | None]
FigureReader = Callable[[Tables, str], "dict[str, float] | None"]

#: consensus level counted by the catalogue's ``assessed-sectors-at-level-3``
MATURE_LEVEL = 3
#: a year in a release's id or title (people-2024, "Statbel 2015")

_READERS: dict[str, FigureReader] = {}


def reads(indicator_id: str) -> Callable[[FigureReader], FigureReader]:
    def register(function: FigureReader) -> FigureReader:
        _READERS[indicator_id] = function
        return function

    return register


def _cells_reader(spec: IndicatorSpec, problems: list[Problem]) -> FigureReader | None:
    """A reader of the cells named by the indicator's published-table source."""
    source, kind = spec.table_source, MEASURE_KINDS.get(spec.measure)
    if source is None or source.cells is None or kind is None:
        return None
    cells = source.cells

    def read(tables: Tables, area: str) -> dict[str, float] | None:
        table = choose_table(tables, cells, source.dimensions)
        if table is None:
            dimensions = ", ".join(cells.dimensions or source.dimensions)
            problems.append(Problem("indicator.E048", {"dimensions": dimensions}))
            return None
        found = table_figures(cells, kind, table, area)
        if area == TOTAL:
            problems.extend(found.problems)
        return found.figures

    return read


def table_slice(tables: Tables, dimension: str, area: str = TOTAL) -> Slice | None:
    """Counts by code of ``dimension`` in ``area``, all other dimensions at their total."""
    for table in tables:
        if dimension not in table["dimensions"]:
            continue
        found: Slice = {}
        for cell in table["cells"]:
            key = cell["key"]
            if key.get(GEOGRAPHY, TOTAL) != area:
                continue
            if any(code != TOTAL for d, code in key.items() if d not in (dimension, GEOGRAPHY)):
                continue
            found[key[dimension]] = cell["value"]
        if found:
            return found
    return None


def _known_total(found: Slice, unknown: str) -> float | None:
    total, missing = found.get(TOTAL), found.get(unknown, 0.0)
    if total is None or missing is None:
        return None
    return float(total) - float(missing)


def _share(found: Slice | None, parts: tuple[str, ...], unknown: str) -> dict[str, float] | None:
    if found is None:
        return None
    values = [found.get(code, 0.0) for code in parts]
    denominator = _known_total(found, unknown)
    if denominator is None or any(v is None for v in values):
        return None
    return {"numerator": float(sum(v for v in values if v is not None)), "denominator": denominator}


def _distribution(found: Slice | None) -> dict[str, float] | None:
    if found is None:
        return None
    counts = {code: float(v) for code, v in found.items() if code not in (TOTAL, UNKNOWN) and v}
    return counts or None


@reads("foreign-born-share")
def _foreign_born(tables: Tables, area: str) -> dict[str, float] | None:
    return _share(table_slice(tables, "birth_status", area), (FOREIGN_BORN,), UNKNOWN_STATUS)


@reads("non-citizen-share")
def _non_citizens(tables: Tables, area: str) -> dict[str, float] | None:
    found = table_slice(tables, "citizenship_status", area)
    return _share(found, (NON_CITIZEN, STATELESS_STATUS), UNKNOWN_STATUS)


@reads("stateless-residents")
def _stateless(tables: Tables, area: str) -> dict[str, float] | None:
    found = table_slice(tables, "citizenship_status", area)
    if found is None or found.get(STATELESS_STATUS, 0.0) is None:
        return None
    return {"count": float(found.get(STATELESS_STATUS) or 0.0)}


@reads("citizenships-present")
def _citizenships(tables: Tables, area: str) -> dict[str, float] | None:
    return _distribution(table_slice(tables, "citizenship", area))


@reads("citizenship-diversity")
def _diversity(tables: Tables, area: str) -> dict[str, float] | None:
    return _distribution(table_slice(tables, "citizenship", area))


@dataclass(frozen=True)
class FoundValue:
    """A value computed for one year and one part of the area ('' for the whole area)."""

    year: int
    value: float
    part: str = ""
    part_label: str = ""
    note: str = ""


@dataclass(frozen=True)
class Found:
    values: list[FoundValue]
    problems: list[Problem]


def _compute(
    spec: IndicatorSpec, figures: Mapping[str, float]
) -> tuple[float | None, list[Problem]]:
    result = compute_indicator(spec, figures)
    return result.value, list(result.problems)


def areas_of(tables: Tables) -> dict[str, str]:
    """The parts of the area in the release's tables: code -> label."""
    found: dict[str, str] = {}
    for table in tables:
        labels = table.get("labels", {}).get(GEOGRAPHY, {})
        for cell in table["cells"]:
            code = cell["key"].get(GEOGRAPHY)
            if code and code != TOTAL:
                found.setdefault(code, str(labels.get(code, code)))
    return found


def from_release(spec: IndicatorSpec, release: Release, year: int, by_geography: bool) -> Found:
    """The indicator from a published release's cells, for the area and (if asked) its parts."""
    if not release.published:
        return Found([], [Problem("followup.E001", {"release": release.title})])
    problems: list[Problem] = []
    reader = _READERS.get(spec.id) or _cells_reader(spec, problems)
    if reader is None:
        return Found([], [Problem("followup.E002", {"id": spec.id})])
    tables = release_tables(release)
    areas: dict[str, str] = {TOTAL: ""}
    if by_geography:
        parts = areas_of(tables)
        if len(parts) > 1:
            areas.update(parts)
    values: list[FoundValue] = []
    note = release.title or release.name
    for code, label in areas.items():
        figures = reader(tables, code)
        if figures is None:
            if code == TOTAL and not problems:
                problems.append(Problem("followup.E003", {"id": spec.id}))
            continue
        value, found_problems = _compute(spec, figures)
        problems.extend(found_problems)
        if value is not None:
            part = "" if code == TOTAL else code
            values.append(FoundValue(year, value, part, label, note))
    return Found(values, problems)


def from_published_releases(
    spec: IndicatorSpec, organisation: Organisation, by_geography: bool
) -> list[tuple[Release, Found]]:
    """One value a year from every published release of the city; the latest published wins."""
    by_year: dict[int, Release] = {}
    published = statistics_policy.public_releases(organisation)
    for release in published.order_by("published_at", "pk"):
        year = release_year(release)
        if year is not None:
            by_year[year] = release
    return [
        (release, from_release(spec, release, year, by_geography))
        for year, release in sorted(by_year.items())
    ]


def _year_of(period: str) -> int | None:
    return int(period) if len(period) == 4 and period.isdigit() else None


def from_service_figures(
    spec: IndicatorSpec, organisation: Organisation, numerator: str, denominator: str
) -> Found:
    """Yearly sums of the named figures; a count takes the numerator alone."""
    sums: dict[str, dict[int, Decimal]] = {numerator: defaultdict(Decimal)}
    if denominator:
        sums[denominator] = defaultdict(Decimal)
    for figure in ServiceFigure.objects.filter(organisation=organisation, name__in=list(sums)):
        year = _year_of(figure.period)
        if year is not None:
            sums[figure.name][year] += figure.value
    values, problems = [], []
    for year in sorted(sums[numerator]):
        if spec.measure == "count":
            figures = {"count": float(sums[numerator][year])}
        elif denominator and year in sums[denominator]:
            figures = {
                "numerator": float(sums[numerator][year]),
                "denominator": float(sums[denominator][year]),
            }
        else:
            continue
        value, found = _compute(spec, figures)
        problems.extend(found)
        if value is not None:
            values.append(FoundValue(year, value, note=numerator))
    if not values and not problems:
        problems.append(Problem("followup.E004", {"name": numerator}))
    return Found(values, problems)


def from_commitments(spec: IndicatorSpec, organisation: Organisation, year: int) -> Found:
    """Achieved among the commitments taken; an abandoned (dropped) one is no longer taken."""
    chosen = organisation.commitments.exclude(status=CommitmentStatus.DROPPED)
    figures = {
        "numerator": float(chosen.filter(status=CommitmentStatus.ACHIEVED).count()),
        "denominator": float(chosen.count()),
    }
    value, problems = _compute(spec, figures)
    if value is None:
        return Found([], problems)
    return Found([FoundValue(year, value)], problems)


def from_assessment(spec: IndicatorSpec, organisation: Organisation) -> Found:
    values, problems = [], []
    for assessment_round in closed_rounds(organisation):
        if assessment_round.closed_at is None:
            continue
        cells = report_of(assessment_round).aggregate.cells
        scored = [c.consensus for c in cells if c.consensus is not None]
        figures = {
            "numerator": float(sum(1 for c in scored if c >= MATURE_LEVEL)),
            "denominator": float(len(scored)),
        }
        value, found = _compute(spec, figures)
        problems.extend(found)
        if value is not None:
            values.append(
                FoundValue(assessment_round.closed_at.year, value, note=assessment_round.title)
            )
    return Found(values, problems)
