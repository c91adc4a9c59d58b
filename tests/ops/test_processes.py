"""What operators copy from deploy/ and bin/ works under a bare environment."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BARE = {"PATH": "/usr/bin:/bin"}


def settings_variables() -> set[str]:
    """Every environment variable production's settings read."""
    names = set()
    for module in ("base.py", "production.py", "env.py"):
        text = (ROOT / "cms" / "settings" / module).read_text()
        names |= set(re.findall(r'env_(?:str|required|bool|int|list)\(\s*"([A-Z0-9_]+)"', text))
    return names


def test_the_example_environment_file_documents_every_variable_production_reads():
    example = (ROOT / "deploy" / "env.example").read_text()
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", example, flags=re.MULTILINE))
    assert not settings_variables() - documented


def test_every_unit_reads_the_one_environment_file():
    for unit in (ROOT / "deploy").glob("*.service"):
        assert "EnvironmentFile=/etc/health-cms/env" in unit.read_text(), unit.name
        assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in unit.read_text(), unit.name


def test_the_wrapper_runs_commands_as_production_under_a_bare_environment(tmp_path):
    env_file = tmp_path / "env"
    env_file.write_text(
        "SECRET_KEY='wrapper-test-secret-key-with-enough-entropy-0a9b8c7d6e5f'\n"
        "ALLOWED_HOSTS=cms.example.org\n"
        "DATABASE_URL=sqlite:///:memory:\n"
    )
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "bin" / "health-cms"), "check", "--deploy", "--fail-level", "WARNING"],
        env={**BARE, "HEALTH_CMS_ENV": str(env_file)},
        cwd="/",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_wrapper_says_which_environment_file_it_cannot_read(tmp_path):
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "bin" / "health-cms"), "check"],
        env={**BARE, "HEALTH_CMS_ENV": str(tmp_path / "missing")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert str(tmp_path / "missing") in result.stderr


def test_the_build_collects_static_files_for_production_without_secrets(tmp_path):
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "bin" / "build")],
        env={**BARE, "STATIC_ROOT": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    # Production's manifest storage: the admin's login page finds its hashed files.
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "wagtailadmin/css/core.css" in manifest
