"""Idle benchmark: what the signed-in console costs while it shows no video at all.

A duty console idles for hours between events, and what it burns then is also burnt under
every wall it shows. The console runs as an operator signs in (``bench/wall.py``'s window
side, through the login dialog, in a child process with a home of its own) to the demo server
(``tests.support.live_server``, in this process; no camera feeds), its main window at
1920x1080 on a private Xvfb (``--platform offscreen``: Qt's offscreen platform) with the
wall, map and alerts docks shown and an empty 16-tile page on the wall. After a settling
time it is left alone, and its CPU is read from the kernel's counters over each phase:

* ``signed_in``: the first seconds after the sign-in (the lists and the map still loading),
  before the settling time: what a measurement that starts at once sees;
* ``rest``: nothing happens (no alert, no operator);
* ``trickle``: a detector posts one machine alert every 10 s, which the console's event
  stream brings to its Alerts dock;
* ``map_hidden``: as at rest, with the map's dock closed.

Per phase (``idle_`` for rest, ``idle_<phase>_`` for the others),
as ``name: value unit`` lines: the console process's CPU (``_console_cpu_pct``, % of one
core), its QtWebEngine renderer's (``_renderer_cpu_pct``) and its other QtWebEngine
processes' (``_webengine_other_cpu_pct``: GPU, utility, zygote), its X server's
(``_xvfb_cpu_pct``), their sum (``_total_cpu_pct``), the wake-ups of every thread of the
console and its children (``_wakeups_per_s``: voluntary and involuntary context switches,
``/proc/<pid>/task/*/status``) and the GUI thread's share of both. Lines starting with ``#``
name the threads that woke most and their CPU (Python threads by their Python name,
Chromium's and Qt's by the kernel's).

``--base DIR`` runs a second console from another checkout of the project (a ``git worktree`` of
the commit to compare with; its ``console/video/_framecore.so`` and ``resources/i18n/*.qm``
built or copied in) beside this one, on its own Xvfb, signed in to the same server: both are
measured over the same phases at once, so they see the same alerts and the same machine load,
and every figure is printed for both (``_base`` inserted after the phase) with the ratio
this/base (``_vs_base``). The machine's load average is printed at the start, per phase and at
the
end.

    .venv/bin/python bench/idle.py [--quick] [--seconds S] [--platform xcb|offscreen]
                                   [--base DIR] [--cameras N] [-v]
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The checkout whose console a child runs (``--base``): its packages come first, this file's
# tree only supplies the idle side (``bench`` is a namespace package over both).
TREE_ENV = "TIANMU_IDLE_BENCH_TREE"
sys.path.insert(0, str(ROOT))
if os.environ.get(TREE_ENV):
    sys.path.insert(0, os.environ[TREE_ENV])

import psutil  # noqa: E402

from bench._common import child_env, emit, parse_args  # noqa: E402
from bench._shift_backend import AlertSource  # noqa: E402
from bench.wall import Child, xvfb  # noqa: E402

logger = logging.getLogger("bench.idle")

OPERATOR = "operator-1"
ALERT_EVERY_S = 10.0
PHASES = ("signed_in", "rest", "trickle", "map_hidden")
TOP_THREADS = 6
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Plan:
    settle_s: float  # after the signed_in phase, before the others (the map and lists load)
    phase_s: float

    @classmethod
    def quick(cls) -> Plan:
        return cls(5.0, 8.0)

    @classmethod
    def full(cls) -> Plan:
        return cls(20.0, 60.0)


# ==================================================================== /proc readings


@dataclass(frozen=True)
class ThreadReading:
    process: str  # console, renderer, gpu, ... (the kind of process the thread is in)
    name: str
    cpu_s: float
    switches: int


def _chromium_type(process: psutil.Process) -> str:
    with contextlib.suppress(psutil.Error):
        for argument in process.cmdline():
            if argument.startswith("--type="):
                kind = argument.removeprefix("--type=")
                return "gpu" if kind == "gpu-process" else kind
        return str(process.name())
    return "gone"


def _process_kind(process: psutil.Process, console_pid: int) -> str:
    if process.pid == console_pid:
        return "console"
    kind = _chromium_type(process)
    if kind == "zygote":
        # Renderers are forked by the zygote and keep its command line.
        with contextlib.suppress(psutil.Error):
            parent = process.parent()
            if parent is not None and _chromium_type(parent) == "zygote":
                return "renderer"
    return kind


def _read_thread(task: Path) -> tuple[str, float, int] | None:
    try:
        stat = (task / "stat").read_text()
        status = (task / "status").read_text()
    except OSError:
        return None  # the thread ended
    comm = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2 :].split()
    cpu_s = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
    switches = 0
    for line in status.splitlines():
        if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
            switches += int(line.split()[1])
    return comm, cpu_s, switches


@dataclass
class TreeReading:
    """One moment of a console's process tree: each process's CPU (its ended threads
    included) and each live thread's."""

    at: float
    process_cpu_s: dict[int, tuple[str, float]] = field(default_factory=dict)
    threads: dict[tuple[int, int], ThreadReading] = field(default_factory=dict)


def read_tree(console_pid: int, python_names: dict[int, str]) -> TreeReading:
    reading = TreeReading(time.monotonic())
    root = psutil.Process(console_pid)
    for process in [root, *root.children(recursive=True)]:
        kind = _process_kind(process, console_pid)
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        reading.process_cpu_s[process.pid] = (kind, times.user + times.system)
        for task in Path(f"/proc/{process.pid}/task").glob("*"):
            thread = _read_thread(task)
            if thread is None:
                continue
            comm, cpu_s, switches = thread
            tid = int(task.name)
            name = python_names.get(tid, comm) if kind == "console" else comm
            reading.threads[(process.pid, tid)] = ThreadReading(kind, name, cpu_s, switches)
    return reading


@dataclass(frozen=True)
class ThreadFigure:
    process: str
    name: str
    cpu_pct: float
    wakeups_per_s: float


@dataclass
class PhaseFigures:
    """One console's figures over one phase."""

    # By process kind, and xvfb.
    cpu_pct: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    wakeups_per_s: float = 0.0
    gui_cpu_pct: float = 0.0
    gui_wakeups_per_s: float = 0.0
    threads: list[ThreadFigure] = field(default_factory=list)

    @property
    def renderer_pct(self) -> float:
        return self.cpu_pct["renderer"]

    @property
    def webengine_other_pct(self) -> float:
        kinds = set(self.cpu_pct) - {"console", "renderer", "xvfb"}
        return sum(self.cpu_pct[kind] for kind in kinds)

    @property
    def total_pct(self) -> float:
        return sum(self.cpu_pct.values())


def compare(
    before: TreeReading, after: TreeReading, console_pid: int, xvfb_cpu_pct: float | None
) -> PhaseFigures:
    seconds = max(1e-6, after.at - before.at)
    figures = PhaseFigures()
    for pid, (kind, cpu_s) in after.process_cpu_s.items():
        started = before.process_cpu_s.get(pid, (kind, 0.0))[1]
        figures.cpu_pct[kind] += 100.0 * (cpu_s - started) / seconds
    if xvfb_cpu_pct is not None:
        figures.cpu_pct["xvfb"] = xvfb_cpu_pct
    grouped: dict[tuple[str, str], list[float]] = {}
    for key, thread in after.threads.items():
        earlier = before.threads.get(key)
        cpu = thread.cpu_s - (earlier.cpu_s if earlier else 0.0)
        switches = thread.switches - (earlier.switches if earlier else 0)
        figures.wakeups_per_s += switches / seconds
        if key == (console_pid, console_pid):
            figures.gui_cpu_pct = 100.0 * cpu / seconds
            figures.gui_wakeups_per_s = switches / seconds
        # Chromium's pools run many threads of one name: they count as one.
        sums = grouped.setdefault((thread.process, thread.name), [0.0, 0.0])
        sums[0] += cpu
        sums[1] += switches
    figures.threads = sorted(
        (
            ThreadFigure(process, name, 100.0 * cpu / seconds, switches / seconds)
            for (process, name), (cpu, switches) in grouped.items()
        ),
        key=lambda t: (t.wakeups_per_s, t.cpu_pct),
        reverse=True,
    )
    return figures


# ==================================================================== the consoles


@dataclass
class Side:
    """One console under measurement: its child, its X server, its Python thread names."""

    label: str  # "" for this tree, "base" for --base
    child: Child
    xvfb_pid: int | None
    python_names: dict[int, str] = field(default_factory=dict)
    figures: dict[str, PhaseFigures] = field(default_factory=dict)

    def refresh_names(self) -> None:
        names = self.child.call("threads")["threads"]
        self.python_names = {int(tid): name for tid, name in names.items()}


def _xvfb_cpu_s(pid: int | None) -> float | None:
    if pid is None:
        return None
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def measure_phase(sides: list[Side], phase: str, seconds: float) -> None:
    """Every side over the same ``seconds``."""
    for side in sides:
        side.refresh_names()
    started = time.monotonic()
    readings = [(read_tree(s.child.pid, s.python_names), _xvfb_cpu_s(s.xvfb_pid)) for s in sides]
    time.sleep(seconds)
    for side, (before, x_before) in zip(sides, readings, strict=True):
        after = read_tree(side.child.pid, side.python_names)
        x_after = _xvfb_cpu_s(side.xvfb_pid)
        x_pct = (
            100.0 * (x_after - x_before) / max(1e-6, after.at - before.at)
            if x_after is not None and x_before is not None
            else None
        )
        side.figures[phase] = compare(before, after, side.child.pid, x_pct)
    logger.info("%s measured over %.1f s", phase, time.monotonic() - started)


class Trickle:
    """A detector posting one alert every ``ALERT_EVERY_S`` (the first soon after the start)
    from a thread, until stopped."""

    def __init__(self, url: str, camera_ids: list[str]) -> None:
        self._source = AlertSource(url, camera_ids)
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="idle-alerts", daemon=True)

    def __enter__(self) -> Trickle:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stopping.set()
        self._thread.join(15)
        self._source.close()

    @property
    def posted(self) -> int:
        return self._source.counts["posted"]

    @property
    def failed(self) -> int:
        return self._source.counts["failed"]

    def _run(self) -> None:
        if self._stopping.wait(0.5):
            return
        while True:
            self._source.post()
            if self._stopping.wait(ALERT_EVERY_S):
                return


def _operator_cameras(server: Any) -> list[str]:
    from console.domain.model import CameraStatus
    from console.server.demo.world import is_visible_to

    world = server.world
    department = next(u.department_id for u in world.users if u.username == OPERATOR)
    return [
        c.id
        for c in world.cameras
        if c.status is CameraStatus.ONLINE and is_visible_to(c, department)
    ]


# ==================================================================== report


def _phase_prefix(phase: str, label: str) -> str:
    parts = ["idle"] + ([] if phase == "rest" else [phase]) + ([label] if label else [])
    return "_".join(parts)


def _figures_of(f: PhaseFigures) -> dict[str, tuple[float, str]]:
    return {
        "console_cpu_pct": (f.cpu_pct["console"], "%"),
        "renderer_cpu_pct": (f.renderer_pct, "%"),
        "webengine_other_cpu_pct": (f.webengine_other_pct, "%"),
        "xvfb_cpu_pct": (f.cpu_pct["xvfb"], "%"),
        "total_cpu_pct": (f.total_pct, "%"),
        "wakeups_per_s": (f.wakeups_per_s, "/s"),
        "gui_thread_cpu_pct": (f.gui_cpu_pct, "%"),
        "gui_thread_wakeups_per_s": (f.gui_wakeups_per_s, "/s"),
    }


def report_phase(sides: list[Side], phase: str) -> None:
    for side in sides:
        prefix = _phase_prefix(phase, side.label)
        figures = side.figures[phase]
        for name, (value, unit) in _figures_of(figures).items():
            if name == "xvfb_cpu_pct" and side.xvfb_pid is None:
                continue
            emit(f"{prefix}_{name}", value, unit, 1)
        top = "; ".join(
            f"{t.process}/{t.name} {t.cpu_pct:.2f} % {t.wakeups_per_s:.0f}/s"
            for t in figures.threads[:TOP_THREADS]
        )
        print(f"# {prefix}: threads waking most: {top}", flush=True)
    if len(sides) == 2:
        ours, base = (s.figures[phase] for s in sides)
        theirs = _figures_of(base)
        for name, (value, _unit) in _figures_of(ours).items():
            if name in ("total_cpu_pct", "console_cpu_pct", "renderer_cpu_pct", "wakeups_per_s"):
                reference = theirs[name][0]
                ratio = value / reference if reference > 0 else float("nan")
                emit(f"{_phase_prefix(phase, '')}_{name}_vs_base", ratio, "x", 2)


# ==================================================================== run


def _start_side(
    label: str, tree: Path | None, platform: str, workdir: Path, stack: contextlib.ExitStack
) -> tuple[Child, int | None]:
    name = label or "this"
    env = child_env(QT_QPA_PLATFORM=platform, TIANMU_HOME=str(workdir / f"home-{name}"))
    xvfb_pid: int | None = None
    if platform == "xcb":
        display, xvfb_pid = stack.enter_context(xvfb(workdir / f"xvfb-{name}.log"))
        env["DISPLAY"] = display
    else:
        env.pop("DISPLAY", None)
    if tree is not None:
        env[TREE_ENV] = str(tree)
        env["PYTHONPATH"] = os.pathsep.join([str(tree), env["PYTHONPATH"]])
    child = Child("idle", env, workdir / f"console-{name}.log", Path(__file__))
    stack.callback(child.stop)
    return child, xvfb_pid


def run(plan: Plan, quick: bool, platform: str, base: Path | None, cameras: int) -> None:
    from tests.support.live_server import start_demo_server

    started = time.monotonic()
    emit("load_average_1min_start", os.getloadavg()[0], "", 2)
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tianmu-idle-")))
        sides = [Side("", *_start_side("", None, platform, workdir, stack))]
        if base is not None:
            sides.append(Side("base", *_start_side("base", base, platform, workdir, stack)))
        server = start_demo_server(workdir / "server", camera_count=cameras)
        stack.callback(server.close)

        def sign_in(side: Side) -> dict[str, Any]:
            side.child.wait_ready()
            side.child.call(
                "sign_in", url=server.url, username=OPERATOR, password=server.password(OPERATOR)
            )
            rest = side.child.call("at_rest")
            if rest["playing"]:
                raise RuntimeError(f"{side.label or 'this'}: the wall is not empty: {rest}")
            return rest

        # Both consoles sign in at once, so they are as long signed in when measured.
        with ThreadPoolExecutor(len(sides)) as pool:
            rest = list(pool.map(sign_in, sides))[0]
        docks = ", ".join(rest["docks"])
        print(
            f"# the signed-in main window at 1920x1080 ({platform}"
            f"{', each on its own Xvfb' if platform == 'xcb' else ''}), docks shown: {docks}; "
            f"an empty {rest['tiles']}-tile wall page; demo server with {cameras} cameras, "
            f"no camera feeds; {'this tree and ' + str(base) if base else 'this tree'}; "
            f"{plan.phase_s:g} s per phase after {plan.settle_s:g} s settling; "
            f"{os.cpu_count()} cores; {'quick' if quick else 'full'} run; "
            f"set-up {time.monotonic() - started:.0f} s",
            flush=True,
        )
        for phase in PHASES:
            if phase == "rest":
                time.sleep(plan.settle_s)
            print(f"# phase {phase}: load average {os.getloadavg()[0]:.2f}", flush=True)
            if phase == "trickle":
                listed = [side.child.call("alerts")["listed"] for side in sides]
                with Trickle(server.url, _operator_cameras(server)) as trickle:
                    measure_phase(sides, phase, plan.phase_s)
                time.sleep(0.5)  # the last alert reaches the lists
                emit("idle_trickle_alerts_posted", trickle.posted, "")
                for side, before in zip(sides, listed, strict=True):
                    gained = side.child.call("alerts")["listed"] - before
                    emit(f"{_phase_prefix(phase, side.label)}_alerts_listed", gained, "")
            elif phase == "map_hidden":
                for side in sides:
                    if side.child.call("map_dock", shown=False)["visible"]:
                        raise RuntimeError("the map's dock did not close")
                time.sleep(min(2.0, plan.settle_s))
                measure_phase(sides, phase, plan.phase_s)
                for side in sides:
                    side.child.call("map_dock", shown=True)
            else:
                measure_phase(sides, phase, plan.phase_s)
            report_phase(sides, phase)
        for side in sides:
            side.child.stop()  # signs out while the server still answers
    emit("load_average_1min_end", os.getloadavg()[0], "", 2)
    emit("bench_idle_s", time.monotonic() - started, "s", 1)


def _configure(parser: Any) -> None:
    parser.add_argument("--seconds", type=float, help="length of each phase (quick 8, full 60)")
    parser.add_argument(
        "--platform",
        choices=("xcb", "offscreen"),
        default="xcb",
        help="the console's Qt platform: on a private Xvfb (default) or offscreen",
    )
    parser.add_argument(
        "--base", type=Path, help="another checkout whose console is measured beside this one"
    )
    parser.add_argument(
        "--cameras", type=int, default=400, help="cameras in the demo world (default 400)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log the phases to stderr")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) == 2 and arguments[0] == "--child":
        from bench._idle_side import make_idle_side
        from bench.wall import _child_main

        return _child_main(arguments[1], make_idle_side)
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", arguments, configure=_configure)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(relativeCreated)7.0f ms %(name)s: %(message)s",
    )
    if args.base is not None and not (args.base / "console" / "app.py").is_file():
        print(f"--base {args.base}: not a checkout of the project", file=sys.stderr)
        return 2

    def interrupted(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupted)
    plan = Plan.quick() if args.quick else Plan.full()
    if args.seconds:
        plan = Plan(plan.settle_s, args.seconds)
    try:
        run(plan, args.quick, args.platform, args.base, args.cameras)
    except KeyboardInterrupt:
        print("interrupted; every process this run started is stopped", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
