"""The person's next steps of the members' side: invitations to join an organisation."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from mechelen.web.tenancy.members.invitations import pending_for
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency


def invitations_waiting(home: Home) -> Iterator[NextStep]:
    """Each open invitation addressed to the person's account (answered on the dashboard)."""
    if not home.personal or home.user is None or not home.user.is_authenticated:
        return
    url = reverse("accounts:dashboard") + "#invitations"
    for invitation in pending_for(home.user):
        inviter = invitation.invited_by.get_username() if invitation.invited_by else ""
        until = date_format(localtime(invitation.expires_at).date(), "DATE_FORMAT")
        why = (
            _("{inviter} invites you; the invitation is open until {date}.")
            if inviter
            else _("You are invited; the invitation is open until {date}.")
        )
        yield NextStep(
            title=_("Answer the invitation to join {organisation} as {role}").format(
                organisation=invitation.organisation.name,
                role=invitation.get_role_display().lower(),
            ),
            why=why.format(inviter=inviter, date=until),
            url=url,
            urgency=Urgency.DUE,
        )
