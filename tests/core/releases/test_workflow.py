"""The release workflow: every step from every state, allowed or refused, and who takes it."""

from __future__ import annotations

import itertools

import pytest

from mechelen.core.releases.workflow import (
    INITIAL,
    Permission,
    ReleaseState,
    Step,
    StepRefused,
    after,
    allows,
    permission_for,
    states_allowing,
    steps_from,
)

DRAFT, SUBMITTED = ReleaseState.DRAFT, ReleaseState.SUBMITTED
PUBLISHED, REJECTED = ReleaseState.PUBLISHED, ReleaseState.REJECTED

#: (state, step) -> the state it leads to; every pair not listed is refused
ALLOWED = {
    (DRAFT, Step.EDIT): DRAFT,
    (REJECTED, Step.EDIT): DRAFT,
    (DRAFT, Step.SUBMIT): SUBMITTED,
    (REJECTED, Step.SUBMIT): SUBMITTED,
    (SUBMITTED, Step.APPROVE): PUBLISHED,
    (SUBMITTED, Step.REJECT): REJECTED,
}
EVERY_PAIR = list(itertools.product(ReleaseState, Step))


@pytest.mark.parametrize(("state", "step"), list(ALLOWED))
def test_an_allowed_step_leads_to_its_state(state: ReleaseState, step: Step) -> None:
    assert allows(state, step)
    assert after(state, step) is ALLOWED[state, step]
    assert step in steps_from(state)
    assert state in states_allowing(step)


@pytest.mark.parametrize(("state", "step"), [p for p in EVERY_PAIR if p not in ALLOWED])
def test_any_other_step_is_refused(state: ReleaseState, step: Step) -> None:
    assert not allows(state, step)
    with pytest.raises(StepRefused) as refused:
        after(state, step)
    assert (refused.value.step, refused.value.state) == (step, state)
    assert step not in steps_from(state)
    assert state not in states_allowing(step)


def test_the_refused_pairs_are_the_rest() -> None:
    """Ten of the sixteen (state, step) pairs are refused; the table above is complete."""
    assert len(EVERY_PAIR) - len(ALLOWED) == 10


def test_a_published_release_takes_no_step_and_a_new_one_is_a_draft() -> None:
    assert steps_from(PUBLISHED) == ()
    assert INITIAL is DRAFT
    assert steps_from(DRAFT) == (Step.EDIT, Step.SUBMIT)
    assert steps_from(SUBMITTED) == (Step.APPROVE, Step.REJECT)


@pytest.mark.parametrize(
    ("step", "permission"),
    [
        (Step.EDIT, Permission.PREPARE),
        (Step.SUBMIT, Permission.PREPARE),
        (Step.APPROVE, Permission.APPROVE),
        (Step.REJECT, Permission.APPROVE),
    ],
)
def test_each_step_needs_its_permission(step: Step, permission: Permission) -> None:
    """Four eyes: who prepares a release does not publish it (unless they hold both)."""
    assert permission_for(step) is permission
