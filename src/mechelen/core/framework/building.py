"""Build a :class:`Framework` from parsed documents, reporting every problem with its place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mechelen.core.framework.checks import run_checks
from mechelen.core.framework.model import (
    Commitment,
    Dependency,
    Dimension,
    Framework,
    MeansOfImplementation,
    Reference,
    Role,
    ScaleLevel,
    Sector,
    StakeholderGroup,
    Theme,
)
from mechelen.core.framework.reader import FrameworkReader
from mechelen.core.problems import Location, Problem

if TYPE_CHECKING:
    from mechelen.core.indicators.catalogue import IndicatorCatalogue

#: The files of a framework folder and the top-level keys each must hold.
FRAMEWORK_FILES: dict[str, tuple[str, ...]] = {
    "framework.yaml": (
        "id",
        "version",
        "title",
        "source",
        "languages",
        "required_languages",
        "roles",
        "themes",
    ),
    "commitments.yaml": ("commitments",),
    "implementation.yaml": (
        "means",
        "dimensions",
        "urgency_levels",
        "stakeholder_groups",
        "sectors",
    ),
    "references.yaml": ("gcm_objectives", "sdg_targets", "nua_themes"),
    "interdependence.yaml": ("dependencies",),
}

_REFERENCE_LISTS = {"gcm_objectives": "gcm", "sdg_targets": "sdg", "nua_themes": "nua"}


@dataclass
class BuildResult:
    framework: Framework | None
    problems: list[Problem] = field(default_factory=list)
    #: where each item was defined, by (kind, id), for checks and for users
    locations: dict[tuple[str, str], Location] = field(default_factory=dict)
    #: the folder's indicator catalogue (indicators.yaml), when it has one, read by the engine
    indicators: IndicatorCatalogue | None = None

    @property
    def ok(self) -> bool:
        return self.framework is not None and not any(p.is_error for p in self.problems)


def build_framework(documents: Mapping[str, object]) -> BuildResult:
    """Turn parsed YAML documents (file name -> content, None if absent) into a Framework."""
    result = BuildResult(framework=None)
    roots: dict[str, dict[str, Any]] = {}
    for name, keys in FRAMEWORK_FILES.items():
        content = documents.get(name)
        if content is None:
            result.problems.append(Problem("framework.E001", {"file": name}, Location(file=name)))
        elif not isinstance(content, dict):
            result.problems.append(
                Problem(
                    "framework.E004",
                    {"field": "(file)", "expected": "mapping", "found": type(content).__name__},
                    Location(file=name, line=1),
                )
            )
        else:
            roots[name] = content
            for key in content:
                if key not in keys:
                    reader = FrameworkReader(name, ())
                    reader.report("E010", content, key, field=key, allowed=", ".join(keys))
                    result.problems.extend(reader.problems)
    if len(roots) < len(FRAMEWORK_FILES):
        return result
    builder = _Builder(roots, result)
    result.framework = builder.build()
    if not any(p.is_error for p in result.problems):
        result.problems.extend(run_checks(result.framework, result.locations))
    return result


class _Builder:
    def __init__(self, roots: dict[str, dict[str, Any]], result: BuildResult) -> None:
        self.roots = roots
        self.result = result
        meta = roots["framework.yaml"]
        required = meta.get("required_languages")
        self.required = tuple(str(x) for x in required) if isinstance(required, list) else ()

    def reader(self, file: str) -> FrameworkReader:
        return FrameworkReader(file, self.required)

    def remember(self, reader: FrameworkReader, kind: str, item_id: str, node: object) -> None:
        self.result.locations.setdefault((kind, item_id), reader.where(node))

    def build(self) -> Framework:
        meta_reader = self.reader("framework.yaml")
        meta = self.roots["framework.yaml"]
        languages = meta_reader.field(meta, "languages", list, "") or []
        framework = Framework(
            id=str(meta_reader.field(meta, "id", str, "") or ""),
            version=str(meta.get("version", "")),
            title=meta_reader.text(meta, "title", ""),
            source=meta_reader.text(meta, "source", ""),
            languages=tuple(str(x) for x in languages),
            required_languages=self.required,
            roles=self.roles(meta_reader, meta),
            themes=self.themes(meta_reader, meta),
            commitments=self.commitments(),
            means=self.means(),
            dimensions=self.dimensions(),
            urgency_levels=self.urgency_levels(),
            stakeholder_groups=self.groups(),
            sectors=self.sectors(),
            references=self.references(),
            dependencies=self.dependencies(),
        )
        meta_reader.field(meta, "version", str, "")
        self.result.problems.extend(meta_reader.problems)
        return framework

    def _done(self, reader: FrameworkReader) -> None:
        self.result.problems.extend(reader.problems)

    def roles(self, reader: FrameworkReader, meta: dict[str, Any]) -> tuple[Role, ...]:
        roles = []
        for path, node in reader.items(meta, "roles", ""):
            reader.only_fields(node, ("id", "paragraph", "label", "description"), path)
            role = Role(
                id=str(reader.field(node, "id", str, path) or ""),
                paragraph=reader.field(node, "paragraph", int, path) or 0,
                label=reader.text(node, "label", path),
                description=reader.text(node, "description", path),
            )
            self.remember(reader, "role", role.id, node)
            roles.append(role)
        return tuple(roles)

    def themes(self, reader: FrameworkReader, meta: dict[str, Any]) -> tuple[Theme, ...]:
        themes = []
        for path, node in reader.items(meta, "themes", ""):
            reader.only_fields(node, ("id", "paragraphs", "label"), path)
            span = reader.field(node, "paragraphs", list, path) or []
            if span and (len(span) != 2 or not all(isinstance(x, int) for x in span)):
                reader.report(
                    "E004",
                    node,
                    "paragraphs",
                    field=f"{path}.paragraphs",
                    expected="[first, last]",
                    found=str(span),
                )
                span = []
            theme = Theme(
                id=str(reader.field(node, "id", str, path) or ""),
                label=reader.text(node, "label", path),
                first_paragraph=span[0] if span else 0,
                last_paragraph=span[1] if span else -1,
            )
            self.remember(reader, "theme", theme.id, node)
            themes.append(theme)
        return tuple(themes)

    def commitments(self) -> tuple[Commitment, ...]:
        reader = self.reader("commitments.yaml")
        items = []
        for path, node in reader.items(self.roots["commitments.yaml"], "commitments", ""):
            reader.only_fields(node, ("paragraph", "theme", "title", "summary", "crosswalk"), path)
            commitment = Commitment(
                paragraph=reader.field(node, "paragraph", int, path) or 0,
                theme_id=str(reader.field(node, "theme", str, path) or ""),
                title=reader.text(node, "title", path),
                summary=reader.text(node, "summary", path),
                crosswalk=reader.crosswalk(node, path),
            )
            self.remember(reader, "commitment", commitment.id, node)
            items.append(commitment)
        self._done(reader)
        return tuple(items)

    def means(self) -> tuple[MeansOfImplementation, ...]:
        reader = self.reader("implementation.yaml")
        items = []
        for path, node in reader.items(self.roots["implementation.yaml"], "means", ""):
            reader.only_fields(node, ("paragraph", "title", "summary"), path)
            item = MeansOfImplementation(
                paragraph=reader.field(node, "paragraph", int, path) or 0,
                title=reader.text(node, "title", path),
                summary=reader.text(node, "summary", path),
            )
            self.remember(reader, "means", str(item.paragraph), node)
            items.append(item)
        self._done(reader)
        return tuple(items)

    def _levels(
        self, reader: FrameworkReader, node: dict[str, Any], key: str, path: str
    ) -> tuple[ScaleLevel, ...]:
        levels = []
        for level_path, level in reader.items(node, key, path):
            reader.only_fields(level, ("score", "label", "description"), level_path)
            levels.append(
                ScaleLevel(
                    score=reader.field(level, "score", int, level_path) or 0,
                    label=reader.text(level, "label", level_path),
                    description=reader.text(level, "description", level_path),
                )
            )
        return tuple(levels)

    def dimensions(self) -> tuple[Dimension, ...]:
        reader = self.reader("implementation.yaml")
        items = []
        allowed = ("id", "paragraph", "label", "description", "question", "levels")
        for path, node in reader.items(self.roots["implementation.yaml"], "dimensions", ""):
            reader.only_fields(node, allowed, path)
            dimension = Dimension(
                id=str(reader.field(node, "id", str, path) or ""),
                label=reader.text(node, "label", path),
                description=reader.text(node, "description", path),
                question=reader.text(node, "question", path),
                levels=self._levels(reader, node, "levels", path),
            )
            self.remember(reader, "dimension", dimension.id, node)
            items.append(dimension)
        self._done(reader)
        return tuple(items)

    def urgency_levels(self) -> tuple[ScaleLevel, ...]:
        reader = self.reader("implementation.yaml")
        root = self.roots["implementation.yaml"]
        levels = self._levels(reader, root, "urgency_levels", "")
        self.result.locations[("scale", "urgency_levels")] = reader.where(root, "urgency_levels")
        self._done(reader)
        return levels

    def groups(self) -> tuple[StakeholderGroup, ...]:
        reader = self.reader("implementation.yaml")
        items = []
        root = self.roots["implementation.yaml"]
        for path, node in reader.items(root, "stakeholder_groups", ""):
            reader.only_fields(node, ("id", "kind", "label"), path)
            group = StakeholderGroup(
                id=str(reader.field(node, "id", str, path) or ""),
                kind=str(reader.field(node, "kind", str, path) or ""),
                label=reader.text(node, "label", path),
            )
            self.remember(reader, "stakeholder group", group.id, node)
            items.append(group)
        self._done(reader)
        return tuple(items)

    def sectors(self) -> tuple[Sector, ...]:
        reader = self.reader("implementation.yaml")
        items = []
        for path, node in reader.items(self.roots["implementation.yaml"], "sectors", ""):
            reader.only_fields(node, ("id", "letter", "label", "crosswalk"), path)
            sector = Sector(
                id=str(reader.field(node, "id", str, path) or ""),
                letter=str(node.get("letter", "")),
                label=reader.text(node, "label", path),
                crosswalk=reader.crosswalk(node, path),
            )
            self.remember(reader, "sector", sector.id, node)
            items.append(sector)
        self._done(reader)
        return tuple(items)

    def references(self) -> tuple[Reference, ...]:
        reader = self.reader("references.yaml")
        items = []
        for key, scheme in _REFERENCE_LISTS.items():
            for path, node in reader.items(self.roots["references.yaml"], key, ""):
                reader.only_fields(node, ("id", "kind", "title"), path)
                kind = node.get("kind", "target" if scheme == "sdg" else "objective")
                reference = Reference(
                    scheme=scheme,
                    code=str(reader.field(node, "id", str, path) or ""),
                    title=reader.text(node, "title", path),
                    kind=str(kind) if scheme != "nua" else "theme",
                )
                self.remember(reader, "reference", reference.key, node)
                items.append(reference)
        self._done(reader)
        return tuple(items)

    def dependencies(self) -> tuple[Dependency, ...]:
        reader = self.reader("interdependence.yaml")
        items = []
        root = self.roots["interdependence.yaml"]
        for path, node in reader.items(root, "dependencies", ""):
            reader.only_fields(node, ("blocker", "blocked", "reason"), path)
            dependency = Dependency(
                blocker=str(reader.field(node, "blocker", str, path) or ""),
                blocked=str(reader.field(node, "blocked", str, path) or ""),
                reason=reader.text(node, "reason", path),
            )
            self.remember(reader, "dependency", f"{dependency.blocker}>{dependency.blocked}", node)
            items.append(dependency)
        self._done(reader)
        return tuple(items)
