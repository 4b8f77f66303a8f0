"""Downloads grouped by what people do with them, in one place for every download list.

A file's format is read from its name (everything after the first dot: ``by-sex.sdmx.csv`` is
``sdmx.csv``); each format belongs to exactly one group: for spreadsheets (CSV, Excel), for
statisticians (SDMX-CSV), for humanitarian tools (HXL) or everything (the Data Package and the
JSON documents). The release pages and the open-data lists all group their files here; a test
fails when the platform writes a format that no group holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class DownloadGroup:
    id: str
    title: str | Promise
    #: one line: who it is for and what it holds
    explanation: str | Promise


SPREADSHEETS = DownloadGroup(
    "spreadsheets",
    _("For spreadsheets"),
    _("Each table as a CSV file with a flag for each figure, or every table in one Excel file."),
)
SDMX = DownloadGroup(
    "sdmx",
    _("For statisticians (SDMX)"),
    _("SDMX-CSV with the status and confidentiality of each figure, for statistical software."),
)
HXL = DownloadGroup(
    "hxl",
    _("For humanitarian tools (HXL)"),
    _("CSV with a row of HXL hashtags, read by humanitarian data tools such as HDX."),
)
EVERYTHING = DownloadGroup(
    "everything",
    _("Everything (Data Package)"),
    _(
        "A Frictionless Data Package describing every table with its licence, and the "
        "machine-readable JSON documents (the tables, the disclosure report)."
    ),
)
#: in the order the pages show them
GROUPS: tuple[DownloadGroup, ...] = (SPREADSHEETS, SDMX, HXL, EVERYTHING)

#: format (the file name after its first dot) -> (its name as shown, its group)
FORMATS: Mapping[str, tuple[str | Promise, DownloadGroup]] = {
    "csv": ("CSV", SPREADSHEETS),
    "xlsx": (_("Excel (XLSX)"), SPREADSHEETS),
    "sdmx.csv": ("SDMX-CSV", SDMX),
    "hxl.csv": ("HXL CSV", HXL),
    "json": ("JSON", EVERYTHING),
    "zip": (_("Data Package (ZIP)"), EVERYTHING),
}


def format_of(name: str) -> str:
    """The format of a file, from its name: ``by-sex.sdmx.csv`` -> ``sdmx.csv``."""
    return name.split(".", 1)[1].lower() if "." in name else ""


def group_of(name: str) -> DownloadGroup | None:
    """The group of a file; None for a format no group holds (a test keeps this from
    happening for any file the platform writes)."""
    found = FORMATS.get(format_of(name))
    return found[1] if found is not None else None


@dataclass(frozen=True)
class Download:
    name: str
    url: str
    format: str
    #: in bytes, when known
    size: int | None = None
    #: what it holds, in words (a table's title), else its file name
    label: str = ""


@dataclass
class GroupedDownloads:
    group: DownloadGroup
    files: list[Download] = field(default_factory=list)


def download_groups(
    names: Iterable[str],
    url_of: Callable[[str], str],
    sizes: Mapping[str, int] | None = None,
    titles: Mapping[str, str] | None = None,
) -> list[GroupedDownloads]:
    """The files grouped, in the order of :data:`GROUPS` (empty groups left out), each with
    its size when ``sizes`` knows it and its table's title when ``titles`` (table name ->
    title) does; a file of an unknown format is never hidden: it comes last, in a group of
    its own."""
    grouped = {group.id: GroupedDownloads(group) for group in GROUPS}
    other = GroupedDownloads(DownloadGroup("other", _("Other files"), ""))
    for name in names:
        found = FORMATS.get(format_of(name))
        label = str(found[0]) if found is not None else format_of(name).upper()
        target = grouped[found[1].id] if found is not None else other
        title = (titles or {}).get(name.split(".", 1)[0], name)
        target.files.append(Download(name, url_of(name), label, (sizes or {}).get(name), title))
    return [g for g in (*grouped.values(), other) if g.files]
