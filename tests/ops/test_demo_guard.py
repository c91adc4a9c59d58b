"""The demo loader keeps away from production, and its accounts do not share a password."""

import re

from django.contrib.auth import authenticate

from demo import accounts
from tests.foundation.test_settings import PRODUCTION_ENV, run_manage


def test_the_demo_loader_refuses_production_settings():
    result = run_manage("load_demo_content", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "production settings" in result.stderr
    assert "--force" in result.stderr


def test_each_demo_account_gets_its_own_password_shown_once(db, monkeypatch, settings, tmp_path):
    monkeypatch.delenv("DEMO_ACCOUNTS_PASSWORD", raising=False)
    settings.VAR_DIR = tmp_path
    summary = accounts.load()
    passwords = dict(re.findall(r"^  (\w+): (\S+)$", "\n".join(summary), flags=re.MULTILINE))
    assert set(passwords) == set(accounts.ACCOUNTS)
    assert len(set(passwords.values())) == len(passwords)
    for username, password in passwords.items():
        assert authenticate(username=username, password=password) is not None
    assert not list(tmp_path.iterdir())  # kept nowhere in plain text
    assert accounts.load() == ["Demo accounts: present."]


def test_a_shared_demo_password_is_refused_under_production_settings():
    env = {**PRODUCTION_ENV, "DEMO_ACCOUNTS_PASSWORD": "a-long-shared-demo-passphrase"}
    result = run_manage(
        "shell", "-c", "from demo.accounts import demo_password; demo_password()", env=env
    )
    assert result.returncode != 0
    assert "DEMO_ACCOUNTS_PASSWORD" in result.stderr
