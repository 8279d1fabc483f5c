"""The review timeline: recorded spans and the gaps between them, bookmarks, the A–B range
and the playhead, over wall-clock time that zooms from a minute to a week.

The wheel zooms about the mouse; dragging with the middle button (or Shift) pans; a click
or a drag with the left button seeks (a click on a bookmark goes to its exact moment); the time under the mouse is offered as a preview
(``previewed``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SPAN_S = 60.0
MAX_SPAN_S = 7 * 24 * 3600.0
_ROW_H = 12
_RULER_H = 22
_STEPS_S = (
    1,
    2,
    5,
    10,
    15,
    30,
    60,
    120,
    300,
    600,
    900,
    1800,
    3600,
    7200,
    10800,
    21600,
    43200,
    86400,
)

_SPAN = QColor(60, 150, 90)
_GAP = QColor(70, 70, 70)
_RANGE = QColor(70, 130, 220, 90)
_BOOKMARK = QColor(240, 190, 40)
_PLAYHEAD = QColor(230, 60, 60)
_BOOKMARK_SNAP_PX = 5.0


@dataclass(frozen=True)
class Span:
    """One clip's recording on the timeline (one row per clip)."""

    label: str
    start: datetime
    end: datetime


class Timeline(QWidget):
    """See the module docstring. ``seek_requested(datetime)`` when the operator clicks or
    drags; ``view_changed()`` when zoomed or panned."""

    seek_requested = Signal(object)
    view_changed = Signal()
    #: the time under the mouse (None when it leaves), for the window to show
    previewed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._spans: list[Span] = []
        self._bookmarks: list[datetime] = []
        self._range: tuple[datetime | None, datetime | None] = (None, None)
        self._playhead: datetime | None = None
        self._left: datetime | None = None
        self._span_s = 600.0
        self._dragging = False
        self._panning_from: tuple[float, datetime] | None = None
        self._fit_height()

    # ---------------------------------------------------------------- data

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = list(spans)
        self._fit_height()
        self.show_all()

    def set_bookmarks(self, moments: list[datetime]) -> None:
        self._bookmarks = list(moments)
        self.update()

    @property
    def bookmarks(self) -> list[datetime]:
        return list(self._bookmarks)

    def set_range(self, a: datetime | None, b: datetime | None) -> None:
        self._range = (a, b)
        self.update()

    def set_playhead(self, moment: datetime | None) -> None:
        if moment == self._playhead:
            return
        self._playhead = moment
        if moment is not None and self._left is not None and not self._dragging:
            right = self._left + timedelta(seconds=self._span_s)
            if not self._left <= moment <= right:
                # Keep the playhead in view: page along with it.
                self._left = moment - timedelta(seconds=self._span_s * 0.1)
                self.view_changed.emit()
        self.update()

    # ---------------------------------------------------------------- view

    @property
    def visible_seconds(self) -> float:
        return self._span_s

    @property
    def left(self) -> datetime | None:
        return self._left

    def show_all(self) -> None:
        if not self._spans:
            self._left = None
            self.update()
            return
        start = min(span.start for span in self._spans)
        end = max(span.end for span in self._spans)
        total = max(MIN_SPAN_S, (end - start).total_seconds() * 1.04)
        self._span_s = min(MAX_SPAN_S, total)
        self._left = start - timedelta(seconds=(self._span_s - (end - start).total_seconds()) / 2)
        self.view_changed.emit()
        self.update()

    def zoom(self, factor: float, about_x: float | None = None) -> None:
        """Show ``factor`` times as much time (below 1 zooms in), about the point at
        ``about_x`` (the middle by default)."""
        if self._left is None:
            return
        x = self.width() / 2 if about_x is None else about_x
        anchor = self.time_at(x)
        self._span_s = max(MIN_SPAN_S, min(MAX_SPAN_S, self._span_s * factor))
        self._left = anchor - timedelta(seconds=self._span_s * x / max(1, self.width()))
        self.view_changed.emit()
        self.update()

    def time_at(self, x: float) -> datetime:
        left = self._left or datetime.now().astimezone()
        return left + timedelta(seconds=self._span_s * x / max(1, self.width()))

    def x_of(self, moment: datetime) -> float:
        if self._left is None:
            return 0.0
        return (moment - self._left).total_seconds() / self._span_s * self.width()

    # ---------------------------------------------------------------- input

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt override)
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(0.8**steps, event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        x = event.position().x()
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if pan and self._left is not None:
            self._panning_from = (x, self._left)
        elif event.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self._seek_to(event)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        x = event.position().x()
        if self._panning_from is not None:
            from_x, left = self._panning_from
            self._left = left - timedelta(
                seconds=(x - from_x) / max(1, self.width()) * self._span_s
            )
            self.view_changed.emit()
            self.update()
        elif self._dragging:
            self._seek_to(event)
        elif self._left is not None:
            self._preview(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        self._dragging = False
        self._panning_from = None
        event.accept()

    def _seek_to(self, event: QMouseEvent) -> None:
        x = max(0.0, min(event.position().x(), float(self.width())))
        moment = self.bookmark_near(x) or self.time_at(x)
        self._preview(event)
        self.seek_requested.emit(moment)

    def bookmark_near(self, x: float) -> datetime | None:
        """The bookmark drawn within a few pixels of ``x`` (a click there goes to it exactly)."""
        if self._left is None:
            return None
        near = [(abs(self.x_of(m) - x), m) for m in self._bookmarks]
        near = [pair for pair in near if pair[0] <= _BOOKMARK_SNAP_PX]
        return min(near, key=lambda pair: pair[0])[1] if near else None

    def _preview(self, event: QMouseEvent) -> None:
        self.previewed.emit(self.time_at(event.position().x()))

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        self.previewed.emit(None)
        super().leaveEvent(event)

    # ---------------------------------------------------------------- painting

    def _fit_height(self) -> None:
        self.setFixedHeight(_RULER_H + max(1, len(self._spans)) * (_ROW_H + 3) + 6)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().base())
            if self._left is None:
                return
            self._paint_ruler(painter)
            self._paint_rows(painter)
            self._paint_range(painter)
            self._paint_bookmarks(painter)
            self._paint_playhead(painter)
        finally:
            painter.end()

    def _paint_ruler(self, painter: QPainter) -> None:
        assert self._left is not None
        metrics = QFontMetricsF(self.font())
        label_w = metrics.horizontalAdvance("0000-00-00 00:00") + 12
        wanted = self._span_s * label_w / max(1, self.width())
        step = next((s for s in _STEPS_S if s >= wanted), _STEPS_S[-1])
        local_left = self._left.astimezone()
        base = local_left.replace(hour=0, minute=0, second=0, microsecond=0)
        first = base + timedelta(seconds=((local_left - base).total_seconds() // step + 1) * step)
        painter.setPen(QPen(self.palette().text().color()))
        tick = first
        right = self._left + timedelta(seconds=self._span_s)
        while tick <= right:
            x = self.x_of(tick)
            painter.drawLine(QPointF(x, _RULER_H - 6), QPointF(x, _RULER_H))
            text = tick.strftime("%H:%M:%S" if step < 60 else "%H:%M")
            if tick.hour == 0 and tick.minute == 0 and tick.second == 0 or step >= 86400:
                text = tick.strftime("%m-%d")
            painter.drawText(QPointF(x + 3, _RULER_H - 8), text)
            tick += timedelta(seconds=step)

    def _paint_rows(self, painter: QPainter) -> None:
        width = self.width()
        for index, span in enumerate(self._spans):
            top = _RULER_H + 3 + index * (_ROW_H + 3)
            painter.fillRect(QRectF(0, top, width, _ROW_H), _GAP)
            left = max(0.0, self.x_of(span.start))
            right = min(float(width), self.x_of(span.end))
            if right > left:
                painter.fillRect(QRectF(left, top, max(1.0, right - left), _ROW_H), _SPAN)

    def _paint_range(self, painter: QPainter) -> None:
        a, b = self._range
        if a is None:
            return
        x_a = self.x_of(a)
        x_b = self.x_of(b) if b is not None else x_a + 1
        painter.fillRect(QRectF(min(x_a, x_b), 0, max(2.0, abs(x_b - x_a)), self.height()), _RANGE)

    def _paint_bookmarks(self, painter: QPainter) -> None:
        painter.setPen(QPen(_BOOKMARK, 2))
        for moment in self._bookmarks:
            x = self.x_of(moment)
            painter.drawLine(QPointF(x, _RULER_H), QPointF(x, self.height()))

    def _paint_playhead(self, painter: QPainter) -> None:
        if self._playhead is None:
            return
        x = self.x_of(self._playhead)
        painter.setPen(QPen(_PLAYHEAD, 2))
        painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
