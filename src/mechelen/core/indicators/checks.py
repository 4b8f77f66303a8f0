"""Checks of an indicator catalogue against its framework, each registered with a stable id.

Add a rule with ``@indicator_check("rule-id")``; :func:`run_indicator_checks` runs them all.
``mechelen framework check`` runs them on a framework folder's ``indicators.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping

from mechelen.core.framework.model import REFERENCE_SCHEMES, Framework
from mechelen.core.indicators.catalogue import IndicatorCatalogue
from mechelen.core.indicators.cells import needed_selections
from mechelen.core.indicators.measures import MEASURE_KINDS
from mechelen.core.indicators.spec import DISAGGREGATIONS, SOURCE_KINDS, IndicatorSpec
from mechelen.core.problems import Location, Problem

Locations = Mapping[tuple[str, str], Location]
IndicatorCheck = Callable[[IndicatorCatalogue, Framework, Locations], Iterator[Problem]]

INDICATOR_CHECKS: dict[str, IndicatorCheck] = {}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def indicator_check(rule_id: str) -> Callable[[IndicatorCheck], IndicatorCheck]:
    def register(check: IndicatorCheck) -> IndicatorCheck:
        INDICATOR_CHECKS[rule_id] = check
        return check

    return register


def run_indicator_checks(
    catalogue: IndicatorCatalogue, framework: Framework, locations: Locations
) -> list[Problem]:
    return [
        problem
        for check in INDICATOR_CHECKS.values()
        for problem in check(catalogue, framework, locations)
    ]


def _at(locations: Locations, spec: IndicatorSpec) -> Location:
    return locations.get(("indicator", spec.id), Location())


def _each(
    catalogue: IndicatorCatalogue, locations: Locations
) -> Iterator[tuple[IndicatorSpec, Location]]:
    for spec in catalogue.indicators:
        yield spec, _at(locations, spec)


@indicator_check("unique-ids")
def unique_ids(
    catalogue: IndicatorCatalogue, framework: Framework, locations: Locations
) -> Iterator[Problem]:
    for spec, where in _each(catalogue, locations):
        if not _ID.match(spec.id):
            yield Problem("indicator.E019", {"id": spec.id}, where)
    for indicator_id, count in Counter(catalogue.ids).items():
        if count > 1:
            where = locations.get(("indicator", indicator_id), Location())
            yield Problem("indicator.E016", {"id": indicator_id}, where)


@indicator_check("known-measures")
def known_measures(
    catalogue: IndicatorCatalogue, framework: Framework, locations: Locations
) -> Iterator[Problem]:
    known = ", ".join(sorted(MEASURE_KINDS))
    for spec, where in _each(catalogue, locations):
        kind = MEASURE_KINDS.get(spec.measure)
        if kind is None:
            yield Problem("indicator.E001", {"id": spec.measure, "known": known}, where)
            continue
        groups = len(spec.groups)
        if kind.compares_groups != (groups == 2) or groups not in (0, 2):
            yield Problem(
                "indicator.E017", {"id": spec.id, "measure": spec.measure, "count": groups}, where
            )
        if "denominator" in kind.inputs and not spec.denominator.values:
            yield Problem("indicator.E022", {"id": spec.id, "measure": spec.measure}, where)
        if spec.scale <= 0:
            yield Problem("indicator.E021", {"id": spec.id, "value": spec.scale}, where)


@indicator_check("known-sources")
def known_sources(
    catalogue: IndicatorCatalogue, framework: Framework, locations: Locations
) -> Iterator[Problem]:
    for spec, where in _each(catalogue, locations):
        if not spec.sources:
            yield Problem("indicator.E023", {"id": spec.id}, where)
        for source in spec.sources:
            if source.kind not in SOURCE_KINDS:
                allowed = ", ".join(SOURCE_KINDS)
                yield Problem("indicator.E014", {"value": source.kind, "allowed": allowed}, where)
            if source.kind == "published-table" and not source.dimensions:
                yield Problem("indicator.E018", {"id": spec.id}, where)


@indicator_check("table-cells")
def table_cells(
    catalogue: IndicatorCatalogue, framework: Framework, locations: Locations
) -> Iterator[Problem]:
    """Cells only on a published table, of its dimensions, with what the measure needs."""
    for spec, where in _each(catalogue, locations):
        kind = MEASURE_KINDS.get(spec.measure)
        for source in spec.sources:
            if source.cells is None:
                continue
            if source.kind != "published-table":
                yield Problem("indicator.E040", {"id": spec.id, "kind": source.kind}, where)
                continue
            for dimension in source.cells.dimensions:
                if dimension not in source.dimensions:
                    listed = ", ".join(source.dimensions)
                    params = {"id": spec.id, "dimension": dimension, "dimensions": listed}
                    yield Problem("indicator.E041", params, where)
            if kind is not None:
                for problem in needed_selections(source.cells, kind):
                    yield Problem(problem.code, {"id": spec.id, **problem.params}, where)


@indicator_check("known-disaggregations")
def known_disaggregations(
    catalogue: IndicatorCatalogue, framework: Framework, locations: Locations
) -> Iterator[Problem]:
    allowed = ", ".join(DISAGGREGATIONS)
    for spec, where in _each(catalogue, locations):
        dimensions = [*spec.disaggregations]
        # a source naming its cells lists a published table's own dimensions, checked at ingest
        dimensions += [d for s in spec.sources if s.cells is None for d in s.dimensions]
        for dimension in dict.fromkeys(dimensions):
            if dimension not in DISAGGREGATIONS:
                yield Problem("indicator.E015", {"value": dimension, "allowed": allowed}, where)


@indicator_check("known-framework-items")
def known_framework_items(
    catalogue: IndicatorCatalogue, framework: Framework, locations: Locations
) -> Iterator[Problem]:
    paragraphs = {c.paragraph for c in framework.commitments}
    sectors = {s.id for s in framework.sectors}
    references = {r.key for r in framework.references}
    for spec, where in _each(catalogue, locations):
        served = spec.serves
        if not (served.commitments or served.sectors or served.references):
            yield Problem("indicator.E020", {"id": spec.id}, where)
        for paragraph in served.commitments:
            if paragraph not in paragraphs:
                yield Problem("indicator.E010", {"paragraph": paragraph}, where)
        for sector in served.sectors:
            if sector not in sectors:
                yield Problem("indicator.E012", {"sector": sector}, where)
        for key in served.references:
            scheme = key.split(":", 1)[0]
            if scheme in REFERENCE_SCHEMES and key not in references:
                yield Problem("indicator.E011", {"scheme": scheme.upper(), "target": key}, where)
