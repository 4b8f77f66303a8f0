"""The invitee's side of an invitation: the e-mailed link, an account for a newcomer, and the
answer (accept or decline), always by the person logged in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.models import Invitation


class AccountForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Your user name"), max_length=150)
    password = forms.CharField(label=gettext_lazy("Password"), widget=forms.PasswordInput)

    def __init__(self, *args: Any, email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_username(self) -> str:
        name: str = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=name).exists():
            raise forms.ValidationError(gettext_lazy("This user name is taken."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password"):
            user = get_user_model()(username=data.get("username", ""), email=self.email)
            try:
                validate_password(data["password"], user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


def _by_token(token: str) -> Invitation:
    found = invitations.find_by_token(token)
    if found is None:
        raise Http404
    return found


def _mine_or_open(request: HttpRequest, invitation: Invitation) -> None:
    """Someone else's invitation does not exist for a logged-in person."""
    user = request.user
    if user.is_authenticated and invitation.invitee_id not in (None, user.pk):
        raise Http404


def _answer(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    accepting = request.POST.get("answer") == "accept"
    try:
        if accepting:
            invitations.accept(request.user, invitation)
        else:
            invitations.decline(request.user, invitation)
    except invitations.NotTheInvitee:
        raise Http404 from None
    except invitations.InvitationClosed:
        messages.error(request, _("This invitation is no longer valid."))
        return redirect("accounts:dashboard")
    if accepting:
        messages.success(
            request,
            _("You joined {name} as {role}.").format(
                name=invitation.organisation.name, role=invitation.get_role_display()
            ),
        )
        return redirect("tenancy:workspace", slug=invitation.organisation.slug)
    messages.success(request, _("Invitation declined."))
    return redirect("accounts:dashboard")


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link: the offer, and accept or decline once logged in."""
    found = _by_token(token)
    _mine_or_open(request, found)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        return _answer(request, found)
    return render(
        request,
        "accounts/invitation.html",
        {
            "invitation": found,
            "open": found.open_at(timezone.now()),
            "newcomer_welcome": found.invitee_id is None,
            "token": token,
        },
    )


def _login_url() -> str:
    from django.urls import reverse

    return reverse("accounts:login")


def invitation_account(request: HttpRequest, token: str) -> HttpResponse:
    """A person invited by e-mail who has no account creates one, then answers."""
    found = _by_token(token)
    if request.user.is_authenticated:
        return redirect("accounts:invitation", token=token)
    if found.invitee_id is not None or not found.open_at(timezone.now()):
        raise Http404
    form = AccountForm(request.POST or None, email=found.invited)
    if request.method == "POST" and form.is_valid():
        user = invitations.create_account(
            found, form.cleaned_data["username"], form.cleaned_data["password"]
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is created. Now answer the invitation."))
        return redirect("accounts:invitation", token=token)
    return render(request, "accounts/invitation_account.html", {"invitation": found, "form": form})


@login_required
@require_POST
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or decline, from the dashboard, an invitation addressed to one's account."""
    found = get_object_or_404(
        Invitation.objects.select_related("organisation"), pk=pk, invitee=request.user
    )
    return _answer(request, found)
