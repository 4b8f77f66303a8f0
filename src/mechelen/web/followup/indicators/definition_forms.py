"""Forms to define indicators of the city's own: one in a form, or several from a YAML file.

An indicator defined in the form may be computed from one of the city's published tables:
the cells of its numerator, denominator and (for a gap) two groups are chosen by dimension
codes, e.g. ``citizenship_status=non-citizen,stateless``; every dimension not named is taken
at its total (:mod:`mechelen.core.indicators.cells`).
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.core.indicators import MEASURE_KINDS, IndicatorSpec
from mechelen.core.indicators.cells import CellSelection, TableCells, parse_selection
from mechelen.core.indicators.spec import CONTEXT, SOURCE_KINDS
from mechelen.core.problems import Problem
from mechelen.web.followup.figures.published_tables import PublishedTable, published_tables
from mechelen.web.followup.indicators.forms import disaggregation_choices
from mechelen.web.followup.indicators.messages import problem_text
from mechelen.web.followup.indicators.specs import catalogue, check_custom, custom_document
from mechelen.web.followup.models import CityIndicator
from mechelen.web.framework_data import framework, in_page_language
from mechelen.web.tenancy.models import Organisation

#: the largest indicators file accepted for an import
MAX_IMPORT_BYTES = 512 * 1024
SELECTION_HELP = _(
    "Codes by dimension, e.g. citizenship_status=non-citizen,stateless sex=F; every dimension "
    "not named is taken at its total. Empty: the table's total."
)
CELL_FIELDS = ("numerator_cells", "denominator_cells", "group_a_cells", "group_b_cells")


def _selection_field(label: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=500, help_text=SELECTION_HELP)


class CustomIndicatorForm(forms.Form):
    indicator_id = forms.SlugField(
        label=_("Id"), max_length=60, help_text=_("Lower-case letters, digits and hyphens.")
    )
    label = forms.CharField(label=_("Name"), max_length=200)
    definition = forms.CharField(label=_("Definition"), widget=forms.Textarea(attrs={"rows": 2}))
    measure = forms.ChoiceField(label=_("Measure"))
    numerator = forms.CharField(label=_("Numerator: what is counted"), max_length=300)
    denominator = forms.CharField(
        label=_("Denominator"),
        max_length=300,
        required=False,
        help_text=_("Required for a share, a ratio, an index or a gap."),
    )
    group_a = forms.CharField(
        label=_("First group (gap)"),
        max_length=200,
        required=False,
        help_text=_("A gap is the first group's rate minus the second's, e.g. citizens."),
    )
    group_b = forms.CharField(label=_("Second group (gap)"), max_length=200, required=False)
    scale = forms.FloatField(
        label=_("Scale"), initial=1, help_text=_("100 for a percentage, 1000 for per 1,000.")
    )
    unit = forms.CharField(label=_("Unit"), max_length=100)
    direction = forms.ChoiceField(label=_("Direction"))
    disaggregations = forms.MultipleChoiceField(
        label=_("Can be broken down by"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=disaggregation_choices,
    )
    sources = forms.MultipleChoiceField(
        label=_("Sources of the figures"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(k, k) for k in SOURCE_KINDS],
        help_text=_("A published table chosen below is a source of its own."),
    )
    table = forms.ChoiceField(
        label=_("Compute from our published table"),
        required=False,
        help_text=_("The values then fill themselves from every published release."),
    )
    numerator_cells = _selection_field(_("Cells of the numerator"))
    denominator_cells = _selection_field(_("Cells of the denominator"))
    group_a_cells = _selection_field(_("Cells of the first group (gap)"))
    group_b_cells = _selection_field(_("Cells of the second group (gap)"))
    by = forms.CharField(
        label=_("Count the groups of the dimension"),
        required=False,
        max_length=60,
        help_text=_("For a number of groups present or a diversity index, e.g. citizenship."),
    )
    commitments = forms.TypedMultipleChoiceField(
        label=_("Commitments served"), coerce=int, required=False
    )
    sectors = forms.MultipleChoiceField(label=_("Sectors served"), required=False)
    references = forms.CharField(
        label=_("Global goals served"),
        required=False,
        help_text=_("Space-separated keys such as gcm:16 sdg:10.7 nua:social-inclusion."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.spec: IndicatorSpec | None = None
        self.tables = {t.name: t for t in published_tables(organisation)}
        model = framework()
        self._set_choices("measure", [(k, k) for k in sorted(MEASURE_KINDS)])
        self._set_choices(
            "direction",
            [
                ("higher-is-better", _("Higher is better")),
                ("lower-is-better", _("Lower is better")),
                (CONTEXT, _("Context: described, not judged")),
            ],
        )
        self._set_choices(
            "commitments",
            [
                (c.paragraph, f"§{c.paragraph} {in_page_language(c.title)}")
                for c in model.commitments
            ],
        )
        self._set_choices("sectors", [(s.id, in_page_language(s.label)) for s in model.sectors])
        self._set_choices(
            "table",
            [("", "—"), *((t.name, t.choice_label) for t in self.tables.values())],
        )

    def _set_choices(self, name: str, choices: list[tuple[Any, Any]]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        indicator_id = data["indicator_id"]
        if (
            indicator_id in catalogue().ids
            or CityIndicator.objects.filter(
                organisation=self.organisation, indicator_id=indicator_id
            ).exists()
        ):
            self.add_error("indicator_id", _("This id is already taken."))
            return data
        grouped = self._references(data.get("references") or "")
        table = self.tables.get(data.get("table") or "")
        cells = self._cells(data, table) if table is not None else None
        if grouped is None or (table is not None and cells is None):
            return data
        if table is not None and cells is not None:
            data["table_sources"] = [
                *(
                    {"kind": kind}
                    for kind in data.get("sources") or []
                    if kind != "published-table"
                ),
                {
                    "kind": "published-table",
                    "dimensions": list(table.dimensions),
                    "table": table.name,
                    "cells": cells.as_document(),
                },
            ]
        elif not data.get("sources"):
            self.add_error("sources", _("Name a source of the figures, or choose a table."))
            return data
        document = custom_document({**data, **grouped})
        spec, problems = check_custom(document)
        for problem in problems:
            self.add_error(None, problem_text(problem))
        data["document"] = document
        self.spec = spec
        return data

    def _references(self, text: str) -> dict[str, list[str]] | None:
        grouped: dict[str, list[str]] = {"gcm": [], "sdg": [], "nua": []}
        for key in filter(None, re.split(r"[\s,]+", text.strip())):
            scheme, _sep, code = key.partition(":")
            if scheme not in grouped or not code:
                self.add_error(
                    "references",
                    _("%(key)s is not of the form gcm:16, sdg:10.7 or nua:…") % {"key": key},
                )
                return None
            grouped[scheme].append(code)
        return grouped

    def _selection(self, data: dict[str, Any], name: str, table: PublishedTable) -> Any:
        found = parse_selection(data.get(name) or "")
        if isinstance(found, Problem):
            self.add_error(name, problem_text(found))
            return None
        for dimension, codes in found.codes:
            if dimension not in table.dimensions:
                self.add_error(
                    name,
                    _("The table %(table)s has no dimension %(dimension)s.")
                    % {"table": table.name, "dimension": dimension},
                )
                return None
            unknown = table.unknown_codes(dimension, codes)
            if unknown:
                self.add_error(
                    name,
                    _("The table %(table)s has no code %(code)s for %(dimension)s.")
                    % {"table": table.name, "code": unknown[0], "dimension": dimension},
                )
                return None
        return found

    def _cells(self, data: dict[str, Any], table: PublishedTable) -> TableCells | None:
        """The cells chosen, or None (with the fields' errors)."""
        kind = MEASURE_KINDS[data["measure"]]
        selections = {name: self._selection(data, name, table) for name in CELL_FIELDS}
        if any(value is None for value in selections.values()):
            return None
        by = (data.get("by") or "").strip()
        if by and by not in table.dimensions:
            self.add_error(
                "by",
                _("The table %(table)s has no dimension %(dimension)s.")
                % {"table": table.name, "dimension": by},
            )
            return None
        needs_denominator = not kind.takes_distribution and kind.inputs != ("count",)
        groups: tuple[CellSelection, ...] = ()
        if kind.compares_groups:
            groups = (selections["group_a_cells"], selections["group_b_cells"])
            for name, group in zip(("group_a_cells", "group_b_cells"), groups, strict=True):
                if not group.codes:
                    self.add_error(name, _("Choose the cells of each group, e.g. sex=F."))
            if not all(group.codes for group in groups):
                return None
        return TableCells(
            table=table.name,
            numerator=selections["numerator_cells"],
            denominator=selections["denominator_cells"] if needs_denominator else None,
            groups=groups,
            by=by if kind.takes_distribution else "",
        )


class ImportIndicatorsForm(forms.Form):
    file = forms.FileField(
        label=_("Indicators file (YAML)"),
        help_text=_("The format of the catalogue's indicators.yaml; at most 512 KB."),
    )

    def clean_file(self) -> tuple[str, str]:
        upload = self.cleaned_data["file"]
        if (upload.size or 0) > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 512 KB."))
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None
        return text, str(upload.name or "indicators.yaml")
