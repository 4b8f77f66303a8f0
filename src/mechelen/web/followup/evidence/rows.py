"""Commitments with their evidence as pages, the exports and the report read them: the core's
:class:`CommitmentEntry` and :class:`Evidence`, read once from the database, with what a page
shows beside them (the framework's crosswalk, the status in words, the document's kind)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

from mechelen.core.reporting.follow_up import CommitmentEntry, Evidence
from mechelen.web.commitments import policy as commitment_policy
from mechelen.web.followup import policy
from mechelen.web.followup.models import CommitmentEvidence
from mechelen.web.framework_data import commitment as framework_commitment
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation


@dataclass(frozen=True)
class EvidenceRow:
    """A piece of evidence (``evidence.url``: the link given, or the site path of the
    uploaded document) with the document's name and kind (pdf, odt, docx, png, jpeg, gif,
    webp; empty for a link)."""

    evidence: Evidence
    document_name: str
    kind: str


@dataclass(frozen=True)
class CommitmentProgress:
    """A commitment (the core's entry, with its evidence) with the framework's crosswalk codes
    (GCM objectives, SDG targets, NUA themes), its status in words and whether it is public."""

    entry: CommitmentEntry
    gcm: tuple[str, ...]
    sdg: tuple[str, ...]
    nua: tuple[str, ...]
    status_label: str
    public: bool
    #: newest first, as ``entry.evidence``
    evidence: tuple[EvidenceRow, ...]


def evidence_row(item: CommitmentEvidence) -> EvidenceRow:
    url = item.url
    if item.has_document:
        commitment = item.commitment
        name = "public_followup:evidence_file" if commitment.public else "followup:evidence_file"
        url = reverse(name, kwargs={"slug": commitment.organisation.slug, "pk": item.pk})
    return EvidenceRow(
        Evidence(title=item.title, url=url, on=item.date), item.original_name, item.kind
    )


def commitment_progress(
    organisation: Organisation, lang: str, reader: Access
) -> list[CommitmentProgress]:
    """Every commitment ``reader`` may see, with its evidence, titles and labels in ``lang``."""
    commitments = commitment_policy.visible_commitments(reader, organisation)
    evidence: dict[int, list[EvidenceRow]] = {}
    for found_evidence in policy.visible_evidence(reader, organisation).select_related(
        "commitment__organisation"
    ):
        evidence.setdefault(found_evidence.commitment_id, []).append(evidence_row(found_evidence))
    rows = []
    with translation.override(lang):
        for item in commitments:
            known = framework_commitment(item.paragraph) if item.paragraph is not None else None
            links = known.crosswalk if known is not None else ()
            title = known.title.get(lang) if known is not None else item.own_title
            shown = tuple(evidence.get(item.pk, []))
            rows.append(
                CommitmentProgress(
                    entry=CommitmentEntry(
                        key=f"p{item.paragraph}" if item.paragraph is not None else f"own:{title}",
                        title=title,
                        status=item.status,
                        paragraph=item.paragraph,
                        owner=item.owner,
                        target=item.target,
                        due=item.due_date,
                        evidence=tuple(row.evidence for row in shown),
                    ),
                    gcm=tuple(link.code for link in links if link.scheme == "gcm"),
                    sdg=tuple(link.code for link in links if link.scheme == "sdg"),
                    nua=tuple(link.code for link in links if link.scheme == "nua"),
                    status_label=str(item.get_status_display()),
                    public=item.public,
                    evidence=shown,
                )
            )
    return rows
