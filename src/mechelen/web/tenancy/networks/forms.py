"""The form a network's analysts add a member with: an organisation anyone may see (an
approved one), as a network's list is public."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.policy import visible_organisations


class NetworkMemberForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("City or region"), queryset=visible_organisations(VISITOR), to_field_name="slug"
    )
