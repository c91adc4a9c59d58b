"""Load generators: wrk when it is installed, otherwise a small asyncio HTTP/1.1 client.

Both keep a fixed number of connections busy for a fixed time, pick each request's path at random
from a list, and return a `Measurement` with a latency histogram, so that repetitions can be
merged before percentiles are taken.
"""

import asyncio
import contextlib
import json
import random
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

WRK_SCRIPT = Path(__file__).with_name("wrk.lua")
RESULT_PREFIX = "BENCH_RESULT "


@dataclass
class Measurement:
    """Requests completed in a time, with their latencies in microseconds (value -> count)."""

    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    bytes: int = 0
    latency_us: Counter[int] = field(default_factory=Counter)
    #: Throughput of each run merged into this one, to show the spread across repetitions.
    run_throughputs: list[float] = field(default_factory=list)
    #: Share of the machine's CPU that other processes used during each run (None: unknown).
    other_cpu_shares: list[float] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        """Successful requests per second."""
        return (self.requests - self.errors) / self.seconds if self.seconds else 0.0

    def percentile_ms(self, percent: float) -> float:
        total = sum(self.latency_us.values())
        if not total:
            return 0.0
        threshold = total * percent / 100
        seen = 0
        for value in sorted(self.latency_us):
            seen += self.latency_us[value]
            if seen >= threshold:
                return value / 1000
        return max(self.latency_us) / 1000

    @property
    def max_other_cpu_share(self) -> float | None:
        return max(self.other_cpu_shares, default=None)

    def merge(self, other: "Measurement", other_cpu_share: float | None = None) -> None:
        self.requests += other.requests
        self.errors += other.errors
        self.seconds += other.seconds
        self.bytes += other.bytes
        self.latency_us.update(other.latency_us)
        self.run_throughputs.append(other.throughput)
        if other_cpu_share is not None:
            self.other_cpu_shares.append(other_cpu_share)


class LoadGenerator(Protocol):
    name: str

    def run(
        self, base_url: str, paths: Sequence[str], seconds: float, connections: int
    ) -> Measurement: ...


class WrkLoadGenerator:
    """wrk with one thread (it needs little CPU) and a Lua script that picks random paths."""

    name = "wrk"

    def __init__(self, executable: str, threads: int = 1, timeout_seconds: int = 60):
        self.executable = executable
        self.threads = threads
        self.timeout_seconds = timeout_seconds

    def run(
        self, base_url: str, paths: Sequence[str], seconds: float, connections: int
    ) -> Measurement:
        with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as paths_file:
            paths_file.write("\n".join(paths) + "\n")
        try:
            completed = subprocess.run(
                [
                    self.executable,
                    f"--threads={self.threads}",
                    f"--connections={max(connections, self.threads)}",
                    f"--duration={max(round(seconds), 1)}s",
                    f"--timeout={self.timeout_seconds}s",
                    f"--script={WRK_SCRIPT}",
                    base_url,
                    "--",
                    paths_file.name,
                ],
                capture_output=True,
                text=True,
                check=True,
                timeout=seconds + self.timeout_seconds + 30,
            )
        finally:
            Path(paths_file.name).unlink(missing_ok=True)
        for line in completed.stdout.splitlines():
            if line.startswith(RESULT_PREFIX):
                return _from_wrk(json.loads(line.removeprefix(RESULT_PREFIX)))
        raise RuntimeError(f"wrk printed no result:\n{completed.stdout}\n{completed.stderr}")


def _from_wrk(result: dict) -> Measurement:
    errors = result["errors"]
    return Measurement(
        requests=result["requests"],
        errors=sum(errors.values()),
        seconds=result["duration_us"] / 1_000_000,
        bytes=result["bytes"],
        latency_us=Counter({int(value): count for value, count in result["latency"]}),
    )


class PythonLoadGenerator:
    """Keep-alive HTTP/1.1 over asyncio streams; reconnects when the server closes.

    It shares the machine's cores with the server, so it understates the server's throughput
    more than wrk does: use it for smoke runs and where wrk is missing.
    """

    name = "python"

    def run(
        self, base_url: str, paths: Sequence[str], seconds: float, connections: int
    ) -> Measurement:
        return asyncio.run(self._run(base_url, list(paths), seconds, connections))

    async def _run(
        self, base_url: str, paths: list[str], seconds: float, connections: int
    ) -> Measurement:
        url = urlsplit(base_url)
        host, port = url.hostname or "127.0.0.1", url.port or 80
        measurement = Measurement()
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(
            *(
                self._connection(host, port, paths, deadline, measurement)
                for _ in range(connections)
            )
        )
        measurement.seconds = time.perf_counter() - started
        return measurement

    async def _connection(
        self, host: str, port: int, paths: list[str], deadline: float, measurement: Measurement
    ) -> None:
        streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        while time.perf_counter() < deadline:
            path = random.choice(paths)
            began = time.perf_counter()
            try:
                if streams is None:
                    streams = await asyncio.open_connection(host, port)
                reader, writer = streams
                writer.write(_request(path, host, port))
                status, headers, body_size = await _read_response(reader)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                measurement.requests += 1
                measurement.errors += 1
                await _close(streams)
                streams = None
                continue
            measurement.requests += 1
            measurement.bytes += body_size
            measurement.latency_us[round((time.perf_counter() - began) * 1_000_000)] += 1
            if status != 200:
                measurement.errors += 1
            if not _keeps_alive(headers):
                await _close(streams)
                streams = None
        await _close(streams)


def _request(path: str, host: str, port: int, close: bool = False) -> bytes:
    connection = "Connection: close\r\n" if close else ""
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n"
        f"{connection}\r\n"
    ).encode()


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], int]:
    """The status, headers (lowercase names) and body size of one response."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {
        name.strip().lower(): value.strip()
        for name, _, value in (line.partition(":") for line in lines[1:] if line)
    }
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
        return status, headers, len(body)
    if headers.get("transfer-encoding", "").lower() == "chunked":
        size = 0
        while True:
            chunk_size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(chunk_size + 2)
            size += chunk_size
            if chunk_size == 0:
                return status, headers, size
    body = await reader.read()  # delimited by the connection closing
    headers["connection"] = "close"
    return status, headers, len(body)


def _keeps_alive(headers: dict[str, str]) -> bool:
    return headers.get("connection", "").lower() != "close"


async def _close(streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None) -> None:
    if streams is not None:
        writer = streams[1]
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


@dataclass(frozen=True)
class Pass:
    """One request to each of a list of paths."""

    requests: int
    failures: int
    #: Responses the delivery API served from its response cache (`X-Cache: HIT`).
    cache_hits: int


def request_each(base_url: str, paths: Sequence[str], connections: int) -> Pass:
    """Request every path once, `connections` at a time."""
    return asyncio.run(_request_each(base_url, list(paths), connections))


async def _request_each(base_url: str, paths: list[str], connections: int) -> Pass:
    url = urlsplit(base_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    pending = iter(paths)
    failures = hits = 0

    async def connection() -> None:
        nonlocal failures, hits
        for path in pending:  # the connections share one iterator
            reader, writer = await asyncio.open_connection(host, port)
            try:
                writer.write(_request(path, host, port, close=True))
                status, headers, _size = await _read_response(reader)
                failures += status != 200
                hits += headers.get("x-cache") == "HIT"
            finally:
                await _close((reader, writer))

    await asyncio.gather(*(connection() for _ in range(connections)))
    return Pass(len(paths), failures, hits)


def choose_load_generator(preference: str) -> LoadGenerator:
    """`wrk`, `python`, or `auto` (wrk when it is on the PATH)."""
    wrk = shutil.which("wrk")
    if preference == "wrk" and wrk is None:
        raise SystemExit(
            "wrk is not installed (apt-get install wrk), or use --load-generator=python"
        )
    if preference in ("wrk", "auto") and wrk is not None:
        return WrkLoadGenerator(wrk)
    return PythonLoadGenerator()
