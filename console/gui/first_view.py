"""A newcomer's first view: the window maximised, live cameras on the wall, the map beside it.

The first time a user signs in on this workstation (no saved window layout and no saved wall
workspace), an empty wall and closed docks teach nothing. ``FirstView`` looks for cameras the
server streams and, when it finds some, maximises the window, shows the wall, the map and the
alerts, and puts those cameras on the current wall page. From then on the wall saver and the
saved window layout bring back whatever the operator leaves; the first view never runs again.

Nothing changes when the server streams no video at all (503 ``no_media``): there is nothing
to show on a wall, and the window stays as it comes.

The choice runs on the network lane: one page of online cameras, then their stream addresses
one at a time until the page's tiles are filled. Cameras that share one picture (the demo
serves thousands of cameras from a handful of synthetic feeds) are put after ones with a
picture of their own, so a demo wall shows every feed it has. Each address asked for is a
``stream.fetch`` audit line on the server, so the search stops after a few cameras per tile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from console.client import BackendClient, BackendError
from console.domain.model import CameraStatus
from console.gui.docks import DockId
from console.gui.main_window import MainWindow
from console.gui.session import Session
from console.gui.wall.feature import camera_stream_urls
from console.gui.wall.session_wall import CameraUnavailable
from console.tasks import NET
from console.wall.model import Wall

logger = logging.getLogger(__name__)

# How many cameras' addresses may be asked for, per tile to fill.
CANDIDATES_PER_TILE = 4
# The docks a newcomer should see: the wall, the map beside it, the alerts below.
SHOWN_DOCKS = (DockId.WALL, DockId.MAP, DockId.ALERTS)


@dataclass(frozen=True)
class LiveChoice:
    """Cameras to put on the wall, best first; ``streams_video`` is False when the server
    serves no video at all (then ``camera_ids`` is empty)."""

    camera_ids: tuple[str, ...]
    streams_video: bool = True
    asked: int = 0


def choose_live_cameras(client: BackendClient, tiles: int) -> LiveChoice:
    """Up to ``tiles`` online cameras the server streams, ones with a picture of their own
    first (network lane; see the module docstring)."""
    if tiles < 1:
        return LiveChoice(())
    page = client.cameras_page(status=CameraStatus.ONLINE.value, limit=tiles * CANDIDATES_PER_TILE)
    distinct: list[str] = []
    repeated: list[str] = []
    pictures: set[tuple[str | None, str | None]] = set()
    asked = 0
    for camera in page.items:
        asked += 1
        try:
            urls = camera_stream_urls(client, camera.id)
        except CameraUnavailable:
            continue  # went offline or stopped being shared since the page was read
        except BackendError as error:
            if error.code == "no_media":
                return LiveChoice((), streams_video=False, asked=asked)
            raise
        if urls in pictures:
            repeated.append(camera.id)
        else:
            pictures.add(urls)
            distinct.append(camera.id)
            if len(distinct) == tiles:
                break
    return LiveChoice(tuple((distinct + repeated)[:tiles]), asked=asked)


class FirstView(QObject):
    """Arranges a newcomer's first view once (see the module docstring).

    Signals:
        applied(list): the window is arranged; these cameras went onto the wall (empty when
            the operator had already put cameras there).
        skipped(str): no first view, and why (for the log and for tests).
    """

    applied = Signal(list)
    skipped = Signal(str)

    def __init__(self, session: Session, wall: Wall, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._wall = wall
        self._page = wall.current
        self.choice: LiveChoice | None = None
        self._proportions: _DockProportions | None = None

    def start(self) -> None:
        """Look for live cameras on the network lane; the window changes when they are found."""
        tiles = self._wall.page(self._page).layout.size
        self._session.runner.run(
            NET,
            choose_live_cameras,
            self._session.client,
            tiles,
            on_done=self._on_chosen,
            on_error=self._on_failed,
        )

    def _on_chosen(self, choice: LiveChoice) -> None:
        if self._session.closed:
            return
        self.choice = choice
        if not choice.streams_video:
            logger.info("First sign-in, but the server streams no video: no first view")
            self.skipped.emit("no video")
            return
        if not choice.camera_ids:
            logger.info("First sign-in, but no camera streams now: no first view")
            self.skipped.emit("no live camera")
            return
        self._arrange_window()
        placed = self._fill_wall(list(choice.camera_ids))
        logger.info("First view: %d live cameras on the wall", len(placed))
        self.applied.emit(placed)

    def _arrange_window(self) -> None:
        window = self._session.window
        for dock_id in SHOWN_DOCKS:
            window.show_dock(dock_id)
        # The docks get their shares of the screen once the window has grown to it: a window
        # that grows gives the new room to the outer docks, not to the wall.
        self._proportions = _DockProportions(window)
        # An X server without a window manager (the demo's virtual screen) ignores the
        # maximised state: the window is given the screen's room first, so it fills it there
        # too.
        screen = window.screen()
        if screen is not None:
            window.setGeometry(screen.availableGeometry())
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)

    def _fill_wall(self, camera_ids: list[str]) -> list[str]:
        # The operator may have opened cameras while the choice was made: theirs stay.
        wall = self._wall
        if not 0 <= self._page < len(wall.pages):
            return []
        if any(camera is not None for camera in wall.page(self._page).visible_cameras()):
            return []
        wall.fill(self._page, camera_ids)
        return camera_ids

    def _on_failed(self, error: BaseException) -> None:
        # A nicety, not the operator's problem: the console works the same without it.
        logger.info("No first view: the live cameras could not be found (%s)", error)
        if self._session.closed:
            return  # signed out meanwhile: this object went with the session
        self.skipped.emit("failed")


class _DockProportions(QObject):
    """Shares the maximised window between the docks, after its resizes have settled: the
    camera tree narrow on the left, the wall in the middle, the map beside it on the right,
    the alerts below."""

    SETTLE_MS = 300

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SETTLE_MS)
        self._timer.timeout.connect(self._apply)
        window.installEventFilter(self)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._timer.start()  # again: wait until the resizes stop
        return False

    def _apply(self) -> None:
        window = self._window
        window.removeEventFilter(self)
        width, height = window.width(), window.height()
        docks = [window.dock(d) for d in (DockId.CAMERAS, DockId.WALL, DockId.MAP)]
        shares = [int(width * share) for share in (0.18, 0.52, 0.30)]
        window.resizeDocks(docks, shares, Qt.Orientation.Horizontal)
        rows = [window.dock(DockId.WALL), window.dock(DockId.ALERTS)]
        window.resizeDocks(rows, [int(height * 0.64), int(height * 0.30)], Qt.Orientation.Vertical)
        self.deleteLater()
