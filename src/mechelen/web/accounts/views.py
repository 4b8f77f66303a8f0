"""Log in and out, the person's dashboard, and registering a new organisation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.members.invitations import pending_for
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.organisations.registration import (
    RegistrationForm,
    register_organisation,
)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    assert request.user.is_authenticated
    held = Membership.objects.filter(user=request.user).select_related("organisation", "network")
    return render(
        request,
        "accounts/dashboard.html",
        {
            "memberships": held,
            "invitations": pending_for(request.user),
            "platform_admin": access_of(request).platform_admin,
        },
    )


def register(request: HttpRequest) -> HttpResponse:
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation, user = register_organisation(form.cleaned_data)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _(
                "{name} is registered. You are its administrator. It stays out of public "
                "sight until it is approved."
            ).format(name=organisation.name),
        )
        return redirect("tenancy:workspace", slug=organisation.slug)
    return render(request, "accounts/register.html", {"form": form})
