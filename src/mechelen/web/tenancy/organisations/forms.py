"""The forms of an organisation's own pages: its profile, its endorsement, its request to
join a network."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.models import PROFILE_FIELDS, Network, Organisation
from mechelen.web.tenancy.organisations.countries import country_choices
from mechelen.web.tenancy.roles import MigrationRole


class OrganisationForm(forms.ModelForm):  # type: ignore[type-arg]
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    migration_roles = forms.MultipleChoiceField(
        label=_("Roles in migration"),
        choices=MigrationRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("A place can be of origin, transit, destination and return at once (§16)."),
    )

    class Meta:
        model = Organisation
        fields = list(PROFILE_FIELDS)


class EndorsementForm(forms.Form):
    endorsed_on = forms.DateField(
        label=_("Date of endorsement"), widget=forms.DateInput(attrs={"type": "date"})
    )


class JoinNetworkForm(forms.Form):
    network = forms.ModelChoiceField(
        label=_("Network"), queryset=Network.objects.all(), to_field_name="slug", required=False
    )
