from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.commitments.models import Commitment
from mechelen.web.framework_data import commitment_choices
from mechelen.web.tenancy.models import Organisation


class CommitmentForm(forms.ModelForm):  # type: ignore[type-arg]
    paragraph = forms.TypedChoiceField(
        label=_("Commitment of the Declaration"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Leave empty for a commitment of your own, and give it a title."),
    )

    class Meta:
        model = Commitment
        fields = [
            "paragraph",
            "own_title",
            "action",
            "owner",
            "target",
            "due_date",
            "status",
            "public",
        ]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}),
            "action": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        paragraph = self.fields["paragraph"]
        assert isinstance(paragraph, forms.TypedChoiceField)
        paragraph.choices = [("", "—"), *commitment_choices()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("paragraph") is None and not (data.get("own_title") or "").strip():
            self.add_error(
                "own_title", _("Give your own commitment a title, or pick one of the Declaration.")
            )
        paragraph = data.get("paragraph")
        taken = self.organisation.commitments.filter(paragraph=paragraph).exclude(
            pk=self.instance.pk
        )
        if paragraph is not None and taken.exists():
            self.add_error("paragraph", _("This commitment is already on your list."))
        return data
