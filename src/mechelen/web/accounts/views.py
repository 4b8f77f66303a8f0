"""Log in and out, the person's dashboard, and registering a new organisation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.members.invitations import pending_for
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.next_steps import Home, grouped, next_steps
from mechelen.web.tenancy.organisations.registration import (
    RegistrationForm,
    register_organisation,
)


@dataclass(frozen=True)
class Card:
    """An organisation or network the person holds roles in, on their dashboard."""

    name: str
    url: str
    roles_text: str
    role_count: int
    network: bool = False
    status_label: str = ""
    steps: int = 0


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The person's home: what waits for them (the next steps every app registers), their
    invitations, then the organisations and networks they hold roles in."""
    assert request.user.is_authenticated
    access = access_of(request)
    held = Membership.objects.filter(user=request.user).select_related("organisation", "network")
    organisations: dict[int, Organisation] = {}
    roles: dict[tuple[str, int], list[str]] = {}
    networks: dict[int, Any] = {}
    for membership in held:
        if membership.organisation is not None:
            organisations[membership.organisation.pk] = membership.organisation
            key = ("o", membership.organisation.pk)
        elif membership.network is not None:
            networks[membership.network.pk] = membership.network
            key = ("n", membership.network.pk)
        else:  # the database's constraint forbids it
            continue
        roles.setdefault(key, []).append(str(membership.get_role_display()))
    home = Home(request.user, access, tuple(organisations.values()), personal=True)
    steps = next_steps(home)
    per_organisation = Counter(s.organisation.pk for s in steps if s.organisation is not None)
    cards = [
        Card(
            name=o.name,
            url=reverse("tenancy:workspace", kwargs={"slug": o.slug}),
            roles_text=", ".join(roles[("o", o.pk)]),
            role_count=len(roles[("o", o.pk)]),
            status_label="" if o.approved else str(o.get_status_display()),
            steps=per_organisation[o.pk],
        )
        for o in sorted(organisations.values(), key=lambda o: o.name)
    ] + [
        Card(
            name=n.name,
            url=reverse("networks:members", kwargs={"slug": n.slug}),
            roles_text=", ".join(roles[("n", n.pk)]),
            role_count=len(roles[("n", n.pk)]),
            network=True,
        )
        for n in sorted(networks.values(), key=lambda n: n.name)
    ]
    return render(
        request,
        "accounts/dashboard.html",
        {
            "groups": grouped(steps),
            "step_count": len(steps),
            "cards": cards,
            "invitations": pending_for(request.user),
            "platform_admin": access.platform_admin,
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
