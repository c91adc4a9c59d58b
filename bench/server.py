"""Gunicorn servers for the benchmark: started on free loopback ports, stopped without fail."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.cpu import process_ticks

HOST = "127.0.0.1"
#: CPU clock ticks (usually 10 ms) that idle workers may use per interval: heartbeats, no requests.
IDLE_TICKS = 2


def free_port() -> int:
    """A port nothing listens on now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class WorkerMemory:
    pid: int
    rss_mib: float
    peak_rss_mib: float


class GunicornServer:
    """One gunicorn master and its workers, serving the project with the given environment."""

    def __init__(
        self,
        name: str,
        environment: Mapping[str, str],
        *,
        workers: int = 2,
        threads: int = 1,
        log_path: Path,
    ):
        self.name = name
        self.port = free_port()
        self.environment = dict(environment)
        self.workers = workers
        self.threads = threads
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self._workers_at_stop: list[int] = []

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def launch(self) -> None:
        """Start gunicorn without waiting for it (see `wait_until_ready`)."""
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            f"--bind={HOST}:{self.port}",
            f"--workers={self.workers}",
            f"--threads={self.threads}",
            # A slow stock-API listing must not get its worker killed while requests queue.
            "--timeout=300",
            "--backlog=256",
            f"--error-logfile={self.log_path}",
            "--log-level=warning",
        ]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                env={**os.environ, **self.environment},
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=Path(__file__).resolve().parent.parent,
            )

    def wait_until_ready(self, timeout: float = 60) -> None:
        """Until /healthz answers and every worker has started."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.name}) exited; see {self.log_path}")
            if self._healthy() and len(self.worker_pids()) == self.workers:
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn ({self.name}) did not answer in {timeout:.0f} s")

    def wait_until_idle(self, timeout: float = 300, interval: float = 0.5) -> float:
        """Until the workers stop using CPU; returns the seconds waited.

        A load generator stops sending at the end of a measurement, but requests it already
        sent (slow ones queue up) are still served: the next measurement must not inherit them.
        """
        started = time.monotonic()
        previous = self._worker_ticks()
        while time.monotonic() - started < timeout:
            time.sleep(interval)
            current = self._worker_ticks()
            if current - previous <= IDLE_TICKS:
                break
            previous = current
        return time.monotonic() - started

    def _worker_ticks(self) -> int:
        return sum(process_ticks(pid) for pid in self.worker_pids())

    def _healthy(self) -> bool:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            return connection.getresponse().status == 200
        except OSError:
            return False
        finally:
            connection.close()

    def worker_pids(self) -> list[int]:
        """The master's child processes (its workers), from /proc."""
        if self.process is None:
            return []
        master = self.process.pid
        children = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name is in parentheses and may contain spaces: split after it.
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == master:
                children.append(int(entry.name))
        return sorted(children)

    def pids(self) -> list[int]:
        """The master and its workers."""
        return [self.process.pid, *self.worker_pids()] if self.process else []

    def worker_memory(self) -> list[WorkerMemory]:
        memory = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            memory.append(
                WorkerMemory(
                    pid=pid,
                    rss_mib=_kib(fields.get("VmRSS", "0 kB")) / 1024,
                    peak_rss_mib=_kib(fields.get("VmHWM", "0 kB")) / 1024,
                )
            )
        return memory

    def request_stop(self) -> None:
        """Ask gunicorn to shut down (see `stop`, which waits).

        SIGINT is gunicorn's quick shutdown: nothing is left worth finishing gracefully.
        """
        if self.process is not None and self.process.poll() is None:
            self._workers_at_stop = self.worker_pids()
            self.process.send_signal(signal.SIGINT)

    def stop(self, timeout: float = 15) -> None:
        """Shut down, then SIGKILL the master and any worker left behind after `timeout`."""
        if self.process is None:
            return
        self.request_stop()
        workers = self._workers_at_stop
        if self.process.poll() is None:
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                # Workers of a killed master would linger; these ids are still theirs.
                for pid in workers:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
        self.process = None


def _kib(value: str) -> int:
    return int(value.strip().split()[0])
