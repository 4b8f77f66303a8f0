from __future__ import annotations

from typing import Any

import pycountry
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.models import (
    PROFILE_FIELDS,
    Network,
    Organisation,
    approved_organisations,
)
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, MigrationRole, Role


def country_choices() -> list[tuple[str, str]]:
    return sorted(((c.alpha_3, c.name) for c in pycountry.countries), key=lambda c: c[1])


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


class RegistrationForm(OrganisationForm):
    """A government registers itself and its first administrator."""

    slug = forms.SlugField(label=_("Short name for web addresses"), max_length=50)
    username = forms.CharField(label=_("Your user name"), max_length=150)
    email = forms.EmailField(label=_("Your e-mail"))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    requested_network = forms.ModelChoiceField(
        label=_("Network to join (optional)"),
        queryset=Network.objects.all(),
        required=False,
        help_text=_(
            "Your organisation is public once a platform administrator, or the analysts of "
            "this network, approve it."
        ),
    )

    class Meta(OrganisationForm.Meta):
        fields = ["slug", *OrganisationForm.Meta.fields]

    def clean_username(self) -> str:
        name: str = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(_("This user name is taken."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password"):
            user = get_user_model()(username=data.get("username", ""), email=data.get("email", ""))
            try:
                validate_password(data["password"], user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class EndorsementForm(forms.Form):
    endorsed_on = forms.DateField(
        label=_("Date of endorsement"), widget=forms.DateInput(attrs={"type": "date"})
    )


class InviteForm(forms.Form):
    """Offer a role to a person: by the user name of their account, or by e-mail."""

    invited = forms.CharField(
        label=_("User name or e-mail"),
        max_length=254,
        help_text=_(
            "They see the invitation on their dashboard and in an e-mail, and hold the role "
            "once they accept it. People without an account create one from the e-mail's link."
        ),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[(r.value, r.label) for r in ORGANISATION_ROLES],
        initial=Role.VIEWER.value,  # the least a role gives: a wider one is chosen on purpose
    )


class JoinNetworkForm(forms.Form):
    network = forms.ModelChoiceField(
        label=_("Network"), queryset=Network.objects.all(), to_field_name="slug", required=False
    )


class NetworkMemberForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("City or region"), queryset=approved_organisations(), to_field_name="slug"
    )
