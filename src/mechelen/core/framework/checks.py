"""Semantic checks of a framework, each a registered rule with a stable id.

A check receives the built framework and where each item was defined, and yields problems.
Add a rule with ``@framework_check("rule-id")``; :func:`run_checks` runs all of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping

from mechelen.core.framework.graph import blocked_by, find_cycle
from mechelen.core.framework.model import REFERENCE_SCHEMES, Framework, ScaleLevel
from mechelen.core.problems import Location, Problem

Locations = Mapping[tuple[str, str], Location]
Check = Callable[[Framework, Locations], Iterator[Problem]]

FRAMEWORK_CHECKS: dict[str, Check] = {}


def framework_check(rule_id: str) -> Callable[[Check], Check]:
    def register(check: Check) -> Check:
        FRAMEWORK_CHECKS[rule_id] = check
        return check

    return register


def run_checks(framework: Framework, locations: Locations) -> list[Problem]:
    return [
        problem for check in FRAMEWORK_CHECKS.values() for problem in check(framework, locations)
    ]


def _at(locations: Locations, kind: str, item_id: str) -> Location:
    return locations.get((kind, item_id), Location())


@framework_check("unique-ids")
def unique_ids(framework: Framework, locations: Locations) -> Iterator[Problem]:
    kinds: dict[str, list[str]] = {
        "role": [r.id for r in framework.roles],
        "theme": [t.id for t in framework.themes],
        "commitment": [c.id for c in framework.commitments],
        "means": [str(m.paragraph) for m in framework.means],
        "dimension": [d.id for d in framework.dimensions],
        "stakeholder group": [g.id for g in framework.stakeholder_groups],
        "sector": [s.id for s in framework.sectors],
        "reference": [r.key for r in framework.references],
        "dependency": [f"{d.blocker}>{d.blocked}" for d in framework.dependencies],
    }
    for kind, ids in kinds.items():
        for item_id, count in Counter(ids).items():
            if count > 1:
                yield Problem(
                    "framework.E006", {"kind": kind, "id": item_id}, _at(locations, kind, item_id)
                )


@framework_check("not-empty")
def not_empty(framework: Framework, locations: Locations) -> Iterator[Problem]:
    for field_name in ("themes", "commitments", "dimensions", "stakeholder_groups", "sectors"):
        if not getattr(framework, field_name):
            yield Problem("framework.E015", {"field": field_name})


@framework_check("known-references")
def known_references(framework: Framework, locations: Locations) -> Iterator[Problem]:
    themes = {t.id for t in framework.themes}
    sectors = {s.id for s in framework.sectors}
    references = {r.key for r in framework.references}
    for commitment in framework.commitments:
        where = _at(locations, "commitment", commitment.id)
        if commitment.theme_id not in themes:
            yield Problem("framework.E007", {"kind": "theme", "id": commitment.theme_id}, where)
        for link in commitment.crosswalk:
            if link.target not in references:
                yield Problem("framework.E007", {"kind": "reference", "id": link.target}, where)
    for sector in framework.sectors:
        for link in sector.crosswalk:
            if link.target not in references:
                yield Problem(
                    "framework.E007",
                    {"kind": "reference", "id": link.target},
                    _at(locations, "sector", sector.id),
                )
    for dependency in framework.dependencies:
        where = _at(locations, "dependency", f"{dependency.blocker}>{dependency.blocked}")
        for end in (dependency.blocker, dependency.blocked):
            if end not in sectors:
                yield Problem("framework.E007", {"kind": "sector", "id": end}, where)


@framework_check("crosswalk-schemes")
def crosswalk_schemes(framework: Framework, locations: Locations) -> Iterator[Problem]:
    for commitment in framework.commitments:
        for link in commitment.crosswalk:
            if link.scheme not in REFERENCE_SCHEMES:
                yield Problem(
                    "framework.E011",
                    {"target": link.target},
                    _at(locations, "commitment", commitment.id),
                )
        for scheme in ("gcm", "sdg"):
            if not any(link.scheme == scheme for link in commitment.crosswalk):
                yield Problem(
                    "framework.W001",
                    {"id": commitment.id, "scheme": scheme.upper()},
                    _at(locations, "commitment", commitment.id),
                    severity="warning",
                )


@framework_check("paragraph-in-theme")
def paragraph_in_theme(framework: Framework, locations: Locations) -> Iterator[Problem]:
    themes = {t.id: t for t in framework.themes}
    for commitment in framework.commitments:
        theme = themes.get(commitment.theme_id)
        if theme is not None and not theme.holds(commitment.paragraph):
            yield Problem(
                "framework.E012",
                {
                    "paragraph": commitment.paragraph,
                    "theme": theme.id,
                    "first": theme.first_paragraph,
                    "last": theme.last_paragraph,
                },
                _at(locations, "commitment", commitment.id),
            )


def _scores(levels: tuple[ScaleLevel, ...]) -> list[int]:
    return sorted(level.score for level in levels)


@framework_check("complete-scales")
def complete_scales(framework: Framework, locations: Locations) -> Iterator[Problem]:
    tops = set()
    for dimension in framework.dimensions:
        scores = _scores(dimension.levels)
        if len(scores) < 2 or scores != list(range(len(scores))):
            yield Problem(
                "framework.E009",
                {"field": f"{dimension.id}.levels", "found": scores},
                _at(locations, "dimension", dimension.id),
            )
        else:
            tops.add(scores[-1])
    if len(tops) > 1:
        yield Problem("framework.E013", {"tops": sorted(tops)})
    urgency = _scores(framework.urgency_levels)
    if len(urgency) < 2 or urgency != list(range(len(urgency))):
        yield Problem(
            "framework.E009",
            {"field": "urgency_levels", "found": urgency},
            _at(locations, "scale", "urgency_levels"),
        )


@framework_check("acyclic-dependencies")
def acyclic_dependencies(framework: Framework, locations: Locations) -> Iterator[Problem]:
    cycle = find_cycle(blocked_by(framework.dependencies))
    if cycle:
        first = f"{cycle[0]}>{cycle[1]}"
        yield Problem(
            "framework.E008", {"cycle": " -> ".join(cycle)}, _at(locations, "dependency", first)
        )


@framework_check("declared-languages")
def declared_languages(framework: Framework, locations: Locations) -> Iterator[Problem]:
    for lang in framework.required_languages:
        if lang not in framework.languages:
            yield Problem("framework.E014", {"lang": lang})
