"""Two to four clips on one clock: the synchronised review of neighbouring cameras.

The group's clock is wall-clock time. Each clip covers its own span of it; at a time outside
that span the clip has *no recording* (its tile says so instead of holding a picture). Play,
pause, seek, frame steps and speed act on every clip together.

libvlc paces each player by the system clock, so clips started together stay together
(measured: four clips a frame apart at most after 30 s with no correction at all); what
differs is how long each takes to start after a seek or a resume, and a clip starved of CPU
or disk can fall behind. While playing at up to 2×, the group counts each clip's pictures
since it resumed (``ClipPlayer.shown_ms``) and seeks a clip found more than three frames
away from the others, twice in a row, back into step. (Nudging its speed instead was tried:
libvlc's rate changes upset its picture timing more than they corrected.) A pause seeks
every clip to the same frame, so a paused group is exactly in step.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

from console.video.clip_control import ClipPlayer, ClipState

#: How often drift is looked at (s).
CHECK_INTERVAL_S = 0.25
# A clip this many frames away from the others is put back in step.
_OFF_BY_FRAMES = 3
# What a seek of a playing clip takes before its picture moves again (measured: 40-100 ms).
_SEEK_LEAD_MS = 80.0
_CORRECTED_UP_TO_RATE = 2.0


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
        self.corrections = 0
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
        for clip in self.clips:
            inside = self.covers(clip, wall)
            if inside and not clip.playing and clip.state is ClipState.READY:
                # Its recording begins: from the group's time on.
                clip.seek(self.offset_ms(clip, wall))
                clip.play()
            elif not inside and clip.playing:
                clip.pause()
        if now >= self._next_check:
            self._next_check = now + CHECK_INTERVAL_S
            self._correct_drift(now)

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

    def _correct_drift(self, now: float) -> None:
        if self._rate > _CORRECTED_UP_TO_RATE:
            return
        shown = self._shown_walls()
        if len(shown) < 2:
            self._behind.clear()
            return
        values = sorted(shown.values())
        middle = values[len(values) // 2]
        self.last_spread_ms = values[-1] - values[0]
        limit = _OFF_BY_FRAMES * self.frame_ms
        for index, wall_ms in shown.items():
            clip = self.clips[index]
            off = wall_ms - middle
            key = id(clip)
            if abs(off) <= limit:
                self._behind.pop(key, None)
                continue
            # Twice in a row, so that a picture caught mid-change does not count.
            self._behind[key] = self._behind.get(key, 0) + 1
            if self._behind[key] >= 2:
                del self._behind[key]
                clip.seek(clip.position_ms(now) - off + _SEEK_LEAD_MS * self._rate)
                self.corrections += 1

    def _forget_drift(self) -> None:
        self._behind.clear()

    def _place(self, clip: ClipPlayer, wall: datetime) -> None:
        clip.seek(self.offset_ms(clip, wall))

    def _frame_aligned(self, wall: datetime) -> datetime:
        start = self.start or wall
        ms = (wall - start).total_seconds() * 1000.0
        frame = self.frame_ms
        return start + timedelta(milliseconds=round(ms / frame) * frame)
