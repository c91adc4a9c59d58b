"""The commands docs/deployment.md tells operators to install run as production."""

import re
import shlex
from pathlib import Path

DEPLOYMENT = Path(__file__).resolve().parents[2] / "docs" / "deployment.md"


def cron_lines() -> list[str]:
    blocks = re.findall(r"```cron\n(.*?)```", DEPLOYMENT.read_text(), flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_documented_scheduler_cron_line_runs_with_the_production_environment():
    [line] = [line for line in cron_lines() if "publish_scheduled" in line]
    command = line.split(maxsplit=5)[5]  # after the five schedule fields
    words = shlex.split(command)

    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in words
    # The variable is set for manage.py itself, not only for an earlier command of the line.
    setting = words.index("DJANGO_SETTINGS_MODULE=cms.settings.production")
    assert words.index("manage.py") > setting
    assert not {"&&", ";", "|"} & set(words[setting : words.index("manage.py")])
    # Cron's bare environment has no secrets: an environment file is sourced first.
    assert re.search(r"(^|&&\s*)(\.|source)\s+\S+", command[: command.index("manage.py")])
