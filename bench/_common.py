"""Small helpers shared by the benchmarks: arguments, figures on stdout, CPU of a process tree.

Every benchmark prints one figure per line as ``name: value unit`` and takes ``--quick``.
CPU figures are read from the kernel's per-process counters (psutil), so a benchmark can
measure a child process it started while it runs, side by side with another child.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import signal
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import psutil


def parse_args(
    description: str,
    argv: Sequence[str] | None = None,
    *,
    configure: Callable[[argparse.ArgumentParser], object] | None = None,
) -> argparse.Namespace:
    """``--quick`` plus whatever ``configure`` adds."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="a shorter run, under a minute")
    if configure is not None:
        configure(parser)
    return parser.parse_args(argv)


def emit(name: str, value: float, unit: str = "", digits: int = 2) -> None:
    """Print one figure as ``name: value unit`` (integers without decimals)."""
    if isinstance(value, int):
        text = str(value)
    elif value != value:  # NaN: the figure could not be measured
        text = "nan"
    else:
        text = f"{value:.{digits}f}"
    print(f"{name}: {text} {unit}".rstrip(), flush=True)


def tree_cpu_seconds(root: psutil.Process) -> float:
    """User + system CPU seconds of ``root`` and its live descendants.

    Descendants that exit between two readings take their time with them, so measure
    processes that stay up for the whole window.
    """
    total = 0.0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return total
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


class CpuWindow:
    """CPU used by a process tree between ``start()`` and ``stop()``, in % of one core."""

    def __init__(self, pid: int):
        self._root = psutil.Process(pid)
        self._cpu_at_start = 0.0
        self._started_at = 0.0

    def start(self) -> None:
        self._cpu_at_start = tree_cpu_seconds(self._root)
        self._started_at = time.monotonic()

    def stop(self) -> float:
        elapsed = max(1e-6, time.monotonic() - self._started_at)
        return 100.0 * (tree_cpu_seconds(self._root) - self._cpu_at_start) / elapsed


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` in 0..1); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def child_env(**overrides: str) -> dict[str, str]:
    """This process's environment for a child that imports the project, with ``overrides``."""
    root = str(Path(__file__).resolve().parents[1])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
    }
    env.update(overrides)
    return env


def die_with_parent() -> None:
    """``preexec_fn`` for children: the kernel kills the child when this process dies."""
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
