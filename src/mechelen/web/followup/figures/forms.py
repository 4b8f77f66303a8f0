"""The form of a fill from one published release, or from every one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.followup.indicators.forms import YEARS
from mechelen.web.statistics import policy as statistics_policy
from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.published import year_named
from mechelen.web.tenancy.models import Organisation


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
        published = statistics_policy.public_releases(organisation)
        field = self.fields["release"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = published
        latest = published.order_by("-published_at").first()
        if latest is not None:
            self.fields["year"].initial = year_named(latest)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("release") is not None and data.get("year") is None:
            self.add_error("year", _("Give the year the release describes."))
        return data
