"""The site's forms check what API callers send, so both refuse the same input the same way."""

from __future__ import annotations

from typing import Any

from django import forms
from ninja.errors import HttpError


def checked(form: forms.BaseForm) -> dict[str, Any]:
    """The form's cleaned data; HTTP 422 with the form's messages (as the page shows them)."""
    if not form.is_valid():
        messages = [
            f"{name}: {error}" if name != "__all__" else str(error)
            for name, errors in form.errors.items()
            for error in errors
        ]
        raise HttpError(422, "; ".join(messages))
    return dict(form.cleaned_data)
