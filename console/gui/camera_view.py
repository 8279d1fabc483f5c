"""One camera, live, outside the wall: for the verification view, an alert's preview, an
incident's nearest cameras.

A ``CameraView`` asks the backend for the camera's stream addresses (on the network lane,
like the wall does) and plays the sub stream in a ``VideoTile``. It only decodes while it
can be seen: hiding or closing it, or ``set_camera(None)``, stops its player (the source's
own threads release the decoder), and showing it again starts a new one. Pictures for
evidence come from ``grab_picture`` (a copy at the stream's display size, at once) or
``capture`` (a tagged PNG at the stream's own size, written on the store lane).
"""

from __future__ import annotations

import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.gui.video_tile import OverlayItem, VideoTile, centred_text_item
from console.gui.wall.feature import camera_stream_urls
from console.gui.wall.session_wall import Availability
from console.gui.wall.snapshot import SnapshotLabel, SnapshotRequest, copy_held_picture, now_utc
from console.gui.wall.streams import StreamAddresses
from console.text import fill
from console.video.supervisor import StreamStatus, SupervisorConfig

if TYPE_CHECKING:
    from collections.abc import Callable

    from console.gui.session import Session

# Addresses that could not be had are asked for again after this long (while shown).
RETRY_ADDRESS_MS = 10_500


class _ViewTile(VideoTile):
    """A ``VideoTile`` that says why it shows nothing (no address yet, camera offline...)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent=parent)
        self.notice = ""

    def set_notice(self, text: str) -> None:
        if text != self.notice:
            self.notice = text
            self.update()

    def _overlay_state(self, status: StreamStatus | None, now: float) -> tuple[object, ...]:
        return (*super()._overlay_state(status, now), self.notice if status is None else None)

    def _overlay_items(self, status: StreamStatus | None, now: float) -> list[OverlayItem]:
        if status is not None:
            return super()._overlay_items(status, now)
        box = QRectF(self.rect())
        text = self.camera_name + "\n" + self.notice if self.camera_name else self.notice
        return [centred_text_item(box, text or self.tr("No camera"), self.font())]


class _PlayerStarts(QObject):
    """Starts the players of views that appeared together one per event-loop turn.

    Starting a player costs the GUI thread a new decoder thread and the wait for it to run
    (tens of milliseconds on two busy cores); a dialog of four cameras would otherwise freeze
    for all four at once. Views are held weakly: one closed meanwhile is skipped.
    """

    _shared: weakref.WeakValueDictionary[int, _PlayerStarts] = weakref.WeakValueDictionary()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: dict[int, tuple[weakref.ref[CameraView], str, str]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    @classmethod
    def shared(cls) -> _PlayerStarts:
        app = QCoreApplication.instance()
        key = id(app)
        starts = cls._shared.get(key)
        if starts is None:
            starts = cls(parent=app)
            cls._shared[key] = starts
        return starts

    def ask(self, view: CameraView, camera_id: str, url: str) -> None:
        self._waiting[id(view)] = (weakref.ref(view), camera_id, url)
        if not self._timer.isActive():
            self._timer.start()

    def _on_timer_timeout(self) -> None:
        while self._waiting:
            key = next(iter(self._waiting))
            ref, camera_id, url = self._waiting.pop(key)
            view = ref()
            if view is not None and shiboken6.isValid(view):
                view.start_player(camera_id, url)
                break
        if self._waiting:
            self._timer.start()


class CameraView(QWidget):
    """One camera's live picture (see the module docstring).

    Signals:
        state_changed(str): ``state_text()`` changed (a stream state, or why nothing plays).
    """

    state_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        client = session.client
        self._addresses = StreamAddresses(
            session.runner, lambda camera_id: camera_stream_urls(client, camera_id), self
        )
        self._addresses.resolved.connect(self._on_addresses_resolved)
        self._camera_id: str | None = None
        self._shown_state = ""
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_ADDRESS_MS)
        self._retry.timeout.connect(self._start)
        self.tile = _ViewTile(self)
        self.tile.setObjectName("camera_view_tile")
        self.tile.status_changed.connect(self._on_tile_status_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tile)
        self._update_notice()

    # ---------------------------------------------------------------- commands

    @property
    def camera_id(self) -> str | None:
        return self._camera_id

    def set_camera(self, camera_id: str | None) -> None:
        """Play ``camera_id`` (while the view can be seen); None stops and empties it."""
        if camera_id == self._camera_id:
            return
        self._retry.stop()
        self.tile.stop()
        self._camera_id = camera_id
        self.tile.set_camera_name(self._session.cameras.name(camera_id) if camera_id else "")
        self._start()

    def stop(self) -> None:
        """Stop the player now (it starts again when the view is shown again)."""
        self._retry.stop()
        self.tile.stop()
        self._update_notice()

    def grab_picture(self) -> QImage | None:
        """A copy of the latest picture at the stream's display size; None before the first
        picture (or when nothing plays)."""
        image = self.tile.grab_frame()
        return None if image.isNull() else image

    def current_picture(self) -> QImage | None:
        """A copy of the latest picture at the size the view shows it (no scaling: cheap
        enough for a preview refreshed a few times a second); None before the first."""
        supervisor = self.tile.supervisor
        held = copy_held_picture(supervisor.source if supervisor is not None else None)
        return None if held is None or held.image.isNull() else held.image

    def capture(
        self,
        folder: Path,
        on_saved: Callable[[str], None],
        on_failed: Callable[[str], None],
    ) -> bool:
        """Write the current picture, at the stream's own size where the decoder can give it,
        as a tagged PNG into ``folder`` (on the store lane); ``on_saved(path)`` or
        ``on_failed(message)`` follows on the GUI thread. False when there is no picture."""
        supervisor = self.tile.supervisor
        source = supervisor.source if supervisor is not None else None
        held = copy_held_picture(source)
        camera_id = self._camera_id
        if held is None or camera_id is None:
            return False
        label = SnapshotLabel(camera_id, self._session.cameras.name(camera_id), now_utc())
        request = SnapshotRequest(
            self._session.runner,
            self,
            source,
            held,
            label,
            folder,
            on_saved=on_saved,
            on_failed=on_failed,
        )
        request.start()
        return True

    def state_text(self) -> str:
        """How the view is, in the operator's words: the tile's badge while a player runs,
        otherwise why none does."""
        supervisor = self.tile.supervisor
        if supervisor is not None:
            return self.tile.badge_text(supervisor.status, time.monotonic())
        return self.tile.notice or self.tr("No camera")

    @property
    def playing(self) -> bool:
        return self.tile.supervisor is not None

    # ---------------------------------------------------------------- visibility

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        self.stop()
        super().hideEvent(event)

    def closeEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        self.stop()
        super().closeEvent(event)  # type: ignore[arg-type]

    # ---------------------------------------------------------------- playing

    def _start(self) -> None:
        camera_id = self._camera_id
        if camera_id is None or not self.isVisible() or self.tile.supervisor is not None:
            self._update_notice()
            return
        if self._session.cameras.availability(camera_id) is None:
            urls = self._addresses.get(camera_id)
            if urls is not None:
                sub, main = urls
                url = sub or main
                if url:
                    _PlayerStarts.shared().ask(self, camera_id, url)
        self._update_notice()

    def start_player(self, camera_id: str, url: str) -> None:
        """Start playing ``camera_id`` from ``url`` now, unless the view has moved on
        (``_PlayerStarts`` calls this, one view per turn)."""
        if not self.isVisible() or self.tile.supervisor is not None or self._camera_id != camera_id:
            return
        stale_after_s = float(self._session.settings.get("video.stale_after_s"))
        self.tile.play(url, config=SupervisorConfig(stale_after_s=stale_after_s))
        self._update_notice()

    def _update_notice(self) -> None:
        self.tile.set_notice(self._notice())
        self._announce()

    def _notice(self) -> str:
        camera_id = self._camera_id
        if camera_id is None:
            return self.tr("No camera")
        availability = self._session.cameras.availability(camera_id)
        if availability is Availability.OFFLINE:
            return self.tr("The camera is offline")
        if availability is Availability.NOT_SHARED:
            return self.tr("The camera is not shared with you")
        problem = self._addresses.problem(camera_id)
        if problem:
            if self.isVisible() and not self._retry.isActive():
                self._retry.start()
            return fill(self.tr("No stream: %1"), problem)
        if not self.isVisible():
            return self.tr("Stopped")
        return self.tr("Waiting for the stream…")

    def _announce(self) -> None:
        text = self.state_text()
        if text != self._shown_state:
            self._shown_state = text
            self.state_changed.emit(text)

    def _on_addresses_resolved(self, camera_id: str) -> None:
        if shiboken6.isValid(self) and camera_id == self._camera_id:
            self._start()

    def _on_tile_status_changed(self, _status: object) -> None:
        self._announce()
