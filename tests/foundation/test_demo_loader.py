import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command


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
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-demo-password")
    call_command("ensure_admin")
    call_command("ensure_admin")
    admins = get_user_model().objects.filter(is_superuser=True)
    assert list(admins.values_list("username", flat=True)) == ["editor-in-chief"]
    assert admins.get().check_password("a-long-demo-password")
