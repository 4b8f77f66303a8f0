"""Organisations (cities and regions), networks of them, and who holds which role where."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.roles import Level, MigrationRole, Role


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
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def endorsed(self) -> bool:
        return self.endorsed_on is not None


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
