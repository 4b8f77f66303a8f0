"""The form of a fill from one published release, or from every one."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.followup import policy
from mechelen.web.followup.indicators.forms import YEARS
from mechelen.web.statistics.models import Release
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
        published = policy.published_releases(organisation)
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
