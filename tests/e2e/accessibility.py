"""axe-core for the browser tests: installed from the pinned lock file, injected by Playwright.

axe-core is pinned in tests/e2e/axe/package.json and installed with `npm ci` into var/e2e-node/
(again only when the lock file changes). A finding counts when it is serious or critical and in
markup of our own; what Wagtail or wagtail-localize cause is listed in docs/editorial.md.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page

HERE = Path(__file__).resolve().parent / "axe"
NODE_PREFIX = HERE.parents[2] / "var" / "e2e-node"
SEVERE = {"serious", "critical"}

# Findings in markup that Wagtail or wagtail-localize render, not ours (docs/editorial.md,
# "Accessibility"): (rule, a CSS selector fragment of the element axe points at).
NOT_OURS: set[tuple[str, str]] = set()


@pytest.fixture(scope="module", name="axe_source")
def axe_source_fixture() -> str:
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI") == "true":
            pytest.fail("npm is needed to install axe-core (CI=true: the checks must run)")
        pytest.skip("npm is needed to install axe-core for the accessibility checks")
    lock = (HERE / "package-lock.json").read_text()
    installed_lock = NODE_PREFIX / "package-lock.json"
    script = NODE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists() or not installed_lock.exists() or installed_lock.read_text() != lock:
        NODE_PREFIX.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(HERE / name, NODE_PREFIX / name)
        subprocess.run(  # noqa: S603 (the pinned axe-core, on our own lock file)
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
            cwd=NODE_PREFIX,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return script.read_text()


def severe_findings(page: Page, axe_source: str, *, exclude: list[str] = ()) -> list[str]:
    """The serious and critical findings on the page as it stands, one line per element."""
    page.add_script_tag(content=axe_source)
    results = page.evaluate(
        "async (exclude) => await axe.run({exclude: exclude.map((s) => [s])}, "
        "{resultTypes: ['violations']})",
        list(exclude),
    )
    found = []
    for violation in results["violations"]:
        if violation["impact"] not in SEVERE:
            continue
        for node in violation["nodes"]:
            target = json.dumps(node["target"])
            if any(rule == violation["id"] and part in target for rule, part in NOT_OURS):
                continue
            found.append(
                f"{violation['id']} ({violation['impact']}): {target} {node['html'][:160]}"
            )
    return found
