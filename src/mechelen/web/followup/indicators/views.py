"""An organisation's indicators: list, choose or define, settings, values, status by hand."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.web.followup import policy
from mechelen.web.followup.figures.published_tables import published_tables
from mechelen.web.followup.indicators import actions
from mechelen.web.followup.indicators.charts import indicator_chart
from mechelen.web.followup.indicators.definition_forms import (
    CustomIndicatorForm,
    ImportIndicatorsForm,
)
from mechelen.web.followup.indicators.forms import (
    ChooseIndicatorForm,
    IndicatorSettingsForm,
    ObservationForm,
    OverrideForm,
)
from mechelen.web.followup.indicators.messages import located_text
from mechelen.web.followup.indicators.progress import progress_of
from mechelen.web.followup.indicators.specs import check_import, followed_indicator
from mechelen.web.followup.models import CityIndicator, IndicatorObservation
from mechelen.web.language import page_language
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_view)
def indicator_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    access = access_of(request)
    lang = page_language()
    shown = []
    items = policy.visible_indicators(access, organisation)
    for item in items.select_related("organisation", "override_by"):
        row = progress_of(item, lang, access)
        if row is not None:
            shown.append({"pk": item.pk, "row": row, "chart": indicator_chart(row, mini=True)})
    return render(
        request,
        "followup/indicators.html",
        {
            "organisation": organisation,
            "indicators": shown,
            "can_edit": policy.can_edit(access, organisation),
        },
    )


@organisation_view(policy.can_edit)
def indicator_add(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = ChooseIndicatorForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        item = actions.choose_indicator(
            request.user, organisation, form.cleaned_data["indicator_id"]
        )
        messages.success(request, _("Indicator added: set its baseline and target."))
        return redirect("followup:indicator_edit", slug=organisation.slug, pk=item.pk)
    return render(request, "followup/add.html", {"organisation": organisation, "form": form})


@organisation_view(policy.can_edit)
def indicator_custom(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = CustomIndicatorForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = actions.choose_indicator(
            request.user, organisation, data["indicator_id"], data["document"]
        )
        messages.success(request, _("Indicator defined: set its baseline and target."))
        return redirect("followup:indicator_edit", slug=organisation.slug, pk=item.pk)
    return render(
        request,
        "followup/custom.html",
        {"organisation": organisation, "form": form, "tables": published_tables(organisation)},
    )


@organisation_view(policy.can_edit)
def indicator_import(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Indicators of the city's own from a YAML file in the catalogue's format, all or none."""
    form = ImportIndicatorsForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        text, name = form.cleaned_data["file"]
        taken = set(
            CityIndicator.objects.filter(organisation=organisation).values_list(
                "indicator_id", flat=True
            )
        )
        entries, found = check_import(text, name, taken)
        problems = [located_text(problem) for problem in found]
        if not found:
            created = actions.import_indicators(request.user, organisation, entries, name)
            messages.success(
                request,
                ngettext(
                    "%(count)d indicator imported.", "%(count)d indicators imported.", len(created)
                )
                % {"count": len(created)},
            )
            return redirect("followup:indicators", slug=organisation.slug)
    return render(
        request,
        "followup/import.html",
        {"organisation": organisation, "form": form, "problems": problems, "multipart": True},
    )


@organisation_view(policy.can_view)
def indicator_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    access = access_of(request)
    item, spec = followed_indicator(organisation, pk)
    row = progress_of(item, page_language(), access)
    return render(
        request,
        "followup/indicator.html",
        {
            "organisation": organisation,
            "item": item,
            "spec": spec,
            "row": row,
            "chart": indicator_chart(row) if row else "",
            "observations": item.observations.select_related("release", "recorded_by"),
            "can_edit": policy.can_edit(access, organisation),
        },
    )


@organisation_view(policy.can_edit)
def indicator_edit(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item, spec = followed_indicator(organisation, pk)
    form = IndicatorSettingsForm(request.POST or None, instance=item, spec=spec)
    if request.method == "POST" and form.is_valid():
        actions.update_indicator(request.user, item, form.cleaned_data)
        messages.success(request, _("Indicator saved."))
        return redirect("followup:indicator", slug=organisation.slug, pk=item.pk)
    return render(
        request,
        "followup/edit.html",
        {"organisation": organisation, "item": item, "spec": spec, "form": form},
    )


@organisation_view(policy.can_edit, post_only=True)
def indicator_remove(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = get_object_or_404(CityIndicator, pk=pk, organisation=organisation)
    actions.remove_indicator(request.user, item)
    messages.success(request, _("Indicator removed."))
    return redirect("followup:indicators", slug=organisation.slug)


@organisation_view(policy.can_edit)
def value_add(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item, spec = followed_indicator(organisation, pk)
    form = ObservationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_observation(request.user, item, form.cleaned_data)
        messages.success(request, _("Value recorded."))
        return redirect("followup:indicator", slug=organisation.slug, pk=item.pk)
    return render(
        request,
        "followup/value.html",
        {"organisation": organisation, "item": item, "spec": spec, "form": form},
    )


@organisation_view(policy.can_edit, post_only=True)
def value_remove(
    request: HttpRequest, organisation: Organisation, pk: int, value: int
) -> HttpResponse:
    observation = get_object_or_404(
        IndicatorObservation, pk=value, indicator__pk=pk, indicator__organisation=organisation
    )
    actions.remove_observation(request.user, observation)
    messages.success(request, _("Value removed."))
    return redirect("followup:indicator", slug=organisation.slug, pk=pk)


@organisation_view(policy.can_edit)
def override(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item, spec = followed_indicator(organisation, pk)
    initial = {"status": item.override_status, "reason": item.override_reason}
    form = OverrideForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.set_override(
            request.user, item, form.cleaned_data["status"], form.cleaned_data["reason"]
        )
        messages.success(request, _("Status set by hand."))
        return redirect("followup:indicator", slug=organisation.slug, pk=item.pk)
    return render(
        request,
        "followup/override.html",
        {"organisation": organisation, "item": item, "spec": spec, "form": form},
    )


@organisation_view(policy.can_edit, post_only=True)
def override_clear(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = get_object_or_404(CityIndicator, pk=pk, organisation=organisation)
    actions.clear_override(request.user, item)
    messages.success(request, _("The status set by hand was cleared."))
    return redirect("followup:indicator", slug=organisation.slug, pk=item.pk)
