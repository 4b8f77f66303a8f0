"""Extra sections of a city's public page, contributed by other apps (published data only).

An app registers ``function(request, organisation) -> (template, context) | None``; the
portal renders each section that returns something. Sections must show published content
only: the portal is public. A network's page takes sections the same way
(``network_section``: ``function(request, network)``), e.g. to compare its members.

The pages open with figures the apps add the same way: the platform's headline figures on the
home page (``home_figures``), a city's key figures and charts (``city_figures``,
``city_charts``: each chart comes with the same figures as a table), and the columns of the
table comparing a network's members (``member_columns``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from mechelen.web.tenancy.models import Network, Organisation

Section = Callable[[HttpRequest, Organisation], tuple[str, dict[str, Any]] | None]
_SECTIONS: list[Section] = []


def city_section(function: Section) -> Section:
    _SECTIONS.append(function)
    return function


def city_sections(
    request: HttpRequest, organisation: Organisation
) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for section in _SECTIONS:
        shown = section(request, organisation)
        if shown is not None:
            found.append(shown)
    return found


NetworkSection = Callable[[HttpRequest, Network], tuple[str, dict[str, Any]] | None]
_NETWORK_SECTIONS: list[NetworkSection] = []


def network_section(function: NetworkSection) -> NetworkSection:
    _NETWORK_SECTIONS.append(function)
    return function


def network_sections(request: HttpRequest, network: Network) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for section in _NETWORK_SECTIONS:
        shown = section(request, network)
        if shown is not None:
            found.append(shown)
    return found


# Key figures, charts and comparisons that other apps add to the public pages. Each function
# reads published content only (what a visitor sees, whoever looks).


@dataclass(frozen=True)
class KeyFigure:
    """A headline figure of a public page: its words, its value and where it leads."""

    label: str
    value: float | int | None
    url: str = ""
    #: a short note under the value: its year, "of 12"...
    note: str = ""
    #: ``count``, ``percent`` (of 100) or ``text`` (``value`` shown as given)
    kind: str = "count"
    text: str = ""
    #: the order of the figure on the page (lower first)
    order: int = 50


@dataclass(frozen=True)
class ChartPanel:
    """A chart of a public page with the same figures as a table: a Vega-Lite ``spec`` (drawn
    on the server by :mod:`mechelen.web.portal.charts`), a ``title``, a sentence saying what
    it shows (the text alternative), and the table's ``headers`` and ``rows`` (a row's first
    cell names it; the others are numbers, or text where ``numeric`` says so)."""

    key: str
    title: str
    description: str
    spec: dict[str, Any]
    headers: list[str]
    rows: list[list[Any]]
    note: str = ""
    order: int = 50
    #: per column after the first: whether it holds numbers (right-aligned, formatted)
    numeric: list[bool] = field(default_factory=list)
    #: per column: a percent (of 100) rather than a count
    percent: list[bool] = field(default_factory=list)


@dataclass(frozen=True)
class MemberColumn:
    """A column of a network's comparison table: a value per member's primary key."""

    header: str
    values: dict[int, Any]
    kind: str = "count"  # count, percent, text
    order: int = 50


HomeFigures = Callable[[HttpRequest, QuerySet[Organisation]], list[KeyFigure]]
CityFigures = Callable[[HttpRequest, Organisation], list[KeyFigure]]
CityCharts = Callable[[HttpRequest, Organisation], list[ChartPanel]]
MemberColumns = Callable[[HttpRequest, Network, list[Organisation]], list[MemberColumn]]

_HOME_FIGURES: list[HomeFigures] = []
_CITY_FIGURES: list[CityFigures] = []
_CITY_CHARTS: list[CityCharts] = []
_MEMBER_COLUMNS: list[MemberColumns] = []


def home_figures(function: HomeFigures) -> HomeFigures:
    """Register headline figures of the platform, given the public organisations."""
    _HOME_FIGURES.append(function)
    return function


def city_figures(function: CityFigures) -> CityFigures:
    """Register key figures of a city's public page."""
    _CITY_FIGURES.append(function)
    return function


def city_charts(function: CityCharts) -> CityCharts:
    """Register charts (each with its table) of a city's public page."""
    _CITY_CHARTS.append(function)
    return function


def member_columns(function: MemberColumns) -> MemberColumns:
    """Register columns of the table comparing a network's members."""
    _MEMBER_COLUMNS.append(function)
    return function


def figures_of_home(request: HttpRequest, public: QuerySet[Organisation]) -> list[KeyFigure]:
    found = [figure for function in _HOME_FIGURES for figure in function(request, public)]
    return sorted(found, key=lambda figure: figure.order)


def figures_of_city(request: HttpRequest, organisation: Organisation) -> list[KeyFigure]:
    found = [figure for function in _CITY_FIGURES for figure in function(request, organisation)]
    return sorted(found, key=lambda figure: figure.order)


def charts_of_city(request: HttpRequest, organisation: Organisation) -> list[ChartPanel]:
    found = [panel for function in _CITY_CHARTS for panel in function(request, organisation)]
    return sorted(found, key=lambda panel: panel.order)


def columns_of_network(
    request: HttpRequest, network: Network, members: list[Organisation]
) -> list[MemberColumn]:
    found = [
        column for function in _MEMBER_COLUMNS for column in function(request, network, members)
    ]
    return sorted(found, key=lambda column: column.order)
