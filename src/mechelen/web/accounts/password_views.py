"""Changing one's password, and setting a new one from a link sent by e-mail (Django's own
views, in the site's layout; each new password recorded in the audit log).

Asking for the link answers the same page whether the address belongs to an account or not:
the page never tells who has an account. The e-mail goes through ``EMAIL_BACKEND``: printed
on the console in the demo, sent by SMTP in production (``MECHELEN_EMAIL_*``, docs/web.md).
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.http import HttpResponse
from django.template import loader
from django.urls import reverse_lazy

from mechelen.web.accounts.actions import set_password
from mechelen.web.language import page_language

logger = logging.getLogger(__name__)


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        set_password(self.request.user, form, "change")
        return super().form_valid(form)  # keeps the person logged in


class PasswordChangeDone(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class LocalisedPasswordResetForm(PasswordResetForm):
    """Django's form, its e-mail in the language of the page that asked for it (the person's
    own: only they know the address), with a ``Content-Language`` header saying which."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        headers = {"Content-Language": page_language()}
        message = EmailMultiAlternatives(subject, body, from_email, [to_email], headers=headers)
        try:
            message.send()
        except Exception:  # as Django's: the page answers the same whether it was sent or not
            logger.exception("Failed to send password reset email to %s", context["user"].pk)


class PasswordReset(auth_views.PasswordResetView):
    form_class = LocalisedPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDone(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        set_password(self.user, form, "reset")
        return super().form_valid(form)


class PasswordResetComplete(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
