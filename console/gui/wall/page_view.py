"""One wall page as a grid of tiles, in the main window or full screen on a monitor.

Tiles are reused: after a layout change, a swap or a drop, a camera that stays on the page
keeps its tile and therefore its running player; only tiles whose camera left stop.

Keys (the page takes focus when a tile is clicked): digits pick a tile (two digits typed
quickly pick tiles 10 and up), arrows move the selection, Enter maximises the selected tile or
restores it, Esc leaves the digital zoom, then the maximised view.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QWidget
from shiboken6 import isValid

from console.gui.video_tile import RepaintClock
from console.gui.wall.streams import TileView, WallStreams
from console.gui.wall.tile import WallTile
from console.wall.layout import Direction
from console.wall.model import Wall, WallChange, WallEvent, WallPage

logger = logging.getLogger(__name__)

DIGIT_WINDOW_MS = 700
_ARROWS = {
    Qt.Key.Key_Up: Direction.UP,
    Qt.Key.Key_Down: Direction.DOWN,
    Qt.Key.Key_Left: Direction.LEFT,
    Qt.Key.Key_Right: Direction.RIGHT,
}

CameraNames = Callable[[str], str]


class WallPageView(QWidget):
    """The tiles of one ``WallPage`` (see the module docstring).

    Signals:
        selection_changed(int cell): the selected tile (-1: none);
        maximised_changed(int cell): the maximised tile (-1: back to the grid);
        context_requested(int cell, QPoint global position).
    """

    selection_changed = Signal(int)
    maximised_changed = Signal(int)
    context_requested = Signal(int, object)

    def __init__(
        self,
        wall: Wall,
        page: WallPage,
        streams: WallStreams,
        *,
        camera_name: CameraNames | None = None,
        clock: RepaintClock | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._disposed = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.setStyleSheet("WallPageView { background: #101010; }")
        self.wall = wall
        self.page = page
        self.token = uuid.uuid4().hex
        self._streams = streams
        self._camera_name = camera_name or (lambda camera_id: camera_id)
        self._clock = clock
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self._tiles: list[WallTile] = []
        self._selected = -1
        self._maximised = -1
        self._preroll = False
        self._digits = ""
        self._digit_timer = QTimer(self)
        self._digit_timer.setSingleShot(True)
        self._digit_timer.setInterval(DIGIT_WINDOW_MS)
        self._digit_timer.timeout.connect(self._on_digit_timer_timeout)
        self._watched_window: QWidget | None = None
        wall.add_listener(self._on_wall_changed)
        self._sync()
        streams.add_source(self)

    # ---------------------------------------------------------------- reading

    @property
    def tiles(self) -> list[WallTile]:
        return list(self._tiles)

    def tile(self, cell: int) -> WallTile:
        return self._tiles[cell]

    def tile_for(self, camera_id: str) -> WallTile | None:
        for tile in self._tiles:
            if tile.camera_id == camera_id:
                return tile
        return None

    @property
    def selected(self) -> int:
        return self._selected

    @property
    def maximised(self) -> int:
        return self._maximised

    @property
    def page_index(self) -> int:
        return self.wall.index_of(self.page)

    def is_seen(self) -> bool:
        return self.isVisible() and not self.window().isMinimized()

    def tile_views(self) -> Iterator[TileView]:
        seen = self.is_seen()
        for cell, tile in enumerate(self._tiles):
            covered = self._maximised >= 0 and cell != self._maximised
            yield TileView(
                tile,
                visible=seen and not covered,
                maximised=cell == self._maximised,
                preroll=self._preroll or (seen and covered),
            )

    def set_preroll(self, preroll: bool) -> None:
        """Play the page's sub streams while it is hidden (it is about to be shown)."""
        if preroll != self._preroll:
            self._preroll = preroll
            self._streams.schedule()

    # ---------------------------------------------------------------- commands

    def select(self, cell: int) -> None:
        if not -1 <= cell < len(self._tiles):
            return
        if cell == self._selected:
            return
        if 0 <= self._selected < len(self._tiles):
            self._tiles[self._selected].set_selected(False)
        self._selected = cell
        if cell >= 0:
            self._tiles[cell].set_selected(True)
            if self._maximised >= 0 and cell != self._maximised:
                self.maximise(cell)
        self.selection_changed.emit(cell)

    def maximise(self, cell: int) -> None:
        """Show one tile over the whole page (-1: back to the grid)."""
        if not -1 <= cell < len(self._tiles) or cell == self._maximised:
            return
        if self._maximised >= 0:
            self._tiles[self._maximised].set_maximised(False)
        self._maximised = cell
        if cell >= 0:
            self._tiles[cell].set_maximised(True)
            if self._selected != cell:
                self.select(cell)
        self._arrange()
        self.maximised_changed.emit(cell)
        self._streams.schedule()

    def toggle_maximise(self, cell: int) -> None:
        self.maximise(-1 if self._maximised == cell else cell)

    # ---------------------------------------------------------------- model to tiles

    def _on_wall_changed(self, event: WallEvent) -> None:
        try:
            index = self.page_index
        except ValueError:
            return  # this page was removed; the owner closes the view
        mine = event.change is WallChange.PAGES or event.page == index
        if mine and event.change in (WallChange.LAYOUT, WallChange.CAMERAS, WallChange.PAGES):
            self._sync()

    def _sync(self) -> None:
        cameras = self.page.visible_cameras()
        old = list(self._tiles)
        by_camera = {tile.camera_id: tile for tile in old if tile.camera_id is not None}
        placed: list[WallTile | None] = [None] * len(cameras)
        used: set[int] = set()
        for cell, camera_id in enumerate(cameras):
            tile = by_camera.get(camera_id) if camera_id is not None else None
            if tile is not None:
                placed[cell] = tile
                used.add(id(tile))
        spare = [tile for tile in old if id(tile) not in used]
        # Empty tiles first: a tile whose camera left is reused last (it must stop its player).
        spare.sort(key=lambda tile: tile.camera_id is not None)
        for cell, camera_id in enumerate(cameras):
            if placed[cell] is None:
                tile = spare.pop(0) if spare else self._new_tile(cell)
                tile.set_camera(camera_id, self._camera_name(camera_id) if camera_id else "")
                placed[cell] = tile
        for tile in spare:
            tile.close()
            tile.deleteLater()
        self._tiles = [tile for tile in placed if tile is not None]
        for cell, tile in enumerate(self._tiles):
            tile.cell = cell
            tile.set_selected(cell == self._selected)
        if self._selected >= len(self._tiles):
            self._selected = -1
            self.selection_changed.emit(-1)
        if self._maximised >= len(self._tiles):
            self._maximised = -1
            self.maximised_changed.emit(-1)
        self._arrange()
        self._streams.schedule()

    def _new_tile(self, cell: int) -> WallTile:
        tile = WallTile(cell, self.token, clock=self._clock, parent=self)
        tile.on_patrol = self.page.transient
        tile.cameras_dropped.connect(self._on_tile_cameras_dropped)
        tile.swap_dropped.connect(self._on_tile_swap_dropped)
        tile.clicked.connect(self._on_tile_clicked)
        tile.double_clicked.connect(self._on_tile_double_clicked)
        tile.zoom_changed.connect(self._on_tile_zoom_changed)
        tile.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tile.customContextMenuRequested.connect(
            lambda position, t=tile: self.context_requested.emit(t.cell, t.mapToGlobal(position))
        )
        return tile

    def _arrange(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        layout = self.page.layout
        for row in range(8):
            self._grid.setRowStretch(row, 1 if row < layout.rows else 0)
            self._grid.setColumnStretch(row, 1 if row < layout.cols else 0)
        for cell, tile in enumerate(self._tiles):
            if self._maximised >= 0:
                if cell == self._maximised:
                    self._grid.addWidget(tile, 0, 0, layout.rows, layout.cols)
                    tile.show()
                else:
                    tile.hide()
                continue
            spot = layout.cells[cell]
            self._grid.addWidget(tile, spot.row, spot.col, spot.row_span, spot.col_span)
            tile.show()

    # ---------------------------------------------------------------- tile signals

    def _on_tile_cameras_dropped(self, cell: int, camera_ids: list[str]) -> None:
        self.wall.place(self.page_index, cell, camera_ids)
        self.select(cell)

    def _on_tile_swap_dropped(self, from_cell: int, to_cell: int) -> None:
        self.wall.swap(self.page_index, from_cell, to_cell)
        self.select(to_cell)

    def _on_tile_clicked(self, cell: int) -> None:
        self.select(cell)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def _on_tile_double_clicked(self, cell: int) -> None:
        self.toggle_maximise(cell)

    def _on_tile_zoom_changed(self, _cell: int) -> None:
        self._streams.schedule()

    # ---------------------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = Qt.Key(event.key())
        text = event.text()
        if (
            text.isdigit()
            and len(text) == 1
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._digits = (self._digits + text)[-2:]
            self._digit_timer.start()
            number = int(self._digits)
            if not 1 <= number <= len(self._tiles):
                self._digits = text
                number = int(text)
            if 1 <= number <= len(self._tiles):
                self.select(number - 1)
            event.accept()
            return
        if key in _ARROWS and self._tiles:
            start = max(self._selected, 0)
            self.select(self.page.layout.neighbour(start, _ARROWS[key]))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected >= 0:
            self.toggle_maximise(self._selected)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            current = self._tiles[self._maximised] if self._maximised >= 0 else None
            if current is not None and current.zoom > 1.0:
                current.reset_zoom()
            elif self._maximised >= 0:
                self.maximise(-1)
            else:
                super().keyPressEvent(event)
                return
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_digit_timer_timeout(self) -> None:
        self._digits = ""

    # ---------------------------------------------------------------- visibility

    # A disposed view (or one being destroyed at exit, after the streams' timer) is no
    # longer the streams' business.

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._disposed:
            self._watch_window()
            self._streams.schedule()

    def hideEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)  # type: ignore[arg-type]
        if not self._disposed:
            self._streams.schedule()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)  # type: ignore[arg-type]
        if not self._disposed:
            self._streams.schedule()

    def _watch_window(self) -> None:
        window = self.window()
        if window is self._watched_window:
            return
        # The window it was in may be gone already (a monitor's window, once unplugged).
        if self._watched_window is not None and isValid(self._watched_window):
            self._watched_window.removeEventFilter(self)
        self._watched_window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not self._disposed and event.type() in (
            QEvent.Type.WindowStateChange,
            QEvent.Type.Hide,
            QEvent.Type.Show,
        ):
            self._streams.schedule()
        return False

    def dispose(self) -> None:
        """Stop every tile and detach from the wall (the page went away)."""
        if self._disposed:
            return
        self._disposed = True
        self.wall.remove_listener(self._on_wall_changed)
        self._streams.remove_source(self)
        if self._watched_window is not None and isValid(self._watched_window):
            self._watched_window.removeEventFilter(self)
        self._watched_window = None
        for tile in self._tiles:
            tile.close()
        self._tiles = []
