"""The first run of a new installation: the Site's address, the first administrator, and a check
that readers of every language would get crisis lines (without them no article can be published).
"""

import getpass
import os
import sys
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from core.models import SafetyInformation, SafetySettings


def languages_without_crisis_lines(site: Site) -> list[str]:
    """The configured languages whose readers would get no crisis lines of their own.

    The same rule as the publication check of articles (editorial.checks.articles): the chosen
    safety information needs a translation with at least one crisis line in each language, with
    no fallback to the source language.
    """
    chosen = (
        SafetySettings.objects.filter(site=site)
        .values_list("safety_information__translation_key", flat=True)
        .first()
    )
    covered = set(
        SafetyInformation.objects.filter(
            translation_key=chosen, crisis_lines__isnull=False
        ).values_list("locale__language_code", flat=True)
        if chosen
        else ()
    )
    return [f"{name} ({code})" for code, name in settings.LANGUAGES if code not in covered]


class Command(BaseCommand):
    help = (
        "Set up a new installation: the default Site's hostname and port, the first "
        "administrator, then check that safety information with crisis lines exists in every "
        "language. Exits non-zero until it does; run it again after adding them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="The public host, cms.example.org")
        parser.add_argument(
            "--port", type=int, default=443, help="The public port (443: https, the default)"
        )
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the administrator's password from this environment variable "
            "(otherwise it is asked for, twice).",
        )

    def handle(self, *args, hostname, port, admin_email, admin_username, password_from_env, **kw):
        hostname = hostname.strip().lower()
        if not hostname or urlsplit(f"//{hostname}").hostname != hostname:
            raise CommandError(f"--hostname must be a bare host name, not {hostname!r}.")
        with transaction.atomic():
            site = Site.objects.get(is_default_site=True)
            site.hostname, site.port = hostname, port
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
            site.save()
        self.stdout.write(f"Site: {hostname}:{port} (links in emails and purges use it).")

        self.create_admin(admin_username, admin_email, password_from_env)

        if missing := languages_without_crisis_lines(site):
            raise CommandError(
                "No crisis lines yet for: "
                + ", ".join(missing)
                + ". Articles in those languages cannot be published. In the admin, add "
                "Safety information (Snippets) with at least one crisis line, translate it into "
                "each language, choose it in Settings → Safety settings, then run first_run "
                "again."
            )
        self.stdout.write(self.style.SUCCESS("First run complete: the site is ready for editors."))

    def create_admin(self, username: str, email: str, password_from_env: str | None) -> None:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Administrator: one exists already, none created.")
            return
        if password_from_env:
            password = os.environ.get(password_from_env, "")
            if not password:
                raise CommandError(f"The environment variable {password_from_env} is empty.")
        else:
            if not self.stdin_is_interactive():
                raise CommandError("No terminal to ask for a password: use --password-from-env.")
            password = getpass.getpass("Administrator's password: ")
            if getpass.getpass("Again: ") != password:
                raise CommandError("The passwords differ.")
        user = User(username=username, email=email)
        try:
            validate_password(password, user=user)
        except ValidationError as error:
            raise CommandError(f"Password refused: {' '.join(error.messages)}") from error
        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(f"Administrator: {username} <{email}> created.")

    @staticmethod
    def stdin_is_interactive() -> bool:
        return sys.stdin.isatty()
