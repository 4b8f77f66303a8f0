"""An organisation's commitments: list, add (from the Declaration or its own), edit, remove."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mechelen.web.commitments import actions, policy
from mechelen.web.commitments.forms import CommitmentForm
from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_view_all)
def commitment_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    access = access_of(request)
    return render(
        request,
        "commitments/list.html",
        {
            "organisation": organisation,
            "commitments": policy.visible_commitments(access, organisation),
            "can_edit": policy.can_edit(access, organisation),
        },
    )


@organisation_view(policy.can_edit)
def commitment_edit(
    request: HttpRequest, organisation: Organisation, pk: int | None = None
) -> HttpResponse:
    item = get_object_or_404(Commitment, pk=pk, organisation=organisation) if pk else None
    form = CommitmentForm(request.POST or None, instance=item, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        if item is None:
            actions.create_commitment(request.user, organisation, form.cleaned_data)
            messages.success(request, _("Commitment added."))
        else:
            actions.update_commitment(request.user, item, form.cleaned_data)
            messages.success(request, _("Commitment saved."))
        return redirect("commitments:list", slug=organisation.slug)
    return render(
        request,
        "commitments/edit.html",
        {"organisation": organisation, "form": form, "item": item},
    )


@organisation_view(policy.can_edit, post_only=True)
def commitment_delete(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = get_object_or_404(Commitment, pk=pk, organisation=organisation)
    actions.delete_commitment(request.user, item)
    messages.success(request, _("Commitment removed."))
    return redirect("commitments:list", slug=organisation.slug)
