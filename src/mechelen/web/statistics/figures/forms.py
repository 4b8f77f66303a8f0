"""A service provider's figure: its sector, period, name and value, once per period."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.framework_data import framework, in_page_language
from mechelen.web.statistics.models import ServiceFigure

_PERIOD = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")


def sector_choices() -> list[tuple[str, str]]:
    return [(s.id, in_page_language(s.label)) for s in framework().sectors]


class ServiceFigureForm(forms.ModelForm):  # type: ignore[type-arg]
    sector = forms.ChoiceField(label=_("Service sector"))

    class Meta:
        model = ServiceFigure
        fields = ["sector", "period", "name", "value"]

    def __init__(self, *args: Any, organisation: Any, provider: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation, self.provider = organisation, provider
        sector = self.fields["sector"]
        assert isinstance(sector, forms.ChoiceField)
        sector.choices = sector_choices()

    def clean_period(self) -> str:
        period = str(self.cleaned_data["period"]).strip()
        if not _PERIOD.match(period):
            raise forms.ValidationError(
                _("Write a year (2024), a quarter (2024-Q2) or a month (2024-05)."),
                code="period",
            )
        return period

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        same = ServiceFigure.objects.filter(
            organisation=self.organisation,
            provider=self.provider,
            sector=data.get("sector"),
            period=data.get("period"),
            name=data.get("name"),
        ).exclude(pk=self.instance.pk)
        if same.exists():
            self.add_error("name", _("You already reported this figure for this period."))
        return data
