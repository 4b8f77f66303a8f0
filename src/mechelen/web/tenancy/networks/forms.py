"""The form a network's analysts add a member with (an approved organisation only)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.models import approved_organisations


class NetworkMemberForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("City or region"), queryset=approved_organisations(), to_field_name="slug"
    )
