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


def method_label(method: str) -> str:
    return str(METHODS.get(method, method))


def loss_label(key: str) -> str:
    return str(LOSSES.get(key, key.replace("_", " ")))
