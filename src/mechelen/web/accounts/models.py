"""Personal API tokens: only their SHA-256 is stored; the token is shown once."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    label = models.CharField(_("label"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} {self.label}"

    @classmethod
    def issue(cls, user: object, label: str) -> tuple[ApiToken, str]:
        """A new token for ``user``: the saved record and the secret to show once."""
        secret = "mch_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, label=label, digest=token_digest(secret)), secret
