"""Organisations (cities and regions), networks of them, and who holds which role where."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.roles import Level, MigrationRole, OrganisationStatus, Role


def _valid_migration_roles(value: Any) -> None:
    if not isinstance(value, list) or not set(value) <= set(MigrationRole.values):
        raise ValidationError(_("Choose roles among origin, transit, destination and return."))


#: the fields of an organisation's profile that its administrator edits
PROFILE_FIELDS = (
    "name",
    "country",
    "level",
    "population",
    "population_year",
    "migration_roles",
    "statistical_code",
)


class Organisation(models.Model):
    """A local or regional government that uses the platform."""

    slug = models.SlugField(unique=True, help_text=_("Short name used in web addresses."))
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(
        _("country"), max_length=3, help_text=_("ISO 3166-1 alpha-3 code, e.g. BEL.")
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    migration_roles = models.JSONField(
        _("roles in migration"), default=list, validators=[_valid_migration_roles]
    )
    statistical_code = models.CharField(
        _("statistical code"),
        max_length=20,
        blank=True,
        help_text=_("The official code of the area, e.g. the Belgian NIS code 12025."),
    )
    endorsed_on = models.DateField(_("endorsed the Declaration on"), null=True, blank=True)
    fictional = models.BooleanField(
        default=False, help_text=_("Demo content: shown with a clear 'fictional' mark.")
    )
    #: a self-registered organisation is pending, seen only by its own people, until a
    #: platform administrator or the network it asks to join approves it
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.PENDING,
    )
    #: the network a pending organisation asks to join (its analysts may approve it)
    requested_network = models.ForeignKey(
        "Network",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="join_requests",
        verbose_name=_("network asked to join"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def endorsed(self) -> bool:
        return self.endorsed_on is not None

    @property
    def approved(self) -> bool:
        return self.status == OrganisationStatus.APPROVED


class Network(models.Model):
    """A network of cities and regions (UCLG, Metropolis, a national association...)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(Organisation, related_name="networks", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's role in an organisation, or in a network (network analyst)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    network = models.ForeignKey(
        Network, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, network__isnull=True)
                    & ~models.Q(role=Role.NETWORK_ANALYST)
                )
                | models.Q(
                    organisation__isnull=True, network__isnull=False, role=Role.NETWORK_ANALYST
                ),
                name="membership_in_one_place",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="one_role_once_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["user", "network", "role"], name="one_role_once_per_network"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.role} @ {self.organisation or self.network}"


#: how long an invitation link stays valid
INVITATION_DAYS = 14


def invitation_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Withdrawn")


class Invitation(models.Model):
    """An offer of a role in an organisation; only its acceptance creates a membership.

    ``invited`` is what the inviter typed (a user name or an e-mail address). ``invitee`` is
    the account of that user name when there was one at the time: never shown to the
    inviter, it lets that person (and no one else) see the invitation on their dashboard.
    An invitation by e-mail is answered through the link sent to the address: only the
    SHA-256 of its single-use token is stored.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    invited = models.CharField(_("user name or e-mail"), max_length=254)
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations_received",
    )
    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    #: who accepted it (the invitee, or whoever answered the e-mailed link)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.NETWORK_ANALYST), name="invitation_to_an_org_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invited} {self.role} @ {self.organisation}"

    @classmethod
    def new_token(cls) -> tuple[str, str]:
        """A fresh token and the digest to store."""
        token = "inv_" + secrets.token_urlsafe(32)
        return token, invitation_digest(token)

    @staticmethod
    def expiry(now: datetime.datetime) -> datetime.datetime:
        return now + datetime.timedelta(days=INVITATION_DAYS)

    def open_at(self, now: datetime.datetime) -> bool:
        """Whether it can still be accepted or declined."""
        return self.status == InvitationStatus.PENDING and now < self.expires_at
