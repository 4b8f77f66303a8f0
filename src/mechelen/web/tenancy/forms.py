from __future__ import annotations

from typing import Any

import pycountry
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.models import PROFILE_FIELDS, Organisation
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, MigrationRole


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


class MemberForm(forms.Form):
    """Give a person a role: an existing user by name, or a new account."""

    username = forms.CharField(label=_("User name"), max_length=150)
    role = forms.ChoiceField(
        label=_("Role"), choices=[(r.value, r.label) for r in ORGANISATION_ROLES]
    )
    email = forms.EmailField(label=_("E-mail (new accounts only)"), required=False)
    password = forms.CharField(
        label=_("Initial password (new accounts only)"), widget=forms.PasswordInput, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_initial_password(self, data)
        return data


def check_initial_password(form: forms.Form, data: dict[str, Any]) -> None:
    """A user name nobody has yet becomes a new account: it needs a valid initial password."""
    if get_user_model().objects.filter(username=data.get("username", "")).exists():
        return
    if not data.get("password"):
        form.add_error("password", _("There is no such user yet: give an initial password."))
        return
    try:
        validate_password(data["password"])
    except forms.ValidationError as error:
        form.add_error("password", error)


class NetworkMemberForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("City or region"), queryset=Organisation.objects.all(), to_field_name="slug"
    )
