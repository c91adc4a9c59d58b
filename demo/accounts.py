"""One demo account per editorial role (and per language for translators and translation
reviewers), so a newcomer can walk an article through the workflow.

Each account gets its own random password, printed once when it is created and kept nowhere
(change it in the admin, or `manage.py changepassword`); in development DEMO_ACCOUNTS_PASSWORD
gives them all one password instead. The reviewer's account belongs to the demo medical
reviewer, so their approval credits him on the article.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale

from articles.models import Person
from core.translators import reviewers_group_name, translators_group_name
from editorial.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS

# username: (group, first name, last name)
ACCOUNTS = {
    "writer": (WRITERS, "Wren", "Writer"),
    "reviewer": (MEDICAL_REVIEWERS, "Tomas", "Okafor-Lind"),
    "editor": (EDITORS, "Edie", "Editor"),
    # Translators and translation reviewers act in their own language only.
    "translator": (translators_group_name("es"), "Tala", "Translator"),
    "mutarjim": (translators_group_name("ar"), "Samir", "Translator"),
    "revisora": (reviewers_group_name("es"), "Lucía", "Reviewer"),
    "muraji": (reviewers_group_name("ar"), "Amal", "Reviewer"),
}
DEMO_REVIEWER_NAME = "Dr. Tomas Okafor-Lind"


def demo_password() -> str:
    """DEMO_ACCOUNTS_PASSWORD (development only), or a new random password for one account."""
    if password := os.environ.get("DEMO_ACCOUNTS_PASSWORD"):
        if getattr(settings, "PRODUCTION_CHECKS", False):
            raise ImproperlyConfigured(
                "DEMO_ACCOUNTS_PASSWORD would give every demo account one password: "
                "production demo accounts get their own random passwords."
            )
        # The accounts can sign in to the admin: the same rules as every other password.
        validate_password(password)
        return password
    return secrets.token_urlsafe(12)  # 16 characters, enough for AUTH_PASSWORD_VALIDATORS


def load() -> list[str]:
    User = get_user_model()
    created: dict[str, str] = {}
    for username, (group_name, first_name, last_name) in ACCOUNTS.items():
        if User.objects.filter(username=username).exists():
            continue
        password = demo_password()
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.com",
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=group_name))
        created[username] = password

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
    if os.environ.get("DEMO_ACCOUNTS_PASSWORD"):
        return [f"Demo accounts: {', '.join(created)} (password: DEMO_ACCOUNTS_PASSWORD)."]
    # Shown this once and stored nowhere in plain text.
    return [
        "Demo accounts (passwords shown only now):",
        *(f"  {username}: {password}" for username, password in created.items()),
    ]
