"""A newcomer's journey through the site, in a real browser, step by step.

Each step is a function of the :class:`~tests.e2e.visit.Visit` in ``tests/e2e/steps/``,
one module per app; a new part of the site adds its steps to ``JOURNEY`` where a person
would take them (before the language switch when they read English labels).
``MECHELEN_SCREENSHOTS=1`` saves the key pages into docs/screenshots/.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.e2e.steps import (
    accounts,
    assessment,
    commitments,
    language,
    portal,
    statistics,
    tenancy,
)
from tests.e2e.visit import Visit

Step = Callable[[Visit], None]

JOURNEY: list[Step] = [
    accounts.log_in,
    tenancy.endorse_the_declaration,
    commitments.add_a_commitment_of_the_declaration,
    commitments.add_a_commitment_of_its_own,
    portal.see_the_public_city_page,
    assessment.open_a_round_and_invite_two_respondents,
    assessment.two_respondents_answer,
    assessment.see_the_results,
    statistics.upload_and_map_the_statbel_file,
    statistics.define_preview_and_submit_a_release,
    statistics.approve_the_release,
    statistics.read_and_download_a_public_table,
    accounts.log_in_again,
    portal.see_the_public_city_page,
    language.switch_to_french,
    accounts.log_out,
]


def test_a_newcomer_city_administrator_goes_through_the_site(newcomer: Visit) -> None:
    for step in JOURNEY:
        step(newcomer)
