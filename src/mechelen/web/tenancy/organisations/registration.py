"""A government registers itself and its first administrator: the form and the action that
the sign-up page (``accounts:register``) uses. The organisation waits, out of public sight,
until a platform administrator or the network it asks to join approves it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import PROFILE_FIELDS, Membership, Network, Organisation
from mechelen.web.tenancy.organisations.forms import OrganisationForm
from mechelen.web.tenancy.roles import OrganisationStatus, Role


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


@transaction.atomic
def register_organisation(data: dict[str, Any]) -> tuple[Organisation, Any]:
    """Create the organisation, pending approval, and its first administrator's account."""
    user = get_user_model().objects.create_user(
        username=data["username"], email=data["email"], password=data["password"]
    )
    organisation = Organisation.objects.create(
        slug=data["slug"],
        status=OrganisationStatus.PENDING,
        requested_network=data.get("requested_network"),
        **{f: data[f] for f in PROFILE_FIELDS if f in data},
    )
    Membership.objects.create(user=user, organisation=organisation, role=Role.ADMINISTRATOR)
    details = {f: data.get(f) for f in PROFILE_FIELDS}
    details["requested_network"] = getattr(organisation.requested_network, "slug", None)
    record(user, "organisation.register", organisation, organisation, details)
    return organisation, user
