"""Generators for the contract tests, installed once per session from the pinned versions here.

The npm packages (package.json, package-lock.json) are installed into var/contract-node/, and
installed again only when the lock file changes. Without npm the TypeScript tests are skipped
with the reason, except under CI=true, where they fail.
"""

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONTRACT = ROOT / "docs" / "openapi.json"
NODE_PREFIX = ROOT / "var" / "contract-node"


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the contract tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def node_bin() -> Path:
    """The pinned openapi-typescript and tsc, installed with `npm ci` into var/contract-node."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        unavailable("npm and node are needed to generate and compile the TypeScript types")
    lock = (HERE / "package-lock.json").read_text()
    installed_lock = NODE_PREFIX / "package-lock.json"
    ready = (NODE_PREFIX / "node_modules" / ".bin" / "tsc").exists()
    if not ready or not installed_lock.exists() or installed_lock.read_text() != lock:
        NODE_PREFIX.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(HERE / name, NODE_PREFIX / name)
        subprocess.run(  # noqa: S603 (the pinned generators, on our own files)
            [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
            cwd=NODE_PREFIX,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return NODE_PREFIX / "node_modules" / ".bin"


@pytest.fixture(scope="session")
def python_client(tmp_path_factory):
    """The package openapi-python-client generates from the committed contract, imported."""
    generator = Path(sys.executable).parent / "openapi-python-client"
    if not generator.exists():
        unavailable("openapi-python-client is not installed (pip install -e '.[dev]')")
    folder = tmp_path_factory.mktemp("python-client")
    subprocess.run(  # noqa: S603 (the pinned generators, on our own files)
        [
            str(generator),
            "generate",
            "--path",
            str(CONTRACT),
            "--output-path",
            str(folder / "contract_client"),
            "--meta",
            "none",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("contract_client")
    finally:
        sys.path.remove(str(folder))
