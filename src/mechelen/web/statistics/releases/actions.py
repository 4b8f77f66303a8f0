"""Changes to an organisation's releases, each recorded in the audit log.

Each step of the workflow (core/releases/workflow.py) is taken here, by pages and API alike
(:func:`take_step`): the workflow says from which state, this module what else a step needs
(a preview before submitting, the audit before approving). Approving announces the published
release to the apps that listen (``events.py``).

Building a release's preview is started here as a job (``statistics.preview``, run by
``jobs/kinds.py``); the objects and the audit entry are committed before the job starts, so
that a job run in a background thread sees them.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mechelen.core.problems import ProblemsFound
from mechelen.core.releases.workflow import INITIAL, ReleaseState, Step, StepRefused, after
from mechelen.engine.publish.audit_release import audit_release
from mechelen.web.audit.log import record
from mechelen.web.jobs.models import Job
from mechelen.web.jobs.runner import enqueue
from mechelen.web.statistics.events import announce_release_published
from mechelen.web.statistics.models import Dataset, Release, ReleaseStatus
from mechelen.web.statistics.releases.folders import media_path, published_release_folders
from mechelen.web.statistics.releases.published import headline_figures, release_tables
from mechelen.web.tenancy.models import Organisation

PREVIEW_JOB = "statistics.preview"


#: why a step of the workflow cannot be taken from the release's state
REFUSED = {
    Step.EDIT: gettext_lazy("Only a draft or rejected release can be changed."),
    Step.SUBMIT: gettext_lazy("This release was submitted already."),
    Step.APPROVE: gettext_lazy("Only a release waiting for approval can be decided."),
    Step.REJECT: gettext_lazy("Only a release waiting for approval can be decided."),
}


class ReleaseStateError(Exception):
    """The release is not in a state that allows this step (the message says why)."""


def _next_status(release: Release, step: Step) -> ReleaseStatus:
    """The status ``step`` leads the release to; ReleaseStateError when it cannot be taken."""
    try:
        return ReleaseStatus(after(ReleaseState(release.status), step))
    except StepRefused:
        raise ReleaseStateError(str(REFUSED[step])) from None


def take_step(actor: Any, release: Release, step: Step, reason: str = "") -> Release:
    """Submit, approve or reject the release (``reason``: why it is rejected)."""
    if step is Step.SUBMIT:
        return submit_release(actor, release)
    if step is Step.APPROVE:
        return approve_release(actor, release)
    if step is Step.REJECT:
        return reject_release(actor, release, reason)
    raise ValueError(f"{step} is taken by save_release")


def spec_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_release(
    actor: Any,
    organisation: Organisation,
    release: Release | None,
    dataset: Dataset,
    name: str,
    title: str,
    spec_text: str,
) -> Release:
    """Create or change a release's spec; any earlier preview is dropped (it is stale)."""
    status = ReleaseStatus(INITIAL) if release is None else _next_status(release, Step.EDIT)
    with transaction.atomic():
        created = release is None
        if release is None:
            release = Release(organisation=organisation, created_by=actor)
        release.dataset, release.name, release.title = dataset, name, title
        release.spec_text, release.status = spec_text, status
        release.folder, release.tables, release.content_sha256 = "", [], ""
        release.built_at = None
        release.save()
        record(
            actor,
            "statistics.release.create" if created else "statistics.release.update",
            release,
            organisation,
            {"name": name, "title": title, "dataset": dataset.name, "spec": spec_text},
        )
    return release


def start_preview(actor: Any, release: Release) -> Job:
    """Build the release's protected tables (a job), for the steward to check."""
    if not release.editable:
        raise ReleaseStateError(_("Only a draft or rejected release can be built again."))
    job = enqueue(
        PREVIEW_JOB,
        release.organisation,
        actor,
        {"release": release.pk, "spec": spec_digest(release.spec_text)},
    )
    Release.objects.filter(pk=release.pk).update(build_job=job)
    return job


@transaction.atomic
def submit_release(actor: Any, release: Release) -> Release:
    status = _next_status(release, Step.SUBMIT)
    if not release.built:
        raise ReleaseStateError(_("Preview the release before submitting it."))
    release.status, release.submitted_by, release.submitted_at = status, actor, timezone.now()
    release.rejection_reason = ""
    release.save()
    record(
        actor, "statistics.release.submit", release, release.organisation, {"name": release.name}
    )
    return release


def _decide(release: Release, actor: Any, step: Step) -> ReleaseStatus:
    """Who decided and when; the status the decision leads to."""
    status = _next_status(release, step)
    release.decided_by, release.decided_at = actor, timezone.now()
    return status


def audit_before_approval(release: Release) -> None:
    """Attack the release together with every release the organisation published already,
    with every relation an attacker knows; refuse it if a suppressed cell can be narrowed."""
    if not release.folder:
        raise ReleaseStateError(_("Preview the release before submitting it."))
    folder = media_path(release.folder)
    earlier = published_release_folders(release.organisation, exclude=release.pk)
    try:
        result = audit_release(folder, earlier)
    except ProblemsFound as found:
        raise ReleaseStateError(
            _("The release's files cannot be audited (%(codes)s): build it again.")
            % {"codes": ", ".join(p.code for p in found.problems)}
        ) from found
    if result.applicable and not result.passed:
        raise ReleaseStateError(
            ngettext(
                "Not approved (audit.E004): with what is already published, an attacker can "
                "narrow %(count)d suppressed cell below the protection width. Build the release "
                "again: it is then protected together with the published releases.",
                "Not approved (audit.E004): with what is already published, an attacker can "
                "narrow %(count)d suppressed cells below the protection width. Build the release "
                "again: it is then protected together with the published releases.",
                len(result.narrow),
            )
            % {"count": len(result.narrow)}
        )


def approve_release(actor: Any, release: Release) -> Release:
    """Publish the release exactly as it was previewed and submitted, once the audit against
    everything published before passes. The audit (linear and integer programmes, seconds
    on large releases) runs before the transaction, which would hold the database's write
    lock meanwhile. Those who listen take in the release in the same transaction."""
    status = _decide(release, actor, Step.APPROVE)
    audit_before_approval(release)
    with transaction.atomic():
        release.status, release.published_at = status, timezone.now()
        release.headline = headline_figures(release_tables(release))
        release.save()
        record(
            actor,
            "statistics.release.approve",
            release,
            release.organisation,
            {"name": release.name, "content_sha256": release.content_sha256},
        )
        announce_release_published(actor, release)
    return release


@transaction.atomic
def reject_release(actor: Any, release: Release, reason: str) -> Release:
    release.status, release.rejection_reason = _decide(release, actor, Step.REJECT), reason
    release.save()
    record(
        actor,
        "statistics.release.reject",
        release,
        release.organisation,
        {"name": release.name, "reason": reason},
    )
    return release
