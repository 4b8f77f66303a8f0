from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from mechelen.core.indicators import IndicatorSpec
from mechelen.core.indicators.spec import DISAGGREGATIONS
from mechelen.web.followup.documents import check_document
from mechelen.web.followup.models import (
    AutomaticSource,
    CityIndicator,
    IndicatorObservation,
    OverrideStatus,
)
from mechelen.web.followup.specs import catalogue
from mechelen.web.framework_data import in_page_language
from mechelen.web.statistics.models import Release
from mechelen.web.tenancy.models import Organisation
from mechelen.web.uploads import FileRefused

YEARS = {"min_value": 1900, "max_value": 2100}


def disaggregation_choices(values: tuple[str, ...] = DISAGGREGATIONS) -> list[tuple[str, str]]:
    return [(d, d.replace("_", " ").capitalize()) for d in values]


class ChooseIndicatorForm(forms.Form):
    indicator_id = forms.ChoiceField(label=_("Indicator of the catalogue"))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        taken = set(
            CityIndicator.objects.filter(organisation=organisation).values_list(
                "indicator_id", flat=True
            )
        )
        field = self.fields["indicator_id"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (spec.id, in_page_language(spec.label))
            for spec in catalogue().indicators
            if spec.id not in taken
        ]


class IndicatorSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = CityIndicator
        fields = [
            "disaggregation",
            "baseline_year",
            "baseline_value",
            "target_value",
            "target_year",
            "automatic_source",
            "figure_numerator",
            "figure_denominator",
            "public",
        ]

    def __init__(self, *args: Any, spec: IndicatorSpec, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spec = spec
        self.fields["disaggregation"] = forms.ChoiceField(
            label=_("Broken down by"),
            required=False,
            choices=[("", "—"), *disaggregation_choices(spec.disaggregations)],
            help_text=_("Leave empty to follow the whole area only."),
        )
        for name in ("baseline_year", "target_year"):
            field = self.fields[name]
            assert isinstance(field, forms.IntegerField)
            field.min_value, field.max_value = YEARS["min_value"], YEARS["max_value"]
        if spec.is_context:
            for name in ("target_value", "target_year"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        baseline, target = data.get("baseline_year"), data.get("target_year")
        if baseline and target and target <= baseline:
            self.add_error("target_year", _("The target year must come after the baseline year."))
        for year, value in (("baseline_year", "baseline_value"), ("target_year", "target_value")):
            if (data.get(year) is None) != (data.get(value) is None) and year in self.fields:
                self.add_error(value, _("Give both the year and the value, or neither."))
        if data.get("automatic_source") == AutomaticSource.SERVICE_FIGURES and not data.get(
            "figure_numerator"
        ):
            self.add_error("figure_numerator", _("Name the service figure to use."))
        return data


class ObservationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = IndicatorObservation
        fields = ["year", "value", "breakdown", "breakdown_label", "source_note", "public"]
        labels = {"breakdown_label": _("name of the part")}
        help_texts = {"breakdown": _("A code such as a district's; empty for the whole area.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year"]
        assert isinstance(field, forms.IntegerField)
        field.min_value, field.max_value = YEARS["min_value"], YEARS["max_value"]
        field.initial = datetime.date.today().year


class FillFromReleaseForm(forms.Form):
    release = forms.ModelChoiceField(
        label=_("Published release"),
        queryset=Release.objects.none(),
        required=False,
        empty_label=_("Every published release, one value a year"),
    )
    year = forms.IntegerField(
        label=_("Year the figures describe"),
        min_value=YEARS["min_value"],
        max_value=YEARS["max_value"],
        required=False,
        help_text=_("For one release; with every release, the year is read from each."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        published = Release.objects.published().filter(organisation=organisation)
        field = self.fields["release"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = published
        latest = published.order_by("-published_at").first()
        if latest is not None:
            found = re.search(r"(19|20)\d\d", f"{latest.name} {latest.title}")
            self.fields["year"].initial = int(found.group(0)) if found else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("release") is not None and data.get("year") is None:
            self.add_error("year", _("Give the year the release describes."))
        return data


class OverrideForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=OverrideStatus.choices)
    reason = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say what the figures do not show, e.g. a register that lags by a year."),
    )

    def clean_reason(self) -> str:
        reason = str(self.cleaned_data["reason"]).strip()
        if not reason:
            raise forms.ValidationError(_("Say why you set the status by hand."))
        return reason


class EvidenceForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    document = forms.FileField(
        label=_("Or a document"),
        required=False,
        help_text=_("PDF, ODT, DOCX or an image (PNG, JPEG, GIF, WebP)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        document: UploadedFile | None = data.get("document")
        if not data.get("url") and document is None:
            raise forms.ValidationError(_("Give a link or a document."))
        if data.get("url") and document is not None:
            raise forms.ValidationError(_("Give a link or a document, not both."))
        if document is not None:
            try:
                data["kind"] = check_document(
                    document.name or "", document.size or 0, document, settings.MAX_UPLOAD_MB
                )
            except FileRefused as refused:
                self.add_error("document", refused.message())
        return data


class BaselineRoundForm(forms.Form):
    round = forms.ChoiceField(label=_("Baseline round"))

    def __init__(self, *args: Any, rounds: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["round"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(r.pk, r.title) for r in rounds]
