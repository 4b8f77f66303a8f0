"""The change of the joint assessment: each closed round after the baseline against it."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mechelen.web.assessments.lookup import round_in
from mechelen.web.followup import policy
from mechelen.web.followup.change import actions
from mechelen.web.followup.change.forms import BaselineRoundForm
from mechelen.web.followup.change.rounds import ClosedRounds, in_words
from mechelen.web.language import page_language
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_see_change)
def change_overview(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    access = access_of(request)
    can_edit = policy.can_choose_baseline(access, organisation)
    rounds = ClosedRounds(organisation)
    if request.method == "POST":
        require(can_edit)
    form = BaselineRoundForm(request.POST or None, rounds=rounds.rounds)
    if request.method == "POST" and form.is_valid():
        chosen = round_in(organisation, int(form.cleaned_data["round"]))
        actions.choose_baseline_round(request.user, organisation, chosen)
        messages.success(request, _("Baseline round chosen."))
        return redirect("followup:change", slug=organisation.slug)
    baseline = rounds.baseline
    if baseline is not None:
        form.initial = {"round": baseline.pk}
    return render(
        request,
        "followup/change_overview.html",
        {
            "organisation": organisation,
            "rounds": rounds.rounds,
            "baseline": baseline,
            "form": form,
            "can_edit": can_edit,
        },
    )


@organisation_view(policy.can_see_change)
def change_round(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    later = round_in(organisation, pk)
    rounds = ClosedRounds(organisation)
    baseline = rounds.baseline
    if baseline is None or later.is_open or later.pk == baseline.pk:
        raise Http404
    change = in_words(rounds.change(later), page_language())
    return render(
        request,
        "followup/change.html",
        {"organisation": organisation, "change": change, "round": later, "baseline": baseline},
    )
