"""A newcomer's journey through the site, in a real browser, step by step.

Each step is a function of the :class:`~tests.e2e.visit.Visit` in ``tests/e2e/steps/``,
one module per app; a new part of the site adds its steps to ``JOURNEY`` where a person
would take them (before the language switch when they read English labels).
``MECHELEN_SCREENSHOTS=1`` saves the key pages into docs/screenshots/.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.e2e.steps import accounts, commitments, language, portal, tenancy
from tests.e2e.visit import Visit

Step = Callable[[Visit], None]

JOURNEY: list[Step] = [
    accounts.log_in,
    tenancy.endorse_the_declaration,
    commitments.add_a_commitment_of_the_declaration,
    commitments.add_a_commitment_of_its_own,
    portal.see_the_public_city_page,
    language.switch_to_french,
    accounts.log_out,
]


def test_a_newcomer_city_administrator_goes_through_the_site(newcomer: Visit) -> None:
    for step in JOURNEY:
        step(newcomer)
