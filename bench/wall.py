"""Video wall benchmark: the console's tiles beside libvlc's own X11 output, in one run.

The camera simulator serves live 640x360@25 H.264 sub streams on loopback. Two child
processes show them, one side at a time, alternating per tile count (console, bare, then bare,
console in the next round) so that whatever else loads the machine hits both sides alike:

* **console**: N ``VideoTile`` widgets in a grid filling a 1920x1080 window, exactly the tile
  path of the console (libvlc decodes into memory through its video callbacks, one repaint
  clock paints the pictures with QPainter, a supervisor watches each stream, the event-loop
  lateness probe runs as in the application). Qt runs on the ``offscreen`` platform: that is
  how the tiles paint everywhere (into a backing-store image), and it keeps the X server's
  copying out of the console's figure.
* **bare**: the same streams shown the way VLC shows them itself: one libvlc player per stream
  drawing with its own X11 output (``xcb_x11``; ``--gl=none --gles2=none``, otherwise it
  renders through software OpenGL at ten times the CPU) into plain native X windows of the
  same grid on a private Xvfb. Qt only provides the windows. The decoder options are the
  console's, so the ratio compares the display paths, not decoder settings.

CPU is each child's own (user + system, from the kernel) over a fixed window after warm-up;
the Xvfb that the bare side draws into is reported apart. Pictures come from libvlc's
per-stream counters (displayed and lost; not ``decoded_video``, which VLC 3 counts twice);
the console's fps per tile counts new pictures actually painted.

Then, in the console child: time to first frame over sequential opens, stale detection and
event-loop lateness while 16 tiles play and feeds are stopped and restarted (the tiles
reconnect), and CPU with the wall hidden against CPU with it showing.

Prints one figure per line as ``name: value unit`` (lines starting with ``#`` describe the
run); ``--quick`` runs 1/4/16 tiles with short windows in under a minute.

    .venv/bin/python bench/wall.py [--quick]
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import math
import os
import queue
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import CpuWindow, die_with_parent, emit, parse_args, percentile  # noqa: E402

logger = logging.getLogger("bench.wall")

SCREEN = (1920, 1080)
FEED_NAMES = (
    "嘉积 Jiaji Rd 01",
    "博鳌 Boao Pier 02",
    "万泉 Wanquan 03",
    "潭门 Tanmen 04",
    "石壁 Shibi 05",
    "中原 Zhongyuan 06",
)
SUB_FPS = 25
LIVE_STATE = "live"
STALE_STATE = "stale"


@dataclass(frozen=True)
class Plan:
    """How long and how often each part runs."""

    sizes: tuple[int, ...]
    rounds: int
    settle_s: float
    window_s: float
    ttff_opens: int
    ttff_budget_s: float  # stop opening earlier once this much time has gone
    reconnect_cycles: int

    @classmethod
    def quick(cls) -> Plan:
        return cls((1, 4, 16), 1, 0.3, 2.0, 20, 9.0, 1)

    @classmethod
    def full(cls) -> Plan:
        return cls((1, 4, 9, 16, 25), 2, 2.0, 10.0, 50, 600.0, 2)


def grid_shape(count: int) -> tuple[int, int]:
    """Columns and rows of the wall layout for ``count`` tiles (1, 2x2, 3x3, 4x4, 5x5)."""
    columns = max(1, math.ceil(math.sqrt(count)))
    return columns, max(1, math.ceil(count / columns))


# ==================================================================================== children
#
# A child reads one JSON command per line on stdin and answers each with one JSON line on its
# private copy of stdout ({"ok": true, ...} or {"error": "..."}); it may also send
# {"event": ...} lines at any time. Its real stdout goes to stderr so that nothing a library
# prints can corrupt the protocol.


def _child_main(role: str) -> int:
    protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    logging.basicConfig(level=logging.WARNING, format=f"{role} %(levelname)s %(name)s: %(message)s")

    from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    write_lock = threading.Lock()

    def send(message: dict[str, Any]) -> None:
        with write_lock:
            protocol.write(json.dumps(message) + "\n")

    def spin(seconds: float) -> None:
        # A nested event loop that sleeps until its timer fires: the tiles keep playing and
        # no CPU is burnt waiting.
        loop = QEventLoop()
        QTimer.singleShot(max(1, int(seconds * 1000)), loop.quit)
        loop.exec()

    def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                return False
            spin(step)
        return True

    if role == "console":
        side: Any = _make_console_side(send, spin, wait_until)
    else:
        side = _make_bare_side(wait_until)

    class Pump(QObject):
        """Carries command lines from the reader thread into the GUI thread."""

        received = Signal(str)

    pump = Pump()

    def handle(line: str) -> None:
        try:
            message = json.loads(line)
            command = message.pop("cmd")
            if command == "quit":
                side.close()
                app.quit()
                return
            reply = getattr(side, command)(**message) or {}
            send({"ok": True, **reply})
        except Exception as error:
            traceback.print_exc()
            send({"error": f"{type(error).__name__}: {error}"})

    pump.received.connect(handle, Qt.ConnectionType.QueuedConnection)

    def read_commands() -> None:
        for line in sys.stdin:
            if line.strip():
                pump.received.emit(line)
        pump.received.emit('{"cmd": "quit"}')  # the parent is gone or done

    threading.Thread(target=read_commands, name="bench-commands", daemon=True).start()
    send({"ok": True, "ready": role})
    return int(app.exec())


def _make_grid_window() -> Any:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QGridLayout, QWidget

    window = QWidget()
    window.setWindowTitle("wall")
    window.setFixedSize(*SCREEN)
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(0, 0, 0))
    window.setPalette(palette)
    window.setAutoFillBackground(True)
    grid = QGridLayout(window)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(0)
    return window


def _place(window: Any, widgets: Sequence[Any]) -> None:
    grid = window.layout()
    columns, rows = grid_shape(len(widgets))
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(columns):
        grid.setColumnStretch(column, 1)
    for row in range(rows):
        grid.setRowStretch(row, 1)


def _make_console_side(
    send: Callable[[dict[str, Any]], None],
    spin: Callable[[float], None],
    wait_until: Callable[..., bool],
) -> Any:
    import vlc
    from PySide6.QtGui import QPaintEvent

    from console.diagnostics import LatenessProbe
    from console.gui.video_tile import VideoTile
    from console.video.vlc_source import PlayerController, VlcSource

    class CountingTile(VideoTile):
        """The console's tile, counting the new pictures it paints."""

        def __init__(self, name: str):
            super().__init__(name)
            self.painted_pictures = 0
            self.first_picture_at: float | None = None
            self._painted_counter = 0

        def reset_counts(self) -> None:
            self.painted_pictures = 0
            self.first_picture_at = None
            self._painted_counter = 0

        def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
            source = self.supervisor.source if self.supervisor is not None else None
            counter = source.frame_counter if source is not None else 0
            super().paintEvent(event)
            if counter and counter != self._painted_counter:
                self._painted_counter = counter
                self.painted_pictures += 1
                if self.first_picture_at is None:
                    self.first_picture_at = time.monotonic()

    def controller_of(tile: VideoTile) -> PlayerController | None:
        source = tile.supervisor.source if tile.supervisor is not None else None
        return source.controller if isinstance(source, VlcSource) else None

    class ConsoleSide:
        """N console tiles in a 1920x1080 grid, driven by the parent's commands."""

        def __init__(self) -> None:
            self.window = _make_grid_window()
            self.tiles: list[CountingTile] = []
            self.probe = LatenessProbe(parent=self.window)
            self.probe.start()
            self.window.show()

        def ping(self) -> dict[str, Any]:
            return {}

        def open(self, urls: list[str], timeout: float = 30.0) -> dict[str, Any]:
            self.close()
            self.tiles = [CountingTile(f"cam{i + 1:02d}") for i in range(len(urls))]
            _place(self.window, self.tiles)
            for index, (tile, url) in enumerate(zip(self.tiles, urls, strict=True)):
                tile.status_changed.connect(
                    lambda status, index=index: send(
                        {
                            "event": "state",
                            "tile": index,
                            "state": status.state.value,
                            "t": time.monotonic(),
                            "last_frame_at": status.last_frame_at,
                        }
                    )
                )
                tile.play(url)
            started = time.monotonic()
            wait_until(lambda: all(t.first_picture_at for t in self.tiles), timeout)
            size = self.tiles[0].size()
            return {
                "live": sum(1 for t in self.tiles if t.first_picture_at),
                "open_s": time.monotonic() - started,
                "tile": [size.width(), size.height()],
            }

        def mark(self) -> dict[str, Any]:
            counts = self._libvlc_counts()
            return {
                "t": time.monotonic(),
                "displayed": [c[0] for c in counts],
                "lost": [c[1] for c in counts],
                "painted": [t.painted_pictures for t in self.tiles],
            }

        def _libvlc_counts(self) -> list[tuple[int, int]]:
            # libvlc is only called on each player's own controller thread.
            found: dict[int, tuple[int, int]] = {}

            def reader(index: int) -> Callable[[vlc.MediaPlayer], None]:
                def read(player: vlc.MediaPlayer) -> None:
                    media = player.get_media()
                    stats = vlc.MediaStats()
                    ok = media is not None and media.get_stats(stats)
                    if media is not None:
                        media.release()
                    found[index] = (stats.displayed_pictures, stats.lost_pictures) if ok else (0, 0)

                return read

            for index, tile in enumerate(self.tiles):
                controller = controller_of(tile)
                if controller is None:
                    found[index] = (0, 0)
                else:
                    controller.call("bench-stats", reader(index))
            if not wait_until(lambda: len(found) == len(self.tiles), 5.0):
                raise RuntimeError("libvlc statistics did not arrive")
            return [found[i] for i in range(len(self.tiles))]

        def close(self) -> dict[str, Any]:
            controllers = [c for c in map(controller_of, self.tiles) if c is not None]
            for tile in self.tiles:
                tile.close()  # stops the stream and leaves the repaint clock
                self.window.layout().removeWidget(tile)
                tile.setParent(None)
                tile.deleteLater()
            self.tiles = []
            stopped = wait_until(lambda: all(c.join(0) for c in controllers), 15.0)
            return {"stopped": stopped}

        def hide(self) -> dict[str, Any]:
            self.window.hide()
            return {}

        def show(self) -> dict[str, Any]:
            self.window.show()
            return {}

        def ttff(self, urls: list[str], budget_s: float, timeout: float = 10.0) -> dict[str, Any]:
            """Open each URL in one tile, in turn, until ``budget_s`` has gone; seconds from
            ``play`` to the first painted picture (None when none came within ``timeout``)."""
            self.close()
            tile = CountingTile("ttff")
            self.tiles = [tile]
            _place(self.window, self.tiles)
            spin(0.2)
            seconds: list[float | None] = []
            deadline = time.monotonic() + budget_s
            for url in urls:
                if time.monotonic() > deadline:
                    break
                tile.reset_counts()
                started = time.monotonic()
                tile.play(url)
                wait_until(lambda: tile.first_picture_at is not None, timeout, 0.005)
                first = tile.first_picture_at
                seconds.append(None if first is None else first - started)
                controller = controller_of(tile)
                tile.stop()
                if controller is not None:
                    wait_until(functools.partial(controller.join, 0), 10.0)
            self.close()
            return {"seconds": seconds}

        def probe_reset(self) -> dict[str, Any]:
            self.probe.reset()
            return {}

        def probe_snapshot(self) -> dict[str, Any]:
            snapshot = self.probe.snapshot()
            stall = snapshot.pop("last_stall", None) or {}
            snapshot["last_stall_stack"] = stall.get("stack")
            return {"probe": snapshot}

    return ConsoleSide()


def _make_bare_side(wait_until: Callable[..., bool]) -> Any:
    from concurrent.futures import ThreadPoolExecutor

    import vlc
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from console.video.engine import EngineConfig

    class BareSide:
        """libvlc players drawing with their own X11 output into native windows."""

        def __init__(self) -> None:
            self.instance = vlc.Instance(EngineConfig().args())
            self.window = _make_grid_window()
            self.window.show()
            self.frames: list[QWidget] = []
            self.players: list[vlc.MediaPlayer] = []
            self.medias: list[vlc.Media] = []

        def ping(self) -> dict[str, Any]:
            return {}

        def open(self, urls: list[str], timeout: float = 30.0) -> dict[str, Any]:
            self.close()
            for _ in urls:
                frame = QWidget()
                frame.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
                frame.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
                self.frames.append(frame)
            _place(self.window, self.frames)
            QApplication.processEvents()
            for frame, url in zip(self.frames, urls, strict=True):
                player = self.instance.media_player_new()
                player.set_xwindow(int(frame.winId()))
                media = self.instance.media_new(url)
                player.set_media(media)
                player.play()
                self.players.append(player)
                self.medias.append(media)
            started = time.monotonic()
            wait_until(lambda: all(d > 0 for d, _ in self._counts()), timeout)
            size = self.frames[0].size()
            return {
                "live": sum(1 for d, _ in self._counts() if d > 0),
                "open_s": time.monotonic() - started,
                "tile": [size.width(), size.height()],
            }

        def _counts(self) -> list[tuple[int, int]]:
            counts = []
            for media in self.medias:
                stats = vlc.MediaStats()
                if media.get_stats(stats):
                    counts.append((stats.displayed_pictures, stats.lost_pictures))
                else:
                    counts.append((0, 0))
            return counts

        def mark(self) -> dict[str, Any]:
            counts = self._counts()
            return {
                "t": time.monotonic(),
                "displayed": [c[0] for c in counts],
                "lost": [c[1] for c in counts],
            }

        def close(self) -> dict[str, Any]:
            def stop(player: vlc.MediaPlayer, media: vlc.Media) -> None:
                player.stop()
                player.release()
                media.release()

            # One thread per player: a network stream's stop() blocks for a while.
            if self.players:
                with ThreadPoolExecutor(max_workers=len(self.players)) as pool:
                    list(pool.map(stop, self.players, self.medias))
            for frame in self.frames:
                self.window.layout().removeWidget(frame)
                frame.setParent(None)
                frame.deleteLater()
            self.players, self.medias, self.frames = [], [], []
            return {}

    return BareSide()


# ==================================================================================== parent


class ChildError(RuntimeError):
    """A child did not answer, or answered with an error."""


class Child:
    """One side in its own process; see the protocol above."""

    def __init__(self, role: str, env: dict[str, str], log_path: Path):
        self.role = role
        self.log_path = log_path
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--child", role],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                env=env,
                text=True,
                encoding="utf-8",
                bufsize=1,
                preexec_fn=die_with_parent,  # the parent-death signal needs the main thread
            )
        self._replies: queue.Queue[dict[str, Any]] = queue.Queue()
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, name=f"{role}-replies", daemon=True).start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            (self.events if "event" in message else self._replies).put(message)
        self._replies.put({"error": "the process exited", "eof": True})

    def wait_ready(self, timeout: float = 60.0) -> None:
        self._reply("ready", timeout)

    def call(self, command: str, timeout: float = 120.0, **arguments: Any) -> dict[str, Any]:
        if self.process.stdin is None or self.process.poll() is not None:
            raise ChildError(f"{self.role}: the process is not running ({self._log_tail()})")
        self.process.stdin.write(json.dumps({"cmd": command, **arguments}) + "\n")
        self.process.stdin.flush()
        return self._reply(command, timeout)

    def _reply(self, what: str, timeout: float) -> dict[str, Any]:
        try:
            reply = self._replies.get(timeout=timeout)
        except queue.Empty:
            raise ChildError(f"{self.role}: no answer to {what} in {timeout:.0f} s") from None
        if "error" in reply:
            raise ChildError(f"{self.role}: {what}: {reply['error']} ({self._log_tail()})")
        return reply

    def drain_events(self) -> list[dict[str, Any]]:
        events = []
        with contextlib.suppress(queue.Empty):
            while True:
                events.append(self.events.get_nowait())
        return events

    def _log_tail(self) -> str:
        with contextlib.suppress(OSError):
            return " | ".join(self.log_path.read_text(errors="replace").splitlines()[-5:])
        return ""

    def stop(self) -> None:
        if self.process.poll() is None and self.process.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                self.process.stdin.write('{"cmd": "quit"}\n')
                self.process.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)


@contextlib.contextmanager
def xvfb(log_path: Path) -> Iterator[tuple[str, int]]:
    """A private Xvfb screen of ``SCREEN`` size; yields (DISPLAY, pid)."""
    read_end, write_end = os.pipe()
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
             f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            preexec_fn=die_with_parent,
        )  # fmt: skip
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                raise RuntimeError(f"Xvfb did not start; see {log_path}")
            number += chunk
        yield f":{int(number)}", process.pid
    finally:
        os.close(read_end)
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@dataclass
class SideFigures:
    """What one side showed over its measurement windows (all rounds together)."""

    cpu_pct: list[float] = field(default_factory=list)
    xvfb_pct: list[float] = field(default_factory=list)
    lost: int = 0
    displayed_fps: list[float] = field(default_factory=list)
    painted_fps: list[float] = field(default_factory=list)
    not_live: int = 0


def _window(
    child: Child,
    urls: list[str],
    plan: Plan,
    figures: SideFigures,
    xvfb_pid: int | None,
    keep_open: bool = False,
) -> None:
    logger.info("%s: %s tiles", child.role, len(urls))
    opened = child.call("open", urls=urls)
    logger.info("%s: pictures in all tiles after %.1f s", child.role, opened["open_s"])
    figures.not_live += len(urls) - int(opened["live"])
    time.sleep(plan.settle_s)
    cpu = CpuWindow(child.pid)
    server = CpuWindow(xvfb_pid) if xvfb_pid is not None else None
    cpu.start()
    if server is not None:
        server.start()
    first = child.call("mark")
    time.sleep(plan.window_s)
    last = child.call("mark")
    figures.cpu_pct.append(cpu.stop())
    if server is not None:
        figures.xvfb_pct.append(server.stop())
    if not keep_open:
        child.call("close")
    seconds = last["t"] - first["t"]
    figures.lost += sum(b - a for a, b in zip(first["lost"], last["lost"], strict=True))
    figures.displayed_fps += [
        (b - a) / seconds for a, b in zip(first["displayed"], last["displayed"], strict=True)
    ]
    if "painted" in first:
        figures.painted_fps += [
            (b - a) / seconds for a, b in zip(first["painted"], last["painted"], strict=True)
        ]


def _sub_urls(simulator: Any, count: int) -> list[str]:
    feeds = simulator.feeds
    return [feeds[i % len(feeds)].sub.http for i in range(count)]


def measure_walls(
    plan: Plan, console: Child, bare: Child, simulator: Any, xvfb_pid: int
) -> dict[int, tuple[SideFigures, SideFigures]]:
    """Every tile count on both sides, alternating the order from round to round. The last
    round runs bare first, so the console's last wall (the largest) stays open for the
    phases that follow."""
    results: dict[int, tuple[SideFigures, SideFigures]] = {}
    for size in plan.sizes:
        results[size] = (SideFigures(), SideFigures())
    for round_index in range(plan.rounds):
        bare_first = (plan.rounds - 1 - round_index) % 2 == 0
        for size in plan.sizes:
            urls = _sub_urls(simulator, size)
            ours, theirs = results[size]
            sides = [(console, ours, None), (bare, theirs, xvfb_pid)]
            if bare_first:
                sides.reverse()
            for child, figures, server_pid in sides:
                last = round_index == plan.rounds - 1 and size == plan.sizes[-1]
                _window(child, urls, plan, figures, server_pid, keep_open=last and child is console)
    return results


def report_walls(results: dict[int, tuple[SideFigures, SideFigures]]) -> None:
    for size, (ours, theirs) in results.items():
        prefix = f"wall{size}"
        ours_cpu = statistics.fmean(ours.cpu_pct)
        theirs_cpu = statistics.fmean(theirs.cpu_pct)
        emit(f"{prefix}_cpu_pct", ours_cpu, "%", 1)
        emit(f"{prefix}_bare_cpu_pct", theirs_cpu, "%", 1)
        emit(f"{prefix}_cpu_ratio_vs_bare", ours_cpu / theirs_cpu if theirs_cpu else math.nan, "x")
        emit(f"{prefix}_lost_pictures", ours.lost, "pictures")
        emit(f"{prefix}_bare_lost_pictures", theirs.lost, "pictures")
        emit(f"{prefix}_fps_min", min(ours.painted_fps), "fps", 1)
        emit(f"{prefix}_fps_mean", statistics.fmean(ours.painted_fps), "fps", 1)
        emit(f"{prefix}_displayed_fps_min", min(ours.displayed_fps), "fps", 1)
        emit(f"{prefix}_bare_fps_min", min(theirs.displayed_fps), "fps", 1)
        emit(f"{prefix}_bare_xvfb_cpu_pct", statistics.fmean(theirs.xvfb_pct), "%", 1)
        if ours.not_live or theirs.not_live:
            emit(f"{prefix}_tiles_without_picture", ours.not_live, "tiles")
            emit(f"{prefix}_bare_tiles_without_picture", theirs.not_live, "tiles")


def measure_ttff(plan: Plan, console: Child, simulator: Any) -> None:
    logger.info("time to first frame")
    urls = _sub_urls(simulator, plan.ttff_opens)
    seconds = console.call(
        "ttff", urls=urls, budget_s=plan.ttff_budget_s, timeout=plan.ttff_budget_s + 30
    )["seconds"]
    shown = [s for s in seconds if s is not None]
    emit("ttff_p50_s", percentile(shown, 0.50), "s")
    emit("ttff_p95_s", percentile(shown, 0.95), "s")
    emit("ttff_opens", len(seconds), "opens")
    emit("ttff_failures", len(seconds) - len(shown), "opens")


def _wait_for_states(
    child: Child,
    wanted: dict[int, str],
    after: float,
    timeout: float,
    seen: dict[int, dict[str, Any]],
) -> None:
    """Collect, for each tile in ``wanted``, the first event after ``after`` reporting its
    wanted state, into ``seen``; stop when all did or at ``timeout``."""
    deadline = time.monotonic() + timeout
    while len(seen) < len(wanted) and time.monotonic() < deadline:
        try:
            event = child.events.get(timeout=0.1)
        except queue.Empty:
            continue
        tile = int(event["tile"])
        if wanted.get(tile) == event["state"] and event["t"] >= after and tile not in seen:
            seen[tile] = event


def _ensure_wall(console: Child, simulator: Any, count: int, open_count: int) -> None:
    if open_count != count:
        console.call("open", urls=_sub_urls(simulator, count))


def measure_reconnects(plan: Plan, console: Child, simulator: Any, open_count: int) -> None:
    """16 tiles play; feeds are stopped (their tiles must turn stale) and restarted (their
    tiles must reconnect) while the lateness probe watches the event loop."""
    logger.info("stale detection, reconnects, lateness")
    count = 16
    feeds = len(simulator.feeds)
    _ensure_wall(console, simulator, count, open_count)
    time.sleep(plan.settle_s)
    console.drain_events()
    console.call("probe_reset")
    stale_s: list[float] = []
    stale_after_picture_s: list[float] = []
    reconnect_s: list[float] = []
    for cycle in range(plan.reconnect_cycles):
        stopped_feeds = [(2 * cycle) % feeds, (2 * cycle + 1) % feeds]
        affected = [t for t in range(count) if t % feeds in stopped_feeds]
        stopped_at: dict[int, float] = {}
        for feed in stopped_feeds:
            stopped_at[feed] = time.monotonic()
            simulator.stop_feed(feed)
            time.sleep(0.3)
        stale_at: dict[int, dict[str, Any]] = {}
        _wait_for_states(
            console, dict.fromkeys(affected, STALE_STATE), min(stopped_at.values()), 15.0, stale_at
        )
        stale_s += [e["t"] - stopped_at[tile % feeds] for tile, e in stale_at.items()]
        stale_after_picture_s += [
            e["t"] - e["last_frame_at"] for e in stale_at.values() if e["last_frame_at"]
        ]
        missing = len(affected) - len(stale_at)
        if missing:
            emit(f"stale_not_detected_cycle{cycle + 1}", missing, "tiles")
        back_at = time.monotonic()
        for feed in stopped_feeds:
            simulator.start_feed(feed)
        live_at: dict[int, dict[str, Any]] = {}
        _wait_for_states(console, dict.fromkeys(affected, LIVE_STATE), back_at, 40.0, live_at)
        reconnect_s += [e["t"] - back_at for e in live_at.values()]
        if len(live_at) < len(affected):
            emit(f"reconnect_missing_cycle{cycle + 1}", len(affected) - len(live_at), "tiles")
        time.sleep(plan.settle_s)
    probe = console.call("probe_snapshot")["probe"]
    emit("stale_detect_s", statistics.median(stale_s) if stale_s else math.nan, "s")
    emit("stale_detect_max_s", max(stale_s) if stale_s else math.nan, "s")
    emit(
        "stale_after_last_picture_s",
        statistics.median(stale_after_picture_s) if stale_after_picture_s else math.nan,
        "s",
    )
    emit("reconnect_max_s", max(reconnect_s) if reconnect_s else math.nan, "s")
    emit("lateness_p50_ms", float(probe["p50_ms"]), "ms", 1)
    emit("lateness_p99_ms", float(probe["p99_ms"]), "ms", 1)
    emit("lateness_max_ms", float(probe["max_ms"]), "ms", 1)
    emit("lateness_ticks", int(probe["window"]), "ticks")
    if probe.get("last_stall_stack"):
        # For whoever chases the stall: where the GUI thread was while blocked.
        print(
            f"last event-loop stall, GUI thread stack:\n{probe['last_stall_stack']}",
            file=sys.stderr,
        )


def measure_hidden(
    plan: Plan, console: Child, simulator: Any, open_count: int, showing_pct: float | None
) -> None:
    """CPU of 16 tiles with the wall hidden against the same tiles showing, back to back.

    ``showing_pct`` is the 16-tile wall's CPU when it was measured just before and is still
    open; otherwise the showing wall is measured here first. The wall is left open, showing.
    """
    logger.info("hidden wall")
    _ensure_wall(console, simulator, 16, open_count)
    cpu = CpuWindow(console.pid)
    figures: list[float] = []
    decoding = 0
    for hidden in (False, True):
        if not hidden and showing_pct is not None:
            figures.append(showing_pct)
            continue
        console.call("hide" if hidden else "show")
        time.sleep(plan.settle_s + 0.3)
        cpu.start()
        first = console.call("mark")
        time.sleep(plan.window_s)
        last = console.call("mark")
        figures.append(cpu.stop())
        decoding = sum(
            1 for a, b in zip(first["displayed"], last["displayed"], strict=True) if b > a
        )
    console.call("show")
    showing, hidden_pct = figures
    emit("shown16_cpu_pct", showing, "%", 1)
    emit("hidden16_cpu_pct", hidden_pct, "%", 1)
    emit("hidden_cpu_ratio", hidden_pct / showing if showing else math.nan, "x")
    emit("hidden_tiles_still_decoding", decoding, "tiles")


def _child_env(**overrides: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    env.update(overrides)
    return env


def run(plan: Plan, quick: bool) -> None:
    from console.server.media import CameraSimulator

    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tianmu-wall-")))
        display, xvfb_pid = stack.enter_context(xvfb(workdir / "xvfb.log"))
        console_env = _child_env(QT_QPA_PLATFORM="offscreen")
        console_env.pop("DISPLAY", None)
        console = Child("console", console_env, workdir / "console.log")
        stack.callback(console.stop)
        bare = Child(
            "bare", _child_env(QT_QPA_PLATFORM="xcb", DISPLAY=display), workdir / "bare.log"
        )
        stack.callback(bare.stop)
        # The main stream is not watched here: kept at the sub stream's size it costs the
        # machine less while the sides are measured.
        simulator = CameraSimulator(
            workdir / "simulator",
            FEED_NAMES,
            sub_fps=SUB_FPS,
            main_size=(640, 360),
            main_fps=5,
        )
        stack.callback(simulator.stop)
        simulator.start(timeout=60)
        console.wait_ready()
        bare.wait_ready()
        logger.info("ready after %.1f s", time.monotonic() - started)
        print(
            f"# console: QGridLayout of VideoTile, Qt offscreen, {SCREEN[0]}x{SCREEN[1]} window; "
            f"bare: libvlc xcb_x11 into native X windows on Xvfb {display}; "
            f"{len(FEED_NAMES)} simulator sub streams 640x360@{SUB_FPS}, shared round-robin; "
            f"{os.cpu_count()} cores; {'quick' if quick else 'full'} run",
            flush=True,
        )
        emit("load_average_1min_start", os.getloadavg()[0], "", 1)
        walls = measure_walls(plan, console, bare, simulator, xvfb_pid)
        report_walls(walls)
        bare.stop()
        # The console's largest wall is still open: the next phases use it when it has 16.
        largest = plan.sizes[-1]
        showing = walls[16][0].cpu_pct[-1] if largest == 16 else None
        measure_hidden(plan, console, simulator, largest, showing)
        measure_reconnects(plan, console, simulator, 16)
        measure_ttff(plan, console, simulator)
        emit("load_average_1min_end", os.getloadavg()[0], "", 1)
    emit("bench_wall_s", time.monotonic() - started, "s", 1)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) == 2 and arguments[0] == "--child":
        return _child_main(arguments[1])
    args = parse_args(
        __doc__.splitlines()[0] if __doc__ else "",
        arguments,
        configure=lambda parser: parser.add_argument(
            "-v", "--verbose", action="store_true", help="log the phases to stderr"
        ),
    )
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(relativeCreated)7.0f ms %(name)s: %(message)s",
    )

    def interrupted(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupted)
    try:
        run(Plan.quick() if args.quick else Plan.full(), args.quick)
    except KeyboardInterrupt:
        print("interrupted; every process this run started is stopped", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
