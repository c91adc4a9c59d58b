"""axe-core on the article editor and on the public pages (English and Arabic).

axe-core is pinned in tests/e2e/axe/package.json and installed with `npm ci` into var/e2e-node/
(again only when the lock file changes), then injected into each page by Playwright. A test
fails on a serious or critical finding of our own code; what Wagtail or wagtail-localize cause
is listed in docs/editorial.md and left out by rule and selector below.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page

from tests.articles.factories import ArticlePageFactory, reference, statistic

pytestmark = [
    pytest.mark.e2e,
    # As in test_article_workflow: the live server shares the database with the test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HERE = Path(__file__).resolve().parent / "axe"
NODE_PREFIX = HERE.parents[2] / "var" / "e2e-node"
PASSWORD = "e2e-a-long-password"
SEVERE = {"serious", "critical"}

# Findings in markup that Wagtail or wagtail-localize render, not ours (docs/editorial.md,
# "Accessibility"): (rule, a CSS selector fragment of the element axe points at).
NOT_OURS: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def axe_source() -> str:
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


def test_the_article_editor_has_no_serious_findings_of_ours(sign_in, newsroom, axe_source):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    article = ArticlePageFactory(
        parent=newsroom["article_index"],
        author=newsroom["author"],
        references=[reference("nimh-trd")],
        story=[{"type": "paragraph", "value": "<p>Maya felt calm.</p>"}],
        science=[statistic("nimh-trd")],
    )
    article.save_revision()
    page = sign_in("chief")
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.wait_for_load_state("networkidle")

    found = severe_findings(page, axe_source)
    print("\n".join(found))
    assert found == []
