"""The roles a person can hold in an organisation or a network."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A person's role in one organisation (or, for ``NETWORK_ANALYST``, one network)."""

    ADMINISTRATOR = "administrator", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    DATA_STEWARD = "data_steward", _("Data steward")
    SERVICE_PROVIDER = "service_provider", _("Service provider")
    RESPONDENT = "respondent", _("Respondent")
    VIEWER = "viewer", _("Viewer")
    NETWORK_ANALYST = "network_analyst", _("Network analyst")


ORGANISATION_ROLES = tuple(r for r in Role if r is not Role.NETWORK_ANALYST)
NETWORK_ROLES = (Role.NETWORK_ANALYST,)


class Level(models.TextChoices):
    """The level of government of an organisation."""

    LOCAL = "local", _("Local government")
    METROPOLITAN = "metropolitan", _("Metropolitan government")
    REGIONAL = "regional", _("Regional government")


class MigrationRole(models.TextChoices):
    """A place's roles in migration (Declaration, paragraph 16)."""

    ORIGIN = "origin", _("Origin")
    TRANSIT = "transit", _("Transit")
    DESTINATION = "destination", _("Destination")
    RETURN = "return", _("Return")


class OrganisationStatus(models.TextChoices):
    """Whether the public and the networks see an organisation."""

    PENDING = "pending", _("Pending approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


#: the Django group of the platform's administrators, who approve self-registered organisations
PLATFORM_ADMINISTRATORS = "platform administrators"
