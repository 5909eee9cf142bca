"""What the benchmarks share: the machine description, child-process timing, tables."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

PYTHON = sys.executable
SCRIPT = str(Path(sys.executable).parent / "kg-explorer")


def machine() -> str:
    """One line: cores, CPU model, RAM, Python and pyoxigraph versions."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        ram = f"{mem_kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        ram = "RAM unknown"
    import pyoxigraph

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{os.cpu_count()} cores ({model}), {ram}, Python {platform.python_version()}, "
        f"pyoxigraph {pyoxigraph.__version__}, load average at start {load:.2f}"
    )


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit code of one child process (its own rusage)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def best_of(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time and the largest peak RSS over *repeat* runs."""
    walls, rss = [], []
    for _ in range(repeat):
        wall, peak, _code = run_child(cmd, env)
        walls.append(wall)
        rss.append(peak)
    return statistics.median(walls), max(rss)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table."""
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        out.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(out)


def compiled_like_an_install() -> None:
    """The project's modules byte-compiled, as a user's app finds them from its second
    start on. Python writes ``__pycache__`` at a first import, except where
    ``PYTHONDONTWRITEBYTECODE`` is set (as on this project's build machines): there
    every start would compile ~100 modules again, ~0.1 s that no user waits for."""
    import compileall

    root = Path(__file__).resolve().parent.parent
    for package in ("explorer", "ui", "graph_data"):
        compileall.compile_dir(root / package, quiet=1)
