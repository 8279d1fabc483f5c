"""Two to four clips on one clock: the synchronised review of neighbouring cameras.

The group's clock is wall-clock time. Each clip covers its own span of it; at a time outside
that span the clip has *no recording* (its tile says so instead of holding a picture). Play,
pause, seek, frame steps and speed act on every clip together.

libvlc paces each player by the system clock, so clips started together stay together
(measured: four clips a frame apart at most after 30 s with no correction at all); what
differs is how long each takes to start after a seek or a resume (up to a few frames, and
any fraction of one), and a clip starved of CPU or disk can fall behind. So while playing at
up to 2× the group looks at two measures of how far ahead each clip runs. Its picture
changes (``ClipPlayer.shown_ms`` counts them): the earliest moment a clip showed the
picture of wall time *w*, less *w*, is how late it runs, to a few ms, if the count is right;
on a busy machine it is often whole frames off for seconds (pictures come in bursts just
after a resume, and libvlc says a second late which it dropped), and holds made on it alone
put clips whole frames apart (measured under load: every failing run was in step until
such a hold). And its libvlc clock (``ClipPlayer.read_clock``): the readings seen soonest
after libvlc said a new time, less the group's time then; never whole frames off, but only
to 10-25 ms. So the whole frames a clip runs ahead are its clock's, the rest its picture
changes', when the two then agree to 14 ms; a clip more than half a frame ahead of the
latest one so is held back by that much (``ClipPlayer.delay``: libvlc's clock moves on by
exactly the time it was paused). A clip that joined while the group played has no clock to
tell for a second or so: its picture changes decide alone until it is held once. By its
clock alone a clip is held only from a frame and a half ahead (by that less half a frame, so
that the clock's error cannot put it behind). A clip more than
three frames from the others for two seconds by both measures is sought ahead of them and
then held back. A picture shown late by a starved decoder, which then drops pictures to
catch up, does not move the clock: nothing is done about it.
(Nudging speeds instead was tried: libvlc's rate changes upset its picture timing more than
they corrected.) A clip whose recording begins while the group plays is started a few frames
early for the same reason: ahead, it can be held back to the frame. A pause seeks every clip
to the same frame, so a paused group is exactly in step once it is ``at_rest`` (every clip
shows the picture it was sought to; before that a clip can still show a picture decoded
before the pause).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta

from console.video.clip_control import ClipPlayer, ClipState

#: How often drift is looked at (s).
CHECK_INTERVAL_S = 0.25
# How often each playing clip's libvlc clock is read (s): a reading is late by up to this.
_CLOCK_READ_S = 0.04
# Readings of a clip's clock needed before it counts (libvlc says a new time every 250 ms).
_CLOCK_READINGS = 3
# A clip whose clock alone says it runs this many frames ahead is held back (see
# ``_line_up``); picture changes and clock agree when this close, whole frames aside (more
# than the clock's usual error, 10-25 ms, would let it pick the wrong whole frame).
_CLOCK_ALONE_FRAMES = 1.5
_AGREED_MS = 14.0
# A clip this many frames away from the others, at this many checks in a row, is put back in
# step.
_OFF_BY_FRAMES = 3
_OFF_CHECKS = 8
# What a seek of a playing clip takes before its picture moves again (measured: 40-100 ms),
# and a frame more, so that it lands ahead and can be held back to the frame.
_SEEK_LEAD_MS = 120.0
_CORRECTED_UP_TO_RATE = 2.0
# Picture changes looked at per clip before its lateness counts (the earliest of them is the
# one the owner's timer caught soonest after the change).
_LATENESS_SAMPLES = 12
# A clip whose recording begins while the group plays starts this early (see the docstring).
_JOIN_EARLY_MS = 120.0


class ClipGroup:
    """See the module docstring. ``tick(now)`` comes from the owner's timer."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic):
        self.clips: list[ClipPlayer] = []
        self._clock = clock
        self._wall: datetime | None = None  # where the clock was put
        self._since: float | None = None  # when it began to move from there (monotonic)
        self._playing = False
        self._rate = 1.0
        self._next_check = 0.0
        self._behind: dict[int, int] = {}
        # Per clip: how late its recent picture changes came (ms), and its picture count
        # when last looked at.
        self._lateness: dict[int, deque[float]] = {}
        self._seen: dict[int, int] = {}
        self._ahead: dict[int, int] = {}  # checks in a row a clip was found ahead
        self._dropped: dict[int, int] = {}  # libvlc's count of late pictures dropped, per clip
        self._joined: set[int] = set()  # clips that joined the playing group, not yet held
        self._next_read = 0.0
        # Clock readings taken before this (the group's clock) were made against an earlier
        # start of the group's clock.
        self._readings_from = 0.0
        self.corrections = 0
        self.holds = 0
        self.last_spread_ms = 0.0

    # ------------------------------------------------------------------ facts

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def start(self) -> datetime | None:
        return min((clip.info.start for clip in self.clips), default=None)

    @property
    def end(self) -> datetime | None:
        return max((clip.info.end for clip in self.clips), default=None)

    @property
    def frame_ms(self) -> float:
        return min((clip.frame_ms for clip in self.clips), default=40.0)

    @property
    def at_rest(self) -> bool:
        """Paused, and every clip shows the picture it was put on (``ClipPlayer.at_rest``):
        a snapshot or an export now shows the frame the clock says. Right after a pause,
        seek or step a clip can still show a picture decoded before it."""
        if self._playing:
            return False
        working = [clip for clip in self.clips if clip.state is not ClipState.FAILED]
        return bool(working) and all(clip.at_rest for clip in working)

    def now(self, at: float | None = None) -> datetime | None:
        """The group's wall-clock time."""
        if self._wall is None:
            return None
        if not self._playing or self._since is None:
            return self._wall
        at = self._clock() if at is None else at
        moved = timedelta(seconds=(at - self._since) * self._rate)
        end = self.end
        wall = self._wall + moved
        return min(wall, end) if end is not None else wall

    def covers(self, clip: ClipPlayer, wall: datetime) -> bool:
        """Whether ``clip`` has a recording at ``wall``."""
        return clip.info.start <= wall < clip.info.end

    def offset_ms(self, clip: ClipPlayer, wall: datetime) -> float:
        return (wall - clip.info.start).total_seconds() * 1000.0

    # ------------------------------------------------------------------ membership

    def add(self, clip: ClipPlayer) -> None:
        self.clips.append(clip)
        clip.set_rate(self._rate)
        if self._wall is None:
            self._wall = clip.info.start
        self._place(clip, self.now() or clip.info.start)
        if self._playing and self.covers(clip, self.now() or clip.info.start):
            clip.play()

    def remove(self, clip: ClipPlayer) -> None:
        self.clips.remove(clip)
        self._behind.pop(id(clip), None)
        self._forget(clip)
        if not self.clips:
            self._wall, self._playing = None, False

    # ------------------------------------------------------------------ commands

    def play(self) -> None:
        wall = self.now()
        if wall is None or self._playing:
            return
        end = self.end
        if end is not None and wall >= end - timedelta(milliseconds=2 * self.frame_ms):
            self.seek(self.start or wall)
            wall = self.now() or wall
        self._playing = True
        self._wall, self._since = wall, self._clock()
        self._readings_from = self._since
        for clip in self.clips:
            if self.covers(clip, wall):
                clip.play()

    def pause(self) -> None:
        moment = self.now()
        if not self._playing or moment is None:
            return
        wall = self._frame_aligned(moment)
        self._playing = False
        self._wall, self._since = wall, None
        self._forget_drift()
        for clip in self.clips:
            if clip.playing:
                clip.pause(self.offset_ms(clip, wall))
            else:
                self._place(clip, wall)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, wall: datetime) -> None:
        start, end = self.start, self.end
        if start is None or end is None:
            return
        wall = max(start, min(wall, end - timedelta(milliseconds=self.frame_ms)))
        self._wall = wall
        self._since = self._clock() if self._playing else None
        self._readings_from = self._clock()
        for clip in self.clips:
            self._place(clip, wall)
            if self._playing and self.covers(clip, wall):
                clip.play()
        self._forget_drift()

    def step(self, frames: int) -> None:
        if self._playing:
            self.pause()
        wall = self.now()
        if wall is not None:
            self.seek(wall + timedelta(milliseconds=frames * self.frame_ms))

    def jump(self, seconds: float) -> None:
        wall = self.now()
        if wall is not None:
            self.seek(wall + timedelta(seconds=seconds))

    def set_rate(self, rate: float) -> None:
        wall = self.now()
        if self._playing and wall is not None:
            self._wall, self._since = wall, self._clock()
        self._readings_from = self._clock()
        self._rate = rate
        self._forget_drift()
        for clip in self.clips:
            clip.set_rate(rate)

    def dispose(self) -> None:
        for clip in self.clips:
            clip.dispose()
        self.clips.clear()

    # ------------------------------------------------------------------ the owner's tick

    def tick(self, now: float) -> None:
        for clip in self.clips:
            clip.tick(now)
        if not self._playing:
            return
        wall = self.now(now)
        if wall is None:
            return
        end = self.end
        if end is not None and wall >= end - timedelta(milliseconds=2 * self.frame_ms):
            self.pause()
            return
        early = wall + timedelta(milliseconds=_JOIN_EARLY_MS * self._rate)
        for clip in self.clips:
            if clip.playing:
                if not self.covers(clip, wall) and not self.covers(clip, early):
                    clip.pause()
            elif clip.state is ClipState.READY and self.covers(clip, early):
                # Its recording begins (or is about to): from the group's time on, a little
                # early (see the module docstring).
                clip.seek(self.offset_ms(clip, wall))
                clip.play()
                self._forget(clip)
                self._joined.add(id(clip))
        self._note_pictures(wall)
        if now >= self._next_read and self._rate <= _CORRECTED_UP_TO_RATE:
            self._next_read = now + _CLOCK_READ_S
            for clip in self.clips:
                clip.read_clock()
        if now >= self._next_check:
            self._next_check = now + CHECK_INTERVAL_S
            self._correct_drift(now)
            self._line_up()

    def spread_ms(self) -> float | None:
        """How far apart the playing clips' pictures are now (ms of wall clock), from their
        picture counts; None when fewer than two can tell."""
        offsets = self._shown_walls()
        if len(offsets) < 2:
            return None
        values = list(offsets.values())
        return max(values) - min(values)

    def _shown_walls(self) -> dict[int, float]:
        """Each playing clip's shown picture as ms of wall clock since the group's start."""
        start = self.start
        shown: dict[int, float] = {}
        if start is None:
            return shown
        for index, clip in enumerate(self.clips):
            if not clip.playing or clip.state is not ClipState.READY:
                continue
            ms = clip.shown_ms()
            if ms is not None:
                shown[index] = (clip.info.start - start).total_seconds() * 1000.0 + ms
        return shown

    def _clock_leads(self) -> dict[int, float]:
        """How far ahead of the group's clock each playing clip's libvlc clock runs (ms of
        wall clock), for the clips read often enough since the clock was last set. A reading
        is seen up to ``_CLOCK_READ_S`` after libvlc made it (later on a busy machine), so
        the readings seen soonest say most; the second soonest is taken, so that no single
        reading decides."""
        leads: dict[int, float] = {}
        for clip in self.clips:
            if not clip.playing or clip.state is not ClipState.READY:
                continue
            values = []
            for ms, at in clip.clock_readings():
                wall = self.now(at) if at >= self._readings_from else None
                if wall is not None:
                    values.append((ms - self.offset_ms(clip, wall)) / self._rate)
            if len(values) >= _CLOCK_READINGS:
                leads[id(clip)] = sorted(values)[-2]
        return leads

    def _correct_drift(self, now: float) -> None:
        """Seek a clip more than ``_OFF_BY_FRAMES`` away from the middle one at
        ``_OFF_CHECKS`` checks in a row back in step (a little ahead, to be held back), when
        its clock and its picture count agree on it to a frame."""
        if self._rate > _CORRECTED_UP_TO_RATE:
            return
        leads = self._clock_leads()
        shown = {id(self.clips[index]): wall for index, wall in self._shown_walls().items()}
        keys = [key for key in leads if key in shown]
        if len(keys) < 2:
            self._behind.clear()
            return
        by_clock = sorted(leads[key] for key in keys)
        by_count = sorted(shown[key] for key in keys)
        middle_clock, middle_count = by_clock[len(keys) // 2], by_count[len(keys) // 2]
        self.last_spread_ms = (by_clock[-1] - by_clock[0]) * self._rate
        limit = _OFF_BY_FRAMES * self.frame_ms
        for clip in self.clips:
            key = id(clip)
            if key not in keys:
                continue
            off = (leads[key] - middle_clock) * self._rate  # ms of the clip's file
            counted = shown[key] - middle_count
            if abs(off) <= limit or abs(counted - off) > self.frame_ms:
                self._behind.pop(key, None)
                continue
            self._behind[key] = self._behind.get(key, 0) + 1
            if self._behind[key] >= _OFF_CHECKS:
                del self._behind[key]
                clip.seek(clip.position_ms(now) - off + _SEEK_LEAD_MS * self._rate)
                self._forget(clip)
                self.corrections += 1

    def _note_pictures(self, wall: datetime) -> None:
        """For each playing clip whose picture changed since the last tick: how late (ms of
        the group's clock) it shows the picture it shows, by its count."""
        start = self.start
        if start is None or self._rate > _CORRECTED_UP_TO_RATE:
            return
        wall_ms = (wall - start).total_seconds() * 1000.0
        for index, shown in self._shown_walls().items():
            clip = self.clips[index]
            key = id(clip)
            counter = clip.source.frame_counter
            lost = clip.source.stats().lost
            if self._dropped.get(key, lost) != lost:
                # It dropped pictures lately, told about a second late: its recent samples
                # took it for a frame behind.
                self._forget(clip)
            self._dropped[key] = lost
            if self._seen.get(key) == counter:
                continue
            first = key not in self._seen
            self._seen[key] = counter
            if not first:  # the change came since the last tick
                samples = self._lateness.setdefault(key, deque(maxlen=_LATENESS_SAMPLES))
                samples.append((wall_ms - shown) / self._rate)

    def _line_up(self) -> None:
        """Hold back a clip running more than half a frame ahead of the latest one, at two
        checks in a row. How far ahead: its picture changes say it to a few ms but may be
        whole frames off (``_lateness``), its clock says it to 10-25 ms (``_clock_leads``;
        see the module docstring): so the whole frames are the clock's, the rest the
        pictures', when the two then agree to ``_AGREED_MS``. A clip that joined while the
        group played has no clock to tell for a second or so: until it is held once, its
        picture changes decide alone. A clip whose clock alone says it is
        ``_CLOCK_ALONE_FRAMES`` ahead is held by that less half a frame, so that the
        clock's error cannot put it behind."""
        late = self._count_lateness()
        leads = self._clock_leads()
        latest = max(late, key=late.__getitem__) if len(late) >= 2 else None
        latest_clock = min(leads, key=leads.__getitem__) if len(leads) >= 2 else None
        frame = self.frame_ms
        for clip in self.clips:
            key = id(clip)
            hold: float | None = None
            if latest_clock is not None and key in leads:
                by_clock = leads[key] - leads[latest_clock]
                if key in late and latest_clock in late:
                    by_count = late[latest_clock] - late[key]
                    by_both = by_count + frame * round((by_clock - by_count) / frame)
                    if abs(by_both - by_clock) < _AGREED_MS:
                        hold = by_both
                if hold is None and by_clock > _CLOCK_ALONE_FRAMES * frame:
                    hold = by_clock - frame / 2
            elif key in self._joined and latest is not None and key in late:
                hold = late[latest] - late[key]
            if hold is None or hold <= frame / 2:
                self._ahead.pop(key, None)
                continue
            self._ahead[key] = self._ahead.get(key, 0) + 1
            if self._ahead[key] >= 2:
                del self._ahead[key]
                self._joined.discard(key)
                clip.delay(hold)
                self._forget(clip)
                self.holds += 1

    def _count_lateness(self) -> dict[int, float]:
        """Each playing clip's lateness by its picture changes (see ``_note_pictures``),
        where enough of them were seen: the earliest is the one the tick caught soonest."""
        late: dict[int, float] = {}
        for clip in self.clips:
            samples = self._lateness.get(id(clip))
            if clip.playing and samples is not None and len(samples) == _LATENESS_SAMPLES:
                late[id(clip)] = min(samples)
        return late

    def _forget(self, clip: ClipPlayer) -> None:
        self._lateness.pop(id(clip), None)
        self._seen.pop(id(clip), None)

    def _forget_drift(self) -> None:
        self._joined.clear()
        self._behind.clear()
        self._lateness.clear()
        self._seen.clear()

    def _place(self, clip: ClipPlayer, wall: datetime) -> None:
        clip.seek(self.offset_ms(clip, wall))

    def _frame_aligned(self, wall: datetime) -> datetime:
        start = self.start or wall
        ms = (wall - start).total_seconds() * 1000.0
        frame = self.frame_ms
        return start + timedelta(milliseconds=round(ms / frame) * frame)
