"""docs/deployment.md shows commands that work as written (bin/health-cms, deploy/)."""

import re
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOYMENT = (ROOT / "docs" / "deployment.md").read_text()


def code_blocks(language: str) -> list[str]:
    blocks = re.findall(rf"```{language}\n(.*?)```", DEPLOYMENT, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_every_documented_cron_line_runs_the_wrapper_by_its_absolute_path():
    lines = code_blocks("cron")
    assert lines
    for line in lines:
        command = line.split(maxsplit=5)[5]  # after the five schedule fields
        assert command.startswith("/srv/health-cms/bin/health-cms "), line


def test_every_command_the_docs_run_through_the_wrapper_exists():
    commands = set(re.findall(r"bin/health-cms ([a-z_]+)", DEPLOYMENT))
    assert {"scheduler_tick", "first_run", "migrate", "update_index"} <= commands
    assert not commands - set(get_commands())


def test_every_file_of_deploy_the_docs_name_exists():
    named = set(re.findall(r"deploy/[\w.*-]+", DEPLOYMENT))
    assert named
    for name in named:
        assert list(ROOT.glob(name)), name


def test_the_docs_never_run_manage_py_without_the_production_environment():
    for line in code_blocks("sh") + code_blocks("cron"):
        assert "manage.py" not in line, line
