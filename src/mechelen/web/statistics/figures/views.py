"""Service providers' aggregate figures: each provider its own; stewards and admins all."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mechelen.web.statistics import policy
from mechelen.web.statistics.figures import actions
from mechelen.web.statistics.figures.forms import ServiceFigureForm, sector_choices
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.lookup import organisation_named


@login_required
def figure_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    access = access_of(request)
    require(policy.can_open_figures(access, organisation))
    return render(
        request,
        "statistics/figures.html",
        {
            "organisation": organisation,
            "figures": policy.figures_visible_to(access, organisation),
            "sectors": dict(sector_choices()),
            "can_report": policy.can_report_figures(access, organisation),
            "sees_all": policy.can_see_all_figures(access, organisation),
        },
    )


@login_required
def figure_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    organisation = organisation_named(slug)
    access = access_of(request)
    require(policy.can_report_figures(access, organisation))
    figure = (
        get_object_or_404(policy.figures_visible_to(access, organisation), pk=pk) if pk else None
    )
    if figure is not None:
        require(policy.can_edit_figure(access, figure))
    form = ServiceFigureForm(
        request.POST or None, instance=figure, organisation=organisation, provider=request.user
    )
    if request.method == "POST" and form.is_valid():
        if figure is None:
            actions.create_figure(request.user, organisation, form.cleaned_data)
            messages.success(request, _("Figure added."))
        else:
            actions.update_figure(request.user, figure, form.cleaned_data)
            messages.success(request, _("Figure saved."))
        return redirect("statistics:figures", slug=slug)
    return render(
        request,
        "statistics/figure_edit.html",
        {"organisation": organisation, "form": form, "figure": figure},
    )
