"""Forms of the indicators: choose one of the catalogue, its settings, a value, a status by hand."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.core.indicators import IndicatorSpec
from mechelen.core.indicators.spec import DISAGGREGATIONS
from mechelen.web.followup.indicators.specs import catalogue
from mechelen.web.followup.models import (
    INDICATOR_SETTINGS,
    AutomaticSource,
    CityIndicator,
    IndicatorObservation,
    OverrideStatus,
)
from mechelen.web.framework_data import in_page_language
from mechelen.web.tenancy.models import Organisation

YEARS = {"min_value": 1900, "max_value": 2100}


#: a breakdown's name in the page's language (the reports say the same, engine.reporting.wording)
DISAGGREGATION_LABELS: dict[str, Any] = {
    "geography": _("Parts of the area"),
    "sex": _("Sex"),
    "age": _("Age"),
    "citizenship": _("Citizenship"),
    "country_of_birth": _("Country of birth"),
    "duration_of_stay": _("Duration of stay"),
    "reason_for_migration": _("Reason for migration"),
    "birth_status": _("Born abroad or not"),
    "citizenship_status": _("Citizen or not"),
    "migratory_status": _("Migratory status"),
    "sector": _("Sector"),
    "corridor": _("Remittance corridor"),
}


def disaggregation_choices(values: tuple[str, ...] = DISAGGREGATIONS) -> list[tuple[str, str]]:
    return [
        (d, str(DISAGGREGATION_LABELS.get(d, d.replace("_", " ").capitalize()))) for d in values
    ]


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
        fields = list(INDICATOR_SETTINGS)

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
