import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x7!k2-production-like-secret-with-enough-entropy-9f3a1c0b8d7e6f5a4b3c2d1e",
    "ALLOWED_HOSTS": "cms.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean_env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_base_settings_never_enable_debug():
    from cms.settings import base

    assert base.DEBUG is False
    assert not hasattr(base, "SECRET_KEY")


def test_a_malformed_boolean_is_rejected_at_start_up():
    env = {**PRODUCTION_ENV, "SECURE_SSL_REDIRECT": "perhaps"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be true or false" in result.stderr


def test_production_sends_email_by_smtp_from_the_environment():
    env = {
        **PRODUCTION_ENV,
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": "2525",
        "EMAIL_HOST_USER": "cms",
        "EMAIL_HOST_PASSWORD": "smtp-password",
        "DEFAULT_FROM_EMAIL": "cms@example.org",
    }
    result = run_manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, "
        "s.DEFAULT_FROM_EMAIL)",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "2525",
        "cms",
        "True",
        "cms@example.org",
    ]


@pytest.mark.parametrize("backend", ["console", "locmem"])
def test_production_refuses_an_email_backend_that_does_not_send(backend):
    env = {**PRODUCTION_ENV, "EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend"}
    result = run_manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert "core.E001" in result.stderr


def test_production_refuses_the_development_machine_translator():
    result = run_manage("check", "--deploy", env={**PRODUCTION_ENV, "MACHINE_TRANSLATOR": "dummy"})
    assert result.returncode != 0
    assert "core.E002" in result.stderr


def test_the_email_check_leaves_development_alone(settings):
    from core.checks import check_production_email

    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert check_production_email() == []
    settings.PRODUCTION_CHECKS = True
    assert [error.id for error in check_production_email()] == ["core.E001"]
