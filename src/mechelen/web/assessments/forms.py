from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from mechelen.core.assessment.questionnaire import Question, build_questionnaire
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.framework_data import framework, in_page_language

DONT_KNOW = "dont-know"


def group_choices() -> list[tuple[str, str]]:
    return [(g.id, in_page_language(g.label)) for g in framework().stakeholder_groups]


class RoundForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = AssessmentRound
        fields = ["title", "share_with_networks"]


class InvitationForm(forms.Form):
    """Invite a person for a stakeholder group: by the user name of their account, or by
    e-mail (they create their account from the link)."""

    group_id = forms.ChoiceField(label=_("Stakeholder group"), choices=group_choices)
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("The person, or the organisation they answer for, as the results show it."),
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    language = forms.ChoiceField(
        label=_("Language of the questionnaire"), choices=settings.LANGUAGES
    )
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        required=False,
        help_text=_(
            "Of their account, if they have one. They are sent an invitation to the "
            "respondent role, and answer once they accept it."
        ),
    )

    def __init__(self, *args: Any, assessment_round: AssessmentRound, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.assessment_round = assessment_round

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        username = data.get("username", "")
        if not username and not data.get("email"):
            self.add_error(
                "email", _("Give their e-mail address or the user name of their account.")
            )
        elif (
            username and self.assessment_round.invitations.filter(user__username=username).exists()
        ):  # only people who work here are linked at once: nobody else is told
            self.add_error("username", _("This person is already invited to this round."))
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xlsx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    workbooks = MultipleFileField(
        label=_("Filled forms (.xlsx)"),
        help_text=_("One or more workbooks; every sheet is one respondent."),
    )


def field_name(question: Question) -> str:
    return f"{question.sector_id}__{question.dimension_id}"


def evidence_name(question: Question) -> str:
    return f"{field_name(question)}__evidence"


class QuestionnaireForm(forms.Form):
    """Every question of the framework: a score on its scale or "don't know", and evidence.

    Labels come from the framework in ``lang``; a question left without a choice has no answer.
    """

    def __init__(
        self,
        *args: Any,
        lang: str,
        answers: dict[str, tuple[int | None, str]] | None = None,
        read_only: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang
        self.questions = build_questionnaire(framework())
        answers = answers or {}
        for question in self.questions:
            score, evidence = answers.get(question.id, (None, ""))
            initial = (
                None if question.id not in answers else (DONT_KNOW if score is None else str(score))
            )
            self.fields[field_name(question)] = forms.ChoiceField(
                choices=self.choices(question),
                widget=forms.RadioSelect,
                required=False,
                initial=initial,
                disabled=read_only,
            )
            self.fields[evidence_name(question)] = forms.CharField(
                label=_("Evidence (optional)"),
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=evidence,
                disabled=read_only,
            )

    def choices(self, question: Question) -> list[tuple[str, str | SafeString]]:
        f = framework()
        levels = (
            f.urgency_levels
            if question.kind == "urgency"
            else f.dimension(question.dimension_id).levels
        )
        found: list[tuple[str, str | SafeString]] = [
            (
                str(level.score),
                format_html(
                    "<strong>{} · {}</strong> {}",
                    level.score,
                    level.label.get(self.lang),
                    level.description.get(self.lang),
                ),
            )
            for level in levels
        ]
        return [*found, (DONT_KNOW, str(_("Don't know")))]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for question in self.questions:
            if (data.get(evidence_name(question)) or "").strip() and not data.get(
                field_name(question)
            ):
                self.add_error(
                    evidence_name(question),
                    _('Choose a score, or "don\'t know", for the question you give evidence on.'),
                )
        return data

    def answers(self) -> dict[str, tuple[int | None, str]]:
        """The chosen answers by question id (questions without a choice are left out)."""
        found: dict[str, tuple[int | None, str]] = {}
        for question in self.questions:
            choice = self.cleaned_data.get(field_name(question))
            if not choice:
                continue
            evidence = (self.cleaned_data.get(evidence_name(question)) or "").strip()
            found[question.id] = (None if choice == DONT_KNOW else int(choice), evidence)
        return found
