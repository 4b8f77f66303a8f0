"""The page that computes an indicator's values from its automatic source."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from mechelen.web.followup import policy
from mechelen.web.followup.figures import actions
from mechelen.web.followup.figures.forms import FillFromReleaseForm
from mechelen.web.followup.indicators.messages import problem_text
from mechelen.web.followup.indicators.specs import followed_indicator
from mechelen.web.followup.models import AutomaticSource
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_edit)
def fill(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    """Compute the values from the indicator's automatic source (a form for a release)."""
    item, spec = followed_indicator(organisation, pk)
    needs_release = item.automatic_source == AutomaticSource.PUBLISHED_RELEASE
    form = (
        FillFromReleaseForm(request.POST or None, organisation=organisation)
        if needs_release
        else None
    )
    if request.method == "POST" and (form is None or form.is_valid()):
        data = form.cleaned_data if form is not None else {}
        stored, problems = actions.fill_automatically(
            request.user, item, spec, data.get("release"), data.get("year")
        )
        for problem in problems:
            messages.warning(request, problem_text(problem))
        messages.success(
            request,
            ngettext("%(count)d value computed.", "%(count)d values computed.", len(stored))
            % {"count": len(stored)},
        )
        return redirect("followup:indicator", slug=organisation.slug, pk=item.pk)
    return render(
        request,
        "followup/fill.html",
        {"organisation": organisation, "item": item, "spec": spec, "form": form},
    )
