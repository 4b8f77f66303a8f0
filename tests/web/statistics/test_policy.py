"""Which releases, datasets and figures a person may see: the policy's querysets."""

from __future__ import annotations

from mechelen.web.statistics import policy
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.tenancy.access import VISITOR, Access, access_for_user
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Role
from tests.web.conftest import World
from tests.web.statistics.factories import dataset_in, figure_of, release_in

#: written out, not read from the policy, so a change of the policy fails here: a service
#: provider never sees a dataset or an unpublished release (the firewall of §11e and §41)
SEE_STATISTICS = {Role.ADMINISTRATOR, Role.COORDINATOR, Role.DATA_STEWARD, Role.VIEWER}
SEE_ALL_FIGURES = {Role.ADMINISTRATOR, Role.DATA_STEWARD}


def accesses(world: World) -> dict[str, Access]:
    """Everyone's access: a visitor, an outsider, each role of city A and of city B."""
    found = {"visitor": VISITOR, "outsider": access_for_user(world.outsider)}
    for name in ("a", "b"):
        for role in ORGANISATION_ROLES:
            found[f"{role.value} of {name}"] = access_for_user(world.city(name).users[role])
    return found


def test_releases_everyone_sees_and_those_city_a_sees(world: World) -> None:
    city = world.a.organisation
    made = {status: release_in(city, status) for status in ReleaseStatus}
    release_in(world.b.organisation, ReleaseStatus.PUBLISHED)
    published = {made[ReleaseStatus.PUBLISHED].pk}
    assert {r.pk for r in policy.public_releases(city)} == published
    every = {r.pk for r in made.values()}
    for label, access in accesses(world).items():
        sees_all = label in {f"{r.value} of a" for r in SEE_STATISTICS}
        expected = every if sees_all else published
        assert {r.pk for r in policy.visible_releases(access, city)} == expected, label


def test_datasets_only_for_the_roles_that_see_the_statistics(world: World) -> None:
    city = world.a.organisation
    dataset = dataset_in(city)
    for label, access in accesses(world).items():
        sees = label in {f"{r.value} of a" for r in SEE_STATISTICS}
        assert list(policy.visible_datasets(access, city)) == ([dataset] if sees else []), label


def test_figures_for_their_provider_and_for_stewards_and_administrators(world: World) -> None:
    city = world.a.organisation
    figure = figure_of(world.a)
    for label, access in accesses(world).items():
        sees = label in {f"{r.value} of a" for r in (*SEE_ALL_FIGURES, Role.SERVICE_PROVIDER)}
        assert list(policy.visible_figures(access, city)) == ([figure] if sees else []), label
