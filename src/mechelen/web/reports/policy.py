"""Who may generate which report: the only place that decides it.

- the **internal** follow-up report of a city (every commitment, the assessment results, every
  indicator value): its administrators, coordinators and viewers;
- the **public** follow-up report of a city: anyone; it is built from published content only
  (public commitments, published statistics, indicators and values marked public), never from
  assessment answers;
- the **network** report: anyone; members' assessment results count only from the rounds
  they chose to share with their networks, indicators only from published figures.
"""

from __future__ import annotations

from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.roles import Role

INTERNAL_REPORT = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.VIEWER})


def can_generate_internal(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, INTERNAL_REPORT)


def can_generate_public(access: Access, organisation: Organisation) -> bool:
    return True


def can_generate_network(access: Access, network: Network) -> bool:
    return True
