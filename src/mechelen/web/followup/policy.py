"""Who may see and change an organisation's follow-up: the only place that decides it.

- **Administrators and coordinators** choose and define indicators, set baselines, targets
  and manual statuses, record values, add evidence to commitments and choose the baseline
  assessment round.
- **Data stewards and viewers** read all of it.
- **Service providers and respondents** reach none of the internal pages.
- **Everyone** sees, on the public city page, the API and the open-data export, only the
  indicators marked public with values from published releases or marked public, and the
  evidence of public commitments; the export adds the data coverage of published releases
  and the results of the latest closed assessment round the city shared with its networks.
- **Everyone** downloads a network's export, built from what its members share only.
"""

from __future__ import annotations

from mechelen.web.assessments import policy as assessment_policy
from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.roles import Role

EDIT = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})
VIEW = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.DATA_STEWARD, Role.VIEWER})


def can_view(access: Access, organisation: Organisation) -> bool:
    """Every indicator, value, override, evidence and the assessment change, read-only."""
    return access.holds(organisation, VIEW)


def can_edit(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, EDIT)


def can_see_evidence_of(access: Access, commitment: Commitment) -> bool:
    """Evidence of a public commitment is public; of another, internal."""
    return commitment.public or can_view(access, commitment.organisation)


def can_see_change(access: Access, organisation: Organisation) -> bool:
    """The assessment change shows results: the roles that read assessment results."""
    return assessment_policy.can_see_results(access, organisation)


def can_choose_baseline(access: Access, organisation: Organisation) -> bool:
    return assessment_policy.can_manage(access, organisation)


def sees_internal(access: Access, organisation: Organisation) -> bool:
    """Whether the API and the export give this person the internal content too."""
    return can_view(access, organisation)


def can_export_network(access: Access, network: Network) -> bool:
    """A network's export holds only what its members published or shared: open to anyone."""
    return True
