from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mechelen.web.tenancy.moderation.actions import set_platform_admin


class Command(BaseCommand):
    help = (
        "Make a user a platform administrator, who approves or rejects self-registered "
        "organisations at /platform/organisations/ (a Django superuser is one too)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="the user name of an existing account")
        parser.add_argument(
            "--remove", action="store_true", help="take the platform administrator role away"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"there is no user {options['username']}")
        set_platform_admin(None, user, not options["remove"])
        state = "no longer a" if options["remove"] else "now a"
        self.stdout.write(f"{user.get_username()} is {state} platform administrator")
