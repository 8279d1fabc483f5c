"""A tool button that opens a menu, with room for its menu arrow.

With ``InstantPopup``, ``QToolButton`` sizes itself for its text alone while the style draws
the menu arrow in the bottom-right corner, over the end of the text. ``MenuToolButton`` asks
for the arrow's width on top and draws the text in the part of the button left of it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPaintEvent
from PySide6.QtWidgets import (
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
    QWidget,
)


class MenuToolButton(QToolButton):
    """A ``QToolButton`` that pops its menu up at once and keeps its text clear of the arrow.

    Signals: those of ``QToolButton``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def arrow_width(self) -> int:
        """The width kept free for the menu arrow (none while the button has no menu)."""
        if self.menu() is None:
            return 0
        return self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, self)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # QToolButton's minimumSizeHint() is this sizeHint(), so it needs no override.
        hint = super().sizeHint()
        return QSize(hint.width() + self.arrow_width(), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        arrow = self.arrow_width()
        if arrow == 0:
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        # The frame and the arrow first, without the text ...
        text, icon = option.text, option.icon
        option.text = ""
        option.icon = QIcon()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
        # ... then the text (and icon) in the part the arrow leaves free.
        label = QStyleOptionToolButton(option)
        label.text, label.icon = text, icon
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, self)
        inner = option.rect.adjusted(frame, frame, -frame - arrow, -frame)
        label.rect = QStyle.visualRect(option.direction, option.rect, inner)
        painter.drawControl(QStyle.ControlElement.CE_ToolButtonLabel, label)
