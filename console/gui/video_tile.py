"""A video tile: paints the latest picture of a ``VideoSource`` and says honestly how it is.

Tiles do not own timers. One ``RepaintClock`` per application ticks every tile's supervisor
(the watchdog) and repaints only tiles with something new to show: a new picture, a changed
state, or a changed second in the "last picture n s ago" / "next try in n s" overlays.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from console.video.schemes import factory_for, scheme_of
from console.video.source import FrameView
from console.video.supervisor import (
    StreamState,
    StreamStatus,
    StreamSupervisor,
    SupervisorConfig,
)

logger = logging.getLogger(__name__)

_BADGE_COLOURS = {
    StreamState.CONNECTING: QColor(70, 110, 170),
    StreamState.LIVE: QColor(30, 140, 70),
    StreamState.STALE: QColor(200, 130, 20),
    StreamState.RECONNECTING: QColor(200, 130, 20),
    StreamState.OFFLINE: QColor(120, 120, 120),
    StreamState.NOT_SHARED: QColor(120, 120, 120),
    StreamState.ERROR: QColor(180, 40, 40),
}
_MARGIN = 6
_AGE_SHOWN_AFTER_S = 1.0


class RepaintClock(QObject):
    """The one timer that drives every tile (25 Hz by default).

    Each tick calls ``advance(now)`` on every registered tile and ``update()`` only on tiles
    that answer True. Tiles are held weakly.
    """

    _shared: weakref.WeakValueDictionary[int, RepaintClock] = weakref.WeakValueDictionary()

    def __init__(self, interval_ms: int = 40, parent: QObject | None = None):
        super().__init__(parent)
        self._tiles: weakref.WeakSet[VideoTile] = weakref.WeakSet()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.ticks = 0
        self.repaints = 0

    @classmethod
    def shared(cls) -> RepaintClock:
        """The application's clock, created on first use and parented to the application."""
        app = QApplication.instance()
        key = id(app)
        clock = cls._shared.get(key)
        if clock is None:
            clock = cls(parent=app)
            cls._shared[key] = clock
        return clock

    def register(self, tile: VideoTile) -> None:
        self._tiles.add(tile)
        if not self._timer.isActive():
            self._timer.start()

    def unregister(self, tile: VideoTile) -> None:
        self._tiles.discard(tile)
        if not self._tiles:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        now = time.monotonic()
        self.ticks += 1
        for tile in list(self._tiles):
            if tile.advance(now):
                self.repaints += 1
                tile.update()


def _aspect_fit(frame: QSize, box: QRectF) -> QRectF:
    if frame.width() <= 0 or frame.height() <= 0:
        return box
    scale = min(box.width() / frame.width(), box.height() / frame.height())
    width, height = frame.width() * scale, frame.height() * scale
    return QRectF(
        box.x() + (box.width() - width) / 2, box.y() + (box.height() - height) / 2, width, height
    )


def _image_of(frame: FrameView) -> QImage:
    """A QImage over the frame's memory (no copy): valid only while the frame is held."""
    return QImage(frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32)


class VideoTile(QWidget):
    """One camera's picture with its name, a state badge, the age of the last picture and,
    on demand, fps / bitrate / lost pictures.

    Signals: ``status_changed(StreamStatus)`` whenever the supervisor's status changes.
    """

    status_changed = Signal(object)

    def __init__(
        self,
        camera_name: str = "",
        *,
        clock: RepaintClock | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 90)
        self._camera_name = camera_name
        self._clock = clock or RepaintClock.shared()
        self._supervisor: StreamSupervisor | None = None
        self._seen_counter = -1
        self._seen_status: StreamStatus | None = None
        self._seen_second = -1
        self._stats_visible = False
        self._clock.register(self)

    # ---------------------------------------------------------------- wiring

    @property
    def supervisor(self) -> StreamSupervisor | None:
        return self._supervisor

    @property
    def camera_name(self) -> str:
        return self._camera_name

    def set_camera_name(self, name: str) -> None:
        self._camera_name = name
        self.update()

    def play(
        self,
        url: str,
        *,
        config: SupervisorConfig | None = None,
        source_factory: Callable[[str], object] | None = None,
    ) -> StreamSupervisor:
        """Play ``url`` with the source this machine has for its scheme, supervised."""
        factory = source_factory or factory_for(url)
        source = factory(self._camera_name or "tile") if factory is not None else None
        reason = "" if source is not None else scheme_of(url)
        supervisor = StreamSupervisor(
            source,  # type: ignore[arg-type]
            url,
            config=config,
            unplayable_reason=reason,
        )
        self.attach(supervisor)
        supervisor.start()
        return supervisor

    def attach(self, supervisor: StreamSupervisor | None) -> None:
        """Show ``supervisor``'s stream (None: an empty tile). The previous one is stopped."""
        if self._supervisor is not None and self._supervisor is not supervisor:
            self._supervisor.stop()
        self._supervisor = supervisor
        self._seen_counter = -1
        self._seen_status = None
        self.update()

    def stop(self) -> None:
        """Stop the stream; the source's threads release the decoder, never this thread."""
        self.attach(None)

    def set_stats_visible(self, visible: bool) -> None:
        self._stats_visible = visible
        self.update()

    @property
    def stats_visible(self) -> bool:
        return self._stats_visible

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self._clock.unregister(self)
        self.stop()
        super().closeEvent(event)  # type: ignore[arg-type]

    # ---------------------------------------------------------------- clock

    def advance(self, now: float) -> bool:
        """Tick the watchdog; True if the tile should repaint."""
        supervisor = self._supervisor
        if supervisor is None:
            return False
        status = supervisor.tick(now)
        source = supervisor.source
        counter = source.frame_counter if source is not None else 0
        repaint = counter != self._seen_counter
        self._seen_counter = counter
        if status != self._seen_status:
            self._seen_status = status
            self.status_changed.emit(status)
            repaint = True
        if status.state is not StreamState.LIVE or self._stats_visible:
            second = int(now)
            if second != self._seen_second:
                self._seen_second = second
                repaint = True
        return repaint

    # ---------------------------------------------------------------- pictures

    def grab_frame(self) -> QImage:
        """A copy of the current picture at its display size (a null image before the first)."""
        source = self._supervisor.source if self._supervisor is not None else None
        if source is None:
            return QImage()
        with source.hold_frame() as frame:
            if frame is None:
                return QImage()
            image = _image_of(frame)
            width, height = frame.display_size
            if (width, height) != (frame.width, frame.height):
                return image.scaled(
                    width,
                    height,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            return image.copy()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            box = QRectF(self.rect())
            painter.fillRect(box, Qt.GlobalColor.black)
            supervisor = self._supervisor
            source = supervisor.source if supervisor is not None else None
            status = supervisor.status if supervisor is not None else None
            if source is not None:
                with source.hold_frame() as frame:
                    if frame is not None:
                        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                        target = _aspect_fit(QSize(*frame.display_size), box)
                        painter.drawImage(target, _image_of(frame))
                        if status is not None and status.state is not StreamState.LIVE:
                            painter.fillRect(target, QColor(0, 0, 0, 90))
            self._paint_overlays(painter, box, status)
        finally:
            painter.end()

    def _paint_overlays(self, painter: QPainter, box: QRectF, status: StreamStatus | None) -> None:
        now = time.monotonic()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(11.0, box.height() / 22)))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        line = metrics.height() + 4
        if self._camera_name:
            self._label(painter, QRectF(_MARGIN, _MARGIN, box.width() / 2, line), self._camera_name)
        if status is None:
            self._label(painter, box, self.tr("No camera"), centred=True)
            return
        badge = self.badge_text(status, now)
        badge_width = metrics.horizontalAdvance(badge) + 12
        badge_rect = QRectF(box.right() - badge_width - _MARGIN, _MARGIN, badge_width, line)
        painter.fillRect(badge_rect, _BADGE_COLOURS[status.state])
        painter.setPen(QPen(Qt.GlobalColor.white))
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        bottom = box.bottom() - _MARGIN - line
        age = status.frame_age(now)
        if age is not None and (status.state is not StreamState.LIVE or age >= _AGE_SHOWN_AFTER_S):
            text = self.tr("Last picture %1 s ago").replace("%1", str(int(age)))
            self._label(painter, QRectF(_MARGIN, bottom, box.width() / 2, line), text)
        if self._stats_visible and self._supervisor is not None:
            source = self._supervisor.source
            if source is not None:
                stats = source.stats()
                text = (
                    self.tr("%1 fps · %2 kb/s · %3 lost")
                    .replace("%1", f"{stats.fps:.1f}")
                    .replace("%2", f"{stats.bitrate_kbps:.0f}")
                    .replace("%3", str(stats.lost))
                )
                width = metrics.horizontalAdvance(text) + 12
                rect = QRectF(box.right() - width - _MARGIN, bottom, width, line)
                self._label(painter, rect, text)

    def _label(self, painter: QPainter, rect: QRectF, text: str, centred: bool = False) -> None:
        metrics = painter.fontMetrics()
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()) - 8)
        if centred:
            painter.setPen(QPen(QColor(200, 200, 200)))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
            return
        backdrop = QRectF(rect.x(), rect.y(), metrics.horizontalAdvance(shown) + 8, rect.height())
        painter.fillRect(backdrop, QColor(0, 0, 0, 150))
        painter.setPen(QPen(Qt.GlobalColor.white))
        painter.drawText(
            backdrop.adjusted(4, 0, -4, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            shown,
        )

    def badge_text(self, status: StreamStatus, now: float) -> str:
        """The state badge's words, as the operator reads them."""
        state = status.state
        if state is StreamState.CONNECTING:
            return self.tr("Connecting…")
        if state is StreamState.LIVE:
            return self.tr("Live")
        if state is StreamState.OFFLINE:
            return self.tr("Offline")
        if state is StreamState.NOT_SHARED:
            return self.tr("Not shared")
        if state is StreamState.ERROR:
            if status.detail:
                return self.tr("Cannot play %1").replace("%1", status.detail)
            return self.tr("Cannot play")
        wait = status.next_try_in(now)
        if state is StreamState.STALE:
            if wait is None:
                return self.tr("Stale")
            return self.tr("Stale, reconnecting in %1 s").replace("%1", str(int(wait + 0.999)))
        if wait is None:
            return self.tr("Reconnecting (attempt %1)").replace("%1", str(status.attempt))
        return (
            self.tr("Reconnecting (attempt %1, next try in %2 s)")
            .replace("%1", str(status.attempt))
            .replace("%2", str(int(wait + 0.999)))
        )
