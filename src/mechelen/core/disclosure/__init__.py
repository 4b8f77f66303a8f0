"""Disclosure control of published tables: the front door.

Outside callers import from here; docs/disclosure.md explains the methods to a statistician.
The package is organised by stage:

* :mod:`.methods`       one descriptor per method, rule and secondary method (id, label, what
  it does): the ids a spec and a disclosure report use;
* :mod:`.rules`         primary suppression: which cells are sensitive (``min-frequency``,
  ``dominance-nk``, ``p-percent``) and how wide the attacker's interval around each must be;
* :mod:`.linked`        one system of cells and equations for the tables that share cells;
* :mod:`.secondary`     secondary suppression: ``gauss`` (fast elimination, then interval
  repair) and ``milp`` (exact, by cut generation), and what they share;
* :mod:`.attacker`      the attacker's audit: the tightest interval of every suppressed cell,
  by linear programming;
* :mod:`.suppression`   the whole of cell suppression, :func:`protect_by_suppression`;
* :mod:`.perturbative`  the methods that change counts: the cell key method and
  differential privacy;
* :mod:`.report`        what protection made of a table: published values, flags, the
  disclosure report.

Error codes (``disclosure.E001``..., ``dp.E001``...) have their English templates in
:mod:`mechelen.core.messages`.
"""

from mechelen.core.disclosure.attacker.audit import (
    AuditFinding,
    AuditResult,
    attacker_intervals,
    audit,
)
from mechelen.core.disclosure.linked import CellSystem, link_tables
from mechelen.core.disclosure.methods import (
    CELL_KEY,
    DIFFERENTIAL_PRIVACY,
    DOMINANCE_NK,
    GAUSS,
    MILP,
    MIN_FREQUENCY,
    P_PERCENT,
    PROTECTION_METHODS,
    SUPPRESSION,
    UNPROTECTED,
    MethodDescriptor,
)
from mechelen.core.disclosure.perturbative.cell_key import default_ptable, perturb
from mechelen.core.disclosure.perturbative.differential_privacy import (
    grouping_sets,
    laplace_counts,
)
from mechelen.core.disclosure.report import (
    CONF_FREE,
    CONF_PRIMARY,
    CONF_SECONDARY,
    OBSERVED,
    PERTURBED,
    SUPPRESSED,
    DisclosureReport,
    ProtectedTable,
)
from mechelen.core.disclosure.rules.primary import PrimaryRule, make_rule, primary_suppression
from mechelen.core.disclosure.rules.protection_levels import (
    ProtectionLevels,
    default_frequency_protection,
)
from mechelen.core.disclosure.suppression import SuppressionResult, protect_by_suppression

__all__ = [
    "CELL_KEY",
    "CONF_FREE",
    "CONF_PRIMARY",
    "CONF_SECONDARY",
    "DIFFERENTIAL_PRIVACY",
    "DOMINANCE_NK",
    "GAUSS",
    "MILP",
    "MIN_FREQUENCY",
    "OBSERVED",
    "PERTURBED",
    "PROTECTION_METHODS",
    "P_PERCENT",
    "SUPPRESSED",
    "SUPPRESSION",
    "UNPROTECTED",
    "AuditFinding",
    "AuditResult",
    "CellSystem",
    "DisclosureReport",
    "MethodDescriptor",
    "PrimaryRule",
    "ProtectedTable",
    "ProtectionLevels",
    "SuppressionResult",
    "attacker_intervals",
    "audit",
    "default_frequency_protection",
    "default_ptable",
    "grouping_sets",
    "laplace_counts",
    "link_tables",
    "make_rule",
    "perturb",
    "primary_suppression",
    "protect_by_suppression",
]
