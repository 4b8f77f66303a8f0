"""Who may do what with an organisation's statistics: the only place that decides it.

Decisions (and why):

- **Data stewards** prepare statistics: upload files, map columns, ingest, define tables,
  preview the protected result and submit a release. They alone read the validation report's
  rejected rows, because those rows hold raw values of the source file (never a value that
  states an immigration or legal status: the ingest withholds it, by row and code only).
- **Administrators** approve or reject submitted releases (four eyes: the person preparing a
  release is not the one publishing it, unless they hold both roles). They see everything a
  viewer sees and every service provider's figures, not the rejected rows.
- **Coordinators and viewers** see the datasets' counts and the releases in every state,
  read-only, with their disclosure reports and protected tables; not the rejected rows.
- **Service providers** report their own aggregate figures and see and edit only those. They
  never reach the workspace, datasets, validation reports or unpublished releases: the
  firewall of paragraph 41 between service provision and data on people's status.
- **Everyone**, visitors included, sees published releases only.

The ``visible_…`` and ``public_…`` functions say which rows a person may see; pages and the
API read releases, datasets and figures through them. Who may take each step of the release
workflow (core/releases/workflow.py) is said by :func:`can_take`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from mechelen.core.releases.workflow import Permission, Step, permission_for
from mechelen.web.statistics.models import Dataset, Release, ReleaseQuerySet, ServiceFigure
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role

PREPARE = frozenset({Role.DATA_STEWARD})
VIEW = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.DATA_STEWARD, Role.VIEWER})
READ_REJECTED_ROWS = frozenset({Role.DATA_STEWARD})
APPROVE = frozenset({Role.ADMINISTRATOR})
REPORT_FIGURES = frozenset({Role.SERVICE_PROVIDER})
SEE_ALL_FIGURES = frozenset({Role.ADMINISTRATOR, Role.DATA_STEWARD})


def can_prepare(access: Access, organisation: Organisation) -> bool:
    """Upload, map, ingest, define tables, preview, submit; follow those jobs."""
    return access.holds(organisation, PREPARE)


def can_view(access: Access, organisation: Organisation) -> bool:
    """The statistics overview, dataset counts and every release, read-only."""
    return access.holds(organisation, VIEW)


def can_read_rejected_rows(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, READ_REJECTED_ROWS)


def can_approve(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, APPROVE)


#: the rule that grants each permission of the release workflow
WORKFLOW_RULES: dict[Permission, Callable[[Access, Organisation], bool]] = {
    Permission.PREPARE: can_prepare,
    Permission.APPROVE: can_approve,
}


def can_take(step: Step) -> Callable[[Access, Organisation], bool]:
    """The rule deciding who may take ``step`` of the release workflow in an organisation."""
    return WORKFLOW_RULES[permission_for(step)]


def can_report_figures(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, REPORT_FIGURES)


def can_see_all_figures(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, SEE_ALL_FIGURES)


def can_open_figures(access: Access, organisation: Organisation) -> bool:
    return can_report_figures(access, organisation) or can_see_all_figures(access, organisation)


def can_edit_figure(access: Access, figure: ServiceFigure) -> bool:
    """Only the provider who reported a figure changes it."""
    return figure.provider_id == access.user_id and can_report_figures(access, figure.organisation)


def public_releases(organisation: Organisation) -> ReleaseQuerySet:
    """The organisation's releases everyone may see, visitors included: the published ones
    (what the public pages show, and what an attacker holds)."""
    return Release.objects.published().filter(organisation=organisation)


def visible_releases(access: Access, organisation: Organisation) -> QuerySet[Release]:
    """Every release for the roles that see them all; published ones for anyone else."""
    if can_view(access, organisation):
        return Release.objects.filter(organisation=organisation).select_related("dataset")
    return public_releases(organisation).select_related("dataset")


def visible_datasets(access: Access, organisation: Organisation) -> QuerySet[Dataset]:
    """The organisation's datasets for the roles that see its statistics; none for anyone
    else (a dataset is never public, only the releases made from it)."""
    found = Dataset.objects.filter(organisation=organisation)
    return found if can_view(access, organisation) else found.none()


def visible_figures(access: Access, organisation: Organisation) -> QuerySet[ServiceFigure]:
    """All the organisation's figures for stewards and administrators; a provider's own."""
    found = ServiceFigure.objects.filter(organisation=organisation).select_related("provider")
    if can_see_all_figures(access, organisation):
        return found
    if can_report_figures(access, organisation):
        return found.filter(provider_id=access.user_id)
    return found.none()


def public_releases_of(organisations: QuerySet[Organisation]) -> ReleaseQuerySet:
    """The releases everyone may see of many organisations at once (what
    :func:`public_releases` gives for each of them): the published ones."""
    return Release.objects.published().filter(organisation__in=organisations)
