"""The release workflow: a release's states, the steps between them and who may take each.

::

    (new) ──edit──▶ draft ──submit──▶ submitted ──approve──▶ published
                      ▲                   │
                      └──edit── rejected ◀┘ reject

A data steward's work (``PREPARE``) edits a release (its spec, then a preview) and submits it;
an administrator's (``APPROVE``) publishes or rejects it. Nothing leaves ``published``. The
web maps each :class:`Permission` to its policy and a state to the release's column; what
else a step needs (a preview before submitting, the audit before approving) is checked there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class ReleaseState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    REJECTED = "rejected"


class Permission(StrEnum):
    """What a person must be allowed to do to take a step."""

    PREPARE = "prepare"
    APPROVE = "approve"


class Step(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"


@dataclass(frozen=True)
class Transition:
    """A step: the states it may be taken from, the state it leads to, who may take it."""

    sources: frozenset[ReleaseState]
    target: ReleaseState
    permission: Permission


#: the state of a release that was just made
INITIAL = ReleaseState.DRAFT

TRANSITIONS: Mapping[Step, Transition] = MappingProxyType(
    {
        Step.EDIT: Transition(
            frozenset({ReleaseState.DRAFT, ReleaseState.REJECTED}),
            ReleaseState.DRAFT,
            Permission.PREPARE,
        ),
        Step.SUBMIT: Transition(
            frozenset({ReleaseState.DRAFT, ReleaseState.REJECTED}),
            ReleaseState.SUBMITTED,
            Permission.PREPARE,
        ),
        Step.APPROVE: Transition(
            frozenset({ReleaseState.SUBMITTED}), ReleaseState.PUBLISHED, Permission.APPROVE
        ),
        Step.REJECT: Transition(
            frozenset({ReleaseState.SUBMITTED}), ReleaseState.REJECTED, Permission.APPROVE
        ),
    }
)


class StepRefused(Exception):
    """A step taken from a state it cannot be taken from."""

    def __init__(self, step: Step, state: ReleaseState) -> None:
        super().__init__(f"a {state} release cannot take the step {step}")
        self.step, self.state = step, state


def permission_for(step: Step) -> Permission:
    return TRANSITIONS[step].permission


def allows(state: ReleaseState, step: Step) -> bool:
    """Whether ``step`` may be taken from ``state``."""
    return state in TRANSITIONS[step].sources


def after(state: ReleaseState, step: Step) -> ReleaseState:
    """The state ``step`` leads to from ``state``; :class:`StepRefused` if it cannot be taken."""
    if not allows(state, step):
        raise StepRefused(step, state)
    return TRANSITIONS[step].target


def steps_from(state: ReleaseState) -> tuple[Step, ...]:
    """The steps that may be taken from ``state``, in the order of :class:`Step`."""
    return tuple(step for step in Step if allows(state, step))


def states_allowing(step: Step) -> frozenset[ReleaseState]:
    """The states ``step`` may be taken from (an editable release is in one of those of
    ``EDIT``)."""
    return TRANSITIONS[step].sources
