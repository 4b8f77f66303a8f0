from __future__ import annotations

from django import template

from mechelen.web.tenancy.organisations.countries import country_name as name_of

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    """``{{ organisation.country|country_name }}``: the country's name in the page language."""
    return name_of(code)
