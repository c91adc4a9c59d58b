"""The benchmark (`make bench`) end to end on a tiny dataset, so that it cannot rot.

It runs the real pipeline in a subprocess (its own settings, cms.settings.bench): dataset build,
query counts, two gunicorn servers on free ports, the Python load generator for one second per
endpoint, and the report. The figures mean nothing at this size; that they exist does.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from bench.endpoints import COMPARISONS, endpoints

ROOT = Path(__file__).resolve().parents[2]
ENDPOINT_KEYS = [endpoint.key for endpoint in endpoints(targets=[], trivial_bytes=0)]
TIMEOUT_SECONDS = 150


@pytest.fixture
def bench_database(tmp_path, db) -> Iterator[str]:
    """A database for the benchmark, made from a copy of the migrated test database, so that
    the benchmark need not run every migration again (20 seconds or more).

    On SQLite, a copy in a file; on PostgreSQL, a throwaway database restored from pg_dump and
    dropped afterwards. Without pg_dump, an empty SQLite file that the benchmark migrates.
    """
    pg_dump, psql = shutil.which("pg_dump"), shutil.which("psql")
    if connection.vendor == "sqlite":
        yield copy_sqlite_test_database(tmp_path / "bench.sqlite3")
    elif connection.vendor == "postgresql" and pg_dump and psql:
        with throwaway_postgres_copy(pg_dump, psql) as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path / 'bench.sqlite3'}"


def copy_sqlite_test_database(path: Path) -> str:
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
        has_site = copy.execute("SELECT COUNT(*) FROM wagtailcore_site").fetchone()[0]
    if not has_site:  # an earlier test emptied the database: let the benchmark migrate
        path.unlink()
    return f"sqlite:///{path}"


@contextmanager
def throwaway_postgres_copy(pg_dump: str, psql: str) -> Iterator[str]:
    """A new database holding what the (committed, migrated) test database holds."""
    import psycopg

    settings = connection.settings_dict
    name = f"{settings['NAME']}_bench_{uuid.uuid4().hex[:8]}"
    server = {
        "host": settings["HOST"] or "localhost",
        "port": str(settings["PORT"] or 5432),
        "user": settings["USER"] or "postgres",
        "password": settings["PASSWORD"] or "",
    }
    environment = {
        **os.environ,
        "PGHOST": server["host"],
        "PGPORT": server["port"],
        "PGUSER": server["user"],
        "PGPASSWORD": server["password"],
    }
    admin = psycopg.connect(dbname="postgres", autocommit=True, **server)
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        dump = subprocess.run(  # noqa: S603
            [pg_dump, "--no-owner", "--no-privileges", settings["NAME"]],
            env=environment,
            capture_output=True,
            check=True,
            timeout=60,
        )
        subprocess.run(  # noqa: S603
            [psql, "--quiet", "--set=ON_ERROR_STOP=1", name],
            input=dump.stdout,
            env=environment,
            capture_output=True,
            check=True,
            timeout=60,
        )
        credentials = quote(server["user"]) + (
            f":{quote(server['password'])}" if server["password"] else ""
        )
        yield f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def run_benchmark(tmp_path: Path, database_url: str) -> tuple[subprocess.CompletedProcess, dict]:
    output = tmp_path / "results.json"
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment.update(VAR_DIR=str(tmp_path), BENCH_DIR=str(tmp_path))
    command = [
        sys.executable,
        "-m",
        "bench",
        "--articles=3",
        "--duration=1",
        "--repetitions=1",
        "--warmup=0",
        "--connections=2",
        "--quiet-wait=0",
        "--query-samples=3",
        "--load-generator=python",
        f"--database={database_url}",
        f"--output={output}",
    ]
    # Its own process group, so that a timeout can stop the benchmark and its servers together.
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    completed = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed, json.loads(output.read_text())


def process_exists(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def test_the_benchmark_measures_every_endpoint_and_cleans_up(tmp_path, bench_database):
    completed, results = run_benchmark(tmp_path, bench_database)

    assert set(results["endpoints"]) == set(ENDPOINT_KEYS)
    for key, endpoint in results["endpoints"].items():
        assert endpoint["throughput"] > 0, key
        assert endpoint["p50_ms"] > 0, key
        assert 0 <= endpoint["queries_min"] <= endpoint["queries_max"], key
        assert endpoint["response_bytes"] > 0, key
        # The printed table has a row for the endpoint with its query count.
        row = next(line for line in completed.stdout.splitlines() if endpoint["label"] in line)
        queries = (
            f"{endpoint['queries_min']}"
            if endpoint["queries_min"] == endpoint["queries_max"]
            else f"{endpoint['queries_min']}-{endpoint['queries_max']}"
        )
        assert f"| {queries} |" in row, row

    # A detail is read from its snapshot in one query; the trivial view never queries.
    assert results["endpoints"]["ours_detail_warm"]["queries_max"] == 1
    assert results["endpoints"]["trivial"]["queries_max"] == 0
    assert {row["label"] for row in results["comparisons"]} == {c.label for c in COMPARISONS}
    assert all(row["ratio"] > 0 for row in results["comparisons"])
    # Publishing: the editor's publish and the worker's re-rendering of every article (3 x 3).
    assert results["publishing"]["publish_ms"] > 0
    assert results["publishing"]["rerendered_pages"] == 9
    assert "| Editor's publish of one article (median) |" in completed.stdout

    workers = [worker for server in results["memory"].values() for worker in server]
    assert set(results["memory"]) == {"cold", "warm"}
    assert len(workers) == 4
    assert all(worker["rss_mib"] > 10 for worker in workers)
    assert not [worker["pid"] for worker in workers if process_exists(worker["pid"])]
