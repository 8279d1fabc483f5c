"""Shift benchmark: a compressed operator shift in one console process, and what it leaves behind.

The console runs as an operator uses it, in this process: the real application services,
sign-in through the login dialog, and the signed-in main window with its wall dock (the
session's ``SessionWall``: pages of 16 tiles, the stream policy, the patrol), its event
stream and its outbox delivery. Around it, on loopback: the camera simulator's live feeds,
and the reference server in a child process (``bench/_shift_backend.py``) over the demo world.

For ``--minutes N`` (``--quick``: one), the shift:

* works the wall: maximise a tile (sub stream to main), restore it, flip to the next page, one
  step every few seconds; every few steps a patrol of three 16-tile pages, each shown a few
  seconds while the next one pre-rolls;
* kills feeds and brings them back (their tiles must stop claiming to be live, then recover);
* kills the server (SIGKILL) twice and starts it again on the same database;
* posts machine alerts, steadily and in bursts, which reach the console's event stream;
* queues operator actions through the session's outbox, each with a numbered title.

It samples, every second, RSS, threads, open file descriptors and the live video objects
(``PlayerController``, ``VlcSource``, ``FrameExchange``, ``PyAvSource``), and folds the
console's own event-loop lateness probe into a histogram; the ticks within two seconds of a
change of the wall (a flip, a patrol step, a sub/main switch) also count apart, and the
garbage collector's passes are timed (a full pass stops the GUI thread). It checks the truth: no tile on
screen marked live whose picture has not changed for 3 s, and every queued action (and patrol
record) on the server exactly once.

Players are compared with the tiles the stream policy wants playing (the page shown, the
pre-rolled patrol page, tiles covered by a maximised one, and the new stream of a tile switching
between sub and main, which plays beside the old one until its first picture), when the wall has
not changed for a few seconds: a page flip stops sixteen players while it starts sixteen others.
Threads and file descriptors follow the number of players, so they are compared at alike
moments: an own page settled, nothing maximised (``checkpoints``); so is RSS, whose slope is
fitted over the checkpoints after the first tenth of the run (every second's RSS swings by about
a hundred MB with flips and main streams; that slope is printed too).

Prints one figure per line as ``name: value unit``, each budget beside its figure
(``_budget``); lines starting with ``#`` describe the run. Exits 1 when a budget fails
(``--no-fail`` prints the same and exits 0).

Also printed: the pictures libvlc lost in the shift's players (read every second from each
player's counters, so a player's last second is not counted), and how long the GUI thread ran
on a CPU and waited, runnable, for one over the shift (Linux's scheduler counters).
``--video-nice N`` sets the console's ``video.thread_nice`` (how many nice steps libvlc's
threads of its players run below the GUI thread; 0 is off; default: the setting's).

    .venv/bin/python bench/shift.py [--quick | --minutes N] [--video-nice N]
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib
import json
import logging
import math
import os
import signal
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench._common import emit, parse_args  # noqa: E402
from bench._shift_backend import (  # noqa: E402
    AlertSource,
    ShiftBackend,
    delivered_marks,
    delivered_patrol_records,
)
from bench._shift_reference import ReferenceProbe  # noqa: E402
from bench._shift_scenario import (  # noqa: E402
    OWN_STEPS,
    Cue,
    OperatorActions,
    Timeline,
    WallDriver,
    Worker,
)
from bench._shift_watch import (  # noqa: E402
    ChangeLateness,
    GcPauses,
    LatenessLog,
    PlayerCensus,
    ProcessSamples,
    ThreadTime,
    TileTruth,
)
from console.app import (  # noqa: E402
    Console,
    Services,
    SessionWiring,
    build_services,
    prepare_process,
    workspace_file,
)
from console.domain.model import CameraStatus  # noqa: E402
from console.gui.wall.tile import WallTile  # noqa: E402
from console.server.demo.field_api import ApiSession  # noqa: E402
from console.server.demo.world import build_world, is_visible_to  # noqa: E402
from console.server.media import CameraSimulator  # noqa: E402
from console.tasks import STORE  # noqa: E402
from console.video import vlc_source  # noqa: E402
from console.video.supervisor import StreamState  # noqa: E402
from console.wall.layout import LayoutLibrary, preset  # noqa: E402
from console.wall.model import Wall, WallPage  # noqa: E402
from console.wall.stream_policy import StreamChoice  # noqa: E402
from console.wall.workspace import workspace_to_dict  # noqa: E402
from tests.support.backend_process import demo_password, seed_demo_database  # noqa: E402

logger = logging.getLogger("bench.shift")

OPERATOR = "operator-1"
CAMERAS = 400  # in the demo world; the wall and the patrol use 96 of them, alerts more
FEEDS = 4
FEED_OPTIONS: dict[str, Any] = {
    "sub_size": (480, 270),
    "sub_fps": 12.5,
    "main_size": (640, 360),
    "main_fps": 6,
}
OWN_PAGES = 3
PATROL_PAGES = 3
TILES = 16
WINDOW = (1920, 1080)
TICK_MS = 250
SAMPLE_S = 1.0
FOLD_S = 10.0
SETTLE_S = 3.0
LYING_AFTER_S = 3.0
SERVER_START_S = 120.0  # a loaded machine takes its time to import and start the server


@dataclass(frozen=True)
class Plan:
    """The run's length and pace (the quick run squeezes the same events into a minute)."""

    run_s: float
    step_s: float  # between the operator's steps on their own pages
    own_steps: int  # steps before each patrol
    dwell_s: int  # per patrol page
    outage_s: float  # the server is down this long, twice
    feed_down_s: float
    feed_every_s: float
    alert_every_s: float
    burst: int
    burst_every_s: float
    action_every_s: float

    @classmethod
    def of(cls, minutes: float, quick: bool) -> Plan:
        if quick:
            return cls(60.0, 4.0, 6, 4, 3.0, 7.0, 25.0, 3.0, 20, 25.0, 1.5)
        return cls(minutes * 60.0, 5.0, 9, 5, 8.0, 12.0, 60.0, 4.0, 40, 120.0, 3.0)


@dataclass
class Figures:
    """What the run measured; see ``report``."""

    run_s: float = 0.0
    setup_s: float = 0.0
    load_start: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_end: tuple[float, float, float] = (0.0, 0.0, 0.0)
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    rss_growth_mb_per_h: float = math.nan  # over the checkpoints (alike moments)
    rss_slope_all_samples_mb_per_h: float = math.nan
    excess_moments: list[str] = field(default_factory=list)
    threads_growth: float = math.nan
    fds_growth: float = math.nan
    checkpoints: int = 0
    python_threads_change: Counter[str] = field(default_factory=Counter)
    players_over_shown_max: float = math.nan
    players_alive_max: int = 0
    shown_max: int = 0
    objects_max: dict[str, int] = field(default_factory=dict)
    objects_end: dict[str, int] = field(default_factory=dict)
    objects_end_gc: dict[str, int] = field(default_factory=dict)
    shown_end: int = 0
    orphans_end: int = 0
    orphan_holders: list[str] = field(default_factory=list)
    lateness_p99_ms: float = math.nan
    lateness_max_ms: float = math.nan
    lateness_ticks: int = 0
    flip_lateness_max_ms: float = math.nan
    calm_lateness_max_ms: float = math.nan
    flip_ticks: int = 0
    flip_worst: Any = None
    gc_passes: list[int] = field(default_factory=list)
    gc_pause_max_ms: list[float] = field(default_factory=list)
    reference: dict[str, Any] = field(default_factory=dict)
    tiles_lying: int = 0
    lying_longest_s: float = 0.0
    truth_gaps: int = 0
    lying_cameras: list[str] = field(default_factory=list)
    flips: int = 0
    main_switches: int = 0
    patrols: int = 0
    actions_queued: int = 0
    actions_lost: int = 0
    actions_duplicated: int = 0
    records_queued: int = 0
    records_lost: int = 0
    records_duplicated: int = 0
    alerts: Counter[str] = field(default_factory=Counter)
    cues: list[str] = field(default_factory=list)
    world_failures: list[str] = field(default_factory=list)
    wedged_players: int = 0
    video_nice: int = 0
    lost_pictures: int = 0
    displayed_pictures: int = 0
    gui_on_cpu_s: float = math.nan
    gui_waiting_for_cpu_s: float = math.nan


# ==================================================================================== set-up


@dataclass
class World:
    """The servers around the console, and the demo cameras the shift uses."""

    simulator: CameraSimulator
    backend: ShiftBackend
    wall_cameras: list[str]
    patrol_cameras: list[str]
    alert_cameras: list[str]
    plan_id: str = ""


def visible_online_cameras(count: int) -> list[str]:
    """The online cameras the operator may see, in catalogue order."""
    world = build_world(camera_count=count)
    department = next(u.department_id for u in world.users if u.username == OPERATOR)
    return [
        c.id
        for c in world.cameras
        if c.status is CameraStatus.ONLINE and is_visible_to(c, department)
    ]


def start_world(workdir: Path, stack: contextlib.ExitStack, plan: Plan) -> World:
    """Camera simulator, seeded database, server child; a patrol plan on the server."""
    simulator = CameraSimulator(
        workdir / "feeds", build_world(camera_count=CAMERAS).feed_names(FEEDS), **FEED_OPTIONS
    )
    stack.callback(simulator.stop)
    simulator.start(timeout=90)
    seed_demo_database(workdir / "server", camera_count=CAMERAS)
    backend = ShiftBackend(workdir / "server", simulator.feeds)
    stack.callback(backend.kill)
    backend.start(timeout_s=SERVER_START_S)
    cameras = visible_online_cameras(CAMERAS)
    wall, rest = cameras[: OWN_PAGES * TILES], cameras[OWN_PAGES * TILES :]
    world = World(
        simulator, backend, wall, rest[: PATROL_PAGES * TILES], rest[PATROL_PAGES * TILES :]
    )
    world.plan_id = create_patrol_plan(backend.url, world.patrol_cameras, plan.dwell_s)
    return world


def create_patrol_plan(url: str, cameras: Sequence[str], dwell_s: int) -> str:
    """The operator's patrol plan over ``cameras``; its id."""
    session = ApiSession(url, OPERATOR, demo_password(OPERATOR), timeout_s=30)
    try:
        body = {"name": "交接班巡检 shift", "camera_ids": list(cameras), "dwell_s": dwell_s}
        return str(session.call("POST", "/patrol-plans", json=body)["id"])
    finally:
        session.close()


def write_workspace(url: str, cameras: Sequence[str]) -> None:
    """The operator's saved wall: pages of 16 tiles, full of cameras."""
    pages = [
        WallPage(preset(str(TILES)), list(cameras[start : start + TILES]))
        for start in range(0, len(cameras), TILES)
    ]
    path = workspace_file(url, OPERATOR)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(workspace_to_dict(Wall(pages), LayoutLibrary())), "utf-8")


def watch_players() -> PlayerCensus:
    """The census of live video objects, installed before the first one exists."""
    classes = []
    for module, name in (
        ("console.video.vlc_source", "PlayerController"),
        ("console.video.vlc_source", "VlcSource"),
        ("console.video.frames", "FrameExchange"),
        ("console.video.av_source", "PyAvSource"),
    ):
        try:
            classes.append(getattr(importlib.import_module(module), name))
        except (ImportError, AttributeError):
            print(f"# {module}.{name} not found: not counted", flush=True)
    return PlayerCensus(classes)


# ---------------------------------------------------------------------- Qt helpers


def spin(seconds: float) -> None:
    """Run the event loop for ``seconds`` (sleeping in it, not burning CPU)."""
    loop = QEventLoop()
    QTimer.singleShot(max(1, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            print(f"# gave up waiting for {what} after {timeout_s:.0f} s", flush=True)
            return False
        spin(0.05)
    return True


def sign_in(console: Console, url: str) -> SessionWiring:
    """Type the operator's name and password into the login dialog and press Sign in."""
    console.start(try_resume=False)
    dialog = console.login_dialog
    assert dialog is not None
    dialog.ui.user_edit.setText(OPERATOR)
    dialog.ui.password_edit.setText(demo_password(OPERATOR))
    dialog.ui.sign_in_button.click()
    wait_until(lambda: console.session is not None, 60, "the main window")
    if console.session is None:
        raise RuntimeError(f"signing in to {url} failed")
    return console.session


def shown_tiles(session: SessionWiring) -> list[WallTile]:
    """The tiles of the page on screen that are not covered by a maximised one."""
    view = session.wall.view.current_view()
    return [t for t in view.tiles if t.isVisible()] if view is not None else []


def playing_wanted(session: SessionWiring) -> int:
    """Tiles the stream policy wants playing now (any stream)."""
    choices = session.wall.streams.result.choices.values()
    return sum(1 for choice in choices if choice is not StreamChoice.NONE)


def switching_tiles(session: SessionWiring) -> int:
    """Tiles of any page with a new stream starting beside the one they show."""
    wall = session.wall
    return sum(
        1
        for index in range(len(wall.wall.pages))
        for tile in wall.view.page_view(index).tiles
        if tile.pending is not None
    )


def orphaned_sources(session: SessionWiring, census: PlayerCensus) -> list[Any]:
    """Live video sources that no tile of any page plays or is switching to."""
    wall = session.wall
    attached = set()
    for index in range(len(wall.wall.pages)):
        for tile in wall.view.page_view(index).tiles:
            for supervisor in (tile.supervisor, tile.pending):
                if supervisor is not None:
                    attached.add(id(supervisor.source))
    return [source for source in census.alive("VlcSource") if id(source) not in attached]


def all_live(session: SessionWiring) -> bool:
    """Every tile of the page on screen is playing and marked live."""
    tiles = shown_tiles(session)
    return len(tiles) == TILES and all(
        t.supervisor is not None and t.supervisor.state is StreamState.LIVE for t in tiles
    )


# ==================================================================================== the run


class Shift:
    """The run itself, driven from one timer on the GUI thread (see the module docstring)."""

    def __init__(
        self,
        plan: Plan,
        world: World,
        session: SessionWiring,
        services: Services,
        census: PlayerCensus,
    ):
        self.plan = plan
        self.world = world
        self.session = session
        self.census = census
        self.figures = Figures()
        self.control = Worker("shift-control")
        self.alerting = Worker("shift-alerts")
        self.alerts = AlertSource(world.backend.url, world.alert_cameras)
        self.actions = OperatorActions(
            services.runner, session.store.outbox, f"shift-{uuid.uuid4().hex[:8]}"
        )
        self.samples = ProcessSamples()
        self.truth = TileTruth(after_s=LYING_AFTER_S)
        self.lateness = LatenessLog(services.probe)
        self.driver = WallDriver(
            session.wall,
            world.plan_id,
            step_s=plan.step_s,
            own_steps=plan.own_steps,
            on_settled=self.samples.checkpoint,
            settle_s=SETTLE_S,
        )
        self.timeline = Timeline(self._cues())
        self.change_lateness = ChangeLateness(services.probe, lambda: self.driver.changed_at)
        self.gc_pauses = GcPauses()
        self._next = {"sample": 0.0, "fold": FOLD_S, "action": 0.0, "alert": 0.0}
        self._ratios: list[float] = []
        self._excess: list[str] = []  # the first moments with more players than wanted
        self.pictures = PictureCounts()
        self._gui_time: ThreadTime | None = None

    # ---------------------------------------------------------------- the world's events

    def _cues(self) -> list[Cue]:
        """The server's two outages, feeds dying in turn, bursts of alerts."""
        plan, simulator, backend = self.plan, self.world.simulator, self.world.backend
        cues: list[Cue] = []
        for number, at in enumerate((0.3 * plan.run_s, 0.65 * plan.run_s), start=1):
            cues.append(Cue(at, f"server killed ({number})", self.control, backend.kill))
            start = functools.partial(backend.start, timeout_s=SERVER_START_S)
            cues.append(Cue(at + plan.outage_s, f"server started ({number})", self.control, start))
        at, feed = plan.feed_every_s * 0.4, 0
        while at + plan.feed_down_s < plan.run_s - 5:
            cues.append(Cue(at, f"feed {feed} dies", self.control, simulator.stop_feed, (feed,)))
            back = at + plan.feed_down_s
            cues.append(Cue(back, f"feed {feed} back", self.control, simulator.start_feed, (feed,)))
            at, feed = at + plan.feed_every_s, (feed + 1) % FEEDS
        at = plan.burst_every_s * 0.5
        while at < plan.run_s - 5:
            cues.append(
                Cue(at, f"{plan.burst} alerts", self.alerting, self.alerts.post, (plan.burst,))
            )
            at += plan.burst_every_s
        return cues

    # ---------------------------------------------------------------- the loop

    def run(self) -> Figures:
        """The shift, in an event loop of its own until its time is up."""
        self.figures.load_start = os.getloadavg()
        self.reference = ReferenceProbe()
        self.samples.started_at = self._started = time.monotonic()
        self.lateness.start()
        self._gui_time = ThreadTime.now()
        self.change_lateness.start()
        self.gc_pauses.install()
        self._loop = QEventLoop()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._loop.exec()
        return self.figures

    def _tick(self) -> None:
        now = time.monotonic()
        elapsed = now - self._started
        self.truth.look(shown_tiles(self.session), now, StreamState.LIVE)
        self.timeline.due(elapsed)
        self.driver.due(now)
        if self._is_due("sample", elapsed, SAMPLE_S):
            self._sample(now)
        if self._is_due("fold", elapsed, FOLD_S):
            self.lateness.fold()
        if self._is_due("action", elapsed, self.plan.action_every_s):
            self.actions.queue_one()
        if self._is_due("alert", elapsed, self.plan.alert_every_s):
            self.alerting.submit(self.alerts.post, 1)
        if elapsed >= self.plan.run_s:
            self._end()

    def _is_due(self, what: str, elapsed: float, every_s: float) -> bool:
        if elapsed < self._next[what]:
            return False
        self._next[what] = elapsed + every_s
        return True

    def _sample(self, now: float) -> None:
        sample = self.samples.take()
        counts = self.census.counts()
        figures = self.figures
        for name, count in counts.items():
            figures.objects_max[name] = max(figures.objects_max.get(name, 0), count)
        players = counts.get("PlayerController", 0)
        # A tile switching streams plays its old stream until the new one shows a picture
        # (make before break): the new player is wanted as much as the pre-rolled page's.
        wanted = playing_wanted(self.session) + switching_tiles(self.session)
        figures.players_alive_max = max(figures.players_alive_max, players)
        figures.shown_max = max(figures.shown_max, wanted)
        if self.driver.settled(now):
            self._ratios.append(players / max(1, wanted))
            if players > wanted and len(self._excess) < 10:
                self._excess.append(self._excess_moment(sample.t, players, wanted))
        self.pictures.look(self.census.alive("VlcSource"))
        logger.debug(
            "%.0f s: rss %.0f MB, %d threads, %d fds, %s, %d wanted",
            sample.t,
            sample.rss_mb,
            sample.threads,
            sample.fds,
            counts,
            wanted,
        )

    def _excess_moment(self, t: float, players: int, wanted: int) -> str:
        switching = switching_tiles(self.session)
        patrol = "patrol" if self.driver.patrol.running else "own pages"
        return (
            f"{t:.0f} s: {players} players for {wanted} wanted ({patrol}, "
            f"{switching} tiles switching streams)"
        )

    def _end(self) -> None:
        self._timer.stop()
        self.driver.stop()
        self.lateness.fold()
        self.change_lateness.stop()
        self.gc_pauses.uninstall()
        self._sample(time.monotonic())
        gui_time = ThreadTime.now()
        if gui_time is not None and self._gui_time is not None:
            spent = gui_time.since(self._gui_time)
            self.figures.gui_on_cpu_s = spent.cpu_ms / 1000.0
            self.figures.gui_waiting_for_cpu_s = spent.runqueue_ms / 1000.0
        self.figures.run_s = time.monotonic() - self._started
        self._loop.quit()

    # ---------------------------------------------------------------- afterwards

    def settle_and_count(self, drain_timeout_s: float) -> Figures:
        """Let the outbox empty, stop the alert thread, and read back what the server got."""
        figures = self.figures
        figures.reference = self.reference.finish()
        # A server or feed start still under way finishes first; a failed one is done again.
        self.control.wait_idle()
        if not self.world.backend.running:
            self.world.backend.start(timeout_s=SERVER_START_S)
        self.alerting.stop(timeout_s=None)
        self.alerts.close()
        self._drain(drain_timeout_s)
        figures.load_end = os.getloadavg()
        self._fill_players_end()
        self._count_delivered()
        self._fill_the_rest()
        self.control.stop()  # the server it restarted dies with it
        return figures

    def _drain(self, timeout_s: float) -> None:
        """Until every action handed to the store lane is queued and the outbox is empty."""
        actions = self.actions
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            answered = len(actions.queued) + actions.refused == actions.asked
            if answered and self._pending() == 0:
                return
            spin(0.5)
        print(f"# the outbox did not empty within {timeout_s:.0f} s", flush=True)

    def _pending(self) -> int:
        """Actions still in the outbox (asked on the store lane, as the session does)."""
        counted: list[int] = []
        self.session.services.runner.run(
            STORE, self.session.store.outbox.pending_count, on_done=counted.append
        )
        wait_until(lambda: bool(counted), 30, "the outbox's count")
        return counted[0] if counted else -1

    def _count_delivered(self) -> None:
        """Each queued action and patrol record on the server: once, twice, or not at all."""
        figures, actions, url = self.figures, self.actions, self.world.backend.url
        marks = delivered_marks(url, OPERATOR, actions.marker, actions.number_of)
        figures.actions_queued = len(actions.queued)
        figures.actions_lost = sum(1 for n in actions.queued if marks[n] == 0)
        figures.actions_duplicated = sum(max(0, c - 1) for c in marks.values())
        records = delivered_patrol_records(url, OPERATOR, self.world.plan_id)
        figures.records_queued = self.driver.records_queued
        figures.records_lost = max(0, figures.records_queued - len(records))
        figures.records_duplicated = sum(max(0, c - 1) for c in records.values())

    def _fill_players_end(self) -> None:
        gc.collect()
        figures = self.figures
        figures.objects_end = self.census.counts()
        figures.objects_end_gc = self.census.gc_count()
        figures.shown_end = playing_wanted(self.session)
        orphans = orphaned_sources(self.session, self.census)
        figures.orphans_end = len(orphans)
        holders = {
            type(holder).__name__
            for orphan in orphans
            for holder in gc.get_referrers(orphan)
            if holder is not orphans
        }
        figures.orphan_holders = sorted(holders)

    def _fill_the_rest(self) -> None:
        figures, samples, plan = self.figures, self.samples, self.plan
        warm_s = figures.run_s / 10
        figures.rss_growth_mb_per_h = samples.rss_slope_mb_per_h(warm_s)
        figures.rss_slope_all_samples_mb_per_h = samples.rss_slope_mb_per_h(
            warm_s, checkpoints=False
        )
        settled = [s.rss_mb for s in samples.checkpoints if s.t >= warm_s]
        figures.rss_start_mb = settled[0] if settled else math.nan
        figures.rss_end_mb = settled[-1] if settled else math.nan
        # At least a few checkpoints: one comes every own-page round.
        tail_s = max(figures.run_s / 10, 3 * plan.step_s * len(OWN_STEPS))
        figures.threads_growth = samples.growth("threads", warm_s, tail_s)
        figures.fds_growth = samples.growth("fds", warm_s, tail_s)
        figures.checkpoints = len(samples.checkpoints)
        figures.python_threads_change = samples.python_threads_change(warm_s)
        figures.players_over_shown_max = max(self._ratios, default=math.nan)
        figures.excess_moments = list(self._excess)
        figures.lateness_p99_ms = self.lateness.percentile_ms(0.99)
        figures.lateness_max_ms = self.lateness.max_ms
        figures.lateness_ticks = self.lateness.ticks
        figures.flip_lateness_max_ms = self.change_lateness.change_max_ms
        figures.calm_lateness_max_ms = self.change_lateness.calm_max_ms
        figures.flip_ticks = self.change_lateness.change_ticks
        figures.flip_worst = self.change_lateness.worst
        figures.gc_passes = list(self.gc_pauses.counts)
        figures.gc_pause_max_ms = list(self.gc_pauses.max_ms)
        figures.tiles_lying = self.truth.episodes
        figures.lying_longest_s = self.truth.longest_s
        figures.truth_gaps = self.truth.gaps
        figures.lying_cameras = self.truth.cameras
        figures.flips = self.driver.flips
        figures.main_switches = self.driver.main_switches
        figures.patrols = self.driver.patrols_started
        figures.alerts = self.alerts.counts
        figures.cues = self.timeline.done
        figures.world_failures = self.control.failures + self.alerting.failures
        figures.wedged_players = vlc_source.wedged_players()
        figures.lost_pictures = self.pictures.lost
        figures.displayed_pictures = self.pictures.displayed
        figures.video_nice = int(self.session.services.settings.get("video.thread_nice"))


class PictureCounts:
    """Pictures shown and lost by every player of the shift, from each source's counters
    (``look`` at the live sources every second): a source's counts begin again with each
    stream it opens, so a count that drops banks the one before."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[int, int]] = {}
        self._banked = [0, 0]

    def look(self, sources: Sequence[Any]) -> None:
        alive = set()
        for source in sources:
            stats = source.stats()
            key = id(source)
            alive.add(key)
            displayed, lost = self._seen.get(key, (0, 0))
            if stats.displayed < displayed or stats.lost < lost:
                self._bank(displayed, lost)
            self._seen[key] = (stats.displayed, stats.lost)
        for key in set(self._seen) - alive:
            self._bank(*self._seen.pop(key))

    def _bank(self, displayed: int, lost: int) -> None:
        self._banked[0] += displayed
        self._banked[1] += lost

    @property
    def displayed(self) -> int:
        return self._banked[0] + sum(d for d, _ in self._seen.values())

    @property
    def lost(self) -> int:
        return self._banked[1] + sum(lost for _, lost in self._seen.values())


# ==================================================================================== report


# Each budgeted figure's limit (the figure passes at or below it) and unit.
BUDGETS: dict[str, tuple[float, str]] = {
    "shift_rss_growth_mb_per_h": (20.0, "MB/h"),
    "shift_players_alive_max_over_shown": (1.0, "x"),
    "shift_threads_growth": (0, "threads"),
    "shift_fds_growth": (0, "fds"),
    "shift_lateness_p99_ms": (16.0, "ms"),
    "shift_lateness_max_ms": (100.0, "ms"),
    "shift_tiles_lying": (0, "tiles"),
    "shift_actions_lost": (0, "actions"),
    "shift_actions_duplicated": (0, "actions"),
}


def judged(name: str, value: float, digits: int = 2) -> bool:
    """Print the figure and its budget; True when the budget holds (NaN fails)."""
    limit, unit = BUDGETS[name]
    emit(name, value, unit, digits)
    emit(f"{name}_budget", limit, unit, digits)
    return value <= limit


def report(figures: Figures, quick: bool) -> int:
    """Every figure, and how many budgets failed."""
    f = figures
    print(
        f"# {'quick' if quick else 'full'} run: {f.run_s:.0f} s of shift after {f.setup_s:.0f} s "
        f"of set-up; {os.cpu_count()} cores; load {_load(f.load_start)} at the start, "
        f"{_load(f.load_end)} at the end",
        flush=True,
    )
    print(f"# events: {', '.join(f.cues) or 'none'}", flush=True)
    emit("shift_run_s", f.run_s, "s", 1)
    emit("shift_load_1min_start", f.load_start[0], "", 2)
    emit("shift_load_1min_end", f.load_end[0], "", 2)
    emit("shift_load_5min_end", f.load_end[1], "", 2)
    emit("shift_video_nice", f.video_nice, "steps")
    shown = f.players_over_shown_max
    results = [
        judged("shift_rss_growth_mb_per_h", f.rss_growth_mb_per_h, 1),
        judged("shift_players_alive_max_over_shown", shown),
        judged("shift_threads_growth", f.threads_growth, 1),
        judged("shift_fds_growth", f.fds_growth, 1),
        judged("shift_lateness_p99_ms", f.lateness_p99_ms, 1),
        judged("shift_lateness_max_ms", f.lateness_max_ms, 1),
        judged("shift_tiles_lying", f.tiles_lying),
        judged("shift_actions_lost", f.actions_lost + f.records_lost),
        judged("shift_actions_duplicated", f.actions_duplicated + f.records_duplicated),
    ]
    emit("shift_flips", f.flips, "flips")
    emit("shift_main_switches", f.main_switches, "switches")
    emit("shift_patrols", f.patrols, "patrols")
    emit("shift_rss_start_mb", f.rss_start_mb, "MB", 0)
    emit("shift_rss_end_mb", f.rss_end_mb, "MB", 0)
    # The same slope over every second's sample, flips and maximised tiles included.
    emit("shift_rss_slope_all_samples_mb_per_h", f.rss_slope_all_samples_mb_per_h, "MB/h", 1)
    emit("shift_checkpoints", f.checkpoints, "checkpoints")
    # Python's thread objects (threading.enumerate()), native threads' stand-ins included.
    emit("shift_python_thread_objects_growth", sum(f.python_threads_change.values()), "objects")
    if f.python_threads_change:
        change = ", ".join(f"{n:+d} {name}" for name, n in sorted(f.python_threads_change.items()))
        print(f"# Python threads, last checkpoint against the first: {change}", flush=True)
    emit("shift_players_alive_max", f.players_alive_max, "players")
    for moment in f.excess_moments:
        print(f"# more players than wanted at {moment}", flush=True)
    emit("shift_players_shown_max", f.shown_max, "tiles")
    for name, count in sorted(f.objects_max.items()):
        emit(f"shift_{name}_alive_max", count, "objects")
    for name, count in sorted(f.objects_end_gc.items()):
        emit(f"shift_{name}_alive_end_gc", count, "objects")
    emit("shift_players_shown_end", f.shown_end, "tiles")
    # Sources alive at the end that no tile plays or switches to, and what holds them.
    emit("shift_players_orphaned_end", f.orphans_end, "players")
    if f.orphans_end:
        print(f"# orphaned players are held by: {', '.join(f.orphan_holders)}", flush=True)
    emit("shift_wedged_players", f.wedged_players, "players")
    # libvlc's own counts in every player the shift made (pictures lost: decoded too late).
    emit("shift_lost_pictures", f.lost_pictures, "pictures")
    emit("shift_pictures_shown", f.displayed_pictures, "pictures")
    # The GUI thread over the shift: on a CPU, and runnable but waiting for one.
    emit("shift_gui_on_cpu_s", f.gui_on_cpu_s, "s", 2)
    emit("shift_gui_waiting_for_cpu_s", f.gui_waiting_for_cpu_s, "s", 2)
    emit("shift_lateness_ticks", f.lateness_ticks, "ticks")
    # Ticks within 2 s of a page flip, a patrol step or a sub/main switch, and all the others.
    emit("shift_flip_lateness_max_ms", f.flip_lateness_max_ms, "ms", 1)
    emit("shift_calm_lateness_max_ms", f.calm_lateness_max_ms, "ms", 1)
    emit("shift_flip_lateness_ticks", f.flip_ticks, "ticks")
    worst = f.flip_worst
    if worst is not None:
        # Where the GUI thread's time went before the latest tick after a change: working, or
        # runnable while the machine's cores were busy, or waiting for a lock.
        emit("shift_flip_worst_tick_on_cpu_ms", worst.cpu_ms, "ms", 1)
        emit("shift_flip_worst_tick_waiting_for_cpu_ms", worst.runqueue_ms, "ms", 1)
        emit("shift_flip_worst_tick_blocked_ms", worst.blocked_ms, "ms", 1)
    # The cyclic garbage collector's passes during the shift (any thread's stops the GUI's).
    for generation, (passes, longest) in enumerate(
        zip(f.gc_passes, f.gc_pause_max_ms, strict=True)
    ):
        emit(f"shift_gc_gen{generation}_passes", passes, "passes")
        emit(f"shift_gc_gen{generation}_pause_max_ms", longest, "ms", 1)
    # The same probe in an idle event loop of another process: the machine's share.
    emit("shift_lateness_reference_p99_ms", f.reference.get("p99_ms", math.nan), "ms", 1)
    emit("shift_lateness_reference_max_ms", f.reference.get("max_ms", math.nan), "ms", 1)
    # Looks after a stall of the GUI thread, when no tile could be judged.
    emit("shift_tiles_unjudged_after_stalls", f.truth_gaps, "stalls")
    if f.tiles_lying:
        emit("shift_tiles_lying_longest_s", f.lying_longest_s, "s", 1)
        print(f"# lying tiles showed: {', '.join(f.lying_cameras)}", flush=True)
    emit("shift_actions_queued", f.actions_queued, "actions")
    emit("shift_patrol_records_queued", f.records_queued, "records")
    emit("shift_patrol_records_lost", f.records_lost, "records")
    emit("shift_patrol_records_duplicated", f.records_duplicated, "records")
    emit("shift_alerts_posted", f.alerts["posted"], "alerts")
    emit("shift_alerts_refused_by_outage", f.alerts["failed"], "alerts")
    emit("shift_world_events_failed", len(f.world_failures), "events")
    for failure in f.world_failures:
        print(f"# failed: {failure}", flush=True)
    failed = results.count(False)
    emit("shift_budgets_failed", failed, "budgets")
    return failed


def _load(load: tuple[float, float, float]) -> str:
    return "/".join(f"{value:.2f}" for value in load)


# ==================================================================================== main


def close_console(console: Console, services: Services, url: str) -> None:
    console.shutdown()
    # Deferred deletes now, while Python is whole (as the application's own exit does).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    services.credentials().forget_token(url, OPERATOR)


def run(
    plan: Plan,
    workdir: Path,
    stack: contextlib.ExitStack,
    video_nice: int | None = None,
) -> Figures:
    """Set up the world and the signed-in console, run the shift, count what arrived."""
    started = time.monotonic()
    os.environ["TIANMU_HOME"] = str(workdir / "home")
    world = start_world(workdir, stack, plan)
    write_workspace(world.backend.url, world.wall_cameras)
    prepare_process()  # the window has the map: QtWebEngine first
    app = QApplication([sys.argv[0]])
    census = watch_players()
    services = build_services(app)
    if video_nice is not None:
        services.settings.set("video.thread_nice", video_nice)
    console = Console(services, server_url=world.backend.url)
    stack.callback(close_console, console, services, world.backend.url)
    session = sign_in(console, world.backend.url)
    session.window.resize(*WINDOW)
    wait_until(lambda: session.camera_panel is not None, 60, "the camera catalogue")
    wait_until(
        lambda: any(p.id == world.plan_id for p in session.wall.patrol_panel.plans),
        60,
        "the patrol plan",
    )
    wait_until(lambda: all_live(session), 60, "live pictures in all 16 tiles")
    shift = Shift(plan, world, session, services, census)
    setup_s = time.monotonic() - started
    logger.info("set up in %.0f s; the shift starts", setup_s)
    shift.run()
    figures = shift.settle_and_count(drain_timeout_s=120)
    figures.setup_s = setup_s
    return figures


def _configure(parser: Any) -> None:
    parser.add_argument(
        "--minutes", type=float, default=30.0, help="length of the shift (default 30)"
    )
    parser.add_argument(
        "--video-nice",
        type=int,
        choices=range(20),
        metavar="N",
        help="the console's video.thread_nice: its players' libvlc threads this many nice steps "
        "below the GUI thread, 0 to 19 (0: off; default: the setting's default)",
    )
    parser.add_argument("--no-fail", action="store_true", help="exit 0 even when a budget fails")
    parser.add_argument("-v", "--verbose", action="store_true", help="log the events to stderr")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", argv, configure=_configure)
    # The console's own logging (set up with its services) carries these lines.
    logger.setLevel(logging.INFO if args.verbose else logging.WARNING)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def interrupted(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupted)
    plan = Plan.of(args.minutes, args.quick)
    try:
        with (
            tempfile.TemporaryDirectory(prefix="tianmu-shift-") as scratch,
            contextlib.ExitStack() as stack,
        ):
            figures = run(plan, Path(scratch), stack, args.video_nice)
    except KeyboardInterrupt:
        print("interrupted; every process this run started is stopped", file=sys.stderr)
        return 130
    failed = report(figures, args.quick)
    return 1 if failed and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
