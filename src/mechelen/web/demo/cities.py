"""The demo's organisations, people and network: four real Belgian cities, fictional activity."""

from __future__ import annotations

import csv
import datetime
import gzip
from collections import Counter
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model

from mechelen.web.demo.steps import DemoContext, demo_step
from mechelen.web.tenancy.access import access_for_user
from mechelen.web.tenancy.models import Membership, Network, Organisation
from mechelen.web.tenancy.moderation.actions import set_platform_admin
from mechelen.web.tenancy.roles import Level, MigrationRole, OrganisationStatus, Role

STATBEL_EXTRACT = Path(__file__).parent / "data" / "statbel_2015_four_municipalities.csv.gz"
#: how the demo maps a city's rows of the extract (data/README.md)
STATBEL_MAPPING = Path(__file__).parent / "data" / "statbel-2015.yaml"

#: slug, name, NIS code, endorsement date (fictional except Mechelen's host role in 2017)
CITIES = (
    ("mechelen", "Mechelen", "12025", datetime.date(2017, 11, 17)),
    ("antwerpen", "Antwerpen", "11002", datetime.date(2018, 3, 1)),
    ("gent", "Gent", "44021", datetime.date(2018, 6, 20)),
    ("leuven", "Leuven", "24062", None),
)

#: user name suffix -> role; every city gets one person per role
ROLE_LOGINS = {
    "admin": Role.ADMINISTRATOR,
    "coordinator": Role.COORDINATOR,
    "steward": Role.DATA_STEWARD,
    "provider": Role.SERVICE_PROVIDER,
    "respondent": Role.RESPONDENT,
    "viewer": Role.VIEWER,
}
NETWORK_SLUG = "belgian-cities-demo"
NETWORK_ANALYST = "network-analyst"
#: the demo's platform administrator, who approves self-registered organisations
PLATFORM_ADMIN = "platform-admin"


@cache
def statbel_population() -> dict[str, int]:
    """Residents on 1 January 2015 by NIS code, summed from the Statbel extract."""
    totals: Counter[str] = Counter()
    with gzip.open(STATBEL_EXTRACT, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            totals[row["CD_MUNTY_REFNIS"]] += int(row["MS_POPULATION"])
    return dict(totals)


@demo_step(10, "cities, people and a network")
def load_cities(context: DemoContext) -> None:
    population = statbel_population()
    users = get_user_model().objects
    for slug, name, code, endorsed in CITIES:
        organisation, _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": "BEL",
                "level": Level.LOCAL,
                "population": population[code],
                "population_year": 2015,
                "statistical_code": code,
                "migration_roles": [MigrationRole.DESTINATION, MigrationRole.TRANSIT],
                "endorsed_on": endorsed,
                "fictional": True,
                "status": OrganisationStatus.APPROVED,
            },
        )
        context.organisations[slug] = organisation
        for suffix, role in ROLE_LOGINS.items():
            username = f"{slug}-{suffix}"
            user = users.filter(username=username).first() or users.create_user(
                username, f"{username}@example.org", context.password
            )
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
            context.users[username] = user
    network, _ = Network.objects.update_or_create(
        slug=NETWORK_SLUG,
        defaults={
            "name": "Belgian cities on migration (demo network)",
            "description": "A fictional network of four Belgian cities, to show the network pages.",
        },
    )
    network.members.set(context.organisations.values())
    analyst = users.filter(username=NETWORK_ANALYST).first() or users.create_user(
        NETWORK_ANALYST, "analyst@example.org", context.password
    )
    Membership.objects.get_or_create(user=analyst, network=network, role=Role.NETWORK_ANALYST)
    context.users[NETWORK_ANALYST] = analyst
    moderator = users.filter(username=PLATFORM_ADMIN).first() or users.create_user(
        PLATFORM_ADMIN, "platform-admin@example.org", context.password
    )
    if not access_for_user(moderator).platform_admin:
        set_platform_admin(None, moderator, True)
    context.users[PLATFORM_ADMIN] = moderator
    context.notes.append(
        "Logins (password for all: {password}): <city>-admin, -coordinator, -steward, -provider, "
        "-respondent, -viewer for the cities {cities}; {analyst} for the network; "
        "{moderator} approves self-registered organisations.".format(
            password=context.password,
            cities=", ".join(slug for slug, *_ in CITIES),
            analyst=NETWORK_ANALYST,
            moderator=PLATFORM_ADMIN,
        )
    )
