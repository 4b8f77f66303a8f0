"""What protection made of a table: each cell's published value and flag, and the report.

Every method (:mod:`.methods`) turns a table into a :class:`ProtectedTable`: the value
published for each cell (NaN where suppressed), its flag (``observed``, ``perturbed`` or
``suppressed``) and SDMX confidentiality status, and a :class:`DisclosureReport` saying how
the table was protected and what that cost, as written to ``disclosure-report.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.core.tabulation.table import CellTable

OBSERVED, PERTURBED, SUPPRESSED = "observed", "perturbed", "suppressed"
FLAGS = (OBSERVED, PERTURBED, SUPPRESSED)
#: SDMX confidentiality status (CL_CONF_STATUS): F free, C primary, D secondary suppression
CONF_FREE, CONF_PRIMARY, CONF_SECONDARY = "F", "C", "D"


@dataclass(frozen=True)
class DisclosureReport:
    """How a table was protected: method, parameters, what was suppressed or changed, loss."""

    table: str
    method: str
    parameters: Mapping[str, Any]
    cells: int
    suppressed_primary: int = 0
    suppressed_secondary: int = 0
    perturbed: int = 0
    information_loss: Mapping[str, float] = field(default_factory=dict)
    audit: Mapping[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "method": self.method,
            "parameters": dict(self.parameters),
            "cells": self.cells,
            "suppressed_primary": self.suppressed_primary,
            "suppressed_secondary": self.suppressed_secondary,
            "perturbed": self.perturbed,
            "information_loss": {k: round(v, 6) for k, v in self.information_loss.items()},
            "audit": dict(self.audit),
        }


@dataclass(frozen=True, eq=False)
class ProtectedTable:
    """Published values (NaN where suppressed), per-cell flags and SDMX confidentiality."""

    table: CellTable
    published: npt.NDArray[np.float64]
    flags: tuple[str, ...]
    confidentiality: tuple[str, ...]
    report: DisclosureReport
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    measure: str = "persons"

    def label(self, dimension: str, code: str) -> str:
        if code == TOTAL:
            return "Total"
        return self.labels.get(dimension, {}).get(code, code)

    def rows(self) -> list[tuple[tuple[str, ...], float | None, str, str]]:
        """(key, value or None, flag, confidentiality) for every cell, in table order."""
        return [
            (key, None if np.isnan(value) else float(value), flag, conf)
            for key, value, flag, conf in zip(
                self.table.keys, self.published, self.flags, self.confidentiality, strict=True
            )
        ]
