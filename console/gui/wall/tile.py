"""A tile on the wall: a ``VideoTile`` that knows its cell and camera, takes drops, changes
stream without a black gap, and zooms digitally when maximised.

Stream changes: a new URL (sub to main, say) opens in a second, *pending* player while the
current one keeps painting; the first picture of the pending player makes it the tile's player
and the old one is stopped. A pending player that shows nothing within ``PENDING_TIMEOUT_S``
is dropped and the tile keeps what it had (the camera's main stream is then avoided for a
while: ``main_failed_recently``).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDropEvent,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QWidget

from console.gui.mime import decode_camera_ids, has_camera_ids
from console.gui.video_tile import (
    OverlayItem,
    RepaintClock,
    VideoTile,
    centred_text_item,
    filled_text_item,
    make_source,
)
from console.gui.wall.dnd import decode_tile, encode_tile
from console.video.schemes import scheme_of
from console.video.source import FrameView
from console.video.supervisor import (
    StreamState,
    StreamStatus,
    StreamSupervisor,
    SupervisorConfig,
)
from console.wall.stream_policy import StreamChoice

logger = logging.getLogger(__name__)

PENDING_TIMEOUT_S = 12.0
MAIN_RETRY_AFTER_S = 60.0
MAX_ZOOM = 8.0
_SELECTED = QColor(255, 196, 0)
_DROP_TARGET = QColor(80, 170, 255)
_BACKDROP = QColor(0, 0, 0, 150)


def _fit(frame: QSize, box: QRectF) -> QRectF:
    if frame.width() <= 0 or frame.height() <= 0:
        return box
    scale = min(box.width() / frame.width(), box.height() / frame.height())
    width, height = frame.width() * scale, frame.height() * scale
    return QRectF(
        box.x() + (box.width() - width) / 2, box.y() + (box.height() - height) / 2, width, height
    )


class WallTile(VideoTile):
    """One cell of a wall page (see the module docstring).

    Signals:
        cameras_dropped(int cell, list camera_ids): cameras were dropped on this tile;
        swap_dropped(int from_cell, int to_cell): a tile of the same page was dropped here;
        clicked(int cell), double_clicked(int cell);
        zoom_changed(int cell): the digital zoom changed (the stream choice may follow);
        stream_switched(int cell, str choice): the tile now paints another stream.
    """

    cameras_dropped = Signal(int, list)
    swap_dropped = Signal(int, int)
    clicked = Signal(int)
    double_clicked = Signal(int)
    zoom_changed = Signal(int)
    stream_switched = Signal(int, str)

    def __init__(
        self,
        cell: int,
        page_token: str,
        *,
        clock: RepaintClock | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__("", clock=clock, parent=parent)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cell = cell
        self._page_token = page_token
        self._camera_id: str | None = None
        self._config: SupervisorConfig | None = None
        self._choice = StreamChoice.NONE
        self._url: str | None = None
        self._pending: StreamSupervisor | None = None
        self._pending_choice = StreamChoice.NONE
        self._pending_since = 0.0
        self._main_failed_at: float | None = None
        self._selected = False
        # On a running patrol's page an empty cell is not an invitation to drop a camera.
        self.on_patrol = False
        self._drop_hover = False
        self._maximised = False
        self._zoom = 1.0
        self._centre = QPointF(0.5, 0.5)
        self._press_at: QPoint | None = None
        self._pan_from: tuple[QPointF, QPointF] | None = None
        self._marker: tuple[str, QColor] | None = None
        self._notice = ""
        self._frame_rects: dict[int, tuple[QPen, QRectF]] = {}
        self.switches = 0

    # ---------------------------------------------------------------- camera and stream

    @property
    def camera_id(self) -> str | None:
        return self._camera_id

    @property
    def choice(self) -> StreamChoice:
        """The stream being painted (NONE while nothing plays)."""
        return self._choice

    @property
    def wanted_choice(self) -> StreamChoice:
        """The stream asked for last: the pending one while a switch is under way."""
        return self._pending_choice if self._pending is not None else self._choice

    @property
    def playing_url(self) -> str | None:
        return self._url

    @property
    def pending(self) -> StreamSupervisor | None:
        return self._pending

    def set_camera(self, camera_id: str | None, name: str = "") -> None:
        """Show another camera (or none): whatever played is stopped."""
        if camera_id == self._camera_id:
            if name and name != self.camera_name:
                self.set_camera_name(name)
            return
        self.suspend()
        self._camera_id = camera_id
        self._main_failed_at = None
        self._marker = None
        self._notice = ""
        self.reset_zoom()
        self.set_camera_name(name or (camera_id or ""))

    def set_supervisor_config(self, config: SupervisorConfig | None) -> None:
        self._config = config

    def set_notice(self, text: str) -> None:
        """A line shown while the tile has no stream (why it has none)."""
        if text != self._notice:
            self._notice = text
            self.update()

    def main_failed_recently(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        return self._main_failed_at is not None and now - self._main_failed_at < MAIN_RETRY_AFTER_S

    def starts_player(self, choice: StreamChoice, url: str) -> bool:
        """Whether ``show_stream(choice, url)`` would start a new player."""
        if choice is StreamChoice.NONE:
            return False
        if self._pending is not None and self._pending.url == url:
            return False
        return not (url == self._url and self.supervisor is not None)

    def show_stream(self, choice: StreamChoice, url: str) -> None:
        """Play ``url`` as ``choice``; the current picture stays until the new one arrives."""
        if choice is StreamChoice.NONE:
            self.suspend()
            return
        if self._pending is not None:
            if self._pending.url == url:
                return
            self._drop_pending()
            self._pending = None
        if url == self._url and self.supervisor is not None:
            self._pending_choice = StreamChoice.NONE
            self._choice = choice
            return
        supervisor = self._new_supervisor(url)
        if self.supervisor is None or supervisor.state is StreamState.ERROR:
            self._adopt(supervisor, choice)
            return
        self._pending = supervisor
        self._pending_choice = choice
        self._pending_since = time.monotonic()

    def suspend(self) -> None:
        """Stop decoding (nobody can see the tile); the players' threads do the stopping."""
        if self._pending is not None:
            self._drop_pending()
            self._pending = None
        self._pending_choice = StreamChoice.NONE
        if self.supervisor is not None:
            self.attach(None)
        self._choice = StreamChoice.NONE
        self._url = None

    def _new_supervisor(self, url: str) -> StreamSupervisor:
        source = make_source(url, self._camera_id or "tile")
        if source is not None:
            # A pending player's first pictures come at this tile's size already (or go to
            # a window of its own, shown when it takes over).
            self.prepare_source(source)
        supervisor = StreamSupervisor(
            source,
            url,
            config=self._config,
            unplayable_reason="" if source is not None else scheme_of(url),
        )
        supervisor.start()
        return supervisor

    def _drop_pending(self) -> None:
        pending = self._pending
        if pending is not None:
            pending.stop()
            self.retire_surface(pending.source)

    def _adopt(self, supervisor: StreamSupervisor, choice: StreamChoice) -> None:
        self.attach(supervisor)
        self._choice = choice
        self._url = supervisor.url
        self._pending_choice = StreamChoice.NONE
        self.switches += 1
        self.stream_switched.emit(self.cell, choice.value)

    def advance(self, now: float) -> bool:
        repaint = super().advance(now)
        pending = self._pending
        if pending is None:
            return repaint
        pending.tick(now)
        source = pending.source
        if source is not None and source.frame_counter > 0:
            self._pending = None
            self._adopt(pending, self._pending_choice)
            return True
        if now - self._pending_since > PENDING_TIMEOUT_S or pending.state is StreamState.ERROR:
            logger.info(
                "tile %s: the %s stream showed nothing; keeping the current one",
                self._camera_id,
                self._pending_choice.value,
            )
            if self._pending_choice is StreamChoice.MAIN:
                self._main_failed_at = now
            self._drop_pending()
            self._pending = None
            self._pending_choice = StreamChoice.NONE
            self.stream_switched.emit(self.cell, self._choice.value)
        return repaint

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        if self._pending is not None:
            self._drop_pending()
            self._pending = None
        super().closeEvent(event)

    # ---------------------------------------------------------------- looks

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    @property
    def selected(self) -> bool:
        return self._selected

    def set_marker(self, text: str, colour: QColor | None = None) -> None:
        """A coloured label in the bottom-left corner (a patrol verdict); empty text clears."""
        self._marker = (text, colour or QColor(60, 60, 60)) if text else None
        self.update()

    @property
    def marker_text(self) -> str:
        return self._marker[0] if self._marker else ""

    # ---------------------------------------------------------------- zoom

    def set_maximised(self, maximised: bool) -> None:
        self._maximised = maximised
        if not maximised:
            self.reset_zoom()

    @property
    def zoom(self) -> float:
        return self._zoom

    @property
    def zoom_centre(self) -> tuple[float, float]:
        return self._centre.x(), self._centre.y()

    def reset_zoom(self) -> None:
        if self._zoom != 1.0 or self._centre != QPointF(0.5, 0.5):
            self._zoom = 1.0
            self._centre = QPointF(0.5, 0.5)
            self.zoom_changed.emit(self.cell)
            self.update()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the picture point under ``anchor`` (widget pixels) in
        place; only a maximised tile zooms."""
        if not self._maximised or self.shows_native():
            return  # a native window's picture is the decoder's: it cannot be zoomed here
        new_zoom = max(1.0, min(MAX_ZOOM, self._zoom * factor))
        if new_zoom == self._zoom:
            return
        target = self._picture_rect()
        if anchor is not None and target.width() > 0 and target.contains(anchor):
            # The picture point under the cursor, before and after, must coincide.
            fx = (anchor.x() - target.x()) / target.width() - 0.5
            fy = (anchor.y() - target.y()) / target.height() - 0.5
            point_x = self._centre.x() + fx / self._zoom
            point_y = self._centre.y() + fy / self._zoom
            self._centre = QPointF(point_x - fx / new_zoom, point_y - fy / new_zoom)
        self._zoom = new_zoom
        self._clamp_centre()
        self.zoom_changed.emit(self.cell)
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the zoomed view by widget pixels (drag direction: the picture follows)."""
        target = self._picture_rect()
        if self._zoom <= 1.0 or target.width() <= 0:
            return
        self._centre -= QPointF(dx / target.width() / self._zoom, dy / target.height() / self._zoom)
        self._clamp_centre()
        self.update()

    def _clamp_centre(self) -> None:
        half = 0.5 / self._zoom
        self._centre = QPointF(
            min(1.0 - half, max(half, self._centre.x())),
            min(1.0 - half, max(half, self._centre.y())),
        )

    def _picture_rect(self) -> QRectF:
        source = self.supervisor.source if self.supervisor is not None else None
        size = QSize(16, 9)
        if source is not None:
            with source.hold_frame() as frame:
                if frame is not None:
                    size = QSize(*frame.display_size)
        return _fit(size, QRectF(self.rect()))

    # ---------------------------------------------------------------- painting

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._frame_rects = {}

    def _crop(self, frame: FrameView) -> QRectF | None:
        if self._zoom <= 1.0:
            return None
        width, height = frame.width / self._zoom, frame.height / self._zoom
        return QRectF(
            self._centre.x() * frame.width - width / 2,
            self._centre.y() * frame.height - height / 2,
            width,
            height,
        )

    def _overlay_state(self, status: StreamStatus | None, now: float) -> tuple[object, ...]:
        idle = (self._camera_id, self._notice, self.on_patrol) if status is None else None
        return (
            *super()._overlay_state(status, now),
            idle,
            self._marker[0] if self._marker else None,
            self._marker[1].rgba() if self._marker else None,
            round(self._zoom, 1),
        )

    def _overlay_items(self, status: StreamStatus | None, now: float) -> list[OverlayItem]:
        box = self._box
        font = self.font()
        if status is None:
            if self._camera_id is None and self.on_patrol:
                text = self.tr("No camera on this patrol page")
            elif self._camera_id is None:
                text = self.tr("Drop a camera here")
            else:
                # A name of hundreds of characters keeps to one line: the notice must show.
                name = QFontMetricsF(font).elidedText(
                    self.camera_name, Qt.TextElideMode.ElideRight, max(box.width() - 16, 1.0)
                )
                text = name + "\n" + (self._notice or self.tr("Waiting for the stream…"))
            items = [centred_text_item(box, text, font)]
        else:
            items = super()._overlay_items(status, now)
        metrics = QFontMetricsF(font)
        if self._marker is not None:
            text, colour = self._marker
            height = metrics.height() + 6
            width = metrics.horizontalAdvance(text) + 14
            if self.shows_native():
                # Below the native picture, in the middle of the bottom strip.
                area = self.native_area()
                rect = QRectF((box.width() - width) / 2, area.bottom() + 2, width, height)
            else:
                rect = QRectF(6, box.height() - height - 30, width, height)
            items.append(filled_text_item(rect, text, font, colour))
        if self._zoom > 1.0:
            rect = QRectF(box.width() / 2 - 30, 6, 60, metrics.height() + 4)
            items.append(filled_text_item(rect, f"{self._zoom:.1f}×", font, _BACKDROP))
        return items

    def _paint_decorations(self, painter: QPainter) -> None:
        self._paint_frame(painter)

    def _paint_frame(self, painter: QPainter) -> None:
        """A 3-pixel frame round the selected tile or a drop target (the gaps between tiles
        are the page's own background: an unselected tile draws no frame)."""
        if not (self._drop_hover or self._selected):
            return
        colour = _DROP_TARGET if self._drop_hover else _SELECTED
        rect = self._frame_rects.get(colour.rgba())
        if rect is None:
            # Pen and rectangle are made once per size.
            rect = (QPen(colour, 3), self._box.adjusted(1.5, 1.5, -1.5, -1.5))
            self._frame_rects[colour.rgba()] = rect
        painter.setPen(rect[0])
        painter.drawRect(rect[1])

    # ---------------------------------------------------------------- mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_at = event.position().toPoint()
            if self._zoom > 1.0:
                self._pan_from = (event.position(), self._centre)
            self.clicked.emit(self.cell)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if not event.buttons() & Qt.MouseButton.LeftButton or self._press_at is None:
            return
        if self._pan_from is not None:
            start, centre = self._pan_from
            self._centre = centre
            delta = event.position() - start
            self.pan_by(delta.x(), delta.y())
            return
        moved = (event.position().toPoint() - self._press_at).manhattanLength()
        if moved >= QApplication.startDragDistance() and not self._maximised:
            self._press_at = None
            drag = QDrag(self)
            drag.setMimeData(encode_tile(self._page_token, self.cell, self._camera_id))
            image = self.grab().scaled(
                160,
                90,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
            drag.setPixmap(image)
            drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self._press_at = None
        self._pan_from = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit(self.cell)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        if not self._maximised:
            event.ignore()
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.25**steps, event.position())
        event.accept()

    # ---------------------------------------------------------------- drops

    def _accepts(self, event: QDragEnterEvent | QDropEvent) -> bool:
        mime = event.mimeData()
        tile = decode_tile(mime)
        if tile is not None:
            return tile[0] == self._page_token and tile[1] != self.cell
        return has_camera_ids(mime)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if self._accepts(event):
            event.acceptProposedAction()
            self._drop_hover = True
            self.update()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._drop_hover = False
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        self._drop_hover = False
        self.update()
        mime = event.mimeData()
        tile = decode_tile(mime)
        if tile is not None and tile[0] == self._page_token:
            if tile[1] != self.cell:
                self.swap_dropped.emit(tile[1], self.cell)
            event.acceptProposedAction()
            return
        camera_ids = decode_camera_ids(mime)
        if camera_ids:
            self.cameras_dropped.emit(self.cell, camera_ids)
            event.acceptProposedAction()
            return
        event.ignore()
