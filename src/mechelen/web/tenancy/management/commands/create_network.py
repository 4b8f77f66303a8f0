from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.networks.actions import add_network_member, create_network


class Command(BaseCommand):
    help = "Create a network (e.g. UCLG) with its first network analyst and, optionally, members."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="short name for web addresses, e.g. uclg")
        parser.add_argument("name", help="full name, e.g. 'United Cities and Local Governments'")
        parser.add_argument("--analyst", help="user name of the network's first analyst")
        parser.add_argument(
            "--member",
            action="append",
            default=[],
            help="slug of a member organisation (repeatable)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if Network.objects.filter(slug=options["slug"]).exists():
            raise CommandError(f"a network {options['slug']} exists already")
        analyst = None
        if options["analyst"]:
            analyst = get_user_model().objects.filter(username=options["analyst"]).first()
            if analyst is None:
                raise CommandError(f"there is no user {options['analyst']}")
        members = []
        for slug in options["member"]:
            found = Organisation.objects.filter(slug=slug).first()
            if found is None:
                raise CommandError(f"there is no organisation {slug}")
            if not found.approved:
                raise CommandError(f"{slug} is not approved yet: approve it first")
            members.append(found)
        network = create_network(None, options["slug"], options["name"], analyst)
        for organisation in members:
            add_network_member(None, network, organisation)
        self.stdout.write(f"network {network.slug} created with {len(members)} member(s)")
