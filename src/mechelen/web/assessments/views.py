"""The joint initial assessment pages: rounds, invitations, coverage, answering, results and
spreadsheet exchange. Each view asks :mod:`~mechelen.web.assessments.policy` first."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.core.assessment.questionnaire import question_text
from mechelen.i18n import LANGUAGES
from mechelen.web.assessments import actions, policy, results, spreadsheets
from mechelen.web.assessments.forms import (
    ImportForm,
    InvitationForm,
    QuestionnaireForm,
    RoundForm,
    evidence_name,
    field_name,
)
from mechelen.web.assessments.lookup import own_invitation, own_invitations, round_in
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.framework_data import framework
from mechelen.web.language import page_language
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.members.invitations import links_from
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_list_rounds)
def round_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    access = access_of(request)
    rounds = policy.visible_rounds(access, organisation)
    mine = {i.round_id: (i, results.progress(i)) for i in own_invitations(access, organisation)}
    return render(
        request,
        "assessments/list.html",
        {
            "organisation": organisation,
            "rounds": [(r, mine.get(r.pk)) for r in rounds],
            "can_manage": policy.can_manage(access, organisation),
            "can_see_results": policy.can_see_results(access, organisation),
        },
    )


@organisation_view(policy.can_manage)
def round_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = actions.open_round(request.user, organisation, form.cleaned_data)
        messages.success(request, _("Assessment round opened. Now invite the respondents."))
        return redirect("assessments:round", slug=organisation.slug, pk=item.pk)
    return render(request, "assessments/new.html", {"organisation": organisation, "form": form})


@organisation_view(policy.can_manage)
def round_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    access = access_of(request)
    item = round_in(organisation, pk)
    invitations = [
        (i, results.group_label(i.group_id), results.progress(i))
        for i in item.invitations.select_related("user")
    ]
    return render(
        request,
        "assessments/round.html",
        {
            "organisation": organisation,
            "round": item,
            "coverage": results.round_coverage(item),
            "invitations": invitations,
            "can_change": policy.can_change_round(access, item),
            "can_see_results": policy.can_see_results(access, organisation),
            "form_languages": settings.LANGUAGES,
            "submitted": item.invitations.filter(submitted_at__isnull=False).count(),
        },
    )


@organisation_view(policy.can_manage)
def invite(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = round_in(organisation, pk)
    if not item.is_open:
        messages.error(request, _("This round is closed: nobody more can be invited."))
        return redirect("assessments:round", slug=organisation.slug, pk=pk)
    form = InvitationForm(request.POST or None, assessment_round=item)
    if request.method == "POST" and form.is_valid():
        invitation = actions.invite(request.user, item, form.cleaned_data, links_from(request))
        messages.success(
            request,
            _(
                "{name} is invited. If they do not work here yet, they answer once they "
                "accept the invitation sent to them."
            ).format(name=invitation.name),
        )
        return redirect("assessments:round", slug=organisation.slug, pk=pk)
    return render(
        request,
        "assessments/invite.html",
        {"organisation": organisation, "round": item, "form": form},
    )


@organisation_view(policy.can_manage, post_only=True)
def close(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = round_in(organisation, pk)
    try:
        actions.close_round(request.user, item)
    except actions.RoundClosed:
        messages.error(request, _("This round was already closed."))
    else:
        messages.success(request, _("The round is closed; its results are final."))
    return redirect("assessments:round", slug=organisation.slug, pk=pk)


@organisation_view(policy.can_see_results)
def results_page(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    access = access_of(request)
    item = round_in(organisation, pk)
    respondents, shown = results.cached_results(item, page_language())
    context = {
        "organisation": organisation,
        "round": item,
        "respondents": respondents,
        "can_manage": policy.can_manage(access, organisation),
        **shown,
    }
    return render(request, "assessments/results.html", context)


def spreadsheet_language(request: HttpRequest) -> str:
    lang = request.GET.get("lang", page_language())
    return lang if lang in LANGUAGES else "en"


def workbook_response(
    content: bytes, assessment_round: AssessmentRound, suffix: str
) -> HttpResponse:
    response = HttpResponse(content, content_type=spreadsheets.WORKBOOK_CONTENT_TYPE)
    organisation = assessment_round.organisation
    name = slugify(f"{organisation.slug}-{assessment_round.title}")[:80] or "assessment"
    response["Content-Disposition"] = f'attachment; filename="{name}-{suffix}.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@organisation_view(policy.can_manage)
def form_download(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = round_in(organisation, pk)
    lang = spreadsheet_language(request)
    return workbook_response(spreadsheets.form_workbook(item, lang), item, lang)


@organisation_view(policy.can_manage)
def answers_download(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    """The submitted answers, one sheet per respondent, in the layout the import reads."""
    item = round_in(organisation, pk)
    lang = spreadsheet_language(request)
    content = spreadsheets.answers_workbook(item, lang)
    if content is None:
        messages.info(request, _("No respondent has submitted answers yet."))
        return redirect("assessments:round", slug=organisation.slug, pk=pk)
    response = workbook_response(content, item, f"answers-{lang}")
    response["Cache-Control"] = "private, no-store"
    return response


@organisation_view(policy.can_manage)
def import_forms(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = round_in(organisation, pk)
    if not item.is_open:
        messages.error(request, _("This round is closed: no more answers can be imported."))
        return redirect("assessments:round", slug=organisation.slug, pk=pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[spreadsheets.ShownProblem] = []
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["workbooks"]
        content, problems = spreadsheets.read_uploads(uploads, page_language())
        if content is not None:
            problems = spreadsheets.duplicates(item, content)
        if content is not None and not problems:
            created = actions.import_responses(
                request.user,
                item,
                content.responses,
                content.language if content.language in LANGUAGES else "en",
                [spreadsheets.safe_name(u.name or "") for u in uploads],
            )
            for warning in content.warnings:
                shown = spreadsheets.shown(warning, page_language())
                messages.warning(request, f"{shown.where}: {shown.message}")
            messages.success(
                request,
                ngettext(
                    "Imported the answers of {count} respondent.",
                    "Imported the answers of {count} respondents.",
                    len(created),
                ).format(count=len(created)),
            )
            return redirect("assessments:round", slug=organisation.slug, pk=pk)
    return render(
        request,
        "assessments/import.html",
        {
            "organisation": organisation,
            "round": item,
            "form": form,
            "problems": problems,
            "max_upload_mb": settings.MAX_UPLOAD_MB,
        },
    )


def questionnaire_language(request: HttpRequest, invitation: Invitation) -> str:
    """The invitation's language, unless the person chose a language for the site."""
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME):
        return page_language()
    return invitation.language if invitation.language in LANGUAGES else "en"


@organisation_view(policy.can_answer_in)
def answer(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    access = access_of(request)
    item = round_in(organisation, pk)
    invitation = own_invitation(access, item)
    require(policy.can_read_answers(access, invitation))
    can_change = policy.can_change_answers(access, invitation)
    lang = questionnaire_language(request, invitation)
    with translation.override(lang):
        form = QuestionnaireForm(
            request.POST if request.method == "POST" else None,
            lang=lang,
            answers=actions.answers_of(invitation),
            read_only=not can_change,
        )
        if request.method == "POST":
            require(can_change)
            if form.is_valid():
                submit = "submit" in request.POST
                actions.save_answers(request.user, invitation, form.answers(), submit=submit)
                messages.success(
                    request,
                    _("Your answers are submitted. Thank you!")
                    if submit
                    else _("Your answers are saved. You can come back to them later."),
                )
                return redirect("assessments:answer", slug=organisation.slug, pk=pk)
        answered, total = results.progress(invitation)
        return render(
            request,
            "assessments/answer.html",
            {
                "organisation": organisation,
                "round": item,
                "invitation": invitation,
                "group": results.group_label(invitation.group_id),
                "sections": questionnaire_sections(form),
                "form": form,
                "answered": answered,
                "total": total,
                "percent": round(100 * answered / total) if total else 0,
                "can_change": can_change,
            },
        )


def questionnaire_sections(form: QuestionnaireForm) -> list[dict[str, Any]]:
    """The form's fields grouped by sector, each with its question text, in the form's language."""
    f = framework()
    sections = []
    for sector in f.sectors:
        questions = []
        for question in form.questions:
            if question.sector_id != sector.id:
                continue
            if question.kind == "urgency":
                title = _("Urgency")
                text = _("How urgent is action in this sector?")
            else:
                title = f.dimension(question.dimension_id).label.get(form.lang)
                text = question_text(f, question, form.lang)
            questions.append(
                {
                    "id": question.id,
                    "title": title,
                    "text": text,
                    "score": form[field_name(question)],
                    "evidence": form[evidence_name(question)],
                }
            )
        sections.append(
            {"id": sector.id, "label": sector.label.get(form.lang), "questions": questions}
        )
    return sections
