"""Pages and API take the steps of the core release workflow: its states are the release's
statuses, its permissions the policy's rules, and a step its state refuses says why."""

from __future__ import annotations

import pytest

from mechelen.core.releases.workflow import ReleaseState, Step, allows
from mechelen.web.statistics import policy
from mechelen.web.statistics.models import Release, ReleaseStatus
from mechelen.web.statistics.releases.actions import ReleaseStateError, save_release, take_step
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.statistics.factories import SPEC, release_in


def test_the_statuses_are_the_workflows_states() -> None:
    assert [s.value for s in ReleaseStatus] == [s.value for s in ReleaseState]


@pytest.mark.parametrize("status", list(ReleaseStatus))
def test_a_release_is_editable_where_the_workflow_allows_editing(status: str) -> None:
    release = Release(status=status)
    assert release.editable == allows(ReleaseState(status), Step.EDIT)


def test_who_may_take_each_step() -> None:
    assert policy.can_take(Step.EDIT) is policy.can_prepare
    assert policy.can_take(Step.SUBMIT) is policy.can_prepare
    assert policy.can_take(Step.APPROVE) is policy.can_approve
    assert policy.can_take(Step.REJECT) is policy.can_approve


@pytest.mark.parametrize(
    ("status", "step", "said"),
    [
        (ReleaseStatus.DRAFT, Step.APPROVE, "Only a release waiting for approval can be decided."),
        (ReleaseStatus.DRAFT, Step.REJECT, "Only a release waiting for approval can be decided."),
        (ReleaseStatus.SUBMITTED, Step.SUBMIT, "This release was submitted already."),
        (ReleaseStatus.PUBLISHED, Step.SUBMIT, "This release was submitted already."),
        (
            ReleaseStatus.PUBLISHED,
            Step.APPROVE,
            "Only a release waiting for approval can be decided.",
        ),
    ],
)
def test_a_step_the_state_refuses_says_why_and_changes_nothing(
    world: World, status: str, step: Step, said: str
) -> None:
    release = release_in(world.a.organisation, status)
    with pytest.raises(ReleaseStateError, match=said):
        take_step(world.a.users[Role.ADMINISTRATOR], release, step, "A reason.")
    release.refresh_from_db()
    assert release.status == status


def test_a_submitted_release_cannot_be_changed(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    steward = world.a.users[Role.DATA_STEWARD]
    with pytest.raises(ReleaseStateError, match="Only a draft or rejected release can be changed"):
        save_release(steward, world.a.organisation, release, release.dataset, "x", "X", SPEC)


def test_the_steps_lead_where_the_workflow_says(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.REJECTED)
    steward, administrator = world.a.users[Role.DATA_STEWARD], world.a.users[Role.ADMINISTRATOR]
    assert take_step(steward, release, Step.SUBMIT).status == ReleaseStatus.SUBMITTED
    assert take_step(administrator, release, Step.REJECT, "No.").status == ReleaseStatus.REJECTED
    assert release.rejection_reason == "No."
    take_step(steward, release, Step.SUBMIT)
    assert take_step(administrator, release, Step.APPROVE).status == ReleaseStatus.PUBLISHED
    release.refresh_from_db()
    assert release.status == ReleaseStatus.PUBLISHED
