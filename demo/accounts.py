"""One demo account per editorial role, so a newcomer can walk an article through the workflow.

The accounts share one password: DEMO_ACCOUNTS_PASSWORD, or one generated on the first run and
kept in var/demo-accounts.txt. The reviewer's account belongs to the demo medical reviewer, so
their approval credits him on the article.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from wagtail.models import Locale

from articles.models import Person
from core.translators import TRANSLATORS_GROUP_NAME
from editorial.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS

# username: (group, first name, last name)
ACCOUNTS = {
    "writer": (WRITERS, "Wren", "Writer"),
    "reviewer": (MEDICAL_REVIEWERS, "Tomas", "Okafor-Lind"),
    "editor": (EDITORS, "Edie", "Editor"),
    "translator": (TRANSLATORS_GROUP_NAME, "Tala", "Translator"),
}
DEMO_REVIEWER_NAME = "Dr. Tomas Okafor-Lind"


def demo_password() -> str:
    credentials_file = settings.VAR_DIR / "demo-accounts.txt"
    if password := os.environ.get("DEMO_ACCOUNTS_PASSWORD"):
        # The accounts can sign in to the admin: the same rules as every other password.
        validate_password(password)
        return password
    if credentials_file.exists():
        return credentials_file.read_text().split("password: ", 1)[1].split()[0]
    password = secrets.token_urlsafe(12)  # 16 characters, enough for AUTH_PASSWORD_VALIDATORS
    credentials_file.parent.mkdir(parents=True, exist_ok=True)
    credentials_file.write_text(
        f"usernames: {', '.join(ACCOUNTS)}\npassword: {password}\n", encoding="utf-8"
    )
    credentials_file.chmod(0o600)
    return password


def load() -> list[str]:
    User = get_user_model()
    created = []
    password = None
    for username, (group_name, first_name, last_name) in ACCOUNTS.items():
        if User.objects.filter(username=username).exists():
            continue
        password = password or demo_password()
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.com",
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=group_name))
        created.append(username)

    reviewer = Person.objects.filter(
        name=DEMO_REVIEWER_NAME, locale=Locale.get_default(), user__isnull=True
    ).first()
    if reviewer is not None:
        # The translations share the account (a synchronised field).
        Person.objects.filter(translation_key=reviewer.translation_key).update(
            user=User.objects.get(username="reviewer")
        )

    if not created:
        return ["Demo accounts: present."]
    where = (
        "DEMO_ACCOUNTS_PASSWORD"
        if os.environ.get("DEMO_ACCOUNTS_PASSWORD")
        else settings.VAR_DIR / "demo-accounts.txt"
    )
    return [f"Demo accounts: {', '.join(created)} (password in {where})."]
