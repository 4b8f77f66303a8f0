"""What the follow-up policy lets a person see: its querysets and its one-row answers agree."""

from __future__ import annotations

from mechelen.web.followup import policy
from mechelen.web.followup.models import IndicatorObservation, ObservationSource
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.tenancy.access import VISITOR, access_for_user
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.followup.factories import document_evidence, indicator_of
from tests.web.statistics import factories as stats


def test_a_visitor_sees_the_values_each_value_says_are_public(world: World) -> None:
    item = indicator_of(world.a)
    item.public = True
    item.save()
    published = stats.release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    withdrawn = stats.release_in(world.a.organisation, ReleaseStatus.REJECTED)
    kinds = [
        (2019, ObservationSource.MANUAL, None, True),
        (2020, ObservationSource.MANUAL, None, False),
        (2021, ObservationSource.PUBLISHED_RELEASE, published, False),
        (2022, ObservationSource.PUBLISHED_RELEASE, withdrawn, True),
        (2023, ObservationSource.PUBLISHED_RELEASE, None, True),
        (2024, ObservationSource.SERVICE_FIGURES, None, True),
    ]
    for year, source, release, public in kinds:
        IndicatorObservation.objects.create(
            indicator=item, year=year, value=1.0, source=source, release=release, public=public
        )
    every = IndicatorObservation.objects.filter(indicator=item)
    public_years = {o.year for o in every if policy.is_public_value(o)}
    seen = policy.visible_values(VISITOR, world.a.organisation)
    assert {o.year for o in seen} == public_years == {2019, 2021, 2024}
    insider = policy.reader_of(world.a.organisation, public=False)
    assert policy.visible_values(insider, world.a.organisation).count() == len(kinds)


def test_a_hidden_indicator_and_private_evidence_are_for_the_internal_roles(world: World) -> None:
    hidden = indicator_of(world.a)
    private = document_evidence(world.a.private_commitment)  # type: ignore[arg-type]
    public = document_evidence(world.a.public_commitment)  # type: ignore[arg-type]
    organisation = world.a.organisation
    for role in (Role.VIEWER, Role.DATA_STEWARD, Role.COORDINATOR):
        access = access_for_user(world.a.users[role])
        assert list(policy.visible_indicators(access, organisation)) == [hidden]
        assert set(policy.visible_evidence(access, organisation)) == {private, public}
    for access in (VISITOR, access_for_user(world.b.users[Role.ADMINISTRATOR])):
        assert not policy.visible_indicators(access, organisation).exists()
        assert list(policy.visible_evidence(access, organisation)) == [public]
    assert policy.reader_of(organisation, public=True) == VISITOR
