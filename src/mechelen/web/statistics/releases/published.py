"""Reading a built release's files: its tables with cells and flags, ready for the pages.

Everything here reads ``tables.json`` that the engine wrote for the release (aggregates that
passed disclosure control); nothing reads the workspace.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.core.tabulation.spec import GEOGRAPHY
from mechelen.web.downloads import GroupedDownloads, download_groups
from mechelen.web.statistics.labels import (
    code_label,
    dimension_label,
    flag_label,
    loss_label,
    method_label,
    parameter_label,
    table_title,
)
from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.folders import media_path
from mechelen.web.statistics.releases.protection import ProtectionInWords, protection_in_words

#: files of a release that are not listed in release.json but may be downloaded
DESCRIPTOR = "release.json"
#: the file of a release with every table's disclosure report (method, parameters, loss)
DISCLOSURE_REPORT = "disclosure-report.json"


@lru_cache(maxsize=64)
def _read_json(path: str, mtime: float) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def release_document(release: Release, name: str) -> Any:
    path = media_path(release.folder) / name
    return _read_json(str(path), path.stat().st_mtime)


def release_tables(release: Release) -> list[dict[str, Any]]:
    if not release.built:
        return []
    return list(release_document(release, "tables.json")["tables"])


def release_table(release: Release, name: str) -> dict[str, Any] | None:
    return next((t for t in release_tables(release) if t["name"] == name), None)


def downloadable_files(release: Release) -> list[str]:
    """Every file the engine wrote for the release (as listed in its release.json)."""
    if not release.built:
        return []
    listed = release_document(release, DESCRIPTOR).get("files", {})
    return sorted([*listed, DESCRIPTOR])


def file_sizes(release: Release) -> dict[str, int]:
    """The size in bytes of each file of the release that can be downloaded."""
    folder = media_path(release.folder)
    return {
        name: path.stat().st_size
        for name in downloadable_files(release)
        if (path := folder / name).is_file()
    }


def grouped_downloads(release: Release, public: bool) -> list[GroupedDownloads]:
    """The release's files grouped for people (:mod:`mechelen.web.downloads`), each linked
    from a public page or a workspace page."""
    view = "public_statistics:file" if public else "statistics:release_file"
    slug = release.organisation.slug
    return download_groups(
        downloadable_files(release),
        lambda name: reverse(view, args=[slug, release.pk, name]),
        sizes=file_sizes(release),
        titles={
            "tables": _("Every table"),
            "datapackage": _("Data Package descriptor"),
            "disclosure-report": _("Disclosure report"),
            "release": _("Release description"),
            **dict(release.table_titles()),
        },
    )


def table_download_url(release: Release, table: str, public: bool) -> str | None:
    """Where the table's CSV is downloaded (None when the release has no such file)."""
    name = f"{table}.csv"
    if name not in downloadable_files(release):
        return None
    view = "public_statistics:file" if public else "statistics:release_file"
    return reverse(view, args=[release.organisation.slug, release.pk, name])


@dataclass
class Row:
    labels: list[str]
    value: float | None
    flag: str


@dataclass
class TableView:
    """A table for a page: the slice shown in the chart, and every cell."""

    name: str
    dimensions: list[str]
    headers: list[str]
    title: str = ""
    chart_x: str = ""
    chart_colour: str = ""
    chart_rows: list[dict[str, Any]] = field(default_factory=list)
    chart_headers: list[str] = field(default_factory=list)
    chart_table: list[Row] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    #: the flags its cells carry (codes): a flag column is worth showing only when they differ
    flags: list[str] = field(default_factory=list)

    @property
    def flags_differ(self) -> bool:
        return len(self.flags) > 1

    @property
    def persons_by(self) -> str:
        """Its dimensions as words for a sentence: "area, sex and age"."""
        return get_text_list([header.lower() for header in self.headers], _("and"))


def table_view(table: dict[str, Any]) -> TableView:
    dims = list(table["dimensions"])
    geography = table.get("labels", {}).get(GEOGRAPHY, {})

    def label(dim: str, code: str) -> str:
        return code_label(dim, code, geography)

    view = TableView(table["name"], dims, [dimension_label(d) for d in dims], table_title(dims))
    view.flags = list(dict.fromkeys(cell["flag"] for cell in table["cells"]))
    for cell in table["cells"]:
        key = cell["key"]
        view.rows.append(
            Row([label(d, key[d]) for d in dims], cell["value"], flag_label(cell["flag"]))
        )
    others = [d for d in dims if d != GEOGRAPHY]
    x = others[-1] if others else GEOGRAPHY
    colour = others[-2] if len(others) >= 2 else ""
    shown = [d for d in (colour, x) if d]
    view.chart_x, view.chart_colour = dimension_label(x), dimension_label(colour) if colour else ""
    view.chart_headers = [dimension_label(d) for d in shown]
    for cell in table["cells"]:
        key = cell["key"]
        if any(key[d] == TOTAL for d in shown) or any(
            key[d] != TOTAL for d in dims if d not in shown
        ):
            continue
        view.chart_rows.append(
            {
                "x": label(x, key[x]),
                "colour": label(colour, key[colour]) if colour else "",
                "value": cell["value"],
            }
        )
        view.chart_table.append(
            Row([label(d, key[d]) for d in shown], cell["value"], flag_label(cell["flag"]))
        )
    return view


def headline_figures(tables: list[dict[str, Any]]) -> dict[str, float | None]:
    """Residents and foreign nationals (non-citizens) of the whole area, as published."""
    residents: float | None = None
    non_citizens: float | None = None
    for table in tables:
        for cell in table["cells"]:
            key = cell["key"]
            if residents is None and all(code == TOTAL for code in key.values()):
                residents = cell["value"]
            if (
                non_citizens is None
                and key.get("citizenship_status") == "non-citizen"
                and all(code == TOTAL for d, code in key.items() if d != "citizenship_status")
            ):
                non_citizens = cell["value"]
    return {"residents": residents, "non_citizens": non_citizens}


#: a year in a release's id or title (``census-2021``)
YEAR = re.compile(r"(19|20)\d\d")


def year_named(release: Release) -> int | None:
    """A year the release's id or title names (``census-2021``), if any."""
    found = YEAR.search(f"{release.name} {release.title}")
    return int(found.group(0)) if found else None


def release_year(release: Release) -> int | None:
    """The year a release describes: a year in its id or title, else the year it was published."""
    named = year_named(release)
    if named is not None:
        return named
    return release.published_at.year if release.published_at else None


def share(headline: dict[str, Any]) -> float | None:
    residents, part = headline.get("residents"), headline.get("non_citizens")
    if not residents or part is None:
        return None
    return 100.0 * float(part) / float(residents)


@dataclass(frozen=True)
class Parameter:
    """A protection parameter for people: its name, its value, what it means."""

    key: str
    label: str
    value: str
    meaning: str


def _parameter_value(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_parameter_value(v)}" for k, v in sorted(value.items()))
    if isinstance(value, list | tuple):
        return ", ".join(_parameter_value(v) for v in value) or "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def parameters_for_people(parameters: dict[str, Any]) -> list[Parameter]:
    """A disclosure report's parameters as a readable table (name, value, meaning)."""
    found = []
    for key, value in sorted(parameters.items()):
        label, meaning = parameter_label(key)
        found.append(Parameter(key, label, _parameter_value(value), meaning))
    return found


@dataclass
class DisclosureRow:
    table: str
    title: str
    method: str
    #: the method's parameters for people: name, value, meaning
    parameter_list: list[Parameter]
    cells: int
    suppressed: int
    perturbed: int
    loss: list[tuple[str, float]]


class DisclosureRows(list[DisclosureRow]):
    """The rows of a disclosure report, with their parameters grouped: one readable table
    for each distinct set of parameters (usually one for the whole release)."""

    @property
    def parameter_sets(self) -> list[tuple[list[str], str, list[Parameter]]]:
        """(titles of the tables, method, parameters) for each distinct set."""
        sets: dict[tuple[str, tuple[Parameter, ...]], list[str]] = {}
        for row in self:
            sets.setdefault((row.method, tuple(row.parameter_list)), []).append(
                row.title or row.table
            )
        return [(tables, method, list(params)) for (method, params), tables in sets.items()]


def disclosure_rows(tables: list[dict[str, Any]]) -> DisclosureRows:
    """Each table's disclosure report, as the engine wrote it, for a page."""
    rows = DisclosureRows()
    for table in tables:
        report = table["report"]
        rows.append(
            DisclosureRow(
                table=table["name"],
                title=table_title(list(table["dimensions"])) if "dimensions" in table else "",
                method=method_label(report["method"]),
                parameter_list=parameters_for_people(dict(report["parameters"])),
                cells=int(report["cells"]),
                suppressed=int(report["suppressed_primary"]) + int(report["suppressed_secondary"]),
                perturbed=int(report["perturbed"]),
                loss=[
                    (loss_label(k), float(v))
                    for k, v in sorted(report["information_loss"].items())
                    if isinstance(v, int | float)
                ],
            )
        )
    return rows


def release_protection(release: Release) -> ProtectionInWords:
    """How the release's tables were protected, in words, with the flags their cells carry."""
    flags = [cell["flag"] for table in release_tables(release) for cell in table["cells"]]
    return protection_in_words([table["report"] for table in release.tables], flags)


def disclosure_report_url(release: Release, public: bool) -> str:
    """Where the release's whole disclosure report is downloaded, on a public page or not."""
    if public:
        return reverse(
            "public_statistics:file",
            args=[release.organisation.slug, release.pk, DISCLOSURE_REPORT],
        )
    return reverse(
        "statistics:release_file", args=[release.organisation.slug, release.pk, DISCLOSURE_REPORT]
    )
