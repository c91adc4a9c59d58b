"""first_run: the Site's address, the first administrator, and crisis lines in every language."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Site

PASSWORD = "a-long-first-admin-passphrase-2026"


def first_run(**options):
    options = {
        "hostname": "cms.example.org",
        "admin_email": "ops@example.org",
        "password_from_env": "FIRST_ADMIN_PASSWORD",
        **options,
    }
    return call_command("first_run", **options)


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("FIRST_ADMIN_PASSWORD", PASSWORD)


def test_first_run_sets_the_sites_address_and_creates_the_administrator(db, password, crisis_lines):
    first_run()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("cms.example.org", 443)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.email == "ops@example.org"
    assert admin.check_password(PASSWORD)


def test_first_run_refuses_to_finish_until_every_language_has_crisis_lines(db, password, locales):
    from tests.core.factories import crisis_lines_in, safety_information

    with pytest.raises(CommandError) as refusal:
        first_run()
    assert "English (en)" in str(refusal.value)
    # The site and the administrator are set already: running it again does not repeat them.
    assert Site.objects.get(is_default_site=True).hostname == "cms.example.org"

    english = crisis_lines_in("es")  # English and Spanish, no Arabic
    with pytest.raises(CommandError) as refusal:
        first_run()
    assert "العربية (ar)" in str(refusal.value)
    assert "English" not in str(refusal.value)
    assert "Español" not in str(refusal.value)

    safety_information(locales["ar"], translation_of=english)
    first_run()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_first_run_refuses_a_weak_administrator_password(db, monkeypatch, crisis_lines):
    monkeypatch.setenv("FIRST_ADMIN_PASSWORD", "password123")
    with pytest.raises(CommandError, match="Password refused"):
        first_run()
    assert not get_user_model().objects.exists()


def test_first_run_without_a_terminal_asks_for_the_password_from_the_environment(db):
    with pytest.raises(CommandError, match="--password-from-env"):
        call_command("first_run", hostname="cms.example.org", admin_email="ops@example.org")


def test_first_run_refuses_a_url_for_a_hostname(db, password):
    with pytest.raises(CommandError, match="bare host name"):
        first_run(hostname="https://cms.example.org/")
