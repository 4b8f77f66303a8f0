"""Every choice a table spec can make about protection, one descriptor each, id written once.

A descriptor names a method (its stable ``id``, as written in a spec's ``protection`` and in
the disclosure report), gives its English ``label`` and says in one sentence what it does.
Everywhere else refers to the descriptor: the spec checks ``protection.method`` against
:data:`PROTECTION_METHODS`, the engine runs a method by its id, the web labels it by its id
(in the reader's language, from the site's catalogue). docs/disclosure.md explains them.

* the protection methods of a release: :data:`CELL_KEY`, :data:`SUPPRESSION`,
  :data:`DIFFERENTIAL_PRIVACY`; and :data:`UNPROTECTED`, a method some tools offer and a
  spec is refused for;
* the secondary suppression methods of :data:`SUPPRESSION`: :data:`GAUSS`, :data:`MILP`;
* its primary rules: :data:`MIN_FREQUENCY`, :data:`DOMINANCE_NK`, :data:`P_PERCENT`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MethodDescriptor:
    """A method as a spec, a report and a reader know it."""

    #: the stable id, as written in a spec and in the disclosure report
    id: str
    #: what the method is called
    label: str
    #: what it does, in one sentence
    description: str


CELL_KEY = MethodDescriptor(
    "cell-key",
    "Cell key method",
    "A small noise on every count, read from a perturbation table by the cell's value and "
    "cell key, so the same persons get the same noise in every table; then counts below "
    "the threshold are suppressed.",
)
SUPPRESSION = MethodDescriptor(
    "suppression",
    "Suppression",
    "Cells that would disclose a small group or a dominant contributor are suppressed, "
    "together with enough other cells that an attacker cannot work them out from the rest.",
)
DIFFERENTIAL_PRIVACY = MethodDescriptor(
    "differential-privacy",
    "Differential privacy",
    "Discrete Laplace noise on every count, scaled to the release's sensitivity, with the "
    "epsilon charged to the dataset's privacy budget; then counts below the threshold are "
    "suppressed.",
)
#: the methods a release may be protected by, in the order messages list them
PROTECTION_METHODS = (CELL_KEY, SUPPRESSION, DIFFERENTIAL_PRIVACY)
#: a method some tools offer that publishes counts unprotected: refused with its own code
UNPROTECTED = "none"

GAUSS = MethodDescriptor(
    "gauss",
    "Gaussian elimination",
    "Fast secondary suppression: cells are published in order of cost unless that would "
    "let a primary cell be recomputed, then the attacker's intervals are widened where "
    "still too narrow.",
)
MILP = MethodDescriptor(
    "milp",
    "Exact cell suppression",
    "Secondary suppression by mixed integer programming (HiGHS, cut generation): the "
    "fewest secondary cells, proven within the time limit.",
)

MIN_FREQUENCY = MethodDescriptor(
    "min-frequency",
    "Minimum frequency rule",
    "A cell is sensitive when it counts fewer persons than the threshold (but at least one).",
)
DOMINANCE_NK = MethodDescriptor(
    "dominance-nk",
    "(n, k) dominance rule",
    "A cell is sensitive when its n largest contributions exceed k per cent of its value.",
)
P_PERCENT = MethodDescriptor(
    "p-percent",
    "p% rule",
    "A cell is sensitive when the second largest contributor could estimate the largest "
    "contribution within p per cent.",
)
