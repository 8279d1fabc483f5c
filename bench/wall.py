"""Video wall benchmark: the console's tiles beside libvlc's own X11 output, in one run.

The camera simulator serves live 640x360@25 H.264 sub streams on loopback, behind the demo
server's stream addresses. Child processes show them, one side at a time, alternating per
tile count (console, bare, then bare, console in the next round) so that whatever else loads
the machine hits both sides alike:

* **console**: the console's own wall, a ``WallView`` filling a 1920x1080 window with a page
  of N tiles, cameras dropped on it as the operator would (the wall's stream policy starts
  and stops the players; libvlc decodes into memory through its video callbacks at the
  tile's size, one repaint clock paints the pictures with QPainter, a supervisor watches each
  stream, the event-loop lateness probe runs as in the application). Main streams are off, so
  both sides show the same sub streams. The window is sized so that every tile is exactly a
  cell of a 1920x1080 grid (480x270 for 16 tiles), like the bare side's windows: libvlc's
  scaler is several times dearer at sizes that do not keep the picture's aspect ratio, and
  the sides must scale alike. The window is shown on a private Xvfb of its own
  (``--console-platform offscreen`` keeps it off any X server). The 16-tile wall is also
  measured with native output (``console.video.output``: libvlc draws into the tiles).
* **window**: the whole console as an operator runs it: signed in through the login dialog
  to the demo server (``tests.support.live_server``, in this process, with the camera
  simulator behind its stream addresses), its main window (menus, docks, status bar, the
  wall's dock with its toolbar) at 1920x1080 on an Xvfb of its own, the session's wall
  playing 16 cameras the server streams. Its tiles have whatever size the window gives them
  (not a cell of the screen); the bare side shows the same streams at the same sizes
  (``wall16_window_*``).
* **bare**: the same streams shown the way VLC shows them itself: one libvlc player per stream
  drawing with its own X11 output (``xcb_x11``; ``--gl=none --gles2=none``, otherwise it
  renders through software OpenGL at ten times the CPU) into plain native X windows of the
  console's tile size in a grid filling the screen of a private Xvfb. Qt only provides the
  windows. The decoder options are the console's, so the ratio compares the display paths,
  not decoder settings.

CPU is each child's own (user + system, from the kernel) over a fixed window after warm-up.
Each side has an X server of its own (Xvfb), whose CPU is counted with it: the bare
side's pictures are copied to the screen by the X server, the console's are composed in its
backing store and then copied by the X server. ``wall*_cpu_ratio_vs_bare`` compares the two
processes; ``wall*_cpu_ratio_vs_bare_with_x`` the processes with their X server's work, which
is what the machine pays to show the wall either way. Pictures come from libvlc's
per-stream counters (displayed and lost; not ``decoded_video``, which VLC 3 counts twice);
the console's fps per tile counts new pictures actually painted.

Then, in the console child: CPU with the wall's window minimised against CPU with it showing
(nobody sees the tiles, so their players stop), stale detection and event-loop lateness
while 16 tiles play and feeds are stopped and restarted (the tiles reconnect), and time to
first frame over sequential drops of a camera on a one-tile page. While the lateness is
measured, a third process runs the same probe in an empty Qt event loop: its lateness is
what this machine's load does to any GUI thread (``lateness_reference_*``).

Last, the simulator's feeds are replaced by CIF sub streams (352x288@25, as many real cameras
offer) and the console's wall shows 36 and 64 of them beside the bare side
(``wall36_cif_*``, ``wall64_cif_*``).

Prints one figure per line as ``name: value unit`` (lines starting with ``#`` describe the
run); ``--quick`` runs 16 tiles, the main window and 36 CIF tiles with short windows in
about a minute (a ``#`` line names what it leaves out); ``--parts`` picks parts by name.

    .venv/bin/python bench/wall.py [--quick] [--parts walls,window,hidden,reconnects,ttff,cif]
        [--cif-sizes 36,64]
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import queue
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import CpuWindow, die_with_parent, emit, parse_args, percentile  # noqa: E402
from bench._common import child_env as _child_env  # noqa: E402
from tests.support.xvfb import xvfb_server  # noqa: E402

logger = logging.getLogger("bench.wall")

SCREEN = (1920, 1080)
# The X screen is larger than the grid: the console's window adds its toolbar to the grid.
X_SCREEN = (2048, 1536)
FEEDS = 6
# The demo world's cameras (fewer than its default: it is built in a second or two).
DEMO_CAMERAS = 300
# Who signs in to the console's main window.
WINDOW_USER = "operator-1"
# What a run measures (``--parts``), in this order.
PARTS = ("walls", "window", "hidden", "reconnects", "ttff", "cif")
SUB_FPS = 25
BUDGET_TILES = 16
LIVE_STATE = "live"
# A frozen stream is caught when its tile leaves "live": marked stale by the watchdog, or
# reconnecting at once when the server closed the stream first (the relay ends a silent one).
FROZEN_STATES = frozenset({"stale", "reconnecting"})


@dataclass(frozen=True)
class Plan:
    """How long and how often each part runs. The 16-tile wall (the budget's) runs
    ``budget_rounds`` times on each side, the other sizes ``rounds`` times; the side that goes
    first alternates from round to round (console, bare; bare, console; ...). The wall in the
    main window runs ``window_rounds`` times on each side, the CIF walls ``rounds`` times."""

    sizes: tuple[int, ...]
    rounds: int
    budget_rounds: int
    settle_s: float
    window_s: float
    ttff_opens: int
    ttff_budget_s: float  # stop opening earlier once this much time has gone
    reconnect_cycles: int
    window_rounds: int
    cif_sizes: tuple[int, ...]
    native: bool  # also the 16 tiles with libvlc drawing into them
    parts: tuple[str, ...] = PARTS

    @classmethod
    def quick(cls) -> Plan:
        # Players need a second or two after their first picture before their CPU is steady
        # (decoder start, the picture size settling); a shorter settle inflates the console's
        # side, which starts more machinery per tile.
        return cls(
            sizes=(16,),
            rounds=1,
            budget_rounds=1,
            settle_s=1.0,
            window_s=2.0,
            ttff_opens=12,
            ttff_budget_s=3.0,
            reconnect_cycles=1,
            window_rounds=1,
            cif_sizes=(36,),
            native=False,
            parts=("walls", "window", "cif"),
        )

    @classmethod
    def full(cls) -> Plan:
        return cls(
            sizes=(1, 4, 9, 16, 25),
            rounds=2,
            budget_rounds=4,
            settle_s=2.0,
            window_s=10.0,
            ttff_opens=50,
            ttff_budget_s=600.0,
            reconnect_cycles=2,
            window_rounds=4,
            cif_sizes=(36, 64),
            native=True,
        )

    def rounds_for(self, size: int) -> int:
        return self.budget_rounds if size == BUDGET_TILES else self.rounds

    def left_out(self, full: Plan) -> str:
        """What a full run measures that this one does not, in words (empty: nothing)."""
        missing = [f"{n} tiles" for n in full.sizes if n not in self.sizes]
        missing += [f"{n} CIF tiles" for n in full.cif_sizes if n not in self.cif_sizes]
        if full.native and not self.native:
            missing.append("native output")
        missing += [part for part in full.parts if part not in self.parts]
        return ", ".join(missing)


# ==================================================================================== children
#
# A child reads one JSON command per line on stdin and answers each with one JSON line on its
# private copy of stdout ({"ok": true, ...} or {"error": "..."}); it may also send
# {"event": ...} lines at any time. Its real stdout goes to stderr so that nothing a library
# prints can corrupt the protocol.


def _child_main(role: str, make_side: Callable[..., Any] | None = None) -> int:
    protocol = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    logging.basicConfig(level=logging.WARNING, format=f"{role} %(levelname)s %(name)s: %(message)s")

    from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    from console.app import prepare_process

    prepare_process()  # the signed-in window has the map: QtWebEngine first
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

    if make_side is not None:  # another benchmark's side on this protocol (bench/patrol.py)
        side: Any = make_side(send, spin, wait_until)
    elif role == "console":
        side = _console_side_class(send, spin, wait_until)()
    elif role == "window":
        side = _window_side_class(_console_side_class(send, spin, wait_until))()
    elif role == "reference":
        side = _make_reference_side()
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
                getattr(side, "shutdown", side.close)()
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
    """A black 1920x1080 window (the bare side places its native windows in it)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    window.setWindowTitle("wall")
    window.setFixedSize(*SCREEN)
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(0, 0, 0))
    window.setPalette(palette)
    window.setAutoFillBackground(True)
    return window


def _console_side_class(
    send: Callable[[dict[str, Any]], None],
    spin: Callable[[float], None],
    wait_until: Callable[..., bool],
) -> Any:
    from console.diagnostics import LatenessProbe
    from console.gui.wall.streams import WallStreams
    from console.gui.wall.tile import WallTile
    from console.gui.wall.wall_view import WallView
    from console.tasks import TaskRunner
    from console.video.vlc_source import PlayerController, VlcSource
    from console.wall.layout import LayoutLibrary, preset
    from console.wall.model import Wall, WallPage
    from console.wall.stream_policy import StreamPolicy

    def controller_of(tile: WallTile) -> PlayerController | None:
        source = tile.supervisor.source if tile.supervisor is not None else None
        return source.controller if isinstance(source, VlcSource) else None

    if not hasattr(WallTile, "pictures_painted"):
        _count_paints_of_older_tiles(WallTile)

    class ConsoleSide:
        """The console's wall (``WallView``: pages, tiles, the stream policy that stops what
        nobody sees) filling a 1920x1080 window, driven by the parent's commands."""

        # The child's event-loop helpers, for subclasses.
        pause = staticmethod(spin)
        wait_for = staticmethod(wait_until)

        def __init__(self) -> None:
            self.urls: dict[str, str] = {}
            self.runner = TaskRunner()
            self.wall = Wall([WallPage(preset("1"))])
            # No main streams: every tile plays the sub stream the bare side shows too.
            self.streams = WallStreams(self.runner, self._resolve, policy=StreamPolicy(max_main=0))
            self.view = WallView(self.wall, LayoutLibrary(), self.streams, self.runner)
            self.view.setWindowTitle("wall")
            self.view.setFixedSize(*SCREEN)
            self.probe = LatenessProbe(parent=self.view)
            self.probe.start()
            self.view.show()
            self.opened = 0
            self.watched: set[int] = set()
            self.native = False

        def _resolve(self, camera_id: str) -> tuple[str | None, str | None]:
            url = self.urls[camera_id]
            return url, url

        @property
        def tiles(self) -> list[WallTile]:
            view = self.view.current_view()
            return view.tiles if view is not None else []

        def ping(self) -> dict[str, Any]:
            return {}

        def layout(self, count: int) -> dict[str, Any]:
            """Show an empty page of ``count`` tiles, each exactly a cell of a 1920x1080 grid
            (the window grows by the toolbar and the gaps between tiles), as the bare side's
            windows are; their sizes."""
            self.close()
            self.view.set_layout(str(count))
            side = round(math.sqrt(count))
            wanted = (SCREEN[0] // side, SCREEN[1] // side)
            spin(0.1)
            for _ in range(3):
                tile = self.tiles[0]
                # With native output the picture sits between the overlay strips: the
                # picture area, not the tile, is made the grid cell's size.
                strips = round(tile.height() - tile.native_area().height()) if self.native else 0
                extra_w = (wanted[0] - tile.width()) * side
                extra_h = (wanted[1] + strips - tile.height()) * side
                if not extra_w and not extra_h:
                    break
                self.view.setFixedSize(self.view.width() + extra_w, self.view.height() + extra_h)
                spin(0.1)
            return {"sizes": [[t.width(), t.height()] for t in self.tiles]}

        def open(self, urls: list[str], timeout: float = 30.0) -> dict[str, Any]:
            self.layout(len(urls))
            self.opened += 1
            # Fresh camera ids per wall: every tile starts its own player.
            ids = [f"w{self.opened}-{index:02d}" for index in range(len(urls))]
            self.urls.update(zip(ids, urls, strict=True))
            return self._show(ids, timeout)

        def _show(self, ids: list[str], timeout: float) -> dict[str, Any]:
            """Put the cameras ``ids`` on the current page's tiles and wait until every tile
            paints pictures."""
            before = {id(t): t.pictures_painted for t in self.tiles}
            started = time.monotonic()
            self.wall.fill(self.wall.current, ids)
            for index, tile in enumerate(self.tiles):
                if id(tile) not in self.watched:
                    self.watched.add(id(tile))
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

            def showing(tile: WallTile) -> bool:
                if getattr(tile, "shows_native", lambda: False)():
                    # libvlc draws: the console only learns that pictures are shown.
                    supervisor = tile.supervisor
                    return supervisor is not None and supervisor.status.state.value == LIVE_STATE
                return tile.pictures_painted > before[id(tile)]

            wait_until(lambda: all(map(showing, self.tiles)), timeout)
            size = self.tiles[0].size()
            return {
                "live": sum(1 for t in self.tiles if showing(t)),
                "open_s": time.monotonic() - started,
                "tile": [size.width(), size.height()],
            }

        def mark(self) -> dict[str, Any]:
            counts = self._libvlc_counts()
            return {
                "t": time.monotonic(),
                "displayed": [c[0] for c in counts],
                "lost": [c[1] for c in counts],
                "painted": [t.pictures_painted for t in self.tiles],
                "restarts": sum(
                    getattr(c, "restarts", 0) for c in map(controller_of, self.tiles) if c
                ),
                "playing": sum(1 for t in self.tiles if t.supervisor is not None),
            }

        def _libvlc_counts(self) -> list[tuple[int, int]]:
            # libvlc is only called on each player's own controller thread.
            found: dict[int, tuple[int, int]] = {}

            def keeper(index: int) -> Callable[[int, int], None]:
                def keep(displayed: int, lost: int) -> None:
                    found[index] = (displayed, lost)

                return keep

            for index, tile in enumerate(self.tiles):
                controller = controller_of(tile)
                if controller is None:
                    found[index] = (0, 0)
                elif hasattr(controller, "read_counts"):
                    controller.read_counts(keeper(index))
                else:  # an older build: libvlc's own counts, on the controller's thread
                    controller.call("bench-stats", _stats_reader(keeper(index)))
            if not wait_until(lambda: len(found) == len(self.tiles), 5.0):
                raise RuntimeError("libvlc statistics did not arrive")
            return [found[i] for i in range(len(self.tiles))]

        def close(self) -> dict[str, Any]:
            controllers = [c for c in map(controller_of, self.tiles) if c is not None]
            self.wall.fill(self.wall.current, [])
            self.streams.evaluate()  # tiles without a camera stop at once
            stopped = wait_until(lambda: all(c.join(0) for c in controllers), 15.0)
            return {"stopped": stopped}

        def hide(self) -> dict[str, Any]:
            self.view.showMinimized()
            spin(0.1)
            return {"seen": any(v.is_seen() for v in self._views())}

        def show(self, timeout: float = 30.0) -> dict[str, Any]:
            self.view.showNormal()
            spin(0.1)
            # The players stopped while minimised start again: wait for their pictures.
            wait_until(
                lambda: all(
                    t.supervisor is not None and t.supervisor.status.state.value == LIVE_STATE
                    for t in self.tiles
                    if t.camera_id is not None
                ),
                timeout,
            )
            return {"seen": any(v.is_seen() for v in self._views())}

        def _views(self) -> list[Any]:
            return [self.view.page_view(i) for i in range(len(self.wall.pages))]

        def ttff(self, urls: list[str], budget_s: float, timeout: float = 10.0) -> dict[str, Any]:
            """Put each URL's camera on a one-tile page, in turn, until ``budget_s`` has gone;
            seconds from the drop to the first painted picture (None when none came within
            ``timeout``)."""
            self.layout(1)
            seconds: list[float | None] = []
            deadline = time.monotonic() + budget_s
            for number, url in enumerate(urls):
                if time.monotonic() > deadline:
                    break
                camera_id = f"ttff-{self.opened}-{number}"
                self.urls[camera_id] = url
                tile = self.tiles[0]
                before = tile.pictures_painted
                started = time.monotonic()
                self.wall.assign(self.wall.current, 0, camera_id)
                shown = wait_until(
                    lambda tile=tile, before=before: tile.pictures_painted > before, timeout, 0.005
                )
                seconds.append(time.monotonic() - started if shown else None)
                self.close()
            return {"seconds": seconds}

        def set_output(self, output: str) -> dict[str, Any]:
            """Painted tiles or libvlc's own output into native windows in the tiles."""
            from console.video.output import set_preferred_output

            set_preferred_output(output)
            self.native = output == "native"
            return {}

        def probe_reset(self) -> dict[str, Any]:
            self.probe.reset()
            return {}

        def probe_snapshot(self) -> dict[str, Any]:
            snapshot = self.probe.snapshot()
            stall = snapshot.pop("last_stall", None) or {}
            snapshot["last_stall_stack"] = stall.get("stack")
            return {"probe": snapshot}

    return ConsoleSide


def _window_side_class(base: Any) -> Any:
    """The window side: the console side's commands on the signed-in main window's wall."""
    from PySide6.QtWidgets import QApplication

    from console.app import Console, SessionWiring, build_services

    class WindowSide(base):  # type: ignore[misc]
        """The console as an operator runs it: signed in to the demo server through the
        login dialog, its main window (menus, docks, status bar, the wall's dock with its
        toolbar) at 1920x1080, the session's own wall playing the cameras the server names,
        at whatever size the window gives the tiles."""

        def __init__(self) -> None:
            # The session builds the wall: nothing of the plain console side is made here.
            self.opened = 0
            self.watched: set[int] = set()
            self.native = False
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            self.services = build_services(app)
            self.probe = self.services.probe
            self.console: Console | None = None
            self.session: SessionWiring | None = None
            self.server_url = ""
            self.username = ""

        def sign_in(self, url: str, username: str, password: str) -> dict[str, Any]:
            """Sign in through the login dialog; wait for the main window and the camera
            catalogue (the wall refuses cameras it does not know)."""
            # Every tile plays the sub stream, as on the bare side.
            self.services.settings.set("video.max_main_streams", 0)
            self.server_url, self.username = url, username
            console = self.console = Console(self.services, server_url=url)
            sessions: list[SessionWiring] = []
            console.session_started.connect(sessions.append)
            console.start(try_resume=False)
            dialog = console.login_dialog
            if dialog is None:
                raise RuntimeError("no login dialog")
            dialog.ui.user_edit.setText(username)
            dialog.ui.password_edit.setText(password)
            dialog.ui.sign_in_button.click()
            if not self.wait_for(lambda: bool(sessions), 60.0):
                raise RuntimeError("the sign-in did not finish in 60 s")
            session = self.session = sessions[0]
            session.window.setGeometry(0, 0, *SCREEN)
            self.wall = session.wall.wall
            self.view = session.wall.view
            self.streams = session.wall.streams
            if not self.wait_for(lambda: session.catalog is not None, 60.0):
                raise RuntimeError("the camera catalogue did not arrive in 60 s")
            self.pause(0.3)
            return {}

        def layout(self, count: int) -> dict[str, Any]:
            """An empty page of ``count`` tiles, as big as the window makes them; their
            sizes."""
            self.close()
            self.view.set_layout(str(count))
            self.pause(0.2)
            return {"sizes": [[t.width(), t.height()] for t in self.tiles]}

        def open(self, cameras: list[str], timeout: float = 30.0) -> dict[str, Any]:
            """The cameras on a page of as many tiles; what each tile plays."""
            self.layout(len(cameras))
            self.opened += 1
            shown: dict[str, Any] = self._show(cameras, timeout)
            shown["urls"] = [
                t.supervisor.url if t.supervisor is not None else None for t in self.tiles
            ]
            return shown

        def shutdown(self) -> None:
            from console.credentials import CredentialStore

            if self.session is not None:
                self.close()
            if self.console is not None:
                self.console.shutdown()
            if self.server_url:
                # The kept token would outlive the run in the kernel keyring.
                CredentialStore().forget_token(self.server_url, self.username)

    return WindowSide


def _make_reference_side() -> Any:
    from console.diagnostics import LatenessProbe

    class ReferenceSide:
        """An empty Qt event loop with the console's lateness probe: how late this machine's
        load makes a GUI thread that has nothing else to do."""

        def __init__(self) -> None:
            self.probe = LatenessProbe()
            self.probe.start()

        def ping(self) -> dict[str, Any]:
            return {}

        def close(self) -> dict[str, Any]:
            return {}

        def probe_reset(self) -> dict[str, Any]:
            self.probe.reset()
            return {}

        def probe_snapshot(self) -> dict[str, Any]:
            snapshot = self.probe.snapshot()
            snapshot.pop("last_stall", None)
            return {"probe": snapshot}

    return ReferenceSide()


def _count_paints_of_older_tiles(tile_class: Any) -> None:
    """Give tiles of an older console build (before tiles counted their painted pictures)
    the ``pictures_painted`` count, so that this bench can compare builds."""
    original = tile_class.paintEvent

    def paint_event(tile: Any, event: Any) -> None:
        source = tile.supervisor.source if tile.supervisor is not None else None
        counter = source.frame_counter if source is not None else 0
        original(tile, event)
        if counter and counter != getattr(tile, "_bench_counter", 0):
            tile._bench_counter = counter
            tile.pictures_painted = getattr(tile, "pictures_painted", 0) + 1

    tile_class.paintEvent = paint_event
    tile_class.pictures_painted = 0


def _stats_reader(on_done: Callable[[int, int], None]) -> Callable[[Any], None]:
    def read(player: Any) -> None:
        import vlc

        media = player.get_media()
        stats = vlc.MediaStats()
        ok = media is not None and media.get_stats(stats)
        if media is not None:
            media.release()
        on_done(*((stats.displayed_pictures, stats.lost_pictures) if ok else (0, 0)))

    return read


def _make_bare_side(wait_until: Callable[..., bool]) -> Any:
    from concurrent.futures import ThreadPoolExecutor

    import vlc
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from console.video.engine import EngineConfig

    class BareSide:
        """libvlc players drawing with their own X11 output into native windows placed where
        the console's tiles are."""

        def __init__(self) -> None:
            self.instance = vlc.Instance(EngineConfig().args())
            self.window = _make_grid_window()
            self.window.show()
            self.frames: list[QWidget] = []
            self.players: list[vlc.MediaPlayer] = []
            self.medias: list[vlc.Media] = []

        def ping(self) -> dict[str, Any]:
            return {}

        def open(
            self, urls: list[str], sizes: list[list[int]], timeout: float = 30.0
        ) -> dict[str, Any]:
            self.close()
            side = max(1, round(math.sqrt(len(urls))))
            for index, (width, height) in enumerate(sizes):
                x, y = index % side * width, index // side * height
                frame = QWidget(self.window)
                frame.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
                frame.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
                frame.setGeometry(x, y, width, height)
                frame.show()
                self.frames.append(frame)
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

    def __init__(self, role: str, env: dict[str, str], log_path: Path, script: Path | None = None):
        self.role = role
        self.log_path = log_path
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(script or Path(__file__).resolve()), "--child", role],
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


def xvfb(log_path: Path) -> contextlib.AbstractContextManager[tuple[str, int]]:
    """A private Xvfb screen of ``X_SCREEN`` size that dies with this process; yields
    (DISPLAY, pid)."""
    return xvfb_server(X_SCREEN, log_path=log_path, preexec_fn=die_with_parent)


@dataclass
class SideFigures:
    """What one side showed over its measurement windows (all rounds together)."""

    cpu_pct: list[float] = field(default_factory=list)
    xvfb_pct: list[float] = field(default_factory=list)
    lost: int = 0
    displayed_fps: list[float] = field(default_factory=list)
    painted_fps: list[float] = field(default_factory=list)
    not_live: int = 0
    restarts: int = 0
    cpu_s: float = 0.0  # CPU seconds over all windows
    pictures: int = 0  # pictures libvlc showed over all windows


def _window(
    child: Child,
    urls: list[str],
    plan: Plan,
    figures: SideFigures,
    xvfb_pid: int | None,
    sizes: list[list[int]],
    cameras: list[str] | None = None,
) -> None:
    logger.info("%s: %s tiles", child.role, len(urls))
    if child.role == "bare":
        opened = child.call("open", urls=urls, sizes=sizes)
    elif cameras is not None:
        opened = child.call("open", cameras=cameras)
        if opened["urls"] != urls:
            raise ChildError(f"{child.role}: the tiles play other streams than the bare side's")
    else:
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
    child.call("close")
    seconds = last["t"] - first["t"]
    figures.cpu_s += figures.cpu_pct[-1] / 100 * seconds
    figures.pictures += sum(
        b - a for a, b in zip(first["displayed"], last["displayed"], strict=True)
    )
    figures.lost += sum(b - a for a, b in zip(first["lost"], last["lost"], strict=True))
    figures.displayed_fps += [
        (b - a) / seconds for a, b in zip(first["displayed"], last["displayed"], strict=True)
    ]
    if "painted" in first:
        figures.painted_fps += [
            (b - a) / seconds for a, b in zip(first["painted"], last["painted"], strict=True)
        ]
        # A restart at a new picture size inside the window would blur the figures.
        figures.restarts += last["restarts"] - first["restarts"]


def _sub_urls(simulator: Any, count: int) -> list[str]:
    feeds = simulator.feeds
    return [feeds[i % len(feeds)].sub.http for i in range(count)]


def measure_walls(
    plan: Plan,
    console: Child,
    bare: Child,
    simulator: Any,
    x_servers: tuple[int | None, int],
    tile_counts: Sequence[int],
    *,
    native_counts: Collection[int] = (BUDGET_TILES,),
) -> tuple[dict[int, tuple[SideFigures, SideFigures]], dict[int, SideFigures]]:
    """Every tile count on both sides, alternating which side goes first from round to
    round; with the console on X, also the console with native output (libvlc drawing into
    the tiles) at ``native_counts``, in the same rounds. Returns the sides per tile count
    and the native console's figures per tile count."""
    results: dict[int, tuple[SideFigures, SideFigures]] = {}
    console_x, bare_x = x_servers
    natives = (
        {size: SideFigures() for size in tile_counts if size in native_counts}
        if console_x is not None
        else {}
    )
    # The bare side's windows have the console's tiles' sizes.
    sizes = {size: console.call("layout", count=size)["sizes"] for size in tile_counts}
    for size in tile_counts:
        results[size] = (SideFigures(), SideFigures())
    for round_index in range(max(map(plan.rounds_for, tile_counts))):
        for size in tile_counts:
            if round_index >= plan.rounds_for(size):
                continue
            urls = _sub_urls(simulator, size)
            ours, theirs = results[size]
            sides = [(console, ours, console_x), (bare, theirs, bare_x)]
            if round_index % 2:
                sides.reverse()
            for child, figures, server_pid in sides:
                _window(child, urls, plan, figures, server_pid, sizes[size])
            native = natives.get(size)
            if native is not None:
                console.call("set_output", output="native")
                try:
                    _window(console, urls, plan, native, console_x, sizes[size])
                finally:
                    console.call("set_output", output="painted")
    return results, natives


def report_walls(
    results: dict[int, tuple[SideFigures, SideFigures]],
    natives: dict[int, SideFigures],
    suffix: str = "",
) -> None:
    """The figures of every tile count (``wall{count}{suffix}_...``) and of the native
    console's (``wall{count}{suffix}_native_...``)."""
    for size, native in natives.items():
        if not native.cpu_pct or size not in results:
            continue
        theirs = results[size][1]
        prefix = f"wall{size}{suffix}_native"
        native_cpu = statistics.fmean(native.cpu_pct)
        theirs_cpu = statistics.fmean(theirs.cpu_pct)
        emit(f"{prefix}_cpu_pct", native_cpu, "%", 1)
        emit(f"{prefix}_cpu_ratio_vs_bare", native_cpu / theirs_cpu, "x")
        native_with_x = native_cpu + statistics.fmean(native.xvfb_pct)
        with_x = theirs_cpu + statistics.fmean(theirs.xvfb_pct)
        emit(f"{prefix}_cpu_ratio_vs_bare_with_x", native_with_x / with_x, "x")
        emit(f"{prefix}_lost_pictures", native.lost, "pictures")
        emit(f"{prefix}_displayed_fps_min", min(native.displayed_fps), "fps", 1)
        if native.not_live:
            emit(f"{prefix}_tiles_without_picture", native.not_live, "tiles")
    for size, (ours, theirs) in results.items():
        report_sides(f"wall{size}{suffix}", ours, theirs)


def report_sides(prefix: str, ours: SideFigures, theirs: SideFigures) -> None:
    """One console side against its bare side, as ``{prefix}_...`` figures."""
    ours_cpu = statistics.fmean(ours.cpu_pct)
    theirs_cpu = statistics.fmean(theirs.cpu_pct)
    emit(f"{prefix}_cpu_pct", ours_cpu, "%", 1)
    emit(f"{prefix}_bare_cpu_pct", theirs_cpu, "%", 1)
    emit(f"{prefix}_cpu_ratio_vs_bare", ours_cpu / theirs_cpu if theirs_cpu else math.nan, "x")
    # Each side with its X server's work (none for a console kept off X).
    ours_with_x = ours_cpu + (statistics.fmean(ours.xvfb_pct) if ours.xvfb_pct else 0.0)
    with_x = theirs_cpu + statistics.fmean(theirs.xvfb_pct)
    emit(
        f"{prefix}_cpu_ratio_vs_bare_with_x",
        ours_with_x / with_x if with_x else math.nan,
        "x",
    )
    # CPU per picture shown: a side that falls behind on a busy machine shows fewer
    # pictures and so looks cheaper by CPU share alone.
    ours_ms = 1000 * ours.cpu_s / ours.pictures if ours.pictures else math.nan
    theirs_ms = 1000 * theirs.cpu_s / theirs.pictures if theirs.pictures else math.nan
    emit(f"{prefix}_cpu_ms_per_picture", ours_ms, "ms", 3)
    emit(f"{prefix}_bare_cpu_ms_per_picture", theirs_ms, "ms", 3)
    emit(f"{prefix}_cpu_per_picture_ratio_vs_bare", ours_ms / theirs_ms, "x")
    if len(ours.cpu_pct) > 1:
        for index, (a, b) in enumerate(zip(ours.cpu_pct, theirs.cpu_pct, strict=True)):
            emit(f"{prefix}_cpu_ratio_round{index + 1}", a / b if b else math.nan, "x")
    emit(f"{prefix}_lost_pictures", ours.lost, "pictures")
    emit(f"{prefix}_bare_lost_pictures", theirs.lost, "pictures")
    emit(f"{prefix}_fps_min", min(ours.painted_fps), "fps", 1)
    emit(f"{prefix}_fps_mean", statistics.fmean(ours.painted_fps), "fps", 1)
    emit(f"{prefix}_displayed_fps_min", min(ours.displayed_fps), "fps", 1)
    emit(f"{prefix}_bare_fps_min", min(theirs.displayed_fps), "fps", 1)
    emit(f"{prefix}_bare_xvfb_cpu_pct", statistics.fmean(theirs.xvfb_pct), "%", 1)
    if ours.xvfb_pct:
        emit(f"{prefix}_xvfb_cpu_pct", statistics.fmean(ours.xvfb_pct), "%", 1)
    if ours.restarts:
        emit(f"{prefix}_size_restarts_in_window", ours.restarts, "restarts")
    if ours.not_live or theirs.not_live:
        emit(f"{prefix}_tiles_without_picture", ours.not_live, "tiles")
        emit(f"{prefix}_bare_tiles_without_picture", theirs.not_live, "tiles")


def _playable_cameras(server: Any, count: int) -> tuple[list[str], list[str]]:
    """``count`` online cameras the window's operator may watch, and their sub streams'
    URLs, as the server hands them out."""
    import requests

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {server.token(WINDOW_USER)}"
    try:
        response = session.get(
            f"{server.api}/cameras",
            params={"status": "online", "limit": str(4 * count)},
            timeout=10,
        )
        response.raise_for_status()
        cameras: list[str] = []
        urls: list[str] = []
        for item in response.json()["items"]:
            streams = session.get(f"{server.api}/cameras/{item['id']}/streams", timeout=10)
            if streams.status_code == 200:
                cameras.append(item["id"])
                urls.append(streams.json()["sub"]["http"])
            if len(cameras) == count:
                return cameras, urls
    finally:
        session.close()
    raise RuntimeError(f"the demo server streams fewer than {count} cameras to {WINDOW_USER}")


def measure_window(
    plan: Plan, window: Child, bare: Child, server: Any, x_servers: tuple[int, int]
) -> None:
    """16 tiles of the signed-in console's own wall, in its main window, against the bare
    side at the same tile sizes, alternating which goes first."""
    logger.info("the wall in the main window")
    window_x, bare_x = x_servers
    cameras, urls = _playable_cameras(server, BUDGET_TILES)
    sizes = window.call("layout", count=BUDGET_TILES)["sizes"]
    shapes = ", ".join(f"{w}x{h}" for w, h in sorted({(w, h) for w, h in sizes}))
    print(f"# the main window gives its {BUDGET_TILES} tiles {shapes}", flush=True)
    # What the signed-in window costs with no camera on the wall (event stream, outbox,
    # status bar, the lateness probe): the part of its CPU the tiles do not explain.
    idle = CpuWindow(window.pid)
    idle.start()
    time.sleep(plan.window_s)
    emit(f"wall{BUDGET_TILES}_window_idle_cpu_pct", idle.stop(), "%", 1)
    ours, theirs = SideFigures(), SideFigures()
    for round_index in range(plan.window_rounds):
        sides = [(window, ours, window_x), (bare, theirs, bare_x)]
        if round_index % 2:
            sides.reverse()
        for child, figures, server_pid in sides:
            _window(child, urls, plan, figures, server_pid, sizes, cameras)
    report_sides(f"wall{BUDGET_TILES}_window", ours, theirs)


def measure_cif_walls(
    plan: Plan,
    console: Child,
    bare: Child,
    simulator: Any,
    x_servers: tuple[int | None, int],
) -> None:
    """The larger walls of CIF sub streams, console against bare."""
    logger.info("CIF walls")
    walls, natives = measure_walls(
        plan, console, bare, simulator, x_servers, plan.cif_sizes, native_counts=plan.cif_sizes
    )
    report_walls(walls, natives, suffix="_cif")


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
    wanted: dict[int, frozenset[str]],
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
        states = wanted.get(tile, frozenset())
        if event["state"] in states and event["t"] >= after and tile not in seen:
            seen[tile] = event


def _ensure_wall(console: Child, simulator: Any, count: int, open_count: int) -> None:
    if open_count != count:
        console.call("open", urls=_sub_urls(simulator, count))


def measure_reconnects(
    plan: Plan, console: Child, reference: Child, simulator: Any, open_count: int
) -> None:
    """16 tiles play; feeds are stopped (their tiles must turn stale) and restarted (their
    tiles must reconnect) while the lateness probe watches the event loop, and the reference
    process's probe an empty one."""
    logger.info("stale detection, reconnects, lateness")
    count = 16
    feeds = len(simulator.feeds)
    _ensure_wall(console, simulator, count, open_count)
    time.sleep(plan.settle_s)
    console.drain_events()
    console.call("probe_reset")
    reference.call("probe_reset")
    stale_s: list[float] = []
    stale_after_picture_s: list[float] = []
    in_flight_s: list[float] = []
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
            console,
            dict.fromkeys(affected, FROZEN_STATES),
            min(stopped_at.values()),
            15.0,
            stale_at,
        )
        stale_s += [e["t"] - stopped_at[tile % feeds] for tile, e in stale_at.items()]
        stale_after_picture_s += [
            e["t"] - e["last_frame_at"] for e in stale_at.values() if e["last_frame_at"]
        ]
        in_flight_s += [
            e["last_frame_at"] - stopped_at[tile % feeds]
            for tile, e in stale_at.items()
            if e["last_frame_at"]
        ]
        missing = len(affected) - len(stale_at)
        if missing:
            emit(f"stale_not_detected_cycle{cycle + 1}", missing, "tiles")
        back_at = time.monotonic()
        for feed in stopped_feeds:
            simulator.start_feed(feed)
        live_at: dict[int, dict[str, Any]] = {}
        _wait_for_states(
            console, dict.fromkeys(affected, frozenset({LIVE_STATE})), back_at, 40.0, live_at
        )
        reconnect_s += [e["t"] - back_at for e in live_at.values()]
        if len(live_at) < len(affected):
            emit(f"reconnect_missing_cycle{cycle + 1}", len(affected) - len(live_at), "tiles")
        time.sleep(plan.settle_s)
    probe = console.call("probe_snapshot")["probe"]
    reference_probe = reference.call("probe_snapshot")["probe"]
    # The budget counts from the last new picture: pictures already on their way when the
    # encoder stops are real pictures and still arrive (the stream's latency); the stale
    # mark can only start counting once they stop. Both are printed.
    emit(
        "stale_after_last_picture_s",
        statistics.median(stale_after_picture_s) if stale_after_picture_s else math.nan,
        "s",
    )
    emit(
        "stale_after_last_picture_max_s",
        max(stale_after_picture_s) if stale_after_picture_s else math.nan,
        "s",
    )
    emit(
        "pictures_after_feed_stop_s",
        statistics.median(in_flight_s) if in_flight_s else math.nan,
        "s",
    )
    emit("stale_detect_s", statistics.median(stale_s) if stale_s else math.nan, "s")
    emit("stale_detect_max_s", max(stale_s) if stale_s else math.nan, "s")
    emit("reconnect_max_s", max(reconnect_s) if reconnect_s else math.nan, "s")
    emit("lateness_p50_ms", float(probe["p50_ms"]), "ms", 1)
    emit("lateness_p99_ms", float(probe["p99_ms"]), "ms", 1)
    emit("lateness_max_ms", float(probe["max_ms"]), "ms", 1)
    emit("lateness_ticks", int(probe["window"]), "ticks")
    emit("lateness_reference_p99_ms", float(reference_probe["p99_ms"]), "ms", 1)
    emit("lateness_reference_max_ms", float(reference_probe["max_ms"]), "ms", 1)
    if probe.get("last_stall_stack"):
        # For whoever chases the stall: where the GUI thread was while blocked.
        print(
            f"last event-loop stall, GUI thread stack:\n{probe['last_stall_stack']}",
            file=sys.stderr,
        )


def measure_hidden(plan: Plan, console: Child, simulator: Any) -> None:
    """CPU of 16 tiles with the wall's window minimised against the same tiles showing, back
    to back: the wall's stream policy stops the players nobody can see. The wall is left
    open, showing live pictures again."""
    logger.info("hidden wall")
    console.call("open", urls=_sub_urls(simulator, BUDGET_TILES))
    cpu = CpuWindow(console.pid)
    figures: list[float] = []
    playing = 0
    for hidden in (False, True):
        seen = console.call("hide" if hidden else "show")["seen"]
        if seen == hidden:
            emit("hidden_wall_still_seen" if hidden else "shown_wall_not_seen", 1, "")
        time.sleep(plan.settle_s + 0.3)
        cpu.start()
        time.sleep(plan.window_s)
        figures.append(cpu.stop())
        playing = int(console.call("mark")["playing"])
    console.call("show")
    showing, hidden_pct = figures
    emit("shown16_cpu_pct", showing, "%", 1)
    emit("hidden16_cpu_pct", hidden_pct, "%", 1)
    emit("hidden_cpu_ratio", hidden_pct / showing if showing else math.nan, "x")
    emit("hidden_tiles_still_decoding", playing, "tiles")


def run(plan: Plan, quick: bool, console_platform: str) -> None:
    from console.server.media import CIF, CameraSimulator
    from tests.support.live_server import start_demo_server

    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tianmu-wall-")))
        # One X server per side: a window of one side never covers the other's (an X server
        # does not draw what nobody can see), and each server's CPU is its side's.
        display, xvfb_pid = stack.enter_context(xvfb(workdir / "xvfb-bare.log"))
        console_display, console_xvfb_pid = stack.enter_context(xvfb(workdir / "xvfb-console.log"))
        window_display, window_xvfb_pid = stack.enter_context(xvfb(workdir / "xvfb-window.log"))
        console_on_x = console_platform == "xcb"
        console_env = _child_env(QT_QPA_PLATFORM=console_platform, DISPLAY=console_display)
        if not console_on_x:
            console_env.pop("DISPLAY", None)
        console = Child("console", console_env, workdir / "console.log")
        stack.callback(console.stop)
        bare = Child(
            "bare", _child_env(QT_QPA_PLATFORM="xcb", DISPLAY=display), workdir / "bare.log"
        )
        stack.callback(bare.stop)
        window: Child | None = None
        if "window" in plan.parts:
            # The whole console, with settings, logs and keyring entries of its own.
            window = Child(
                "window",
                _child_env(
                    QT_QPA_PLATFORM="xcb",
                    DISPLAY=window_display,
                    TIANMU_HOME=str(workdir / "home"),
                ),
                workdir / "window.log",
            )
            stack.callback(window.stop)
        # The demo server (in this process) with the camera simulator behind its stream
        # addresses. The main stream is not watched here: kept at the sub stream's size it
        # costs the machine less while the sides are measured.
        server = start_demo_server(
            workdir / "server",
            camera_count=DEMO_CAMERAS,
            live_feeds=FEEDS,
            feed_options={"sub_fps": SUB_FPS, "main_size": (640, 360), "main_fps": 5},
        )
        stack.callback(server.close)
        simulator = server.simulator
        console.wait_ready()
        bare.wait_ready()
        if window is not None:
            window.wait_ready()
            window.call(
                "sign_in",
                url=server.url,
                username=WINDOW_USER,
                password=server.password(WINDOW_USER),
            )
        logger.info("ready after %.1f s", time.monotonic() - started)
        print(
            f"# console: WallView page of WallTiles, Qt {console_platform}, "
            f"{SCREEN[0]}x{SCREEN[1]} grid; window: the signed-in main window at "
            f"{SCREEN[0]}x{SCREEN[1]} on Xvfb {window_display}; "
            f"bare: libvlc xcb_x11 into native X windows at the tiles' places on Xvfb {display}; "
            f"{FEEDS} simulator sub streams 640x360@{SUB_FPS}, shared round-robin, then "
            f"{FEEDS} of CIF {CIF[0]}x{CIF[1]}@{SUB_FPS}; "
            f"{os.cpu_count()} cores; {'quick' if quick else 'full'} run",
            flush=True,
        )
        left_out = plan.left_out(Plan.full())
        if left_out:
            print(f"# not measured in this run: {left_out}", flush=True)
        emit("load_average_1min_start", os.getloadavg()[0], "", 1)
        x_servers = (console_xvfb_pid if console_on_x else None, xvfb_pid)
        if "walls" in plan.parts:
            walls, natives = measure_walls(
                plan,
                console,
                bare,
                simulator,
                x_servers,
                plan.sizes,
                native_counts=(BUDGET_TILES,) if plan.native else (),
            )
            report_walls(walls, natives)
        if window is not None:
            measure_window(plan, window, bare, server, (window_xvfb_pid, xvfb_pid))
            window.stop()
        open_count = 0
        if "hidden" in plan.parts:
            measure_hidden(plan, console, simulator)  # leaves 16 tiles playing
            open_count = BUDGET_TILES
        if "reconnects" in plan.parts:
            reference_env = _child_env(QT_QPA_PLATFORM="offscreen")
            reference_env.pop("DISPLAY", None)
            reference = Child("reference", reference_env, workdir / "reference.log")
            stack.callback(reference.stop)
            reference.wait_ready()
            measure_reconnects(plan, console, reference, simulator, open_count)
            reference.stop()
        if "ttff" in plan.parts:
            measure_ttff(plan, console, simulator)
        # The CIF feeds replace the others: only one set of encoders loads the machine.
        server.close()
        if "cif" in plan.parts:
            cif = CameraSimulator(
                workdir / "cif",
                server.world.feed_names(FEEDS),
                sub_fps=SUB_FPS,
                sub_size=CIF,
                main_size=CIF,
                main_fps=5,
            )
            stack.callback(cif.stop)
            cif.start(timeout=60)
            measure_cif_walls(plan, console, bare, cif, x_servers)
        emit("load_average_1min_end", os.getloadavg()[0], "", 1)
    emit("bench_wall_s", time.monotonic() - started, "s", 1)


def _configure_parser(parser: Any) -> None:
    parser.add_argument("-v", "--verbose", action="store_true", help="log the phases to stderr")
    parser.add_argument(
        "--parts",
        help=f"comma-separated parts to measure, of {', '.join(PARTS)} (default: all; "
        "with --quick: walls, window, cif)",
    )
    parser.add_argument(
        "--cif-sizes",
        help="comma-separated tile counts of the CIF walls (default: 36,64; with --quick: 36)",
    )
    parser.add_argument(
        "--console-platform",
        choices=("xcb", "offscreen"),
        default="xcb",
        help="show the console's wall on the private X server (default) or keep it off X",
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if len(arguments) == 2 and arguments[0] == "--child":
        return _child_main(arguments[1])
    args = parse_args(
        __doc__.splitlines()[0] if __doc__ else "",
        arguments,
        configure=_configure_parser,
    )
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(relativeCreated)7.0f ms %(name)s: %(message)s",
    )

    def interrupted(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupted)
    plan = Plan.quick() if args.quick else Plan.full()
    if args.parts:
        wanted = args.parts.split(",")
        unknown = sorted(set(wanted) - set(PARTS))
        if unknown:
            print(f"unknown parts {unknown}; choose from {', '.join(PARTS)}", file=sys.stderr)
            return 2
        plan = replace(plan, parts=tuple(p for p in PARTS if p in wanted))
    if args.cif_sizes:
        try:
            cif_sizes = tuple(int(size) for size in args.cif_sizes.split(","))
        except ValueError:
            print(f"--cif-sizes wants tile counts, not {args.cif_sizes!r}", file=sys.stderr)
            return 2
        plan = replace(plan, cif_sizes=cif_sizes)
    try:
        run(plan, args.quick, args.console_platform)
    except KeyboardInterrupt:
        print("interrupted; every process this run started is stopped", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
