"""`python -m bench`: build the dataset, start gunicorn, measure every endpoint, print the tables.

Steps: migrate and build (or reuse) the dataset; count each endpoint's SQL queries in-process;
start two gunicorn servers on free loopback ports, one with the delivery API's response cache
off ("cold") and one with it on ("warm", primed by requesting every article first); warm each
endpoint up; then measure each endpoint for --duration seconds, visiting the endpoints in turn
(round-robin) --repetitions times; read the workers' memory; stop the servers, whatever happens.
"""

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bench.endpoints import Endpoint, ServerRole, Target, endpoints
from bench.load import LoadGenerator, choose_load_generator, request_each
from bench.server import GunicornServer

if TYPE_CHECKING:  # it imports Django, which starts after the arguments are read
    from bench.report import EndpointResult

PROJECT_DIR = Path(__file__).resolve().parent.parent
#: The warm server counts as primed when a pass over every article finds this share cached.
PRIMED_HIT_RATIO = 0.99


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Benchmark the delivery API against Wagtail's stock API v2.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--articles", type=int, default=500, help="articles per locale")
    parser.add_argument("--duration", type=float, default=20, help="seconds per measurement")
    parser.add_argument("--repetitions", type=int, default=3, help="round-robin passes")
    parser.add_argument("--warmup", type=float, default=3, help="seconds per endpoint, unmeasured")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument(
        "--prime-rounds",
        type=int,
        default=10,
        help="at most this many passes over every article to fill the warm server's cache",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=300,
        help="before each measurement, wait up to this many seconds for other processes to use "
        "less than --quiet-threshold of the CPU (0: do not wait)",
    )
    parser.add_argument("--quiet-threshold", type=float, default=0.1, help="share of all cores")
    parser.add_argument(
        "--load-generator",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="auto: wrk if installed",
    )
    parser.add_argument(
        "--query-samples",
        type=int,
        default=9,
        help="articles per endpoint whose SQL queries are counted (spread over the locales)",
    )
    parser.add_argument(
        "--database",
        help="database URL (default: BENCH_DATABASE_URL, DATABASE_URL, or "
        "var/bench/bench-<articles>.sqlite3)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=[endpoint.key for endpoint in endpoints(targets=[], trivial_bytes=0)],
        help="measure only this endpoint (repeatable)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="where to write the results, as JSON and Markdown beside it "
        "(default: var/bench/results.json)",
    )
    args = parser.parse_args(argv)
    args.output = args.output or bench_dir() / "results.json"
    if min(args.articles, args.repetitions, args.connections, args.query_samples) < 1 or (
        args.duration <= 0
    ):
        parser.error(
            "--articles, --duration, --repetitions, --connections and --query-samples must be "
            "positive"
        )
    return args


def database_url(args: argparse.Namespace) -> str:
    if args.database:
        return args.database
    configured = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if configured:
        return configured
    return f"sqlite:///{bench_dir() / f'bench-{args.articles}.sqlite3'}"


def bench_dir() -> Path:
    """Where the benchmark keeps its databases, logs and results (as cms.settings.bench does)."""
    var_dir = Path(os.environ.get("VAR_DIR") or PROJECT_DIR / "var")
    path = Path(os.environ.get("BENCH_DIR") or var_dir / "bench")
    path.mkdir(parents=True, exist_ok=True)
    return path


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # The servers inherit this environment: same settings, same database.
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.bench"
    os.environ["BENCH_DATABASE_URL"] = database_url(args)

    import django

    django.setup()
    return measure(args)


def prime(base_url: str, paths: Sequence[str], args: argparse.Namespace) -> None:
    """Fill the warm server's cache: pass over every path until (nearly) all are hits.

    Each worker has its own cache unless REDIS_URL is set, and a request reaches either
    worker, so one pass is not enough.
    """
    for round_number in range(1, args.prime_rounds + 1):
        result = request_each(base_url, paths, args.connections)
        if result.failures:
            raise RuntimeError(f"{result.failures} requests failed while priming the cache")
        log(f"Priming the cache, pass {round_number}: {result.cache_hits}/{result.requests} hits")
        if result.cache_hits >= PRIMED_HIT_RATIO * result.requests:
            return


def wait_for_quiet_machine(server_pids: list[int], args: argparse.Namespace) -> None:
    """Other work on the machine (a test suite, a build) would take cores from the servers."""
    from bench.cpu import wait_for_quiet

    waited, share = wait_for_quiet(server_pids, args.quiet_threshold, args.quiet_wait)
    if share is not None and share >= args.quiet_threshold:
        log(f"Other processes still use {share:.0%} of the CPU after {waited:.0f} s; measuring.")
    elif waited > 5:
        log(f"Waited {waited:.0f} s for other processes to leave the CPU.")


def measure(args: argparse.Namespace) -> int:
    from django.core.management import call_command

    from bench.dataset import LANGUAGES, database_label, ensure_dataset
    from bench.report import Results, machine

    log(f"Database: {database_label()}")
    call_command("migrate", interactive=False, verbosity=0)
    targets = ensure_dataset(args.articles, log)
    results = profile_endpoints(targets, args)
    generator = choose_load_generator(args.load_generator)
    log(f"Load generator: {generator.name}, {args.connections} connections")

    servers = make_servers(results, args)
    try:
        for server in servers.values():
            server.launch()  # both boot at once
        for server in servers.values():
            server.wait_until_ready()
            log(f"gunicorn {server.name} on {server.base_url}, workers {server.worker_pids()}")
        if ServerRole.WARM in servers:
            warm = next(r.endpoint for r in results if r.endpoint.server is ServerRole.WARM)
            prime(servers[ServerRole.WARM].base_url, warm.paths, args)
        if args.warmup > 0:
            for result in results:
                server = servers[result.endpoint.server]
                generator.run(server.base_url, result.endpoint.paths, args.warmup, args.connections)
                server.wait_until_idle()
            log(f"Warmed up each endpoint for {args.warmup:g} s.")
        run_measurements(results, servers, generator, args)
        memory = {server.name: server.worker_memory() for server in servers.values()}
    finally:
        for server in servers.values():
            server.request_stop()
        for server in servers.values():
            server.stop()

    from bench.publishing import measure_publishing

    publishing = measure_publishing(log)
    report = Results(
        machine=machine(),
        settings={
            "articles": args.articles,
            "locales": len(LANGUAGES),
            "duration_s": args.duration,
            "repetitions": args.repetitions,
            "warmup_s": args.warmup,
            "connections": args.connections,
            "workers": args.workers,
            "threads": args.threads,
            "load_generator": generator.name,
            "database": database_label(),
        },
        endpoints=results,
        memory=memory,
        publishing=publishing,
    )
    report.write(args.output)
    print(report.markdown())
    log(f"Results written to {args.output} and {args.output.with_suffix('.md')}")
    return 0


def profile_endpoints(targets: list[Target], args: argparse.Namespace) -> "list[EndpointResult]":
    """The selected endpoints with their SQL queries and response sizes, counted in-process.

    The trivial view answers as many bytes as an article detail, so that is measured first.
    """
    from django.db import connections

    from bench.queries import profile
    from bench.report import EndpointResult

    log("Counting SQL queries per request and measuring response sizes...")
    detail_paths = tuple(f"/api/v1/pages/{target.page_id}" for target in targets)
    detail = profile(Endpoint("detail", "", ServerRole.COLD, detail_paths), args.query_samples)
    listing_paths = ("/api/v1/articles?limit=20",)
    listing = profile(Endpoint("listing", "", ServerRole.COLD, listing_paths), 1)
    results = [
        EndpointResult(endpoint, profile(endpoint, args.query_samples))
        for endpoint in endpoints(
            targets, trivial_bytes=detail.response_bytes, listing_bytes=listing.response_bytes
        )
        if not args.only or endpoint.key in args.only
    ]
    connections.close_all()  # the servers open their own
    return results


def make_servers(
    results: "list[EndpointResult]", args: argparse.Namespace
) -> dict[ServerRole, GunicornServer]:
    """A server per role that the selected endpoints need, its response cache set accordingly."""
    args.output.parent.mkdir(parents=True, exist_ok=True)
    return {
        role: GunicornServer(
            role.value,
            {"API_RESPONSE_CACHE_SECONDS": str(role.cache_seconds)},
            workers=args.workers,
            threads=args.threads,
            log_path=args.output.parent / f"gunicorn-{role.value}.log",
        )
        for role in sorted({result.endpoint.server for result in results})
    }


def run_measurements(
    results: "list[EndpointResult]",
    servers: dict[ServerRole, GunicornServer],
    generator: LoadGenerator,
    args: argparse.Namespace,
) -> None:
    """Each endpoint for --duration seconds, in turn, --repetitions times."""
    from bench.cpu import measure_other_share

    server_pids = [pid for server in servers.values() for pid in server.pids()]
    for repetition in range(1, args.repetitions + 1):
        # Round-robin, starting one endpoint later each time, so that no endpoint always goes
        # first (or always follows the slowest).
        offset = (repetition - 1) % len(results)
        for result in results[offset:] + results[:offset]:
            if args.quiet_wait > 0:
                wait_for_quiet_machine(server_pids, args)
            server = servers[result.endpoint.server]
            run, other_cpu = measure_other_share(
                server_pids,
                lambda url=server.base_url, paths=result.endpoint.paths: generator.run(
                    url, paths, args.duration, args.connections
                ),
            )
            server.wait_until_idle()  # slow requests still queued must not spill into the next
            result.measurement.merge(run, other_cpu)
            disturbed = "" if other_cpu is None else f", other processes {other_cpu:.0%} CPU"
            log(
                f"{repetition}/{args.repetitions} {result.endpoint.key}: "
                f"{run.throughput:.1f} req/s, p50 {run.percentile_ms(50):.1f} ms, "
                f"p99 {run.percentile_ms(99):.1f} ms, errors {run.errors}{disturbed}"
            )
