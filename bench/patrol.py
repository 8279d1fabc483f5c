"""Patrol benchmark: a video patrol over two screens of 16 tiles, against plain libvlc.

The console runs as an operator uses it, in a child process: signed in through the login
dialog to the demo server (``tests.support.live_server``, in this process, the camera
simulator behind its stream addresses), its main window filling the first of two screens and
one wall page sent full screen to the second (Send to screen). The two screens are those of
a real multi-head X server (Debian's Xorg with the dummy driver,
``tests/support/multihead.py``) when it can start, else Qt's offscreen platform configured
with two screens (``--display`` picks; the run says which). The patrol is started from the
patrol panel with 16 cameras per page, over a plan on the server whose dwell is an
operator's (10 s): the patrol steps on its own dwell timer, and every step shows the next
cameras on every screen the patrol uses, whose pages were pre-rolled (their sub streams
playing, hidden) for the patrol's lead time before the step (``patrol.preroll_s``;
``--preroll-s`` sets it, a value of at least the dwell pre-rolls for the whole dwell).

Measured (``name: value unit`` lines, each budget beside its figure as ``*_budget``):

* ``patrol{S}x16_step_live_p50_s`` / ``_p95_s``: from a step (the patrol's signal that a
  screen shows its next page) to every tile of every screen having painted a live picture it
  had not painted before the step; steps whose next pages were not all live while hidden
  are counted (``_steps_not_prerolled``).
* ``patrol{S}x16_cpu_ratio_vs_bare``: CPU of the console's process (user + system, its
  children included) over whole dwells (from one measured step to the last), against the CPU
  of another process showing the same streams with plain libvlc (``bench/wall.py``'s bare
  side: one player per stream drawing with libvlc's own X11 output into native windows of
  the tiles' sizes, on a private Xvfb), as rates. The console also decodes the pre-rolled
  pages for the lead time of each dwell, the bare side only what it shows
  (``patrol{S}x16_players_*_decoding_mean`` say how many on average);
  ``_vs_bare_with_preroll`` (full runs, ``--bare-preroll``) sets the console against plain
  libvlc playing as many players more in a second process all the time. On the real X
  server, ``_with_x`` adds each side's X server.
* ``patrol{S}x16_lost_pictures``: pictures libvlc lost (its per-player counter) in every
  player the patrol showed, over the player's life (pre-roll included) until a moment before
  its page went.
* ``patrol_lateness_p99_ms`` / ``_max_ms``: the console's own event-loop lateness probe over
  the measured dwells; ``patrol_lateness_reference_*`` is the same probe in an empty Qt event
  loop of a third process (what the machine's load does to any GUI thread).

Also printed: each camera's time to its first picture (p50/p95/max over the cameras) when
pre-rolled, from its page's pre-roll (``_preroll_first_picture_*``: the least the lead must
cover) and from its player's start (``_preroll_player_first_picture_*``), and when shown cold on
the first pages (``_cold_first_picture_*``); a pre-rolled page's time to all tiles live
(``_preroll_page_live_*``) and to its players' second picture, when they move
(``_preroll_moving_*``, ``_preroll_page_moving_*``: libvlc shows a first picture at once, then
fills its network buffer); the lead the steps' pages had (``_preroll_lead_mean_s``, ``_min_s``);
``_players_prerolled_by_time_mean``: the players pre-rolled on average over a dwell, from the
seconds each played hidden before its step (``_players_prerolled_decoding_mean`` samples them
while the bench waits, which a loaded machine skews); ``_steps_not_prerolled`` counts steps
whose page was not all live as it showed. Also printed: the runner's own step-live times
(``_runner_step_live_p95_s``: its supervisors' state, no painted picture awaited), the first
pages' cold start, the signed-in window's CPU with nothing on its wall, the load average at the
start and the end, and the run's length.

``S`` is the number of screens the patrol showed at once: 2 when the patrol covers every
wall screen, 1 with a patrol that fills the main window's page only. Rounds alternate which
side goes first. Exits 1 when a budget fails (``--no-fail``: 0).

    .venv/bin/python bench/patrol.py [--quick] [--display auto|xorg|offscreen]
                                     [--rounds N] [--steps N] [--dwell S] [--preroll-s S]
                                     [--bare-preroll] [--sample-gui] [--video-nice N[,M...]]
                                     [--no-fail]

``--sample-gui`` says where the GUI thread was while its loop was late
(``bench/_gui_sampler.py``: stacks, running or asleep, its CPU time against its time waiting
for a CPU, repaints per window, a CPU-time profile of the steps).

``--video-nice`` sets the console's ``video.thread_nice`` (how many nice steps libvlc's
threads of its players run below the GUI thread; 0 is off). Several values, comma
separated, are taken by the rounds in turn: ``--rounds 4 --video-nice 0,10`` measures the
setting off, on, off, on in one run, and each round's figures are printed with its value
(``patrol_round{N}_*``), then each value's beside the first's (``patrol_nice{V}_*``). Every
round also says how long the console's GUI thread ran on a CPU and how long it waited,
runnable, for one (``_gui_on_cpu_s``, ``_gui_waiting_for_cpu_s``; Linux's scheduler
counters, read from outside the console).
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import CpuWindow, child_env, emit, parse_args, percentile  # noqa: E402
from bench.wall import Child, xvfb  # noqa: E402

logger = logging.getLogger("bench.patrol")

SCREEN = (1280, 720)
SCREENS = 2
TILES = 16
LAYOUT = "16"
OPERATOR = "operator-1"
FEEDS = 4
# Sub streams of the size a 16-tile screen shows, at half rate: the console decodes the shown
# and the pre-rolled pages (64 streams on two screens) on a two-core machine.
FEED_OPTIONS: dict[str, Any] = {
    "sub_size": (480, 270),
    "sub_fps": 12.5,
    "main_size": (640, 360),
    "main_fps": 5,
}
DISPLAYS = ("auto", "xorg", "offscreen")
BUDGETS: dict[str, float] = {
    "step_live_p95_s": 0.5,
    "cpu_ratio_vs_bare": 1.15,
    "lost_pictures": 0,
    "lateness_p99_ms": 16.0,
}


@dataclass(frozen=True)
class Plan:
    """Rounds of one patrol each: the first page's dwell unmeasured (its pages start cold),
    then ``steps`` steps made by the patrol's own dwell timer, measured over the whole dwells
    between the first and the last of them; the bare side for as long, at most ``bare_s``
    (a steady rate, which a shorter window measures as well)."""

    rounds: int
    steps: int
    dwell_s: int
    settle_s: float
    live_timeout_s: float
    bare_s: float
    bare_preroll: bool  # also plain libvlc with as many players more, for the pre-rolled pages
    preroll_s: float | None = None  # the console's patrol.preroll_s (None: its default)
    sample_gui: bool = False  # sample the GUI thread's stack over the measured dwells
    # The console's video.thread_nice for each round in turn (empty: the setting's default).
    video_nice: tuple[int, ...] = ()

    @classmethod
    def quick(cls) -> Plan:
        return cls(1, 3, 10, 1.0, 5.0, 8.0, False)

    @classmethod
    def full(cls) -> Plan:
        return cls(3, 6, 10, 2.0, 10.0, 30.0, True)

    @property
    def pages(self) -> int:
        """Pages per screen one patrol needs: the first, the steps, the pre-rolled last."""
        return 1 + self.steps + 1


# ==================================================================================== display


@dataclass
class Display:
    """Where the console's two screens are: ``kind`` (``xorg`` or ``offscreen``), the
    child's environment, and the X server's pid (its CPU counts with the console's)."""

    kind: str
    env: dict[str, str]
    x_pid: int | None = None
    note: str = ""


def offscreen_display(workdir: Path) -> Display:
    """Qt's offscreen platform with two screens side by side (one process sees both)."""
    screens = [
        {
            "name": f"OFF-{number + 1}",
            "x": number * SCREEN[0],
            "y": 0,
            "width": SCREEN[0],
            "height": SCREEN[1],
            "dpi": 96,
            "dpr": 1,
        }
        for number in range(SCREENS)
    ]
    config = workdir / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return Display("offscreen", {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"})


def xorg_display(stack: contextlib.ExitStack) -> Display:
    """The multi-head X server of ``tests/support/multihead.py`` (raises when it is not
    there or does not start)."""
    from tests.support.multihead import multihead_display

    server = stack.enter_context(multihead_display(heads=SCREENS, size=SCREEN))
    monitors = ", ".join(f"{m.name} {m.width}x{m.height}+{m.x}+{m.y}" for m in server.monitors())
    return Display("xorg", dict(server.env()), server.pid, f"Xorg {server.display}: {monitors}")


def open_display(kind: str, workdir: Path, stack: contextlib.ExitStack) -> Display:
    if kind == "offscreen":
        return offscreen_display(workdir)
    try:
        return xorg_display(stack)
    except Exception as error:
        if kind == "xorg":
            raise
        display = offscreen_display(workdir)
        display.note = f"the multi-head X server is not available ({type(error).__name__}: {error})"
        return display


# ==================================================================================== world


def plan_on_server(server: Any, count: int, dwell_s: int) -> tuple[str, list[str]]:
    """A patrol plan of ``count`` online cameras the operator may watch, saved on the
    server; its id and cameras. (The demo server's simulator streams every online camera;
    a tile that never plays would show as a step that never goes live.)"""
    from console.server.demo.field_api import ApiSession

    session = ApiSession(server.url, OPERATOR, server.password(OPERATOR), timeout_s=30)
    try:
        cameras: list[str] = []
        cursor: str | None = None
        while len(cameras) < count:
            params = {"status": "online", "limit": "500", **({"cursor": cursor} if cursor else {})}
            page = session.call("GET", "/cameras", params=params)
            cameras += [item["id"] for item in page["items"]][: count - len(cameras)]
            cursor = page.get("next_cursor")
            if not cursor:
                break
        if len(cameras) < count:
            raise RuntimeError(f"the operator may watch {len(cameras)} cameras, not {count}")
        body = {"name": "多屏巡检 bench", "camera_ids": cameras, "dwell_s": dwell_s}
        return str(session.call("POST", "/patrol-plans", json=body)["id"]), cameras
    finally:
        session.close()


# ==================================================================================== measuring


@dataclass
class Figures:
    screens: int = 0
    tiles: int = 0
    first_live_s: list[float] = field(default_factory=list)
    step_live_s: list[float] = field(default_factory=list)
    steps: int = 0
    steps_not_live: int = 0
    steps_not_prerolled: int = 0
    preroll_s: float | None = None
    cpu_pct: list[float] = field(default_factory=list)
    x_pct: list[float] = field(default_factory=list)
    bare_cpu_pct: list[float] = field(default_factory=list)
    bare_x_pct: list[float] = field(default_factory=list)
    lost: int = 0
    displayed: int = 0
    players_shown: int = 0
    bare_lost: int = 0
    decoding_shown: int = 0
    decoding_prerolled: int = 0
    decoding_shown_mean: list[float] = field(default_factory=list)
    decoding_prerolled_mean: list[float] = field(default_factory=list)
    idle_cpu_pct: float = math.nan
    bare_preroll_cpu_pct: list[float] = field(default_factory=list)
    runner_live_s: list[float] = field(default_factory=list)
    step_burst_s: list[float] = field(default_factory=list)
    step_burst_cpu_s: list[float] = field(default_factory=list)
    step_mode: str = ""
    dwell_s: float = 0.0
    lateness: list[dict[str, Any]] = field(default_factory=list)
    reference: list[dict[str, Any]] = field(default_factory=list)
    window_s: list[float] = field(default_factory=list)
    # Per round, in order: the video.thread_nice it ran with, the pictures its players lost,
    # the load average as it began, and its GUI thread's (on a CPU, waiting for one) seconds.
    round_nice: list[int] = field(default_factory=list)
    round_lost: list[int] = field(default_factory=list)
    round_load: list[float] = field(default_factory=list)
    round_gui: list[tuple[float, float]] = field(default_factory=list)
    round_threads: list[dict[int, int]] = field(default_factory=list)  # threads by nice value
    round_gui_nice: list[int] = field(default_factory=list)
    # Times to first picture (bench/_patrol_side.py's log): of the pre-rolled tiles from their
    # page's pre-roll (what the lead must cover) and from their player's start; of the first
    # pages' tiles, shown cold, from the start; a pre-rolled page's all tiles live; the lead
    # each step's page had.
    preroll_first_s: list[float] = field(default_factory=list)
    preroll_played_s: list[float] = field(default_factory=list)
    cold_first_s: list[float] = field(default_factory=list)
    page_live_s: list[float] = field(default_factory=list)
    moving_s: list[float] = field(default_factory=list)
    page_moving_s: list[float] = field(default_factory=list)
    leads_s: list[float] = field(default_factory=list)
    hidden_player_s: list[float] = field(default_factory=list)  # per step and screen


def threads_by_nice(pid: int) -> dict[int, int]:
    """How many threads of process ``pid`` run at each nice value (Linux's ``/proc``)."""
    counts: dict[int, int] = {}
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            stat = (task / "stat").read_text(encoding="ascii")
        except OSError:
            continue  # ended meanwhile
        nice = int(stat[stat.rindex(")") + 2 :].split()[16])  # field 19 of proc(5)
        counts[nice] = counts.get(nice, 0) + 1
    return dict(sorted(counts.items()))


def thread_schedstat(pid: int, tid: int) -> tuple[float, float]:
    """Seconds thread ``tid`` of process ``pid`` has run on a CPU and waited, runnable, for
    one (Linux's scheduler statistics; NaN where there are none)."""
    try:
        with open(f"/proc/{pid}/task/{tid}/schedstat", encoding="ascii") as stat:
            on_cpu_ns, waiting_ns, _slices = stat.read().split()
    except (OSError, ValueError):
        return math.nan, math.nan
    return int(on_cpu_ns) / 1e9, int(waiting_ns) / 1e9


def patrol_round(
    plan: Plan,
    console: Child,
    reference: Child,
    plan_id: str,
    x_pid: int | None,
    figures: Figures,
) -> dict[str, Any]:
    """One patrol: the first page's dwell, then the measured steps; what the first pages
    showed."""
    started = console.call(
        "start_patrol", plan_id=plan_id, tiles=TILES, live_timeout=plan.live_timeout_s * 4
    )
    if started["first_live_s"] is not None:
        figures.first_live_s.append(started["first_live_s"])
    figures.screens, figures.tiles = started["screens"], started["tiles"]
    figures.step_mode = started["step_mode"]
    figures.dwell_s = plan.dwell_s
    figures.preroll_s = started.get("preroll_s")
    logger.info("patrol on %d screens, %d tiles", figures.screens, figures.tiles)
    timeouts = {"due_timeout": plan.dwell_s + 5.0, "live_timeout": plan.live_timeout_s}
    cpu = CpuWindow(console.pid)
    x_server = CpuWindow(x_pid) if x_pid is not None else None
    began = 0.0
    samples_from = 0
    for index in range(plan.steps):
        step = console.call("step", **timeouts)
        logger.info("step: %s", step)
        figures.steps += 1
        if not step["running"]:
            raise RuntimeError("the patrol ran out of pages: the plan is too short")
        if step["live_s"] is None:
            figures.steps_not_live += 1
        else:
            figures.step_live_s.append(step["live_s"])
        if not step["prerolled"]:
            figures.steps_not_prerolled += 1
        if index == 0:
            # Whole dwells from here: each has its lead time of pre-roll, and one step.
            samples_from = console.call("decoding")["samples"]
            console.call("probe_reset")
            reference.call("probe_reset")
            if plan.sample_gui:
                console.call("sample_start")
            began = time.monotonic()
            # The console's GUI thread is its main thread: its id is the process's.
            gui_before = thread_schedstat(console.pid, console.pid)
            cpu.start()
            if x_server is not None:
                x_server.start()
    figures.cpu_pct.append(cpu.stop())
    gui_after = thread_schedstat(console.pid, console.pid)
    figures.round_threads.append(threads_by_nice(console.pid))
    figures.round_gui_nice.append(os.getpriority(os.PRIO_PROCESS, console.pid))
    figures.round_gui.append((gui_after[0] - gui_before[0], gui_after[1] - gui_before[1]))
    if x_server is not None:
        figures.x_pct.append(x_server.stop())
    figures.window_s.append(time.monotonic() - began)
    if plan.sample_gui:
        print_sampling(console.call("sample_stop")["sampling"])
    decoding = console.call("decoding", since=samples_from)
    figures.decoding_shown = max(figures.decoding_shown, decoding["shown_max"])
    figures.decoding_prerolled = max(figures.decoding_prerolled, decoding["standby_max"])
    figures.decoding_shown_mean.append(decoding["shown_mean"])
    figures.decoding_prerolled_mean.append(decoding["standby_mean"])
    probe = console.call("probe_snapshot")["probe"]
    figures.lateness.append(probe)
    if probe.get("last_stall_stack"):
        # For whoever chases the stall: where the GUI thread was while blocked.
        print(
            f"last event-loop stall, GUI thread stack:\n{probe['last_stall_stack']}",
            file=sys.stderr,
        )
    figures.reference.append(reference.call("probe_snapshot")["probe"])
    log = console.call("first_pictures_log")
    for camera in log["cameras"]:
        if camera["hidden"]:
            figures.preroll_first_s.append(camera["asked_s"])
            if camera["played_s"] is not None:
                figures.preroll_played_s.append(camera["played_s"])
        else:
            figures.cold_first_s.append(camera["asked_s"])
    figures.page_live_s += log["pages_live_s"]
    figures.moving_s += log["moving_s"]
    figures.page_moving_s += log["pages_moving_s"]
    figures.leads_s += log["leads_s"]
    figures.hidden_player_s += log["hidden_player_s"]
    stopped = console.call("stop_patrol")
    figures.round_lost.append(int(stopped["lost"]))
    figures.lost += int(stopped["lost"])
    figures.displayed += int(stopped["displayed"])
    figures.players_shown += int(stopped["players"])
    # The runner's own step times of the steps (the first pages' come first).
    figures.runner_live_s += stopped["runner_live_s"][figures.screens :]
    figures.step_burst_s += stopped.get("step_burst_s", [])
    figures.step_burst_cpu_s += stopped.get("step_burst_cpu_s", [])
    return started


def print_sampling(report: dict[str, Any]) -> None:
    """The GUI thread's stacks while its loop was late, and repaints per window (stderr)."""
    seconds = max(report["seconds"], 1e-9)
    lines = [
        f"GUI thread sampled {report['samples']} times in {seconds:.1f} s, "
        f"{report['late_samples']} while the loop was late ([R] running, [S] asleep: on a "
        f"lock, the interpreter's included, or polling); GUI thread CPU "
        f"{100 * report['gui_cpu_s'] / seconds:.1f} %:"
    ]
    slices = max(1, report["gui_timeslices"])
    lines.append(
        f"  GUI thread on a CPU {report['gui_run_s']:.2f} s, runnable waiting for one "
        f"{report['gui_runqueue_wait_s']:.2f} s, in {slices} slices: "
        f"{1000 * report['gui_run_s'] / slices:.2f} ms run and "
        f"{1000 * report['gui_runqueue_wait_s'] / slices:.2f} ms wait per slice"
    )
    lines += [f"  late {count:6d}  {where}" for where, count in report["late"]]
    lines += [f"  all  {count:6d}  {where}" for where, count in report["all"]]
    lines += [f"  repaints/s {name}: {n / seconds:.1f}" for name, n in report["updates"].items()]
    lines += [f"  paints/s {name}: {n / seconds:.1f}" for name, n in report["paints"].items()]
    lines.append("The steps' own time on the GUI thread (cProfile):")
    lines.append(report.get("step_profile", ""))
    print("\n".join(lines), file=sys.stderr, flush=True)


@dataclass
class Bare:
    """The plain libvlc side: ``shown`` shows the streams on its Xvfb; ``preroll`` (when the
    plan asks for it) plays as many more on an Xvfb of its own, standing for the pages the
    console pre-rolls."""

    shown: Child
    x_pid: int
    preroll: Child | None = None
    urls: list[str] = field(default_factory=list)
    sizes: list[list[int]] = field(default_factory=list)


def bare_round(plan: Plan, bare: Bare, seconds: float, figures: Figures) -> None:
    """The same streams at the same sizes in plain libvlc players, for ``seconds``; then,
    with ``bare.preroll``, as many more players beside them, for as long."""
    opened = bare.shown.call("open", urls=bare.urls, sizes=bare.sizes)
    logger.info("bare: pictures in all windows after %.1f s", opened["open_s"])
    time.sleep(plan.settle_s)
    cpu, x_server = CpuWindow(bare.shown.pid), CpuWindow(bare.x_pid)
    cpu.start()
    x_server.start()
    first = bare.shown.call("mark")
    time.sleep(seconds)
    last = bare.shown.call("mark")
    figures.bare_cpu_pct.append(cpu.stop())
    figures.bare_x_pct.append(x_server.stop())
    figures.bare_lost += sum(b - a for a, b in zip(first["lost"], last["lost"], strict=True))
    if bare.preroll is not None:
        bare.preroll.call("open", urls=bare.urls, sizes=bare.sizes)
        time.sleep(plan.settle_s)
        both = [CpuWindow(bare.shown.pid), CpuWindow(bare.preroll.pid)]
        for window in both:
            window.start()
        time.sleep(seconds)
        figures.bare_preroll_cpu_pct.append(sum(window.stop() for window in both))
        bare.preroll.call("close")
    bare.shown.call("close")


def bare_grid(
    urls: Sequence[str], sizes: Sequence[Sequence[int]]
) -> tuple[list[str], list[list[int]]]:
    """The streams and window sizes in the order the bare side's grid places them without
    overlap: its rows and columns take their cell size from each window, so smaller
    windows go first."""
    pairs = sorted(zip(urls, sizes, strict=True), key=lambda pair: (pair[1][1], pair[1][0]))
    return [url for url, _ in pairs], [list(size) for _, size in pairs]


def check_grid(sizes: Sequence[Sequence[int]]) -> str:
    """Why the bare side's grid of ``sizes`` would not show every window whole (empty: it
    does, to within 1 % of its pixels): its windows must neither leave its 1920x1080 window
    nor hide each other, or the X server draws less for it than for the console. Tiles a
    pixel apart in size overlap by a pixel or two, which does not count."""
    side = max(1, round(math.sqrt(len(sizes))))
    boxes = [
        (i % side * w, i // side * h, i % side * w + w, i // side * h + h)
        for i, (w, h) in enumerate(sizes)
    ]
    if any(right > 1920 or bottom > 1080 for _, _, right, bottom in boxes):
        return "a bare window leaves the grid"
    hidden = 0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            width = min(a[2], b[2]) - max(a[0], b[0])
            height = min(a[3], b[3]) - max(a[1], b[1])
            hidden += max(0, width) * max(0, height)
    total = sum(w * h for w, h in sizes)
    if hidden > total / 100:
        return f"bare windows hide {100 * hidden / total:.0f} % of each other"
    return ""


# ==================================================================================== report


def judged(name: str, budget_key: str, value: float, unit: str, digits: int = 2) -> bool:
    """Print the figure and its budget beside it; True when the budget holds."""
    limit = BUDGETS[budget_key]
    emit(name, value, unit, digits)
    emit(f"{name}_budget", limit, unit, digits)
    return value <= limit  # NaN fails


def report(figures: Figures) -> int:
    """Every figure; how many budgets failed."""
    f = figures
    prefix = f"patrol{f.screens}x{TILES}"
    live = f.step_live_s
    cpu = statistics.fmean(f.cpu_pct) if f.cpu_pct else math.nan
    bare = statistics.fmean(f.bare_cpu_pct) if f.bare_cpu_pct else math.nan
    ratio = cpu / bare if bare else math.nan
    lateness_p99 = max((p["p99_ms"] for p in f.lateness), default=math.nan)
    results = [
        judged(f"{prefix}_step_live_p95_s", "step_live_p95_s", percentile(live, 0.95), "s"),
        judged(f"{prefix}_cpu_ratio_vs_bare", "cpu_ratio_vs_bare", ratio, "x"),
        judged(f"{prefix}_lost_pictures", "lost_pictures", f.lost, "pictures"),
        judged("patrol_lateness_p99_ms", "lateness_p99_ms", float(lateness_p99), "ms", 1),
    ]
    emit(f"{prefix}_step_live_p50_s", percentile(live, 0.50), "s")
    emit(f"{prefix}_step_live_max_s", max(live) if live else math.nan, "s")
    # When the runner itself saw each screen's step live (its supervisors' state; no wait
    # for a painted picture), per screen and step.
    emit(f"{prefix}_runner_step_live_p95_s", percentile(f.runner_live_s, 0.95), "s")
    # The GUI thread's time making a step (pages switched, next pages loaded): one stall.
    burst = f.step_burst_s
    emit("patrol_step_burst_max_ms", 1000 * max(burst) if burst else math.nan, "ms", 1)
    burst_cpu = f.step_burst_cpu_s  # of which on a CPU (the rest: waiting for one, or a lock)
    emit("patrol_step_burst_cpu_max_ms", 1000 * max(burst_cpu) if burst_cpu else math.nan, "ms", 1)
    emit(f"{prefix}_steps", f.steps, "steps")
    emit(f"{prefix}_steps_not_live", f.steps_not_live, "steps")
    emit(f"{prefix}_steps_not_prerolled", f.steps_not_prerolled, "steps")
    # A cold page (the first): what the pre-roll lead time must cover.
    emit(f"{prefix}_first_live_p50_s", percentile(f.first_live_s, 0.50), "s")
    emit(f"{prefix}_tiles_shown", f.tiles, "tiles")
    emit("patrol_preroll_s", math.nan if f.preroll_s is None else f.preroll_s, "s", 1)
    emit(f"{prefix}_players_shown_decoding", f.decoding_shown, "players")
    emit(f"{prefix}_players_prerolled_decoding", f.decoding_prerolled, "players")
    mean = statistics.fmean
    emit(f"{prefix}_players_shown_decoding_mean", mean(f.decoding_shown_mean), "players", 1)
    emit(f"{prefix}_players_prerolled_decoding_mean", mean(f.decoding_prerolled_mean), "players", 1)
    report_first_pictures(f, prefix)
    # The signed-in window with nothing on the wall (event stream, outbox, map, probe).
    emit("patrol_window_idle_cpu_pct", f.idle_cpu_pct, "%", 1)
    emit(f"{prefix}_cpu_pct", cpu, "%", 1)
    emit(f"{prefix}_bare_cpu_pct", bare, "%", 1)
    if len(f.cpu_pct) > 1:
        for index, (ours, theirs) in enumerate(zip(f.cpu_pct, f.bare_cpu_pct, strict=True)):
            emit(f"{prefix}_cpu_ratio_round{index + 1}", ours / theirs if theirs else math.nan, "x")
    if f.x_pct:
        with_x = cpu + statistics.fmean(f.x_pct)
        bare_with_x = bare + statistics.fmean(f.bare_x_pct)
        emit(f"{prefix}_xorg_cpu_pct", statistics.fmean(f.x_pct), "%", 1)
        emit(f"{prefix}_cpu_ratio_vs_bare_with_x", with_x / bare_with_x, "x")
    if f.bare_preroll_cpu_pct:
        # Against plain libvlc playing as many players as the console decodes (the shown
        # streams and as many more, standing for the pre-rolled pages).
        preroll = statistics.fmean(f.bare_preroll_cpu_pct)
        emit(f"{prefix}_bare_with_preroll_cpu_pct", preroll, "%", 1)
        emit(f"{prefix}_cpu_ratio_vs_bare_with_preroll", cpu / preroll, "x")
    emit(f"{prefix}_bare_xvfb_cpu_pct", statistics.fmean(f.bare_x_pct), "%", 1)
    emit(f"{prefix}_pictures_shown", f.displayed, "pictures")
    emit(f"{prefix}_players_shown", f.players_shown, "players")
    emit(f"{prefix}_bare_lost_pictures", f.bare_lost, "pictures")
    emit("patrol_lateness_p50_ms", max(p["p50_ms"] for p in f.lateness), "ms", 1)
    emit("patrol_lateness_max_ms", max(p["max_ms"] for p in f.lateness), "ms", 1)
    emit("patrol_lateness_ticks", sum(int(p["window"]) for p in f.lateness), "ticks")
    emit("patrol_lateness_reference_p99_ms", max(p["p99_ms"] for p in f.reference), "ms", 1)
    emit("patrol_lateness_reference_max_ms", max(p["max_ms"] for p in f.reference), "ms", 1)
    emit("patrol_measured_s", sum(f.window_s), "s", 1)
    print(f"# step mode: {f.step_mode or 'unknown'}", flush=True)
    report_rounds(f)
    failed = results.count(False)
    emit("patrol_budgets_failed", failed, "budgets")
    return failed


def report_first_pictures(figures: Figures, prefix: str) -> None:
    """Each camera's time to its first picture (p50, p95, max over the cameras): pre-rolled
    from its page's pre-roll and from its player's start, shown cold on the first pages;
    a pre-rolled page's time to all tiles live; the lead the steps' pages had (mean, min)."""
    for name, values in (
        ("preroll_first_picture", figures.preroll_first_s),
        ("preroll_player_first_picture", figures.preroll_played_s),
        ("cold_first_picture", figures.cold_first_s),
        ("preroll_page_live", figures.page_live_s),
        ("preroll_moving", figures.moving_s),
        ("preroll_page_moving", figures.page_moving_s),
    ):
        for label, share in (("p50", 0.50), ("p95", 0.95)):
            emit(f"{prefix}_{name}_{label}_s", percentile(values, share), "s")
        emit(f"{prefix}_{name}_max_s", max(values) if values else math.nan, "s")
    leads = figures.leads_s
    emit(f"{prefix}_preroll_lead_mean_s", statistics.fmean(leads) if leads else math.nan, "s")
    emit(f"{prefix}_preroll_lead_min_s", min(leads) if leads else math.nan, "s")
    # Players decoding hidden on average over a dwell, by their start times rather than by
    # samples: the seconds every pre-rolled player played before its step, per dwell.
    hidden = figures.hidden_player_s
    steps = len(hidden) / max(1, figures.screens)
    emit(
        f"{prefix}_preroll_player_s_per_step",
        sum(hidden) / steps if hidden else math.nan,
        "player-s",
        1,
    )
    emit(
        f"{prefix}_players_prerolled_by_time_mean",
        sum(hidden) / steps / figures.dwell_s if hidden and figures.dwell_s else math.nan,
        "players",
        1,
    )


def report_rounds(figures: Figures) -> None:
    """Each round's figures with the video.thread_nice it ran with; with more than one
    value, each value's figures (worst p99 and max, pictures lost, mean CPU ratio, GUI
    thread's waits) and their ratio to the first value's, side by side."""
    f = figures
    ratios = [
        ours / theirs if theirs else math.nan
        for ours, theirs in zip(f.cpu_pct, f.bare_cpu_pct, strict=False)
    ]
    for index, nice in enumerate(f.round_nice):
        name = f"patrol_round{index + 1}"
        probe, reference = f.lateness[index], f.reference[index]
        on_cpu, waiting = f.round_gui[index]
        emit(f"{name}_video_nice", nice, "steps")
        emit(f"{name}_load_1min", f.round_load[index], "", 2)
        emit(f"{name}_lateness_p99_ms", probe["p99_ms"], "ms", 1)
        emit(f"{name}_lateness_max_ms", probe["max_ms"], "ms", 1)
        emit(f"{name}_late_ticks", probe["late_ticks"], "ticks over 100 ms")
        emit(f"{name}_lateness_reference_p99_ms", reference["p99_ms"], "ms", 1)
        emit(f"{name}_lost_pictures", f.round_lost[index], "pictures")
        emit(f"{name}_cpu_ratio_vs_bare", ratios[index] if index < len(ratios) else math.nan, "x")
        emit(f"{name}_gui_on_cpu_s", on_cpu, "s", 2)
        emit(f"{name}_gui_waiting_for_cpu_s", waiting, "s", 2)
        by_nice = ", ".join(f"{n} at nice {v}" for v, n in f.round_threads[index].items())
        print(
            f"# round {index + 1}: the console's threads {by_nice}; "
            f"its GUI thread at nice {f.round_gui_nice[index]}",
            flush=True,
        )
    values = list(dict.fromkeys(f.round_nice))
    if len(values) < 2:
        return
    sides: dict[int, dict[str, float]] = {}
    for value in values:
        rounds = [i for i, nice in enumerate(f.round_nice) if nice == value]
        sides[value] = {
            "lateness_p99_ms": max(f.lateness[i]["p99_ms"] for i in rounds),
            "lateness_max_ms": max(f.lateness[i]["max_ms"] for i in rounds),
            "lost_pictures": sum(f.round_lost[i] for i in rounds),
            "cpu_ratio_vs_bare": statistics.fmean(ratios[i] for i in rounds if i < len(ratios)),
            "gui_waiting_for_cpu_s": statistics.fmean(f.round_gui[i][1] for i in rounds),
            "lateness_reference_p99_ms": max(f.reference[i]["p99_ms"] for i in rounds),
        }
    first = sides[values[0]]
    for value in values:
        for key, figure in sides[value].items():
            emit(f"patrol_nice{value}_{key}", figure, "", 2)
            if value != values[0]:
                emit(
                    f"patrol_nice{value}_{key}_over_nice{values[0]}",
                    figure / first[key] if first[key] else math.nan,
                    "x",
                    2,
                )


# ==================================================================================== run


def run(plan: Plan, quick: bool, display_kind: str) -> int:
    from tests.support.live_server import start_demo_server

    started = time.monotonic()
    load_start = os.getloadavg()
    figures = Figures()
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tianmu-patrol-")))
        display = open_display(display_kind, workdir, stack)
        bare_display, bare_x_pid = stack.enter_context(xvfb(workdir / "xvfb-bare.log"))
        preroll_display = (
            stack.enter_context(xvfb(workdir / "xvfb-preroll.log"))[0] if plan.bare_preroll else ""
        )
        console_env = child_env(**display.env, TIANMU_HOME=str(workdir / "home"))
        if display.kind == "offscreen":
            console_env.pop("DISPLAY", None)
        console = Child("patrol", console_env, workdir / "console.log", Path(__file__))
        stack.callback(console.stop)
        bare = Child(
            "bare", child_env(QT_QPA_PLATFORM="xcb", DISPLAY=bare_display), workdir / "bare.log"
        )
        stack.callback(bare.stop)
        sides = Bare(bare, bare_x_pid)
        if plan.bare_preroll:
            sides.preroll = Child(
                "bare",
                child_env(QT_QPA_PLATFORM="xcb", DISPLAY=preroll_display),
                workdir / "bare-preroll.log",
            )
            stack.callback(sides.preroll.stop)
        reference_env = child_env(QT_QPA_PLATFORM="offscreen")
        reference_env.pop("DISPLAY", None)
        reference = Child("reference", reference_env, workdir / "reference.log")
        stack.callback(reference.stop)
        server = start_demo_server(
            workdir / "server",
            # A few of the demo world's cameras are offline or not shared with the operator.
            camera_count=round(plan.pages * SCREENS * TILES * 1.2) + 20,
            live_feeds=FEEDS,
            feed_options=FEED_OPTIONS,
        )
        stack.callback(server.close)
        plan_id, _cameras = plan_on_server(server, plan.pages * SCREENS * TILES, plan.dwell_s)
        logger.info("server and plan ready")
        children = [console, bare, reference] + ([sides.preroll] if sides.preroll else [])
        for child in children:
            child.wait_ready()
        logger.info("children ready")
        console.call("configure", preroll_s=plan.preroll_s)
        console.call(
            "sign_in", url=server.url, username=OPERATOR, password=server.password(OPERATOR)
        )
        logger.info("signed in")
        screens = console.call("screens")
        detached = console.call("detach", screens=SCREENS, layout=LAYOUT)
        size = f"{SCREEN[0]}x{SCREEN[1]}"
        print(
            f"# display: {display.kind} ({screens['platform']}), screens "
            f"{', '.join(s['name'] for s in screens['screens'])}; main window on screen 1, "
            f"wall page(s) {detached['detached_pages']} detached to screen 2..{SCREENS}"
            + (f"; {display.note}" if display.note else ""),
            flush=True,
        )
        sub = FEED_OPTIONS["sub_size"]
        print(
            f"# {SCREENS} screens of {size}, {TILES} tiles each; {FEEDS} simulator sub streams "
            f"{sub[0]}x{sub[1]}@{FEED_OPTIONS['sub_fps']} round-robin; bare: libvlc xcb_x11 "
            f"on Xvfb {bare_display}; {plan.rounds} round(s) of {plan.steps} steps, "
            f"{plan.steps - 1} dwells measured "
            f"(dwell {plan.dwell_s:g} s); {os.cpu_count()} cores; "
            f"{'quick' if quick else 'full'} run; set-up {time.monotonic() - started:.0f} s",
            flush=True,
        )
        if not plan.bare_preroll:
            print("# not measured in this run: bare with pre-roll (--bare-preroll)", flush=True)
        for round_index in range(plan.rounds):
            nice = plan.video_nice[round_index % len(plan.video_nice)] if plan.video_nice else None
            # Players made from now on (this round's) take it; the last round's are stopped.
            configured = console.call("configure", video_nice=nice)
            figures.round_nice.append(int(configured["video_nice"]))
            figures.round_load.append(os.getloadavg()[0])
            bare_first = round_index % 2 == 1 and bool(sides.urls)
            if bare_first:
                bare_round(plan, sides, min(plan.bare_s, figures.window_s[-1]), figures)
            first = patrol_round(plan, console, reference, plan_id, display.x_pid, figures)
            if not sides.urls:
                sides.urls, sides.sizes = bare_grid(first["urls"], first["sizes"])
                problem = check_grid(sides.sizes)
                if problem:
                    print(f"# warning: {problem}; the CPU ratio is not like for like", flush=True)
            if not bare_first:
                bare_round(plan, sides, min(plan.bare_s, figures.window_s[-1]), figures)
        # The signed-in window after the patrols, nothing on its wall (its players stopped).
        idle = CpuWindow(console.pid)
        idle.start()
        time.sleep(plan.settle_s)
        figures.idle_cpu_pct = idle.stop()
        # The console signs out while the server still answers.
        for child in children:
            child.stop()
        failed = report(figures)
    emit("patrol_load_1min_start", load_start[0], "", 2)
    emit("patrol_load_1min_end", os.getloadavg()[0], "", 2)
    emit("patrol_load_5min_end", os.getloadavg()[1], "", 2)
    emit("bench_patrol_s", time.monotonic() - started, "s", 1)
    return failed


def _configure(parser: Any) -> None:
    parser.add_argument(
        "--display",
        choices=DISPLAYS,
        default="auto",
        help="the console's two screens: the multi-head X server (xorg), Qt's offscreen "
        "platform, or the X server when it starts and offscreen otherwise (auto, default)",
    )
    parser.add_argument("--rounds", type=int, help="patrol and bare rounds (quick 1, full 3)")
    parser.add_argument(
        "--steps", type=int, help="steps per round, the first unmeasured (quick 3, full 6)"
    )
    parser.add_argument("--dwell", type=int, help="the plan's dwell in seconds (10)")
    parser.add_argument(
        "--preroll-s",
        type=float,
        help="the console's patrol.preroll_s (default: the setting's default); at least the "
        "dwell pre-rolls for the whole dwell",
    )
    parser.add_argument(
        "--bare-preroll",
        action="store_true",
        help="also measure plain libvlc with as many players more as the console pre-rolls "
        "(always in a full run)",
    )
    parser.add_argument(
        "--video-nice",
        type=_nice_values,
        help="the console's video.thread_nice (its players' libvlc threads this "
        "many nice steps below the GUI thread; 0: off); comma-separated values are taken "
        "by the rounds in turn (default: the setting's default)",
    )
    parser.add_argument(
        "--sample-gui",
        action="store_true",
        help="sample the console's GUI thread while its loop is late (stderr; costs a little)",
    )
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even if a budget fails")
    parser.add_argument("-v", "--verbose", action="store_true", help="log the steps to stderr")


def _nice_values(text: str) -> tuple[int, ...]:
    values = tuple(int(part) for part in text.split(",") if part.strip())
    if not values or any(not 0 <= value <= 19 for value in values):
        raise ValueError(f"nice steps from 0 to 19, comma separated: {text!r}")
    return values


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) == 2 and arguments[0] == "--child":
        from bench._patrol_side import make_patrol_side
        from bench.wall import _child_main

        return _child_main(arguments[1], make_patrol_side)
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", arguments, configure=_configure)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(relativeCreated)7.0f ms %(name)s: %(message)s",
    )

    def interrupted(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupted)
    plan = Plan.quick() if args.quick else Plan.full()
    if args.rounds:
        plan = replace(plan, rounds=args.rounds)
    if args.steps:
        plan = replace(plan, steps=max(2, args.steps))
    if args.dwell:
        plan = replace(plan, dwell_s=args.dwell)
    if args.preroll_s is not None:
        plan = replace(plan, preroll_s=args.preroll_s)
    if args.sample_gui:
        plan = replace(plan, sample_gui=True)
    if args.video_nice:
        plan = replace(plan, video_nice=args.video_nice)
    if args.bare_preroll:
        plan = replace(plan, bare_preroll=True)
    try:
        failed = run(plan, args.quick, args.display)
    except KeyboardInterrupt:
        print("interrupted; every process this run started is stopped", file=sys.stderr)
        return 130
    return 1 if failed and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
