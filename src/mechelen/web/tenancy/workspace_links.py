"""Links in an organisation's workspace menu, contributed by each app with its policy.

Each app registers a link with the policy that decides who sees it, so the menu shows a
person only what their roles allow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation

Allowed = Callable[[Access, Organisation], bool]


@dataclass(frozen=True)
class WorkspaceLink:
    label: str | Promise
    url_name: str
    allowed: Allowed
    order: int = 50


@dataclass(frozen=True)
class ShownLink:
    label: str | Promise
    url: str


_LINKS: list[WorkspaceLink] = []


def add_workspace_link(link: WorkspaceLink) -> None:
    if all(known.url_name != link.url_name for known in _LINKS):
        _LINKS.append(link)


def workspace_links(access: Access, organisation: Organisation) -> list[ShownLink]:
    return [
        ShownLink(link.label, reverse(link.url_name, kwargs={"slug": organisation.slug}))
        for link in sorted(_LINKS, key=lambda item: item.order)
        if link.allowed(access, organisation)
    ]
