"""The form that chooses the baseline assessment round."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class BaselineRoundForm(forms.Form):
    round = forms.ChoiceField(label=_("Baseline round"))

    def __init__(self, *args: Any, rounds: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["round"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(r.pk, r.title) for r in rounds]
