"""Which disaggregations the city's published releases hold, and which are still missing.

Only published releases count (their ``tables.json``, aggregates that passed disclosure
control). Geography counts as a disaggregation when a table breaks the area into two or more
parts (districts, neighbourhoods).
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mechelen.core.reporting.follow_up import CoverageRow
from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.core.tabulation.spec import GEOGRAPHY
from mechelen.web.statistics import policy as statistics_policy
from mechelen.web.statistics.releases.published import release_tables
from mechelen.web.tenancy.models import Organisation

#: disaggregation -> (label, the table dimensions that give it)
WANTED = {
    "country_of_birth": (
        _("Country of birth"),
        ("country_of_birth", "country_of_birth_group", "birth_status", "migratory_status"),
    ),
    "citizenship": (
        _("Citizenship"),
        ("citizenship", "citizenship_group", "citizenship_status", "migratory_status"),
    ),
    "sex": (_("Sex"), ("sex",)),
    "age": (_("Age"), ("age", "age_band")),
    "geography": (_("Parts of the area (districts)"), (GEOGRAPHY,)),
    "duration_of_stay": (_("Duration of stay"), ("duration_of_stay", "duration_band")),
    "reason_for_migration": (_("Reason for migration"), ("reason_for_migration",)),
}


def _dimensions_present(table: dict[str, object]) -> set[str]:
    dimensions: set[str] = {str(d) for d in table.get("dimensions", [])}  # type: ignore[attr-defined]
    if GEOGRAPHY in dimensions:
        parts = {
            cell["key"].get(GEOGRAPHY)
            for cell in table.get("cells", [])  # type: ignore[attr-defined]
        } - {TOTAL}
        if len(parts) < 2:
            dimensions.discard(GEOGRAPHY)
    return dimensions


def data_coverage(organisation: Organisation, lang: str = "en") -> tuple[CoverageRow, ...]:
    """Each disaggregation: whether a published release holds it, by which of the table
    dimensions that give it, in which releases (the same for every reader)."""
    found: dict[str, set[str]] = {name: set() for name in WANTED}
    releases: dict[str, list[str]] = {name: [] for name in WANTED}
    for release in statistics_policy.public_releases(organisation).order_by("pk"):
        present: set[str] = set()
        for table in release_tables(release):
            present |= _dimensions_present(table)
        for name, (_label, dimensions) in WANTED.items():
            hits = present & set(dimensions)
            if hits:
                found[name] |= hits
                releases[name].append(release.title or release.name)
    with translation.override(lang):
        return tuple(
            CoverageRow(
                disaggregation=name,
                label=str(label),
                available=bool(found[name]),
                dimensions=tuple(d for d in dimensions if d in found[name]),
                sources=tuple(releases[name]),
                given_by=dimensions,
            )
            for name, (label, dimensions) in WANTED.items()
        )
