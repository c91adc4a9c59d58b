import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create an administrator account if none exists. The credentials come from "
        "DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD, "
        "or are generated and printed once (and kept in var/admin-credentials.txt)."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        credentials_file = settings.VAR_DIR / "admin-credentials.txt"
        if User.objects.filter(is_superuser=True).exists():
            hint = f" (see {credentials_file})" if credentials_file.exists() else ""
            self.stdout.write(f"An administrator account exists already{hint}.")
            return

        username = os.environ.get("DJANGO_SUPERUSER_USERNAME") or "admin"
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL") or "admin@example.com"
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)  # 16 characters
        try:
            validate_password(password, user=User(username=username, email=email))
        except ValidationError as error:
            raise CommandError(
                f"DJANGO_SUPERUSER_PASSWORD is too weak: {' '.join(error.messages)}"
            ) from error
        User.objects.create_superuser(username=username, email=email, password=password)

        if generated:
            credentials_file.parent.mkdir(parents=True, exist_ok=True)
            credentials_file.write_text(f"username: {username}\npassword: {password}\n")
            credentials_file.chmod(0o600)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created administrator '{username}' with password '{password}' "
                    f"(also saved in {credentials_file})."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Created administrator '{username}'."))
