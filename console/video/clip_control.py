"""Playing a recorded clip under the operator's hand: pause, seek, speed and frame steps.

A ``ClipPlayer`` is a ``VlcSource`` (its command thread, frame exchange and C picture core,
the same engine as a wall tile) plus the controls a recording needs. Every libvlc call goes
through the source's command thread (``PlayerController.call``): nothing here blocks the
caller, so the GUI thread may drive it directly.

libvlc's own clock for a file (``get_time``) moves in steps of about 250 ms and runs ahead of
the picture shown by the demuxer's buffer, so the player keeps its own: where it was told to
go (a seek, a step, a pause — all exact, libvlc decodes up to the asked frame) and, while
playing, that point advanced by the rate from the first new picture after it resumed.
``shown_ms`` counts pictures instead, for telling how far a playing clip really got (the
synchronised review corrects drift with it).

libvlc stops a file at its end and cannot seek a stopped player, so the player pauses on the
last picture itself, and a clip that ended anyway is opened again, paused at its end.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import vlc

from console.video.clip_info import ClipInfo
from console.video.source import SourceEvent
from console.video.vlc_source import VlcSource

logger = logging.getLogger(__name__)

#: The speeds offered, slowest first; 1× is ``RATES[NORMAL_RATE]``.
RATES = (0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
NORMAL_RATE = 3
# No picture this long after opening means libvlc could not make sense of the file.
_FIRST_PICTURE_PATIENCE_S = 8.0
_CONFIRM_AFTER_S = 0.15
_SETTLE_CONFIRM_S = 0.3
_READ_AHEAD_MS = 1000.0


class ClipState(enum.Enum):
    OPENING = "opening"
    READY = "ready"  # paused or playing; see ``playing``
    FAILED = "failed"


@dataclass
class _Anchor:
    """Where the clip was put (ms into the file), and when (monotonic s) and at which picture
    count it started moving from there (None: not yet moving). ``sought``: the next new
    picture is the one at ``ms`` (after a seek), not the one after it (after a resume)."""

    ms: float
    since: float | None = None
    counter: int = 0
    sought: bool = False


class ClipPlayer:
    """One clip, see the module docstring. ``tick(now)`` comes from the owner's timer (the
    repaint clock's rate is plenty) and turns libvlc's events into state."""

    def __init__(
        self, info: ClipInfo, name: str = "clip", *, clock: Callable[[], float] = time.monotonic
    ):
        self.info = info
        self.source = VlcSource(name)
        self._clock = clock
        self.state = ClipState.OPENING
        self.message = ""
        self._url = info.path.resolve().as_uri()
        self._playing = False
        self._rate = 1.0
        self._anchor = _Anchor(0.0)
        self._opened_at = 0.0
        self._started = False  # libvlc said Playing for the current opening
        self._first_counter = 0
        # What to do once libvlc is playing (it ignores pause and seek before that).
        self._pending_ms: float | None = 0.0
        self._reopening = False
        # When to seek a paused clip once more to where it was put: pictures libvlc had
        # already decoded when it was told to pause (or when it started) can be shown after
        # the sought one, a frame off (measured); the second seek finds none in flight.
        self._confirm_at: float | None = None
        # libvlc's demuxer reached the end of the file: it neither seeks nor plays again
        # (measured), so the next seek or play opens the file afresh.
        self._spent = False

    # ------------------------------------------------------------------ facts

    @property
    def length_ms(self) -> float:
        return self.info.duration_s * 1000.0

    @property
    def frame_ms(self) -> float:
        return self.info.frame_ms

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def rate(self) -> float:
        return self._rate

    def position_ms(self, now: float | None = None) -> float:
        """The file offset of the picture shown, as the player's clock has it."""
        anchor = self._anchor
        if not self._playing or anchor.since is None:
            return anchor.ms
        now = self._clock() if now is None else now
        return min(self.length_ms, anchor.ms + (now - anchor.since) * 1000.0 * self._rate)

    def shown_ms(self) -> float | None:
        """The file offset of the picture shown, counted in pictures since the clip began to
        move (None before it moved; meaningful while libvlc drops no pictures, up to 2×)."""
        anchor = self._anchor
        if anchor.since is None:
            return None
        counted = self.source.frame_counter - anchor.counter
        return anchor.ms + counted * self.frame_ms

    # ------------------------------------------------------------------ commands

    def open(self) -> None:
        self.state = ClipState.OPENING
        self._opened_at = self._clock()
        self._started = False
        self._first_counter = self.source.frame_counter
        self.source.open(self._url)

    def play(self) -> None:
        if self.state is ClipState.FAILED or self._playing:
            return
        self._confirm_at = None
        if self._anchor.ms >= self.length_ms - self.frame_ms:
            self.seek(0.0)
        elif self._spent:
            self.seek(self._anchor.ms)
        self._playing = True
        anchor = self._anchor
        if anchor.since is not None:
            anchor = _Anchor(anchor.ms, None, self.source.frame_counter)
        self._anchor = anchor
        self._call("resume", lambda player: player.set_pause(0))

    def pause(self, at_ms: float | None = None) -> None:
        """Stop on the picture the clock says is shown, or on ``at_ms`` (sought exactly, so
        that the picture, the clock and a following frame step agree)."""
        if not self._playing:
            return
        at = self._frame_aligned(self.position_ms() if at_ms is None else at_ms)
        at = max(0.0, min(at, self.length_ms - self.frame_ms))
        self._playing = False
        self._anchor = _Anchor(at, None, self.source.frame_counter, sought=True)
        self._confirm_at = self._clock() + _CONFIRM_AFTER_S
        # The demuxer reads about a second (times the rate) ahead of the picture.
        if at >= self.length_ms - _READ_AHEAD_MS * max(1.0, self._rate):
            self._spent = True
        self._call("pause", lambda player: (player.set_pause(1), player.set_time(self._aim(at))))

    def seek(self, ms: float) -> None:
        at = self._frame_aligned(max(0.0, min(ms, self.length_ms - self.frame_ms)))
        self._anchor = _Anchor(at, None, self.source.frame_counter, sought=True)
        if self._spent and self.state is ClipState.READY:
            self._reopen(at)
            return
        if not self._started:
            self._pending_ms = at
            return
        self._call("seek", lambda player: player.set_time(self._aim(at)))

    def step(self, frames: int) -> None:
        """Frame steps (forward when positive); pauses first."""
        if self._playing:
            self.pause()
        self.seek(self._anchor.ms + frames * self.frame_ms)

    def set_rate(self, rate: float) -> None:
        now = self._clock()
        if self._playing and self._anchor.since is not None:
            self._anchor = _Anchor(self.position_ms(now), now, self.source.frame_counter)
        self._rate = rate
        self._call("rate", lambda player: player.set_rate(rate))

    def dispose(self) -> None:
        self.source.dispose()

    # ------------------------------------------------------------------ the owner's tick

    def tick(self, now: float) -> None:
        for event in self.source.take_events():
            self._on_event(event, now)
        self.source.poll()
        if self.state is ClipState.OPENING:
            pictures = self.source.frame_counter - self._first_counter
            if self._started and pictures > 0:
                self.state = ClipState.READY
                self._reopening = False
                if not self._playing:
                    self._confirm_at = now + _CONFIRM_AFTER_S
            elif now - self._opened_at > _FIRST_PICTURE_PATIENCE_S:
                self._fail("no picture could be decoded from this file")
            return
        if self._confirm_at is not None and now >= self._confirm_at:
            self._confirm_at = None
            if not self._playing:
                at = self._anchor.ms
                # Pausing again too: libvlc may let a pause asked for while it was still
                # starting go by (seen after a clip was opened again at its end).
                self._call(
                    "confirm", lambda player: (player.set_pause(1), player.set_time(self._aim(at)))
                )
        if self._playing:
            anchor = self._anchor
            if anchor.since is None and self.source.frame_counter != anchor.counter:
                # The first picture since it resumed (the one after the paused picture) or
                # since a seek (the one sought): from here the clip moves at the rate.
                first = anchor.ms if anchor.sought else anchor.ms + self.frame_ms
                self._anchor = _Anchor(first, now, self.source.frame_counter)
            elif (
                anchor.since is not None
                and self.position_ms(now) >= self.length_ms - 2 * self.frame_ms
            ):
                self.pause()

    def _on_event(self, event: SourceEvent, now: float) -> None:
        if event is SourceEvent.CLOSED and self._started:
            # Stopped under the clip: the source starts the video over by itself when the
            # picture size it must deliver changes (from the file's start, playing).
            self._started = False
        elif event is SourceEvent.PLAYING and not self._started:
            # The first start, or a start over: put the clip back where it is meant to be.
            # (libvlc says Playing on every resume too: those are not starts.)
            self._started = True
            at = self._pending_ms if self._pending_ms is not None else self.position_ms(now)
            at = self._frame_aligned(at)
            self._pending_ms = None
            rate, playing = self._rate, self._playing
            self._anchor = _Anchor(at, None, self.source.frame_counter, sought=True)

            def settle(player: vlc.MediaPlayer) -> None:
                if not playing:
                    player.set_pause(1)
                if rate != 1.0:
                    player.set_rate(rate)
                player.set_time(self._aim(at))

            self._call("settle", settle)
            if not playing:
                # A pause asked for as libvlc starts is not always kept (measured).
                self._confirm_at = now + _SETTLE_CONFIRM_S
        elif event is SourceEvent.ERROR:
            self._fail("the file is damaged or not a video libvlc can play")
        elif event is SourceEvent.ENDED:
            if self._reopening:
                return  # the old run ending, let go on purpose
            if self.state is ClipState.OPENING:
                self._fail("the file ended before any picture (damaged or truncated)")
                return
            # Stopped at the end despite the pause: open again, paused on the last picture.
            self._playing = False
            self._reopen(self._frame_aligned(self.length_ms - self.frame_ms))

    def _reopen(self, at: float) -> None:
        """Open the file afresh, showing ``at`` (see ``_spent``). A player paused at the end
        of its file hangs in ``stop()`` (measured): it is let run to its end first."""
        self._spent = False
        self._reopening = True
        self._pending_ms = at
        self._anchor = _Anchor(at, None, self.source.frame_counter, sought=True)
        self._call("let go", lambda player: player.set_pause(0))
        self.open()

    def _fail(self, why: str) -> None:
        if self.state is ClipState.FAILED:
            return
        self.state = ClipState.FAILED
        self.message = why
        self._playing = False
        logger.info("clip %s cannot be played: %s", self.info.path.name, why)
        self.source.close()

    def _aim(self, frame_at: float) -> int:
        """What to ask libvlc for to show the frame at ``frame_at`` ms: it shows the last
        frame before the time asked (measured), so half a frame later."""
        return int(round(frame_at + self.frame_ms / 2))

    def _frame_aligned(self, ms: float) -> float:
        frame = self.frame_ms
        return round(ms / frame) * frame

    def _call(self, label: str, function: Callable[[vlc.MediaPlayer], object]) -> None:
        controller = self.source.controller
        if controller is not None:
            controller.call(label, function)
