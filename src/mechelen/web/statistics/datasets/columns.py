"""A dataset's mapping and standard columns as a reader sees them on the validation page:
which source column became which standard dimension, in the page's language, without the
YAML (kept folded on the page for those who want it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from django.utils.translation import gettext as _

from mechelen.core.microdata.bands import band_labels
from mechelen.core.microdata.mapping import DataMapping, read_mapping
from mechelen.core.problems import ProblemsFound
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.statistics.labels import code_label, dimension_label
from mechelen.web.statistics.models import Dataset

GEOGRAPHY_PREFIX = "geo_"
KEPT_PREFIX = "keep_"


@dataclass(frozen=True)
class MappedColumnRow:
    """A source column, the standard dimension it is read as, and how (bands, recoding)."""

    column: str
    reads_as: str
    how: str = ""


def source_name(dataset: Dataset) -> str:
    """The name of the file a dataset was read from, never a path of the server."""
    if dataset.source_file is not None:
        return dataset.source_file.original_name
    source = str((dataset.summary.get("record") or {}).get("source") or "")
    return PurePath(source.replace("\\", "/")).name


def column_label(name: str) -> str:
    """A reader's name for a standard column of the workspace (``geo_municipality``,
    ``age_band``, ``keep_civil_status``...)."""
    if name.startswith(GEOGRAPHY_PREFIX):
        return _("Area (%(level)s)") % {"level": name.removeprefix(GEOGRAPHY_PREFIX)}
    if name.startswith(KEPT_PREFIX):
        return _("%(name)s (values kept unchanged)") % {"name": dimension_label(name)}
    if name == "age":
        return _("Age in years")
    if name == "age_band":
        return _("Age band")
    if name == "duration_of_stay":
        return _("Duration of stay in years")
    return dimension_label(name)


def _dimension_rows(mapping: DataMapping) -> list[MappedColumnRow]:
    rows = []
    for name, dimension in mapping.dimensions.items():
        details = []
        if dimension.bands:
            details.append(
                _("in bands %(bands)s") % {"bands": ", ".join(band_labels(dimension.bands))}
            )
        if dimension.values:
            recoded = ", ".join(
                f"{raw} → {code_label(name, code)}" for raw, code in dimension.values.items()
            )
            details.append(_("values recoded: %(values)s") % {"values": recoded})
        rows.append(MappedColumnRow(dimension.column, dimension_label(name), "; ".join(details)))
    return rows


def mapping_rows(mapping_text: str) -> list[MappedColumnRow]:
    """Every column the mapping reads, in the order of the mapping; none when the stored
    text cannot be read any more (the page still shows it folded)."""
    try:
        mapping, _problems = read_mapping(parse_yaml(mapping_text, "mapping.yaml", "mapping"))
    except ProblemsFound:
        return []
    if mapping is None:
        return []
    rows = []
    for level in mapping.geography:
        rows.append(
            MappedColumnRow(level.column, _("Area code (%(level)s)") % {"level": level.level})
        )
        if level.label_column:
            rows.append(
                MappedColumnRow(
                    level.label_column, _("Area name (%(level)s)") % {"level": level.level}
                )
            )
    rows += _dimension_rows(mapping)
    rows += [
        MappedColumnRow(column, dimension_label(name), _("values kept unchanged"))
        for name, column in mapping.keep.items()
    ]
    rows += [
        MappedColumnRow(column, dimension_label(name), _("summed in the tables"))
        for name, column in mapping.measures.items()
    ]
    if mapping.count_column:
        rows.append(MappedColumnRow(mapping.count_column, _("Number of persons in the row")))
    if mapping.id_column:
        rows.append(
            MappedColumnRow(mapping.id_column, _("Person identifier"), _("never published"))
        )
    return rows
