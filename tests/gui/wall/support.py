"""Helpers shared by the wall's GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.gui.wall.tile import WallTile
from console.video.supervisor import StreamState

FIRST_PICTURE_MS = 25_000  # keyframe wait + buffering on a loaded 2-core machine


def is_black(image: QImage) -> bool:
    return all(
        image.pixelColor(x, y).value() < 16
        for y in range(0, image.height(), max(1, image.height() // 12))
        for x in range(0, image.width(), max(1, image.width() // 12))
    )


def wait_for_pictures(qtbot: QtBot, tile: WallTile, timeout: int = FIRST_PICTURE_MS) -> None:
    """Until the tile plays live and holds a real (not black) picture."""

    def live() -> bool:
        supervisor = tile.supervisor
        if supervisor is None or supervisor.state is not StreamState.LIVE:
            return False
        frame = tile.grab_frame()
        return not frame.isNull() and not is_black(frame)

    qtbot.waitUntil(live, timeout=timeout)


def drop(target: WallTile, mime: QMimeData) -> bool:
    """Drag ``mime`` onto the middle of ``target`` and let go, with the events Qt sends during
    a drag (enter, then drop; Qt delivers no drop to a widget that refused the enter).
    Returns whether the target took the drop."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    centre = QPoint(target.width() // 2, target.height() // 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(centre, actions, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        QApplication.sendEvent(target, QDragLeaveEvent())
        return False
    event = QDropEvent(QPointF(centre), actions, mime, buttons, keys)
    QApplication.sendEvent(target, event)
    return event.isAccepted()
