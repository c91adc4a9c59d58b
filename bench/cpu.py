"""How much of the machine's CPU other processes used while a measurement ran.

The servers and the load generator share the machine's cores; anything else running at the same
time (a test suite, a build) lowers the figures. Each measurement records the share of all CPU
time that went to processes other than the benchmark's, so that a disturbed run shows as such.
"""

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

PROC = Path("/proc")
T = TypeVar("T")


@dataclass(frozen=True)
class CpuSnapshot:
    #: Clock ticks the machine spent busy and in total, over all cores.
    busy: int
    total: int
    #: Clock ticks of the benchmark's own processes.
    ours: int


def available() -> bool:
    return (PROC / "stat").exists()


def machine_ticks() -> tuple[int, int]:
    fields = [int(value) for value in (PROC / "stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    busy = user + nice + system + irq + softirq + steal
    return busy, busy + idle + iowait


def process_ticks(pid: int) -> int:
    """User and system ticks of a process (0 once it has gone)."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return 0
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def own_ticks() -> int:
    """This process and its finished children (e.g. wrk), in clock ticks."""
    times = os.times()
    seconds = times.user + times.system + times.children_user + times.children_system
    return round(seconds * os.sysconf("SC_CLK_TCK"))


def snapshot(server_pids: Iterable[int]) -> CpuSnapshot | None:
    if not available():
        return None
    busy, total = machine_ticks()
    ours = own_ticks() + sum(process_ticks(pid) for pid in server_pids)
    return CpuSnapshot(busy, total, ours)


def other_share(before: CpuSnapshot | None, after: CpuSnapshot | None) -> float | None:
    """The fraction (0 to 1) of all CPU time between two snapshots used by other processes."""
    if before is None or after is None or after.total <= before.total:
        return None
    others = (after.busy - before.busy) - (after.ours - before.ours)
    return max(others, 0) / (after.total - before.total)


def measure_other_share(pids: list[int], action: Callable[[], T]) -> tuple[T, float | None]:
    """Run `action` and return its result with the other processes' share of the CPU meanwhile.

    `pids` are the benchmark's server processes (masters and workers).
    """
    before = snapshot(pids)
    result = action()
    return result, other_share(before, snapshot(pids))


def wait_for_quiet(
    pids: list[int], threshold: float, timeout: float, sample_seconds: float = 2.0
) -> tuple[float, float | None]:
    """Wait until other processes use less than `threshold` of the CPU for `sample_seconds`.

    Gives up after `timeout` seconds. Returns the seconds waited and the last share seen.
    """
    started = time.monotonic()
    while True:
        _, share = measure_other_share(pids, lambda: time.sleep(sample_seconds))
        waited = time.monotonic() - started
        if share is None or share < threshold or waited >= timeout:
            return waited, share
