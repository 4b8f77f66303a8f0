"""Calling the API as a person with a personal token, as scripts do."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from mechelen.web.accounts.models import ApiToken


def api_call(
    user: Any | None, method: str, path: str, body: dict[str, Any] | None = None, **extra: Any
) -> Any:
    """``method path`` with ``body`` as JSON, as ``user`` (their token) or a visitor."""
    headers = {"Authorization": f"Bearer {ApiToken.issue(user, 'test')[1]}"} if user else {}
    return Client().generic(
        method,
        f"/api/organisations/{path}",
        json.dumps(body) if body is not None else "",
        content_type="application/json",
        headers=headers,
        **extra,
    )


def api_upload(user: Any, path: str, files: dict[str, Any]) -> Any:
    headers = {"Authorization": f"Bearer {ApiToken.issue(user, 'test')[1]}"}
    return Client().post(f"/api/organisations/{path}", files, headers=headers)
