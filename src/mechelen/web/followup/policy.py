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
- **Nobody**, the organisation's own people included, gets figures from a release that is not
  published: values, coverage and the tables to define an indicator on come from published
  releases only.

The ``visible_…`` functions give the rows a person may see; a document written for anyone
(the public page, the public report, a network's picture) asks them for a visitor
(:func:`reader_of`).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from mechelen.web.assessments import policy as assessment_policy
from mechelen.web.commitments import policy as commitment_policy
from mechelen.web.followup.models import (
    CityIndicator,
    CommitmentEvidence,
    IndicatorObservation,
    ObservationSource,
)
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.tenancy.access import VISITOR, Access
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.roles import Role

EDIT = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})
VIEW = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.DATA_STEWARD, Role.VIEWER})

#: values anyone may see: computed from a release that is still published, or marked public
PUBLIC_VALUES = Q(
    source=ObservationSource.PUBLISHED_RELEASE, release__status=ReleaseStatus.PUBLISHED
) | (Q(public=True) & ~Q(source=ObservationSource.PUBLISHED_RELEASE))


def can_view(access: Access, organisation: Organisation) -> bool:
    """Every indicator, value, override, evidence and the assessment change, read-only."""
    return access.holds(organisation, VIEW)


def can_edit(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, EDIT)


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


def reader_of(organisation: Organisation, public: bool) -> Access:
    """Whom a report of the organisation's follow-up is written for: anyone (a visitor) for
    the public version; for the internal one, its viewers, who read all of it."""
    if public:
        return VISITOR
    return Access(organisation_roles={organisation.pk: frozenset({Role.VIEWER})})


def visible_indicators(access: Access, organisation: Organisation) -> QuerySet[CityIndicator]:
    """The indicators this person may see: every one for the internal roles, those marked
    public for anyone else."""
    found = CityIndicator.objects.filter(organisation=organisation)
    return found if sees_internal(access, organisation) else found.filter(public=True)


def visible_values(access: Access, organisation: Organisation) -> QuerySet[IndicatorObservation]:
    """The values of the organisation's indicators this person may see: every one for the
    internal roles; for anyone else, those of a release still published and those marked
    public (:func:`is_public_value`)."""
    found = IndicatorObservation.objects.filter(indicator__organisation=organisation)
    return found if sees_internal(access, organisation) else found.filter(PUBLIC_VALUES)


def is_public_value(observation: IndicatorObservation) -> bool:
    """Whether anyone may see the value (:data:`PUBLIC_VALUES`, for one value)."""
    if observation.source == ObservationSource.PUBLISHED_RELEASE:
        return observation.release is not None and observation.release.published
    return observation.public


def visible_evidence(access: Access, organisation: Organisation) -> QuerySet[CommitmentEvidence]:
    """The evidence this person may see: that of the commitments they may see (every one for
    the internal roles, the public ones for anyone else)."""
    commitments = commitment_policy.visible_commitments(access, organisation)
    return CommitmentEvidence.objects.filter(commitment__in=commitments)


def public_indicators(organisations: QuerySet[Organisation]) -> QuerySet[CityIndicator]:
    """The indicators anyone may see of many organisations at once (what
    :func:`visible_indicators` gives a visitor, for each of them)."""
    return CityIndicator.objects.filter(organisation__in=organisations, public=True)


def public_values(organisations: QuerySet[Organisation]) -> QuerySet[IndicatorObservation]:
    """The values anyone may see of many organisations' indicators at once (what
    :func:`visible_values` gives a visitor, for each of them)."""
    return IndicatorObservation.objects.filter(
        PUBLIC_VALUES, indicator__organisation__in=organisations
    )
