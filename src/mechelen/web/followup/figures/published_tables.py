"""The tables a city has published, with their dimensions and codes, to define indicators on.

Only published releases of the city count (their ``tables.json``: aggregates that passed
disclosure control); a table published in several releases is described by the latest.
"""

from __future__ import annotations

from dataclasses import dataclass

from mechelen.core.microdata.codes import (
    BIRTH_STATUSES,
    CITIZENSHIP_STATUSES,
    SEX_CODES,
    SEX_UNKNOWN,
)
from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.web.statistics import policy as statistics_policy
from mechelen.web.statistics.releases.published import release_tables
from mechelen.web.tenancy.models import Organisation

#: codes every release may hold for these dimensions, even when nobody has them this year
STANDARD_CODES: dict[str, tuple[str, ...]] = {
    "birth_status": BIRTH_STATUSES,
    "citizenship_status": CITIZENSHIP_STATUSES,
    "sex": (*SEX_CODES, SEX_UNKNOWN),
}


@dataclass(frozen=True)
class PublishedTable:
    name: str
    dimensions: tuple[str, ...]
    #: dimension -> (code, label) of every code in the table, the total left out
    codes: dict[str, list[tuple[str, str]]]
    release: str

    @property
    def choice_label(self) -> str:
        return f"{self.name} ({', '.join(self.dimensions)})"

    def unknown_codes(self, dimension: str, codes: tuple[str, ...]) -> list[str]:
        known = {code for code, _label in self.codes.get(dimension, [])} | {TOTAL}
        known |= set(STANDARD_CODES.get(dimension, ()))
        return [code for code in codes if code not in known]


def published_tables(organisation: Organisation) -> list[PublishedTable]:
    found: dict[str, PublishedTable] = {}
    releases = statistics_policy.public_releases(organisation)
    for release in releases.order_by("-published_at", "-pk"):
        for table in release_tables(release):
            name = str(table["name"])
            if name in found:
                continue
            dimensions = tuple(str(d) for d in table["dimensions"])
            labels = table.get("labels", {})
            codes: dict[str, set[str]] = {d: set() for d in dimensions}
            for cell in table["cells"]:
                for dimension, code in cell["key"].items():
                    if code != TOTAL and dimension in codes:
                        codes[dimension].add(str(code))
            found[name] = PublishedTable(
                name,
                dimensions,
                {
                    d: [(c, str(labels.get(d, {}).get(c, c))) for c in sorted(codes[d])]
                    for d in dimensions
                },
                release.title or release.name,
            )
    return sorted(found.values(), key=lambda t: t.name)
