"""Production installs the runtime lock alone; developers get the development lock on top."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEVELOPMENT_TOOLS = {
    "pytest", "pytest-django", "pytest-xdist", "pytest-playwright", "playwright", "schemathesis",
    "ruff", "import-linter", "mutmut", "openapi-python-client", "wagtail-factories",
}  # fmt: skip


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    lines = [line.strip() for line in path.read_text().splitlines()]
    return {
        normalised(name): version
        for name, version in (
            line.split("==") for line in lines if line and not line.startswith(("#", "-r"))
        )
    }


def requirement_name(requirement: str) -> str:
    return normalised(re.match(r"[A-Za-z0-9_.-]+", requirement)[0])


def test_the_runtime_lock_has_no_test_or_development_tools():
    assert not DEVELOPMENT_TOOLS & set(pins(ROOT / "requirements.lock"))


def test_the_runtime_lock_pins_every_runtime_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = pins(ROOT / "requirements.lock")
    missing = {requirement_name(r) for r in project["dependencies"]} - set(runtime)
    assert not missing


def test_the_development_lock_adds_the_tools_to_the_runtime_lock():
    development = ROOT / "requirements-dev.lock"
    assert "-r requirements.lock" in development.read_text().splitlines()
    added = pins(development)
    assert set(added) >= DEVELOPMENT_TOOLS
    # One version of each package: the runtime lock's, never a second pin.
    assert not set(added) & set(pins(ROOT / "requirements.lock"))


def test_make_install_installs_the_development_lock():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --disable-pip-version-check -r requirements-dev.lock" in makefile
