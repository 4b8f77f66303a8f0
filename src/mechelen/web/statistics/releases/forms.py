"""The forms of a release: its table specification, the confirmation of approving it, and the
reason for rejecting it.

The specification gives dimensions, filters, geography and protection in fields, or YAML.
The fields write a spec in the engine's format (docs/statistics.md, section 2): one table per
chosen dimension, each by area, or also every pair of them. The YAML says anything the
format allows and, when given, is used instead. The engine validates it.
"""

from __future__ import annotations

import itertools
from typing import Any

import yaml
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mechelen.core.disclosure import CELL_KEY, DIFFERENTIAL_PRIVACY, PROTECTION_METHODS
from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.spec import GEOGRAPHY, TableSpec, read_spec
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.statistics import labels
from mechelen.web.statistics.datasets.summaries import available_dimensions, geography_levels
from mechelen.web.statistics.labels import dimension_label
from mechelen.web.statistics.models import Dataset, Release
from mechelen.web.statistics.problems import problem_text

#: the protection methods a data steward may choose, labelled as every page labels them
METHODS = [(m.id, labels.METHODS[m.id]) for m in PROTECTION_METHODS]
LAYOUTS = [
    ("one", _("One table per dimension, by area")),
    ("pairs", _("Also every pair of dimensions, by area")),
]
STANDARD = (
    "sex",
    "age_band",
    "citizenship_status",
    "citizenship_group",
    "citizenship",
    "birth_status",
    "country_of_birth_group",
    "country_of_birth",
    "migratory_status",
    "duration_of_stay_band",
    "reason_for_migration",
)


class TableSpecForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    release = forms.RegexField(
        label=_("Release id"),
        regex=r"^[a-z0-9][a-z0-9-]{0,79}$",
        required=False,
        help_text=_("Lower-case letters, digits and hyphens, e.g. population-2015."),
    )
    dataset = forms.ModelChoiceField(
        label=_("Dataset"), queryset=Dataset.objects.none(), required=False
    )
    dimensions = forms.MultipleChoiceField(
        label=_("Dimensions"), required=False, widget=forms.CheckboxSelectMultiple
    )
    layout = forms.ChoiceField(label=_("Tables"), choices=LAYOUTS, initial="one")
    geography_level = forms.ChoiceField(
        label=_("Finest geography level"),
        required=False,
        help_text=_("Coarser levels of the dataset and the total are added."),
    )
    age_min = forms.IntegerField(label=_("Ages from"), required=False, min_value=0, max_value=130)
    age_max = forms.IntegerField(label=_("Ages up to"), required=False, min_value=0, max_value=130)
    method = forms.ChoiceField(
        label=_("Protection method"),
        choices=METHODS,
        initial=CELL_KEY.id,
        help_text=_(
            "Cell key: a small noise on every count, the same for the same persons in every "
            "table. Suppression: small counts hidden, with the cells that would reveal them. "
            "Differential privacy: random noise, charged to the dataset's privacy budget."
        ),
    )
    threshold = forms.IntegerField(
        label=_("Smallest count shown"),
        min_value=1,
        initial=10,
        help_text=_("Counts below it are suppressed (cell key method and suppression)."),
    )
    epsilon = forms.FloatField(
        label=_("Epsilon"),
        min_value=0.01,
        initial=1.0,
        help_text=_("Differential privacy only: smaller is more private and less precise."),
    )
    spec_yaml = forms.CharField(
        label=_("Or write the table specification (YAML)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "code"}),
        help_text=_("When given, it is used instead of the fields above."),
    )

    def __init__(
        self,
        *args: Any,
        datasets: QuerySet[Dataset],
        release: Release | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.datasets = datasets
        self.editing = release
        field = self.fields["dataset"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = datasets
        if len(datasets) == 1:
            self.initial.setdefault("dataset", datasets[0].pk)
        available = {d for dataset in datasets for d in available_dimensions(dataset)}
        dims = self.fields["dimensions"]
        assert isinstance(dims, forms.MultipleChoiceField)
        dims.choices = [(d, dimension_label(d)) for d in STANDARD if d in available] + [
            (d, dimension_label(d)) for d in sorted(available) if d.startswith("keep_")
        ]
        levels = dict.fromkeys(level for dataset in datasets for level in geography_levels(dataset))
        level = self.fields["geography_level"]
        assert isinstance(level, forms.ChoiceField)
        level.choices = [("", "—"), *((name, name) for name in levels)]
        if release is not None:
            self.initial.setdefault("title", release.title)
            self.initial.setdefault("spec_yaml", release.spec_text)

    def document(self, data: dict[str, Any]) -> dict[str, Any]:
        dataset: Dataset = data["dataset"]
        geographic = bool(geography_levels(dataset))
        chosen = list(data.get("dimensions") or [])
        combos: list[tuple[str, ...]] = [(d,) for d in chosen]
        if data.get("layout") == "pairs":
            combos += list(itertools.combinations(chosen, 2))
        base = [GEOGRAPHY] if geographic else []
        tables = [
            {
                "name": "by-" + "-and-".join(d.replace("_", "-") for d in combo),
                "dimensions": [*base, *combo],
            }
            for combo in combos
        ]
        if not tables and geographic:
            tables = [{"name": "by-area", "dimensions": [GEOGRAPHY]}]
        document: dict[str, Any] = {
            "release": data.get("release") or dataset.name,
            "dataset": dataset.name,
            "tables": tables,
        }
        if geographic and data.get("geography_level"):
            document["geography"] = {"level": data["geography_level"]}
        age = {k: data[f"age_{k}"] for k in ("min", "max") if data.get(f"age_{k}") is not None}
        if age:
            document["filters"] = {"age": age}
        protection: dict[str, Any] = {"method": data["method"], "threshold": data["threshold"]}
        if data["method"] == DIFFERENTIAL_PRIVACY.id:
            protection = {"method": data["method"], "epsilon": data["epsilon"]}
        document["protection"] = protection
        return document

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = (data.get("spec_yaml") or "").strip()
        if not text:
            if self.errors:
                return data
            if data.get("dataset") is None and self.datasets.count() == 1:
                data["dataset"] = self.datasets.get()
            if data.get("dataset") is None:
                self.add_error("dataset", _("Choose the dataset, or write the specification."))
                return data
            text = yaml.safe_dump(
                self.document(data), sort_keys=False, allow_unicode=True, default_flow_style=None
            )
        try:
            spec, problems = read_spec(parse_yaml(text, "spec.yaml", "spec"))
        except ProblemsFound as found:
            spec, problems = None, list(found.problems)
        for problem in problems:
            if problem.is_error:
                self.add_error(None, problem_text(problem))
        if spec is None or self.errors:
            return data
        dataset = self.datasets.filter(name=spec.dataset).first()
        if dataset is None:
            self.add_error(
                None, _("There is no ingested dataset %(name)s.") % {"name": spec.dataset}
            )
            return data
        self._check_dimensions(spec, dataset)
        taken = Release.objects.filter(organisation=dataset.organisation, name=spec.release)
        if self.editing is not None:
            taken = taken.exclude(pk=self.editing.pk)
        if taken.exists():
            self.add_error(
                None, _("A release named %(name)s exists already.") % {"name": spec.release}
            )
        data.update(spec=spec, spec_text=text + "\n", dataset=dataset)
        return data

    def _check_dimensions(self, spec: TableSpec, dataset: Dataset) -> None:
        available = available_dimensions(dataset)
        for table in spec.tables:
            for name in table.dimensions:
                if name not in available:
                    self.add_error(
                        None,
                        _("%(dimension)s is not in the dataset %(dataset)s; it has: %(known)s.")
                        % {
                            "dimension": name,
                            "dataset": dataset.name,
                            "known": ", ".join(available),
                        },
                    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The data steward sees it and can change the release."),
    )


class ApproveForm(forms.Form):
    """Approving publishes: the administrator confirms having read the evidence (checked by
    the server; the box is required in the page too)."""

    confirm = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Tick the box to confirm that you have read the evidence; nothing was published."
            )
        },
    )
