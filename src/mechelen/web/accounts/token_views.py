"""A person's API tokens: create one (shown once), see when each was last used, revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mechelen.web.accounts.actions import issue_token, revoke_token
from mechelen.web.accounts.models import ApiToken


class TokenForm(forms.Form):
    label = forms.CharField(
        label=gettext_lazy("What the token is for"),
        max_length=100,
        help_text=gettext_lazy("e.g. 'monthly export script'"),
    )


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    assert request.user.is_authenticated
    form = TokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        _, secret = issue_token(request.user, form.cleaned_data["label"])
        form = TokenForm()
    return render(
        request,
        "accounts/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
        },
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    assert request.user.is_authenticated
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    revoke_token(request.user, token)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:tokens")
