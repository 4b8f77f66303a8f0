"""How published figures were protected, said in words for a reader of the public pages.

The disclosure reports the engine wrote (method, parameters, information loss) become a few
sentences and the meaning of each flag the figures carry; the parameters themselves stay in
the "technical details" of the page and in the downloadable disclosure report.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.core.disclosure import (
    CELL_KEY,
    DIFFERENTIAL_PRIVACY,
    MIN_FREQUENCY,
    OBSERVED,
    PERTURBED,
    SUPPRESSED,
    SUPPRESSION,
    UNPROTECTED,
)
from mechelen.web.statistics.labels import flag_label, method_label

Report = Mapping[str, Any]


@dataclass(frozen=True)
class ProtectionInWords:
    """What a reader needs to read the figures: how they were protected, what flags mean."""

    notes: list[str]
    #: (flag as shown, its meaning) for each flag the figures carry
    flags: list[tuple[str, str]]


def _largest(reports: Iterable[Report], loss: str) -> float | None:
    found = [
        float(value)
        for report in reports
        if isinstance(value := report.get("information_loss", {}).get(loss), int | float)
    ]
    return max(found) if found else None


def _threshold(reports: Iterable[Report]) -> int | None:
    found = set()
    for report in reports:
        parameters = report.get("parameters", {})
        threshold = parameters.get("threshold")
        if threshold is None:  # suppression: the minimum frequency rule
            threshold = parameters.get("rules", {}).get(MIN_FREQUENCY.id, {}).get("threshold")
        if isinstance(threshold, int | float) and threshold > 1:
            found.add(int(threshold))
    return max(found) if found else None


def _hidden_below(threshold: int | None) -> list[str]:
    if threshold is None:
        return []
    return [_("Counts below %(threshold)s are not shown (—).") % {"threshold": threshold}]


def _cell_key(reports: list[Report]) -> list[str]:
    largest = math.ceil(_largest(reports, "max_absolute_perturbation") or 0)
    note = _(
        "To protect privacy, every figure is slightly adjusted, so that nobody can be "
        "recognised in the tables; this is what “perturbed” means. A total may therefore "
        "differ from the sum of its parts by a few units."
    )
    if largest:
        note += " " + ngettext(
            "No figure here is changed by more than %(largest)s person.",
            "No figure here is changed by more than %(largest)s persons.",
            largest,
        ) % {"largest": largest}
    return [note, *_hidden_below(_threshold(reports))]


def _suppression(reports: list[Report]) -> list[str]:
    note = _(
        "To protect privacy, figures that could reveal a small group of persons are hidden "
        "(—), with a few others so that they cannot be worked out from the totals. The "
        "figures shown are as counted."
    )
    return [note, *_hidden_below(_threshold(reports))]


def _differential_privacy(reports: list[Report]) -> list[str]:
    note = _(
        "To protect privacy, random noise of a known size is added to every figure "
        "(differential privacy); this is what “perturbed” means. A total may therefore "
        "differ from the sum of its parts."
    )
    expected = _largest(reports, "expected_absolute_error")
    if expected:
        note += " " + _("On average a figure is off by about %(error)s.") % {
            "error": number_format(round(expected, 1), use_l10n=True)
        }
    return [note, *_hidden_below(_threshold(reports))]


def _none(reports: list[Report]) -> list[str]:
    return [_("These figures are published as counted, without adjustment.")]


IN_WORDS: dict[str, Callable[[list[Report]], list[str]]] = {
    CELL_KEY.id: _cell_key,
    SUPPRESSION.id: _suppression,
    DIFFERENTIAL_PRIVACY.id: _differential_privacy,
    UNPROTECTED: _none,
}


FLAG_ORDER = (OBSERVED, PERTURBED, SUPPRESSED)


def flag_meaning(flag: str) -> str:
    meanings = {
        OBSERVED: _("as counted"),
        PERTURBED: _("slightly adjusted to protect privacy"),
        SUPPRESSED: _("hidden to protect privacy (—)"),
    }
    return meanings.get(flag, "")


def protection_in_words(reports: list[Report], flags: Iterable[str]) -> ProtectionInWords:
    """The protection of the tables of ``reports`` (one table's or a whole release's), and
    the meaning of the ``flags`` their cells carry."""
    notes: list[str] = []
    by_method: dict[str, list[Report]] = {}
    for report in reports:
        by_method.setdefault(str(report.get("method", "")), []).append(report)
    for method, same in by_method.items():
        say = IN_WORDS.get(method)
        if say is None:
            notes.append(_("Protected by: %(method)s.") % {"method": method_label(method)})
        else:
            notes += say(same)
    present = set(flags)
    shown = [flag for flag in FLAG_ORDER if flag in present]
    return ProtectionInWords(notes, [(flag_label(f), flag_meaning(f)) for f in shown])
