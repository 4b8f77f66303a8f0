"""Service providers' aggregate figures: each provider its own; stewards and admins all."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mechelen.web.statistics import policy
from mechelen.web.statistics.figures import actions
from mechelen.web.statistics.figures.forms import ServiceFigureForm, sector_choices
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_open_figures)
def figure_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    access = access_of(request)
    return render(
        request,
        "statistics/figures.html",
        {
            "organisation": organisation,
            "figures": policy.visible_figures(access, organisation),
            "sectors": dict(sector_choices()),
            "can_report": policy.can_report_figures(access, organisation),
            "sees_all": policy.can_see_all_figures(access, organisation),
        },
    )


@organisation_view(policy.can_report_figures)
def figure_edit(
    request: HttpRequest, organisation: Organisation, pk: int | None = None
) -> HttpResponse:
    access = access_of(request)
    figure = get_object_or_404(policy.visible_figures(access, organisation), pk=pk) if pk else None
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
        return redirect("statistics:figures", slug=organisation.slug)
    return render(
        request,
        "statistics/figure_edit.html",
        {"organisation": organisation, "form": form, "figure": figure},
    )
