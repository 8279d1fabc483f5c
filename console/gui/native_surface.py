"""The native window a tile lends a decoder that draws its own pictures (see
``console.video.output``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

# Qt platforms whose widgets can have native child windows a decoder can draw into.
_WINDOWING_PLATFORMS = {"xcb", "windows", "cocoa"}


def native_windows_available() -> bool:
    """Whether this session's Qt platform gives widgets native windows to draw into."""
    return QGuiApplication.platformName() in _WINDOWING_PLATFORMS


class NativeSurface(QWidget):
    """A black native child window for one source's pictures.

    Mouse and drop events go to the tile beneath it (the decoder is told not to take them
    either), so selecting, dragging, double-clicking and the context menu work on the
    picture as on a painted tile. ``handle()`` is what the decoder draws into.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        # The tile and its ancestors stay alien widgets: one native window per picture.
        self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, False)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(0, 0, 0))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.setAcceptDrops(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def handle(self) -> int:
        """The native window's id (created on first call)."""
        return int(self.winId())
