"""The design system's classes on every form widget, in one place.

The site draws its pages with the U.S. Web Design System (USWDS, npm package ``@uswds/uswds``,
docs/web.md, *Design system*). Its form controls need a class on the element itself
(``usa-input``, ``usa-select``, ``usa-textarea``, ``usa-checkbox__input``, ``usa-radio__input``),
and its checkboxes and radio buttons need the input *before* its label. Rather than each form
setting widget attributes, the form renderer (``FORM_RENDERER``) gives every bound field the
class its widget needs, plus ``usa-input--error`` when the field has errors, and finds the
choice widgets' templates in ``form_templates/`` first (input, then label, in a ``usa-radio``
or ``usa-checkbox`` box). ``templates/form_fields.html`` lays a field out (label, hint, error).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import Input
from django.utils.functional import cached_property

FORM_TEMPLATES = Path(__file__).resolve().parent / "form_templates"

#: widget class -> the design system's class for it (the first match along the class's MRO)
WIDGET_CLASSES: list[tuple[type[forms.Widget], str]] = [
    (forms.CheckboxSelectMultiple, "usa-checkbox__input"),  # a RadioSelect of checkboxes
    (forms.RadioSelect, "usa-radio__input"),
    (forms.CheckboxInput, "usa-checkbox__input"),
    (forms.Select, "usa-select"),  # SelectMultiple too
    (forms.Textarea, "usa-textarea"),
    (forms.FileInput, ""),  # the plain file input: USWDS's needs its script to rebuild it
    (forms.HiddenInput, ""),
    (Input, "usa-input"),
]


def design_class(widget: forms.Widget) -> str:
    """The design system's class for ``widget`` ('' when it needs none)."""
    for kind, css in WIDGET_CLASSES:
        if isinstance(widget, kind):
            return css
    return ""


class DesignBoundField(BoundField):
    """A bound field whose widget carries the design system's class (added to any class
    the form gave it), and its error state."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = design_class(widget)
        if css:
            if self.errors and css in {"usa-input", "usa-select", "usa-textarea"}:
                css += " usa-input--error"
            own = str(attrs.get("class") or widget.attrs.get("class") or "").split()
            attrs["class"] = " ".join([*(c for c in css.split() if c not in own), *own])
        return attrs


class DesignFormRenderer(DjangoTemplates):
    """Django's template renderer, with the design system's field class and the site's
    choice-widget templates found before Django's own."""

    bound_field_class = DesignBoundField

    @cached_property
    def engine(self) -> Any:
        import django.forms

        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [FORM_TEMPLATES, Path(django.forms.__file__).parent / "templates"],
                "NAME": "mechelen-forms",
                "OPTIONS": {},
            }
        )
