"""A dialog that belongs to one detached wall screen: the raise-event dialog of an abnormal
verdict given on that screen.

It is parented to that screen's full-screen window and window-modal to it alone. So it opens
on that monitor and stays in front of the wall there (a dialog of the main window would be
kept in front of the main window only, and fall behind the full-screen wall as soon as the
operator clicks it); it takes that screen's verdict keys while the operator writes the event
(a Space typed in its fields must not mark a camera there); and it blocks nothing else: the
main window with the patrol panel and every other screen's keys keep working, as the patrol
goes on there. Should that window go away (its monitor unplugged, its last page gone) the
dialog, with what the operator has typed, moves to the main window rather than going with it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QWidget
from shiboken6 import isValid

from console.gui.patrol.runner import move_to_screen


def hold_on_screen_window(dialog: QDialog, window: QWidget, home: QWidget) -> None:
    """Show ``dialog`` (already open over ``home``, the main window) on ``window``'s monitor,
    modal to ``window`` alone, until it closes (see the module docstring)."""
    if dialog.parentWidget() is window:
        return
    _reparent(dialog, window, show=dialog.isVisible())
    _WindowWatch(dialog, window, home)


def _reparent(dialog: QDialog, parent: QWidget, *, show: bool) -> None:
    flags = dialog.windowFlags()  # setParent without them would make it a child widget
    dialog.hide()  # its modality only changes while hidden
    dialog.setParent(parent, flags)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    screen = parent.screen()
    if screen is not None:
        move_to_screen(dialog, screen)
    if show:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()


class _WindowWatch(QObject):
    """Sends the dialog home before its screen window takes it down with it."""

    def __init__(self, dialog: QDialog, window: QWidget, home: QWidget):
        super().__init__(dialog)  # goes with the dialog
        self._dialog = dialog
        self._window: QWidget | None = window
        self._home = home
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window:
            if event.type() == QEvent.Type.DeferredDelete:
                self.go_home()  # now: its children are deleted with it
            elif event.type() == QEvent.Type.Hide:
                QTimer.singleShot(0, self, self.go_home)  # out of the window's own hiding
        return False

    def go_home(self) -> None:
        window, self._window = self._window, None
        if window is None or not isValid(window):
            return
        window.removeEventFilter(self)
        dialog = self._dialog
        if isValid(dialog) and isValid(self._home) and dialog.parentWidget() is window:
            _reparent(dialog, self._home, show=dialog.isVisible())
