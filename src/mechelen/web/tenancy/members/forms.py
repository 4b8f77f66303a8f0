"""The form that offers a person a role."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Role


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
