"""How to send each POST of the page matrix so that it writes: the data, and who sends it.

``tests/web/test_audit_completeness.py`` sends each one and checks its audit entries; a POST
page of ``tests/web/access_matrix.py`` must be listed here (or in ``NO_DATA_WRITTEN``).
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mechelen.demo.assessment import write_demo_form
from mechelen.web.assessments.models import AssessmentRound, RoundStatus
from mechelen.web.followup.models import AutomaticSource, CityIndicator
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Level, OrganisationStatus, Role
from tests.web.conftest import PASSWORD, World, client_for
from tests.web.followup.factories import PDF
from tests.web.statistics import factories as stats
from tests.web.statistics.factories import tiny_csv
from tests.web.statistics.test_workflow import MAPPING_FIELDS

#: POSTs of the matrix that change no data, and why
NO_DATA_WRITTEN = {
    "accounts:logout": "ends the session only",
    "accounts:password_reset": "sends the e-mail with the link only",
    "accounts:password_reset_confirm": (
        "the link itself only moves its token into the session; the new password is set on "
        "the next page, and audited (tests/web/accounts/test_passwords.py)"
    ),
}

Data = Callable[[World, dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class Write:
    """How to send a page's POST so that it writes: the form data, and who sends it."""

    data: Data = field(default=lambda world, kwargs: {})
    #: a role of city A, or "analyst", "outsider", "platform admin", "visitor"
    by: Role | str = Role.ADMINISTRATOR
    #: the organisation the entries must name, found after the POST (default: city A);
    #: None only for a person with no role in any organisation
    organisation: Callable[[World], Organisation | None] = field(
        default=lambda world: world.a.organisation
    )


def nothing(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {}


def city_c(world: World) -> Organisation:
    found, _ = Organisation.objects.get_or_create(
        slug="city-c",
        defaults={
            "name": "City C",
            "country": "BEL",
            "level": Level.LOCAL,
            "status": OrganisationStatus.APPROVED,
        },
    )
    return found


def newest_organisation(world: World) -> Organisation:
    """The pending organisation the call's kwargs made (approved, rejected or let in)."""
    return Organisation.objects.order_by("-pk").first()  # type: ignore[return-value]


def profile(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"name": "City A renamed", "country": "BEL", "level": "local", "population": "90000"}


def registration(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        **profile(world, kwargs),
        "name": "Malines",
        "slug": "malines",
        "username": "ana",
        "email": "ana@example.org",
        "password": "a-long-and-unusual-passphrase",
    }


def commitment(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        "paragraph": "",
        "own_title": "Audited plan",
        "owner": "Cabinet",
        "target": "Done",
        "due_date": "2030-01-01",
        "status": "planned",
    }


def invitation(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        "group_id": "academia",
        "name": "University",
        "language": "en",
        "username": "prof",
    }


def filled_forms(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The 14 fictional respondents of the CLI demo, as a filled workbook."""
    with tempfile.TemporaryDirectory(prefix="mechelen-audit-") as folder:
        content = write_demo_form(framework(), Path(folder) / "demo.xlsx").read_bytes()
    return {"workbooks": [SimpleUploadedFile("demo.xlsx", content)]}


def answers(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"food__urgency": "2", "submit": "1"}


def data_file(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("people.csv", tiny_csv().encode())}


def mapping(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return dict(MAPPING_FIELDS)


def table_spec(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    stats.dataset_in(world.a.organisation)
    return {
        "title": "People in 2024",
        "release": "people-2024",
        "dimensions": ["sex"],
        "layout": "pairs",
        "method": "cell-key",
        "threshold": "3",
        "epsilon": "1.0",
    }


def figure(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"sector": "education", "period": "2024", "name": "Dutch courses", "value": "12"}


def indicator_choice(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"indicator_id": "foreign-born-share"}


def custom_indicator(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        "indicator_id": "library-cards",
        "label": "Library cards of newcomers",
        "definition": "Newcomers holding a library card.",
        "measure": "count",
        "numerator": "Newcomers with a card",
        "denominator": "",
        "scale": "1",
        "unit": "cards",
        "direction": "higher-is-better",
        "sources": ["service-figures"],
        "commitments": ["31"],
    }


OWN_INDICATORS = """\
indicators:
  - id: counselling-sessions
    label: {en: Counselling sessions, fr: Séances de conseil, es: Sesiones}
    definition: {en: Sessions held, fr: Séances tenues, es: Sesiones}
    measure: count
    numerator: {en: Sessions, fr: Séances, es: Sesiones}
    unit: {en: sessions, fr: séances, es: sesiones}
    direction: higher-is-better
    sources: [{kind: service-figures}]
    serves: {sectors: [education]}
"""


def indicator_file(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("own.yaml", OWN_INDICATORS.encode())}


def indicator_settings(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        "disaggregation": "",
        "baseline_year": "2018",
        "baseline_value": "100",
        "target_value": "300",
        "target_year": "2030",
        "automatic_source": "",
        "public": "on",
    }


def observation(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"year": "2022", "value": "140", "breakdown": "", "source_note": "register"}


def from_service_figures(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    """The indicator's ratio of two service figures the provider reported."""
    participants = stats.figure_of(world.a, "Participants in language courses")
    newcomers = stats.figure_of(world.a, "Newcomers")
    CityIndicator.objects.filter(pk=kwargs["pk"]).update(
        automatic_source=AutomaticSource.SERVICE_FIGURES,
        figure_numerator=participants.name,
        figure_denominator=newcomers.name,
    )
    return {}


def override(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {"status": "on-track", "reason": "The register lags by a year."}


def overridden(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    url = reverse("followup:override", kwargs=kwargs)
    client_for(world.a.users[Role.ADMINISTRATOR]).post(url, override(world, kwargs))
    return {}


def evidence(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": "2025-05-01",
        "title": "Minutes",
        "document": SimpleUploadedFile("minutes.pdf", PDF),
    }


def baseline(world: World, kwargs: dict[str, Any]) -> dict[str, Any]:
    rounds = []
    for title, days_ago in (("First", 400), ("Second", 10)):
        item = AssessmentRound.objects.create(
            organisation=world.a.organisation,
            title=title,
            framework_id="mechelen-2017",
            status=RoundStatus.CLOSED,
        )
        closed = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days_ago)
        AssessmentRound.objects.filter(pk=item.pk).update(closed_at=closed)
        rounds.append(item)
    return {"round": str(rounds[1].pk)}


WRITES: dict[str, Write] = {
    "accounts:register": Write(
        registration, "visitor", lambda world: Organisation.objects.get(slug="malines")
    ),
    "accounts:tokens": Write(lambda world, kwargs: {"label": "sync"}, Role.DATA_STEWARD),
    # the matrix's token is the outsider's, who holds no role anywhere
    "accounts:token_revoke": Write(nothing, "outsider", lambda world: None),
    "accounts:password_change": Write(
        lambda world, kwargs: {
            "old_password": PASSWORD,
            "new_password1": "a-brand-new-passphrase-91",
            "new_password2": "a-brand-new-passphrase-91",
        }
    ),
    "accounts:invitation": Write(
        lambda world, kwargs: {"answer": "accept"}, "outsider", lambda world: world.a.organisation
    ),
    "accounts:invitation_account": Write(
        lambda world, kwargs: {"username": "newcomer", "password": "another-long-passphrase"},
        "visitor",
        lambda world: world.a.organisation,
    ),
    "accounts:invitation_answer": Write(
        lambda world, kwargs: {"answer": "accept"}, "outsider", lambda world: world.a.organisation
    ),
    "platform:approve": Write(nothing, "platform admin", newest_organisation),
    "platform:reject": Write(nothing, "platform admin", newest_organisation),
    "networks:join_answer": Write(
        lambda world, kwargs: {"answer": "approve"}, "analyst", newest_organisation
    ),
    "tenancy:invitation_revoke": Write(),
    "tenancy:join_network": Write(lambda world, kwargs: {"network": world.network.slug}),
    "networks:members": Write(
        lambda world, kwargs: {"organisation": city_c(world).slug}, "analyst", city_c
    ),
    "networks:member_remove": Write(nothing, "analyst", lambda world: world.b.organisation),
    "tenancy:profile": Write(profile),
    "tenancy:endorse": Write(lambda world, kwargs: {"endorsed_on": "2017-11-17"}),
    "tenancy:members": Write(lambda world, kwargs: {"invited": "newcomer", "role": "viewer"}),
    "tenancy:member_remove": Write(),
    "commitments:new": Write(commitment, Role.COORDINATOR),
    "commitments:edit": Write(commitment, Role.COORDINATOR),
    "commitments:delete": Write(nothing, Role.COORDINATOR),
    "assessments:new": Write(lambda world, kwargs: {"title": "Round 2026"}, Role.COORDINATOR),
    "assessments:invite": Write(invitation, Role.COORDINATOR),
    "assessments:close": Write(nothing, Role.COORDINATOR),
    "assessments:import": Write(filled_forms, Role.COORDINATOR),
    "assessments:answer": Write(answers, Role.RESPONDENT),
    "statistics:upload": Write(data_file, Role.DATA_STEWARD),
    "statistics:map": Write(mapping, Role.DATA_STEWARD),
    "statistics:release_new": Write(table_spec, Role.DATA_STEWARD),
    "statistics:release_edit": Write(table_spec, Role.DATA_STEWARD),
    "statistics:release_submit": Write(nothing, Role.DATA_STEWARD),
    "statistics:release_approve": Write(lambda world, kwargs: dict(stats.CONFIRMED)),
    "statistics:release_reject": Write(lambda world, kwargs: {"reason": "Add the ages."}),
    "statistics:figure_new": Write(figure, Role.SERVICE_PROVIDER),
    "statistics:figure_edit": Write(figure, Role.SERVICE_PROVIDER),
    "followup:indicator_add": Write(indicator_choice, Role.COORDINATOR),
    "followup:indicator_custom": Write(custom_indicator, Role.COORDINATOR),
    "followup:indicator_import": Write(indicator_file, Role.COORDINATOR),
    "followup:indicator_edit": Write(indicator_settings, Role.COORDINATOR),
    "followup:indicator_remove": Write(nothing, Role.COORDINATOR),
    "followup:value_add": Write(observation, Role.COORDINATOR),
    "followup:value_remove": Write(nothing, Role.COORDINATOR),
    "followup:fill": Write(from_service_figures, Role.COORDINATOR),
    "followup:override": Write(override, Role.COORDINATOR),
    "followup:override_clear": Write(overridden, Role.COORDINATOR),
    "followup:evidence": Write(evidence, Role.COORDINATOR),
    "followup:evidence_remove": Write(nothing, Role.COORDINATOR),
    "followup:change": Write(baseline, Role.COORDINATOR),
}
