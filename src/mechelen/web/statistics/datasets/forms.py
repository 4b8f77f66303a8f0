"""The forms of a dataset: the uploaded file, then the mapping of its columns.

The file is checked by its content and size (``upload.py``). Its columns are mapped onto the
standard dimensions in fields or YAML: the fields are built from the file's header; the YAML
(the engine's mapping format, see docs/statistics.md) can say more (several geography levels,
recodings, kept columns) and, when given, is used instead. Either way the engine validates the
mapping and the firewall refuses columns that state an immigration or legal status, before
anything is read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

import yaml
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mechelen.core.microdata.firewall import check_columns, status_phrase_in_name
from mechelen.core.microdata.mapping import DataMapping, read_mapping
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.statistics.datasets.upload import check_upload
from mechelen.web.statistics.problems import problem_text
from mechelen.web.uploads import FileRefused

#: standard dimension -> (label, words that suggest a column holds it)
DIMENSIONS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "sex": (_("Sex"), ("sex", "gender", "geslacht", "sexe", "sexo")),
    "age": (_("Age (in years)"), ("age", "leeftijd", "edad")),
    "citizenship": (_("Citizenship"), ("natlty", "nationality", "citizenship", "nationalite")),
    "country_of_birth": (_("Country of birth"), ("birth", "geboorte", "naissance", "nacimiento")),
    "duration_of_stay": (_("Duration of stay (in years)"), ("duration", "stay", "verblijfsduur")),
    "reason_for_migration": (_("Reason for migration"), ("reason", "motive", "motif")),
}
_COUNT_WORDS = ("population", "count", "persons", "aantal", "nombre", "ms_")
_GEO_WORDS = ("munty", "municipality", "gemeente", "commune", "refnis", "nis", "district")
_BANDS = re.compile(r"^\s*\d+(\s*,\s*\d+)*\s*$")
DEFAULT_AGE_BANDS = "0, 15, 25, 35, 45, 55, 65, 75, 85"


def _guess(columns: Sequence[str], words: Sequence[str], avoid: Sequence[str] = ()) -> str:
    """The first column whose name has one of ``words``; never a column the firewall refuses
    ("tolerated_stay" is no duration of stay)."""
    for column in columns:
        if status_phrase_in_name(column):
            continue
        lowered = column.lower()
        if any(w in lowered for w in words) and not any(a in lowered for a in avoid):
            return column
    return ""


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Data file"),
        help_text=_("CSV (may be gzip-compressed, .csv.gz), Excel (.xlsx) or Parquet."),
    )

    def clean_file(self) -> Any:
        uploaded = self.cleaned_data["file"]
        try:
            self.kind = check_upload(
                uploaded.name or "", uploaded.size or 0, uploaded, settings.MAX_UPLOAD_MB
            )
        except FileRefused as refused:
            raise forms.ValidationError(refused.message(), code=refused.code) from None
        return uploaded


class MappingForm(forms.Form):
    dataset = forms.RegexField(
        label=_("Dataset id"),
        regex=r"^[a-z0-9][a-z0-9-]{0,62}$",
        initial="population",
        help_text=_("Lower-case letters, digits and hyphens; ingesting it again replaces it."),
    )
    country = forms.RegexField(
        label=_("Reporting country"),
        regex=r"^[A-Z]{3}$",
        help_text=_("ISO 3166-1 alpha-3 code: who is native-born and who is a citizen."),
    )
    count = forms.ChoiceField(label=_("Count column"), required=False)
    geography_level = forms.RegexField(
        label=_("Geography level"), regex=r"^[a-z][a-z0-9_]{0,40}$", initial="municipality"
    )
    geography_column = forms.ChoiceField(label=_("Area code column"), required=False)
    geography_label = forms.ChoiceField(label=_("Area name column"), required=False)
    age_bands = forms.RegexField(
        label=_("Age bands (lower bounds)"),
        regex=_BANDS,
        required=False,
        initial=DEFAULT_AGE_BANDS,
    )
    min_share = forms.IntegerField(
        label=_("Keep the current dataset if fewer rows are kept than (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_(
            "A new version keeping fewer rows than this share of the rows of the dataset it "
            "replaces is refused, and the dataset stays as it was. A version keeping no row "
            "always is."
        ),
    )
    mapping_yaml = forms.CharField(
        label=_("Or write the mapping (YAML)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false", "class": "code"}),
        help_text=_(
            "When given, it is used instead of the fields above; see the mapping format in "
            "the documentation."
        ),
    )

    def __init__(self, *args: Any, columns: Sequence[str], country: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.columns = list(columns)
        self.warnings: list[str] = []
        none = [("", "—")]
        choices = none + [(c, c) for c in self.columns]
        for name in ("count", "geography_column", "geography_label"):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices
        self.fields["count"].help_text = _("Leave empty when each row is one person.")
        for name, (label, _words) in DIMENSIONS.items():
            self.fields[name] = forms.ChoiceField(label=label, required=False, choices=choices)
        order = ["dataset", "country", "count", "geography_level", "geography_column"]
        order += ["geography_label", *DIMENSIONS, "age_bands", "mapping_yaml", "min_share"]
        self.order_fields(order)
        self.initial.setdefault("min_share", round(settings.INGEST_MIN_SHARE * 100))
        self.initial.setdefault("country", country)
        self.initial.setdefault("count", _guess(self.columns, _COUNT_WORDS))
        self.initial.setdefault("geography_column", _guess(self.columns, _GEO_WORDS, ("descr",)))
        self.initial.setdefault("geography_label", _guess(self.columns, ("descr", "name")))
        for name, (_label, words) in DIMENSIONS.items():
            self.initial.setdefault(name, _guess(self.columns, words, ("descr", "tx_")))

    def document(self, data: dict[str, Any]) -> dict[str, Any]:
        """The mapping document the fields describe."""
        document: dict[str, Any] = {"dataset": data["dataset"], "country": data["country"]}
        if data.get("count"):
            document["count"] = data["count"]
        if data.get("geography_column"):
            level: dict[str, str] = {
                "level": data["geography_level"],
                "column": data["geography_column"],
            }
            if data.get("geography_label"):
                level["label"] = data["geography_label"]
            document["geography"] = [level]
        dimensions: dict[str, Any] = {}
        for name in DIMENSIONS:
            if data.get(name):
                dimensions[name] = {"column": data[name]}
        if "age" in dimensions and data.get("age_bands"):
            dimensions["age"]["bands"] = [int(b) for b in data["age_bands"].split(",")]
        if dimensions:
            document["dimensions"] = dimensions
        return document

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = (data.get("mapping_yaml") or "").strip()
        if not text:
            if self.errors:
                return data
            text = yaml.safe_dump(
                self.document(data), sort_keys=False, allow_unicode=True, default_flow_style=None
            )
        try:
            mapping, problems = read_mapping(parse_yaml(text, "mapping.yaml", "mapping"))
        except ProblemsFound as found:
            mapping, problems = None, list(found.problems)
        problems = list(problems)
        if mapping is not None:
            problems += check_columns(mapping.mapped_columns(), self.columns)
            problems += self._missing_columns(mapping)
        for problem in problems:
            if problem.is_error:
                self.add_error(None, problem_text(problem))
            else:
                self.warnings.append(problem_text(problem))
        share = data.get("min_share")
        data["min_share"] = settings.INGEST_MIN_SHARE if share is None else share / 100
        if mapping is not None and not self.errors:
            data["mapping"] = mapping
            data["mapping_text"] = text + ("\n" if not text.endswith("\n") else "")
        return data

    def _missing_columns(self, mapping: DataMapping) -> list[Problem]:
        found = []
        for item in mapping.mapped_columns():
            if item.column not in self.columns:
                close = difflib.get_close_matches(item.column, self.columns, n=3)
                found.append(
                    Problem(
                        "ingest.E004",
                        {
                            "column": item.column,
                            "role": item.role,
                            "close": ", ".join(close) or "-",
                        },
                    )
                )
        return found
