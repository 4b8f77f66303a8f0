from __future__ import annotations

from typing import Any

from django import template

from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.workspace_links import ShownLink, workspace_links

register = template.Library()


@register.simple_tag(takes_context=True)
def links_for(context: dict[str, Any], organisation: Organisation) -> list[ShownLink]:
    """The workspace menu of ``organisation`` for the person viewing the page."""
    return workspace_links(access_of(context["request"]), organisation)
