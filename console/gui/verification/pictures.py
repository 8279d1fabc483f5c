"""Still pictures in the verification view: one picture fitted into its box, and the wipe
comparison (the original on one side of a movable line, the live picture on the other)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_BACKGROUND = QColor(24, 24, 24)
_LINE = QColor(255, 196, 0)
_CAPTION_BACKDROP = QColor(0, 0, 0, 160)


def fitted(picture: QSize, box: QRectF) -> QRectF:
    """``picture``'s largest rectangle of the same aspect ratio, centred in ``box``."""
    if picture.width() <= 0 or picture.height() <= 0:
        return box
    scale = min(box.width() / picture.width(), box.height() / picture.height())
    width, height = picture.width() * scale, picture.height() * scale
    return QRectF(
        box.x() + (box.width() - width) / 2, box.y() + (box.height() - height) / 2, width, height
    )


def _draw_caption(painter: QPainter, box: QRectF, text: str) -> None:
    if not text:
        return
    metrics = painter.fontMetrics()
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(box.width()) - 16)
    rect = QRectF(
        box.x() + 6, box.y() + 6, metrics.horizontalAdvance(shown) + 10, metrics.height() + 4
    )
    painter.fillRect(rect, _CAPTION_BACKDROP)
    painter.setPen(QPen(Qt.GlobalColor.white))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)


class PictureView(QWidget):
    """One still picture, fitted and centred, with a caption in its corner; ``placeholder``
    is said in the middle while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image = QImage()
        self._caption = ""
        self._placeholder = ""

    @property
    def image(self) -> QImage:
        return self._image

    def set_image(self, image: QImage | None, caption: str = "") -> None:
        self._image = image if image is not None else QImage()
        self._caption = caption
        self.update()

    @property
    def placeholder(self) -> str:
        return self._placeholder

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            box = QRectF(self.rect())
            painter.fillRect(box, _BACKGROUND)
            if self._image.isNull():
                painter.setPen(QPen(QColor(200, 200, 200)))
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
                )
                return
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(fitted(self._image.size(), box), self._image)
            _draw_caption(painter, box, self._caption)
        finally:
            painter.end()


class WipeView(QWidget):
    """Before and after in one frame: ``before`` left of a vertical line, ``after`` right of
    it; ``set_split(fraction)`` moves the line (0 shows only after, 1 only before). Both are
    fitted to the same rectangle (the after picture's shape) so the scene lines up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(320, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._before = QImage()
        self._after = QImage()
        self._split = 0.5
        self._labels = ("", "")
        self._placeholder = ""

    @property
    def split(self) -> float:
        return self._split

    def set_split(self, fraction: float) -> None:
        self._split = min(1.0, max(0.0, fraction))
        self.update()

    def set_pictures(self, before: QImage | None, after: QImage | None) -> None:
        self._before = before if before is not None else QImage()
        self._after = after if after is not None else QImage()
        self.update()

    def set_labels(self, before: str, after: str) -> None:
        self._labels = (before, after)
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        try:
            box = QRectF(self.rect())
            painter.fillRect(box, _BACKGROUND)
            shape = self._after if not self._after.isNull() else self._before
            if shape.isNull():
                painter.setPen(QPen(QColor(200, 200, 200)))
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder
                )
                return
            target = fitted(shape.size(), box)
            line_x = target.x() + target.width() * self._split
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            if not self._after.isNull():
                painter.drawImage(target, self._after)
            if not self._before.isNull() and self._split > 0:
                painter.save()
                painter.setClipRect(
                    QRectF(target.x(), target.y(), line_x - target.x(), target.height())
                )
                painter.drawImage(target, self._before)
                painter.restore()
            painter.setPen(QPen(_LINE, 2))
            painter.drawLine(QPointF(line_x, target.top()), QPointF(line_x, target.bottom()))
            _draw_caption(painter, target, self._labels[0])
            right = QRectF(target)
            metrics = painter.fontMetrics()
            width = metrics.horizontalAdvance(self._labels[1]) + 22
            right.setLeft(max(target.left(), target.right() - width))
            _draw_caption(painter, right, self._labels[1])
        finally:
            painter.end()
