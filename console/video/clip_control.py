"""Playing a recorded clip under the operator's hand: pause, seek, speed and frame steps.

A ``ClipPlayer`` is a ``VlcSource`` (its command thread, frame exchange and C picture core,
the same engine as a wall tile) plus the controls a recording needs. Every libvlc call goes
through the source's command thread (``PlayerController.call``): nothing here blocks the
caller, so the GUI thread may drive it directly.

libvlc's own clock for a file (``get_time``) moves in steps of about 250 ms and runs ahead of
the picture shown by the demuxer's buffer, so the player keeps its own: where it was told to
go (a seek, a step, a pause — all exact, libvlc decodes up to the asked frame) and, while
playing, that point advanced by the rate from the first new picture after it resumed.
``shown_ms`` counts pictures instead, for telling how far a playing clip really got. On a busy
machine that count can be whole frames off for long (pictures come in bursts, some are dropped
and said so a second later), so the synchronised review also reads libvlc's clock itself
(``read_clock``, ``clock_readings``): each new value of ``get_time``, with when it was first
seen. A value is fresh when it changes, so the readings seen soonest after a change tell how
far the clock got (measured against the pictures under load: within 25 ms in nine readings
of ten), whatever the pictures do.

libvlc takes a pause, a resume or a seek on its own thread a little later (tens of ms on a
busy machine), so what a paused player shows right after a command is not yet the answer:
``at_rest`` says when it is (every command has run, the sought picture has come).

libvlc must not be paused or sought while a file starts: a pause that arrives between its
first and second picture leaves a player that, paused, never shows a sought picture again
(measured: one start in three when the pause came then; the seek is done, ``get_time`` says
so, the picture stays). So every opening plays its first two pictures before the player
*settles* it (pauses it, sets its rate, seeks it to where it is meant to be); commands given
before that only change where it is meant to be.

libvlc's demuxer reads about a second (times the rate) ahead of the picture, and once it has
reached the end of the file the player neither seeks nor plays again (measured), so a clip
paused that close to its end is *spent*: the next seek or play opens the file afresh, and the
player pauses on the last picture itself. (That seek takes 0.1-0.45 s, not the 20-150 ms of
others: libvlc needs 0.2-0.3 s to stop a player paused at the end of its file, measured; a
spent player stopped early would have no picture for a snapshot.) A clip that ended anyway
is opened again, paused at its end.
"""

from __future__ import annotations

import enum
import logging
import time
from collections import deque
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
# Pictures a start shows before it is settled (see the module docstring), and how long to
# wait for them at most (a file with a single intact picture).
_START_PICTURES = 2
_SETTLE_PATIENCE_S = 0.5
_CONFIRM_AFTER_S = 0.15
_SETTLE_CONFIRM_S = 0.2
# How long libvlc may take to pause, and how long a seek waits after that (see
# ``_pause_then_seek``); a paused seek that brought no picture this long is asked again.
_PAUSE_TAKES_S = 0.3
_AFTER_PAUSE_S = 0.05
_SEEK_LOST_AFTER_S = 0.15
# A sought picture not new by then was the one shown already (a lost seek was asked again).
_SOUGHT_SHOWN_BY_S = 0.4
# How long libvlc may take to resume (see ``_resume``).
_RESUME_TAKES_S = 0.3
_READ_AHEAD_MS = 1000.0
# libvlc's clock readings kept (it says a new time about 4 times a second), and how long after
# a command has run its readings may still describe the state before it.
_READINGS_KEPT = 16
_READINGS_SETTLE_S = 0.3


class ClipState(enum.Enum):
    OPENING = "opening"
    READY = "ready"  # paused or playing; see ``playing``
    FAILED = "failed"


@dataclass
class _Anchor:
    """Where the clip was put (ms into the file), and when (monotonic s) and at which picture
    count it started moving from there (None: not yet moving). ``sought``: the next new
    picture is the one at ``ms`` (after a seek), not the one after it (after a resume),
    unless the picture at ``ms`` was shown already; ``placed``: when it was sought."""

    ms: float
    since: float | None = None
    counter: int = 0
    sought: bool = False
    placed: float = 0.0
    lost: int = 0  # libvlc's count of pictures it dropped (late) at ``counter``


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
        self._started_at = 0.0
        self._first_counter = 0
        # The current run was paused, sought and given its rate (see the module docstring):
        # until then commands only move ``_anchor``, the settling applies them.
        self._settled = False
        self._run_counter = 0  # the picture count when the current run began
        self._reopening = False
        # When to seek a paused clip once more to where it was put: pictures libvlc had
        # already decoded when it was told to pause (or when it started) can be shown after
        # the sought one, a frame off (measured); the second seek finds none in flight.
        self._confirm_at: float | None = None
        self._confirm_counter = 0
        self._rate_set_paused = False
        # libvlc's demuxer reached the end of the file: it neither seeks nor plays again
        # (measured), so the next seek or play opens the file afresh.
        self._spent = False
        # Commands handed to the command thread, and the last of them it has run (they run in
        # order); when (monotonic s) and at which picture count it last asked for a picture.
        self._asked = 0
        self._done = 0
        self._commanded: object = None  # the controller they went to (a wedged one runs none)
        self._last_seek: tuple[float, int] | None = None
        # libvlc's clock as read (file ms, when first seen), since ``_readings_from``.
        self._readings: deque[tuple[float, float]] = deque(maxlen=_READINGS_KEPT)
        self._readings_from = 0.0
        # When the reading on its way was asked for (none is queued behind another; one a
        # replaced controller dropped is given up after a second).
        self._reading_asked: float | None = None

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

    @property
    def busy(self) -> bool:
        """Commands given to libvlc have not all run yet (its command thread is behind)."""
        return self._done != self._asked and self.source.controller is self._commanded

    @property
    def at_rest(self) -> bool:
        """Paused and showing the picture it was put on: every command has reached libvlc,
        the picture last asked for has come (or, none new by ``_SOUGHT_SHOWN_BY_S``, was the
        one shown), and the confirming seek is done. What a paused clip shows before that may
        be a picture decoded before the pause."""
        if self.state is not ClipState.READY or self._playing or not self._live:
            return False
        if self._confirm_at is not None or self.busy:
            return False
        last = self._last_seek
        if last is None:
            return True
        at, counter = last
        return self.source.frame_counter != counter or self._clock() - at > _SOUGHT_SHOWN_BY_S

    def shown_ms(self) -> float | None:
        """The file offset of the picture shown, counted in pictures since the clip began to
        move, those libvlc dropped as late included (None before it moved; meaningful up to
        2×; libvlc says what it dropped about once a second, so a drop counts late)."""
        anchor = self._anchor
        if anchor.since is None:
            return None
        counted = self.source.frame_counter - anchor.counter + max(0, self._lost() - anchor.lost)
        return anchor.ms + counted * self.frame_ms

    def clock_readings(self) -> list[tuple[float, float]]:
        """libvlc's clock while playing, as ``read_clock`` found it: (file offset in ms, when
        that value was first seen, monotonic s), oldest first, only those read once every
        command given has run and settled (empty when paused)."""
        if not self._playing or self.busy:
            return []  # (a hold given may not have run yet)
        start = self._readings_from
        return [reading for reading in list(self._readings) if reading[1] >= start]

    # ------------------------------------------------------------------ commands

    def read_clock(self) -> None:
        """Read libvlc's clock once more (on the command thread; not a command: ``busy`` and
        ``at_rest`` do not wait for it). A value differing from the last one is kept."""
        controller = self.source.controller
        if controller is None or not self._playing or not self._live:
            return
        asked, now = self._reading_asked, self._clock()
        if asked is not None and now - asked < 1.0:
            return
        self._reading_asked = now

        def read(player: vlc.MediaPlayer) -> None:
            self._reading_asked = None
            value = player.get_time()
            at = self._clock()
            last = self._readings[-1][0] if self._readings else None
            if value >= 0 and value != last and at >= self._readings_from:
                self._readings.append((float(value), at))

        controller.call("clock", read)

    def open(self) -> None:
        self.state = ClipState.OPENING
        self._opened_at = self._clock()
        self._started = False
        self._settled = False
        self._first_counter = self._run_counter = self.source.frame_counter
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
        if self._live and self._rate_set_paused and anchor.ms + self.frame_ms < self.length_ms:
            # Resumed from the next picture, sought (see ``set_rate``): a seek to the picture
            # shown would show it again, which may or may not count as a new one.
            self._rate_set_paused = False
            after = anchor.ms + self.frame_ms
            self._anchor = self._sought(after)

            def resume_after(player: vlc.MediaPlayer) -> None:
                self._set_time(player, after)
                self._resume(player)

            self._call("resume", resume_after)
            return
        if anchor.since is not None or (anchor.sought and self._sought_shown()):
            # Paused on a picture shown: the first new one is the next.
            anchor = _Anchor(anchor.ms, None, self.source.frame_counter, lost=self._lost())
        self._anchor = anchor
        if self._live:
            self._call("resume", self._resume)

    def pause(self, at_ms: float | None = None) -> None:
        """Stop on the picture shown, or on ``at_ms`` (sought exactly, so that the picture,
        the clock and a following frame step agree). The picture shown is counted
        (``shown_ms``) up to 2×, where libvlc drops none: a paused seek can take half a
        second at slow speeds (measured at 1/2×), so aiming at the picture already there
        beats the clock, which may be a frame off it."""
        if not self._playing:
            return
        if at_ms is None:
            shown = self.shown_ms() if self._rate <= 2.0 else None
            at_ms = self.position_ms() if shown is None else shown
        at = self._frame_aligned(at_ms)
        at = max(0.0, min(at, self.length_ms - self.frame_ms))
        self._playing = False
        self._anchor = self._sought(at)
        self._confirm(self._clock() + _CONFIRM_AFTER_S)
        # The demuxer reads about a second (times the rate) ahead of the picture.
        if at >= self.length_ms - _READ_AHEAD_MS * max(1.0, self._rate):
            self._spent = True
        if self._live:
            self._call("pause", lambda player: self._pause_then_seek(player, at))

    def seek(self, ms: float) -> None:
        at = self._frame_aligned(max(0.0, min(ms, self.length_ms - self.frame_ms)))
        anchor = self._anchor
        if not self._playing and anchor.since is None and at == anchor.ms and self._sought_shown():
            # Shown already: libvlc would show the same picture again, which counts as no new
            # picture, and the next one would be taken for it.
            return
        self._anchor = self._sought(at)
        if self._spent and self.state is ClipState.READY:
            self._reopen(at)
            return
        if self._live:
            self._call("seek", lambda player: self._set_time(player, at))

    def step(self, frames: int) -> None:
        """Frame steps (forward when positive); pauses first."""
        if self._playing:
            self.pause()
        self.seek(self._anchor.ms + frames * self.frame_ms)

    def set_rate(self, rate: float) -> None:
        now = self._clock()
        if self._playing and self._anchor.since is not None:
            self._anchor = _Anchor(
                self.position_ms(now), now, self.source.frame_counter, lost=self._lost()
            )
        self._rate = rate
        if not self._playing:
            # libvlc's first picture after a resume at a rate set while paused comes about
            # half a second of the clip late (a second at 1/2x; measured) unless it is sought
            # again: ``play`` does that.
            self._rate_set_paused = True
        if self._live:
            self._call("rate", lambda player: player.set_rate(rate))

    def delay(self, ms: float) -> None:
        """Hold a playing clip back by ``ms``: every later picture comes that much later
        (libvlc's clock moves on by exactly the time it was paused, measured to a ms or two;
        the synchronised review lines clips up with it)."""
        if not self._playing or not self._live or ms <= 0:
            return
        seconds = ms / 1000.0
        anchor = self._anchor
        if anchor.since is not None:
            self._anchor = _Anchor(
                anchor.ms, anchor.since + seconds, anchor.counter, lost=anchor.lost
            )

        def hold(player: vlc.MediaPlayer) -> None:
            player.set_pause(1)
            time.sleep(seconds)
            self._resume(player)

        self._call("delay", hold)

    def dispose(self) -> None:
        self.source.dispose()

    # ------------------------------------------------------------------ the owner's tick

    def tick(self, now: float) -> None:
        for event in self.source.take_events():
            self._on_event(event, now)
        self.source.poll()
        if self._started and not self._settled:
            shown = self.source.frame_counter - self._run_counter
            if shown >= _START_PICTURES or now - self._started_at > _SETTLE_PATIENCE_S:
                self._settle(now)
        if self.state is ClipState.OPENING:
            pictures = self.source.frame_counter - self._first_counter
            if self._started and pictures > 0:
                self.state = ClipState.READY
                self._reopening = False
            elif now - self._opened_at > _FIRST_PICTURE_PATIENCE_S:
                self._fail("no picture could be decoded from this file")
            return
        if self._confirm_due(now):
            self._confirm_at = None
            if not self._playing:
                at = self._anchor.ms
                # Pausing again too, in case a resume was still on its way.
                self._call("confirm", lambda player: self._pause_then_seek(player, at))
        if self._playing and self._settled:
            anchor = self._anchor
            if anchor.since is None and self.source.frame_counter != anchor.counter:
                # The first picture since it resumed (the one after the paused picture) or
                # since a seek (the one sought): from here the clip moves at the rate.
                first = anchor.ms if anchor.sought else anchor.ms + self.frame_ms
                self._anchor = _Anchor(first, now, self.source.frame_counter, lost=self._lost())
            elif (
                anchor.since is not None
                and self.position_ms(now) >= self.length_ms - 2 * self.frame_ms
            ):
                self.pause()

    def _sought(self, at: float) -> _Anchor:
        return _Anchor(
            at,
            None,
            self.source.frame_counter,
            sought=True,
            placed=self._clock(),
            lost=self._lost(),
        )

    def _lost(self) -> int:
        return self.source.stats().lost

    def _sought_shown(self) -> bool:
        """Whether the picture the anchor was sought to has been shown: a new picture came
        since, or none would come (it was the one shown; a lost seek is asked again by then)."""
        anchor = self._anchor
        if self.source.frame_counter != anchor.counter:
            return True
        if self.busy:
            return False  # not even asked of libvlc yet (its command thread is behind)
        last = self._last_seek
        asked = anchor.placed if last is None else max(anchor.placed, last[0])
        return self._clock() - asked > _SOUGHT_SHOWN_BY_S

    @property
    def _live(self) -> bool:
        """libvlc takes commands for the current run (see the module docstring)."""
        return self._started and self._settled

    def _settle(self, now: float) -> None:
        """Put a run that has shown its first pictures where the clip is meant to be."""
        self._settled = True
        at = self._frame_aligned(self.position_ms(now))
        at = max(0.0, min(at, self.length_ms - self.frame_ms))
        rate, playing = self._rate, self._playing
        self._anchor = self._sought(at)

        def settle(player: vlc.MediaPlayer) -> None:
            player.set_rate(rate)  # a new run keeps the player's last rate: say it anyway
            if playing:
                self._set_time(player, at)
            else:
                self._pause_then_seek(player, at)

        self._call("settle", settle)
        if not playing:
            # Pictures decoded before the pause can still come after the sought one.
            self._confirm(now + _SETTLE_CONFIRM_S)

    def _confirm_due(self, now: float) -> bool:
        if self._confirm_at is None or now < self._confirm_at or not self._live:
            return False
        # Not before the sought picture has come (a seek now would start it over; on a busy
        # machine a seek can take longer than the wait), unless it is very late.
        return (
            self.source.frame_counter != self._confirm_counter
            or now > self._confirm_at + _SEEK_LOST_AFTER_S
        )

    def _confirm(self, at: float) -> None:
        self._confirm_at = at
        self._confirm_counter = self.source.frame_counter

    def _on_event(self, event: SourceEvent, now: float) -> None:
        if event is SourceEvent.CLOSED and self._started:
            # Stopped under the clip: the source starts the video over by itself when the
            # picture size it must deliver changes (from the file's start, playing).
            self._started = self._settled = False
            self._run_counter = self.source.frame_counter
        elif event is SourceEvent.PLAYING and not self._started:
            # The first start, or a start over: settled once it has shown its first pictures.
            # (libvlc says Playing on every resume too: those are not starts.)
            self._started = True
            self._started_at = now
        elif event is SourceEvent.ERROR:
            self._fail("the file is damaged or not a video libvlc can play")
        elif event is SourceEvent.ENDED:
            if self._reopening:
                return  # the old run, stopped on purpose
            if self.state is ClipState.OPENING:
                self._fail("the file ended before any picture (damaged or truncated)")
                return
            # Stopped at the end despite the pause: open again, paused on the last picture.
            self._playing = False
            self._reopen(self._frame_aligned(self.length_ms - self.frame_ms))

    def _reopen(self, at: float) -> None:
        """Open the file afresh, showing ``at`` (see ``_spent``); stopping a spent player
        takes a few ms (measured)."""
        # Shown from a fresh run, a picture this close to the end is as far as its demuxer
        # reads ahead too: the run is spent again.
        self._spent = at >= self.length_ms - _READ_AHEAD_MS
        self._reopening = True
        self._anchor = self._sought(at)
        self.open()

    def _fail(self, why: str) -> None:
        if self.state is ClipState.FAILED:
            return
        self.state = ClipState.FAILED
        self.message = why
        self._playing = False
        logger.info("clip %s cannot be played: %s", self.info.path.name, why)
        self.source.close()

    def _pause_then_seek(self, player: vlc.MediaPlayer, at: float) -> None:
        """On the controller's thread: pause, then seek to show ``at``. A seek asked for
        with the pause, or up to about 20 ms after libvlc says it paused, is often lost: no
        picture comes (measured), so the seek waits for the pause and a little more (the
        controller's thread waits; the caller never does)."""
        player.set_pause(1)
        deadline = time.monotonic() + _PAUSE_TAKES_S
        while player.get_state() != vlc.State.Paused and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(_AFTER_PAUSE_S)
        self._set_time(player, at)

    def _set_time(self, player: vlc.MediaPlayer, at: float) -> None:
        """On the controller's thread: ask for the picture at ``at``, noting when."""
        player.set_time(self._aim(at))
        self._last_seek = (self._clock(), self.source.frame_counter)

    def _resume(self, player: vlc.MediaPlayer) -> None:
        """On the controller's thread: resume, and wait until libvlc has (its state says
        Playing). libvlc takes a pause or a resume on its own thread a little later; the
        state read right after a resume can still say Paused, and a pause that followed
        would take that for its own and seek too soon (the seek is then lost, see
        ``_pause_then_seek``): a pause right after a hold (``delay``) or a resume."""
        player.set_pause(0)
        deadline = time.monotonic() + _RESUME_TAKES_S
        while player.get_state() == vlc.State.Paused and time.monotonic() < deadline:
            time.sleep(0.002)

    def _aim(self, frame_at: float) -> int:
        """What to ask libvlc for to show the frame at ``frame_at`` ms: it shows the last
        frame before the time asked (measured), so half a frame later."""
        return int(round(frame_at + self.frame_ms / 2))

    def _frame_aligned(self, ms: float) -> float:
        frame = self.frame_ms
        return round(ms / frame) * frame

    def _call(self, label: str, function: Callable[[vlc.MediaPlayer], object]) -> None:
        controller = self.source.controller
        if controller is None:
            return
        self._asked += 1
        ticket = self._asked
        self._commanded = controller

        def run(player: vlc.MediaPlayer) -> None:
            try:
                function(player)
            finally:
                self._done = ticket
                # What libvlc's clock said before this command says nothing now.
                self._readings.clear()
                self._readings_from = self._clock() + _READINGS_SETTLE_S

        controller.call(label, run)
