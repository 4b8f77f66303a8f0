"""What a person should do next, and why: the items of their home, contributed by each app.

Each app registers a *provider* in its ``AppConfig.ready()``: a function of a :class:`Home`
(the person, their roles, the organisations asked about) that yields :class:`NextStep` items,
each with a link to the page where the action happens. A provider decides with its app's
policy who is told what: a person is never told to do what their role does not allow, and
sees nothing of an organisation they do not work in. The dashboard asks for every
organisation the person works in and for the steps of the person themselves (invitations,
the platform's moderation); an organisation's workspace asks for that organisation only.

A provider that fails is logged and left out: the others' items are still shown (a home
that breaks on one app's bug would hide everything else the person has to do).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.access import Access, access_of
from mechelen.web.tenancy.models import Organisation

logger = logging.getLogger(__name__)


class Urgency(enum.IntEnum):
    """How soon a step waits: the most urgent first."""

    LATE = 0
    DUE = 1
    TODO = 2
    INFO = 3

    @property
    def label(self) -> str:
        return str(_URGENCY_LABELS[self])

    @property
    def tag(self) -> str:
        """The name of its look (``next-step--late``...)."""
        return self.name.lower()

    @property
    def colour(self) -> str:
        """The USWDS background of its tag (white text on each passes WCAG AA)."""
        return _URGENCY_COLOURS[self]


_URGENCY_LABELS = {
    Urgency.LATE: _("Late"),
    Urgency.DUE: _("Due soon"),
    Urgency.TODO: _("To do"),
    Urgency.INFO: _("For your information"),
}


_URGENCY_COLOURS = {
    Urgency.LATE: "bg-secondary-dark",
    Urgency.DUE: "bg-accent-warm-darker",
    Urgency.TODO: "bg-primary",
    Urgency.INFO: "bg-base-dark",
}


@dataclass(frozen=True)
class NextStep:
    """One thing to do: what (``title``), why, where (``url``), how soon."""

    title: str
    why: str
    url: str
    urgency: Urgency = Urgency.TODO
    #: how many things the step stands for (rows to fix, organisations to approve...)
    count: int | None = None
    #: the organisation it belongs to; None for the person's own (an invitation, moderation)
    organisation: Organisation | None = None


@dataclass(frozen=True)
class Home:
    """Whose next steps are asked, and for which organisations."""

    user: Any
    access: Access
    #: the organisations whose steps are asked (each one the person works in)
    organisations: tuple[Organisation, ...]
    #: whether the steps of the person themselves are asked too (the dashboard's)
    personal: bool = True

    def where(self, allowed: Callable[[Access, Organisation], bool]) -> list[Organisation]:
        """The organisations asked about where the policy ``allowed`` lets the person act."""
        return [o for o in self.organisations if allowed(self.access, o)]


Provider = Callable[[Home], Iterable[NextStep]]
_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider of next steps (once: registering it again changes nothing)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def unregister(provider: Provider) -> None:
    """Take a provider away again (tests)."""
    if provider in _PROVIDERS:
        _PROVIDERS.remove(provider)


def providers() -> tuple[Provider, ...]:
    return tuple(_PROVIDERS)


def next_steps(home: Home) -> list[NextStep]:
    """Every provider's steps for ``home``, the most urgent first; a failing provider is
    logged and left out, and steps of an organisation not asked about are dropped."""
    asked = {o.pk for o in home.organisations}
    found: list[NextStep] = []
    for provider in _PROVIDERS:
        try:
            steps = list(provider(home))
        except Exception:
            logger.exception("next steps: the provider %s failed", _name_of(provider))
            continue
        found.extend(
            step
            for step in steps
            if (step.organisation.pk in asked if step.organisation else home.personal)
        )
    return sorted(found, key=lambda s: (s.urgency, s.organisation is not None, s.title))


def _name_of(provider: Provider) -> str:
    return f"{getattr(provider, '__module__', '?')}.{getattr(provider, '__qualname__', '?')}"


@dataclass(frozen=True)
class StepGroup:
    """The steps of one organisation (None: the person's own), the most urgent first."""

    organisation: Organisation | None
    steps: tuple[NextStep, ...]


def grouped(steps: Sequence[NextStep]) -> list[StepGroup]:
    """``steps`` by organisation: the person's own first, then the group with the most urgent
    step, then by name."""
    groups: dict[int | None, list[NextStep]] = {}
    owners: dict[int | None, Organisation | None] = {}
    for step in steps:
        key = step.organisation.pk if step.organisation else None
        groups.setdefault(key, []).append(step)
        owners[key] = step.organisation

    def order(key: int | None) -> tuple[bool, int, str]:
        owner = owners[key]
        return (owner is not None, min(s.urgency for s in groups[key]), owner.name if owner else "")

    ordered = sorted(groups, key=order)
    return [
        StepGroup(owners[k], tuple(sorted(groups[k], key=lambda s: s.urgency))) for k in ordered
    ]


def home_of(request: HttpRequest, organisation: Organisation | None = None) -> Home:
    """The home of the requesting person: every organisation they work in and their own
    steps, or the one ``organisation`` (its workspace) only."""
    access = access_of(request)
    if organisation is not None:
        return Home(request.user, access, (organisation,), personal=False)
    mine = tuple(Organisation.objects.filter(pk__in=sorted(access.organisation_roles)))
    return Home(request.user, access, mine, personal=True)
