"""Creates a user with roles and a department; optionally prints a new API token last."""

import getpass
import sys

from django.core.management.base import BaseCommand, CommandError

from schakelpunt.accounts import services
from schakelpunt.accounts.models import User
from schakelpunt.accounts.roles import ALL_ROLES


class Command(BaseCommand):
    help = "Maak een gebruiker aan met rol(len) en afdeling."

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True)
        parser.add_argument("--role", action="append", required=True, choices=ALL_ROLES, dest="roles")
        parser.add_argument("--department", required=True, help="afdeling; wordt aangemaakt als die nog niet bestaat")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password", default=None, help="wachtwoord (anders interactief gevraagd; leeg laten voor alleen API/SSO)"
        )
        parser.add_argument("--no-password", action="store_true", help="geen wachtwoord (alleen API of SSO)")
        parser.add_argument("--api-token", action="store_true", help="druk een nieuw API-token af (laatste regel)")
        parser.add_argument("--api-token-purpose", default="API-toegang", help="waarvoor het token is")

    def handle(self, *args, **options):
        username = options["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"Gebruiker {username!r} bestaat al.")
        password = options["password"]
        wants_password = password is None and not options["no_password"] and not options["api_token"]
        if wants_password and sys.stdin.isatty():
            password = getpass.getpass("Wachtwoord: ")
        if password:
            from django.contrib.auth.password_validation import validate_password
            from django.core.exceptions import ValidationError

            try:
                validate_password(password, User(username=username, email=options["email"]))
            except ValidationError as exc:
                raise CommandError("Wachtwoord voldoet niet: " + " ".join(exc.messages)) from exc
        try:
            user = services.user_create(
                username=username,
                roles=options["roles"],
                afdeling=options["department"],
                password=password,
                email=options["email"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Gebruiker {user.username} aangemaakt (afdeling {user.afdeling}, rollen {', '.join(options['roles'])})."
        )
        if options["api_token"]:
            if services.needs_four_eyes(user):
                self.stdout.write(
                    "Geen token: voor deze rol vraagt een beheerder het aan met `manage.py api_token issue`."
                )
            else:
                self.stdout.write(services.api_token_create(user=user, doel=options["api_token_purpose"]))
