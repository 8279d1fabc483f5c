"""One recorded clip in the review window: a ``VideoTile`` (the wall's painting) that says
what a recording needs said — its camera, its wall-clock time, "no recording" where the
clip has nothing at the group's time, and why a file cannot be played."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from console.gui.review.wall_time import wall_text
from console.gui.video_tile import (
    OverlayItem,
    RepaintClock,
    VideoTile,
    centred_text_item,
    label_item,
)
from console.text import fill
from console.video.clip_control import ClipPlayer, ClipState
from console.video.source import VideoSource
from console.video.supervisor import StreamState, StreamStatus, StreamSupervisor

_MARGIN = 6


class ClipWatch(StreamSupervisor):
    """Stands where a wall tile has its stream's watchdog: a clip is not a live stream (it
    pauses, it ends, it must not be reconnected), so its state comes from the player."""

    def __init__(self, player: ClipPlayer):
        super().__init__(player.source, player.info.path.as_uri())
        self.player = player

    def tick(self, now: float | None = None) -> StreamStatus:
        return self.status

    @property
    def status(self) -> StreamStatus:
        state = self.player.state
        if state is ClipState.FAILED:
            return StreamStatus(StreamState.ERROR, detail=self.player.message)
        if state is ClipState.OPENING:
            return StreamStatus(StreamState.CONNECTING)
        return StreamStatus(StreamState.LIVE, last_frame_at=time.monotonic())

    def stop(self) -> None:
        self.player.dispose()


class ClipTile(VideoTile):
    """See the module docstring. The window sets the wall-clock time (``set_wall``) and
    whether the clip has a recording then (``set_covered``)."""

    def __init__(
        self, name: str, *, clock: RepaintClock | None = None, parent: QWidget | None = None
    ):
        super().__init__(name, clock=clock, parent=parent)
        self._wall: datetime | None = None
        self._covered = True
        self._problem = ""
        self._note = ""

    @property
    def player(self) -> ClipPlayer | None:
        supervisor = self.supervisor
        return supervisor.player if isinstance(supervisor, ClipWatch) else None

    def show_player(self, player: ClipPlayer) -> None:
        self._problem = ""
        self.attach(ClipWatch(player))

    def show_problem(self, message: str) -> None:
        """The clip cannot be played at all (not even opened): say why."""
        self.attach(None)
        self._problem = message
        self.update()

    @property
    def problem(self) -> str:
        player = self.player
        if player is not None and player.state is ClipState.FAILED:
            return player.message
        return self._problem

    def set_note(self, note: str) -> None:
        """A line about a clip that plays despite something wrong (a truncated file)."""
        self._note = note
        self.update()

    @property
    def note(self) -> str:
        return self._note

    @property
    def covered(self) -> bool:
        return self._covered

    def set_wall(self, wall: datetime | None, covered: bool) -> None:
        if (wall, covered) != (self._wall, self._covered):
            self._wall, self._covered = wall, covered
            self.update()

    # ---------------------------------------------------------------- painting

    def _ask_picture_size(self, source: VideoSource, device_box: tuple[int, int]) -> None:
        # A wall tile asks for pictures at its own size, and libvlc starts the video over
        # when that size changes: a clip would jump back to its start and play. Clips keep
        # the size the window asked for once (the recording's own) and are scaled here.
        self._asked_size = device_box

    def _paint_picture(self, painter: QPainter, ratio: float, status: StreamStatus | None) -> None:
        if not self._covered or self.problem:
            # Not the last picture held: there is no recording to show at this time.
            painter.fillRect(self._box, QColor(0, 0, 0))
            return
        super()._paint_picture(painter, ratio, status)

    def _overlay_state(self, status: StreamStatus | None, now: float) -> tuple[object, ...]:
        return (
            *super()._overlay_state(status, now),
            wall_text(self._wall),
            self._covered,
            self.problem,
            self._note,
        )

    def badge_text(self, status: StreamStatus, now: float) -> str:
        if status.state is StreamState.CONNECTING:
            return self.tr("Opening…")
        if status.state is StreamState.ERROR:
            return self.tr("Cannot play")
        if not self._covered:
            return self.tr("No recording")
        return wall_text(self._wall)

    def _overlay_items(self, status: StreamStatus | None, now: float) -> list[OverlayItem]:
        box = self._box
        font = self._overlay_font()
        line = QFontMetricsF(font).height() + 4
        problem = self.problem
        if status is None:
            items: list[OverlayItem] = []
            if self.camera_name:
                items.append(
                    label_item(
                        QRectF(_MARGIN, _MARGIN, box.width() / 2, line), self.camera_name, font
                    )
                )
            items.append(
                centred_text_item(box.adjusted(12, 0, -12, 0), problem or self.tr("No clip"), font)
            )
            return items
        items = super()._overlay_items(status, now)
        if problem:
            text = fill(self.tr("This clip cannot be played: %1"), problem)
            items.append(centred_text_item(box.adjusted(12, line, -12, 0), text, font))
        elif not self._covered:
            items.append(centred_text_item(box, self.tr("No recording at this time"), font))
        if self._note and not problem:
            bottom = box.bottom() - _MARGIN - line
            items.append(
                label_item(
                    QRectF(_MARGIN, bottom, box.width() - 2 * _MARGIN, line), self._note, font
                )
            )
        return items
