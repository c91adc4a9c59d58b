"""The benchmark's results: the machine, the settings, a table per measurement, JSON for records."""

import json
import os
import platform
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

from bench.endpoints import COMPARISONS, Endpoint
from bench.load import Measurement
from bench.publishing import PublishingFigures
from bench.queries import Profile
from bench.server import WorkerMemory


def machine() -> dict[str, str]:
    """What the numbers depend on: cores, CPU model, memory, and the software's versions."""
    cpu_model = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f"{total_kib / 1024 / 1024:.1f} GiB"
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu_model,
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "gunicorn": version("gunicorn"),
    }


@dataclass
class EndpointResult:
    endpoint: Endpoint
    profile: Profile
    measurement: Measurement = field(default_factory=Measurement)

    def summary(self) -> dict:
        measurement = self.measurement
        return {
            "label": self.endpoint.label,
            "server": self.endpoint.server.value,
            "example_path": self.endpoint.paths[0],
            "requests": measurement.requests,
            "errors": measurement.errors,
            "seconds": round(measurement.seconds, 2),
            "throughput": round(measurement.throughput, 1),
            "run_throughputs": [round(value, 1) for value in measurement.run_throughputs],
            "p50_ms": round(measurement.percentile_ms(50), 2),
            "p99_ms": round(measurement.percentile_ms(99), 2),
            "other_cpu_share_max": (
                None
                if measurement.max_other_cpu_share is None
                else round(measurement.max_other_cpu_share, 3)
            ),
            "queries_min": self.profile.min_queries,
            "queries_max": self.profile.max_queries,
            "response_bytes": self.profile.response_bytes,
        }


@dataclass
class Results:
    machine: dict[str, str]
    settings: dict[str, object]
    endpoints: list[EndpointResult]
    memory: dict[str, list[WorkerMemory]]
    publishing: PublishingFigures | None = None

    def by_key(self) -> dict[str, EndpointResult]:
        return {result.endpoint.key: result for result in self.endpoints}

    def comparisons(self) -> list[dict]:
        results = self.by_key()
        rows = []
        for comparison in COMPARISONS:
            ours, reference = results.get(comparison.ours), results.get(comparison.reference)
            if ours is None or reference is None:
                continue
            ours_rate, reference_rate = (
                ours.measurement.throughput,
                reference.measurement.throughput,
            )
            ratio = ours_rate / reference_rate if reference_rate else None
            rows.append(
                {
                    "label": comparison.label,
                    "ours": round(ours_rate, 1),
                    "reference": round(reference_rate, 1),
                    "ratio": round(ratio, 2) if ratio is not None else None,
                    "target": comparison.target,
                    "met": ratio is not None and ratio >= comparison.target,
                }
            )
        return rows

    def to_json(self) -> dict:
        return {
            "machine": self.machine,
            "settings": self.settings,
            "endpoints": {result.endpoint.key: result.summary() for result in self.endpoints},
            "comparisons": self.comparisons(),
            "memory": {
                server: [asdict(worker) for worker in workers]
                for server, workers in self.memory.items()
            },
            "publishing": asdict(self.publishing) if self.publishing else None,
        }

    def write(self, json_path: Path) -> None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(self.to_json(), indent=2) + "\n")
        json_path.with_suffix(".md").write_text(self.markdown())

    def markdown(self) -> str:
        lines = [
            "| Endpoint | req/s | runs (req/s) | p50 ms | p99 ms | errors | SQL/request | KiB "
            "| other CPU |",
            "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for result in self.endpoints:
            measurement = result.measurement
            runs = ", ".join(f"{value:.0f}" for value in measurement.run_throughputs)
            other = measurement.max_other_cpu_share
            lines.append(
                f"| {result.endpoint.label} | {measurement.throughput:.1f} | {runs} "
                f"| {measurement.percentile_ms(50):.1f} | {measurement.percentile_ms(99):.1f} "
                f"| {measurement.errors} | {result.profile.queries_label} "
                f"| {result.profile.response_bytes / 1024:.1f} "
                f"| {'n/a' if other is None else f'{other:.0%}'} |"
            )
        lines += [
            "",
            "req/s counts 200 responses over all repetitions; runs shows each repetition. SQL: "
            "queries per request (fewest-most over sampled articles), counted in-process. "
            "Other CPU: the largest share of all cores that processes outside the benchmark used "
            "during a run of that endpoint.",
            "",
            "| Comparison | ours req/s | reference req/s | ratio | target | met |",
        ]
        lines.append("| --- | ---: | ---: | ---: | ---: | --- |")
        for row in self.comparisons():
            ratio = "n/a" if row["ratio"] is None else f"{row['ratio']:.2f}x"
            lines.append(
                f"| {row['label']} | {row['ours']:.1f} | {row['reference']:.1f} | {ratio} "
                f"| >= {row['target']}x | {'yes' if row['met'] else 'NO'} |"
            )
        lines += [
            "",
            "| Server | worker pid | RSS MiB | peak RSS MiB |",
            "| --- | ---: | ---: | ---: |",
        ]
        for server, workers in self.memory.items():
            for worker in workers:
                memory = f"{worker.rss_mib:.1f} | {worker.peak_rss_mib:.1f}"
                lines.append(f"| {server} | {worker.pid} | {memory} |")
        if self.publishing:
            figures = self.publishing
            lines += [
                "",
                "| Publishing | figure |",
                "| --- | ---: |",
                f"| Editor's publish of one article (median) | {figures.publish_ms:.0f} ms |",
                f"| One worker re-rendering {figures.rerendered_pages} articles "
                f"| {figures.rerender_s:.1f} s |",
            ]
        settings = ", ".join(f"{name}={value}" for name, value in self.settings.items())
        machine_line = ", ".join(f"{name}: {value}" for name, value in self.machine.items())
        lines += ["", f"Settings: {settings}", f"Machine: {machine_line}", ""]
        return "\n".join(lines)
