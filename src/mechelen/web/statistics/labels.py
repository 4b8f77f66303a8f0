"""Names of the standard dimensions and codes on the pages, in the page's language."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mechelen.core.disclosure import (
    CELL_KEY,
    DIFFERENTIAL_PRIVACY,
    OBSERVED,
    PERTURBED,
    SUPPRESSED,
    SUPPRESSION,
    UNPROTECTED,
)
from mechelen.core.tabulation.spec import GEOGRAPHY
from mechelen.i18n.countries import country_name
from mechelen.web.language import page_language

DIMENSIONS: dict[str, str | Promise] = {
    "geography": _("Area"),
    "sex": _("Sex"),
    "age_band": _("Age"),
    "citizenship": _("Citizenship"),
    "citizenship_status": _("Citizenship status"),
    "citizenship_group": _("Citizenship (region)"),
    "country_of_birth": _("Country of birth"),
    "country_of_birth_group": _("Country of birth (region)"),
    "birth_status": _("Place of birth"),
    "migratory_status": _("Migratory status"),
    "duration_of_stay_band": _("Duration of stay"),
    "reason_for_migration": _("Reason for migration"),
}
CODES: dict[str, str | Promise] = {
    "_T": _("Total"),
    "_U": _("Not stated"),
    "_Z": _("Not applicable"),
    "F": _("Women"),
    "M": _("Men"),
    "citizen": _("Citizens"),
    "non-citizen": _("Foreign nationals"),
    "stateless": _("Stateless"),
    "native-born": _("Native-born"),
    "foreign-born": _("Foreign-born"),
    "unknown": _("Unknown"),
    "XXA": _("Stateless"),
    "XXU": _("Unknown"),
    "XXO": _("Another country"),
    "family": _("Family"),
    "work": _("Work"),
    "education": _("Education"),
    "international-protection": _("International protection"),
    "other": _("Other"),
}
FLAGS: dict[str, str | Promise] = {
    OBSERVED: _("observed"),
    PERTURBED: _("perturbed"),
    SUPPRESSED: _("suppressed"),
}


def dimension_label(name: str) -> str:
    if name in DIMENSIONS:
        return str(DIMENSIONS[name])
    return name.removeprefix("keep_").replace("_", " ").capitalize()


def table_title(dimensions: list[str]) -> str:
    """A table's title for pages: its dimensions beside the area, e.g. "Sex × Age"."""
    shown = [dimension_label(d) for d in dimensions if d != GEOGRAPHY]
    return " × ".join(shown) if shown else dimension_label(GEOGRAPHY)


def code_label(dimension: str, code: str, geography: dict[str, str] | None = None) -> str:
    """A reader's name for ``code`` of ``dimension`` (the code itself when none is known)."""
    if code in CODES:
        return str(CODES[code])
    if dimension == "geography" and geography and code in geography:
        return geography[code]
    if "/" in code:
        return " / ".join(code_label(dimension, part) for part in code.split("/"))
    if len(code) == 3 and code.isupper():
        return country_name(code, page_language())
    return code


def flag_label(flag: str) -> str:
    return str(FLAGS.get(flag, flag))


METHODS: dict[str, str | Promise] = {
    CELL_KEY.id: _("Cell key method"),
    SUPPRESSION.id: _("Suppression"),
    DIFFERENTIAL_PRIVACY.id: _("Differential privacy"),
    UNPROTECTED: _("None"),
}
LOSSES: dict[str, str | Promise] = {
    "share_of_cells_suppressed": _("Share of cells suppressed"),
    "mean_absolute_perturbation": _("Mean absolute change"),
    "max_absolute_perturbation": _("Largest absolute change"),
    "share_of_value_suppressed": _("Share of the total suppressed"),
    "value_suppressed_secondary": _("Value suppressed to protect others"),
    "mean_absolute_error": _("Mean absolute error"),
    "expected_absolute_error": _("Expected absolute error"),
}


#: the parameters of a disclosure report: (name as shown, what it means)
PARAMETERS: dict[str, tuple[str | Promise, str | Promise]] = {
    "threshold": (
        _("Smallest count shown"),
        _("Counts below it are hidden, so that nobody can be singled out."),
    ),
    "ptable": (
        _("Perturbation table"),
        _("The table of small adjustments added to the counts (cell key method)."),
    ),
    "key_range": (
        _("Range of the record keys"),
        _(
            "Each person holds a random key in this range; the same persons get the same "
            "adjustment in every table."
        ),
    ),
    "max_pcv": (
        _("Largest count with its own adjustments"),
        _("Larger counts reuse the adjustments of the last rows of the perturbation table."),
    ),
    "rules": (
        _("Rules for sensitive cells"),
        _("Which cells are too small or too dominated to be shown."),
    ),
    "secondary": (
        _("Secondary suppression"),
        _("How the other cells to hide are chosen, so the hidden ones cannot be worked out."),
    ),
    "linked_tables": (
        _("Tables protected together"),
        _("Tables sharing cells are protected at once, so no table reveals another's."),
    ),
    "relations_between_dimensions": (
        _("Relations between dimensions"),
        _("Dimensions derived from others (groups, bands), protected consistently."),
    ),
    "protected_with": (
        _("Protected with earlier releases"),
        _("Releases published before, taken into account so that no comparison reveals a cell."),
    ),
    "epsilon_release": (
        _("Privacy budget spent (epsilon)"),
        _("Smaller is more private and less precise."),
    ),
    "mechanism": (_("Noise mechanism"), _("The random noise added to every count.")),
    "l1_sensitivity_release": (
        _("Sensitivity"),
        _("How many counts one person can change in the whole release."),
    ),
    "scale": (_("Noise scale"), _("The typical size of the noise added to a count.")),
}


def parameter_label(key: str) -> tuple[str, str]:
    """(name as shown, meaning) of a protection parameter; the raw name for an unknown one."""
    label, meaning = PARAMETERS.get(key, (key.replace("_", " "), ""))
    return str(label), str(meaning)


def method_label(method: str) -> str:
    return str(METHODS.get(method, method))


def loss_label(key: str) -> str:
    return str(LOSSES.get(key, key.replace("_", " ")))
