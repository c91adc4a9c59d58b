from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from demo.accounts import demo_password


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "contenttypes", "auth"}
        and not model._meta.label.startswith("wagtailcore.ModelLogEntry")
    }


@pytest.mark.django_db
def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo_content")
    first = row_counts()
    call_command("load_demo_content")
    assert row_counts() == first


@pytest.mark.django_db
def test_ensure_admin_creates_one_administrator_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "editor-in-chief")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-demo-password-7")
    call_command("ensure_admin")
    call_command("ensure_admin")
    admins = get_user_model().objects.filter(is_superuser=True)
    assert list(admins.values_list("username", flat=True)) == ["editor-in-chief"]
    assert admins.get().check_password("a-long-demo-password-7")


@pytest.mark.django_db
def test_ensure_admin_refuses_a_weak_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "admin123")
    with pytest.raises(CommandError, match="DJANGO_SUPERUSER_PASSWORD"):
        call_command("ensure_admin", stdout=StringIO())
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_generated_admin_and_demo_passwords_pass_the_password_validators(
    monkeypatch, settings, tmp_path
):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_ACCOUNTS_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path
    call_command("ensure_admin", stdout=StringIO())
    admin = get_user_model().objects.get()
    admin_password = (tmp_path / "admin-credentials.txt").read_text().split("password: ")[1]
    validate_password(admin_password.strip(), user=admin)
    validate_password(demo_password())


@pytest.mark.django_db
def test_a_weak_demo_password_from_the_environment_is_refused(monkeypatch):
    monkeypatch.setenv("DEMO_ACCOUNTS_PASSWORD", "demo")
    with pytest.raises(ValidationError):
        demo_password()
