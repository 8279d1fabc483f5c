"""Clips of neighbouring cameras on one wall clock, on real libvlc: they seek, step, change
speed and play together, and after 30 s of play their pictures are less than a frame apart.
Which frame each shows is read from the pictures themselves (see ``frame_match``)."""

from __future__ import annotations

import itertools
import statistics
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
import pytest

from console.video.clip_control import ClipPlayer
from console.video.clip_sync import ClipGroup
from tests.gui.review.frame_match import shown_pictures, wait_until, which_frame
from tests.gui.review.players import clip_players, ready, run_for
from tests.gui.review.recorded import DISTINCT, START, recorded

FRAME_MS = 40.0
# How long a paused group may take to show what it was put on (a seek takes 20-150 ms; on a
# busy machine libvlc's command threads can be far behind).
SETTLE_S = 5.0


Look = tuple[datetime, list[np.ndarray]]


def _look(group: ClipGroup) -> Look:
    """The pictures every clip shows, all taken at one moment, and the group's time then."""
    pictures = shown_pictures([clip.source for clip in group.clips])
    wall = group.now()
    assert wall is not None
    for clip, picture in zip(group.clips, pictures, strict=True):
        assert picture is not None, f"{clip.info.name} shows no picture"
    return wall, pictures  # type: ignore[return-value]


def _walls(group: ClipGroup, look: Look) -> list[float]:
    """The wall-clock time (ms after START) of the picture each clip showed in ``look``.
    Examined apart from taking it: decoding the clips' frames with ffmpeg loads the machine,
    and pictures taken meanwhile would measure that load, not the synchronisation."""
    wall, pictures = look
    shown = []
    for clip, picture in zip(group.clips, pictures, strict=True):
        around = group.offset_ms(clip, wall)
        at, unlike = which_frame(picture, clip.info.path, around, spread=12)
        assert unlike < 8, f"{clip.info.name}: no frame near {around} ms looks like its picture"
        shown.append((clip.info.start - START).total_seconds() * 1000 + at)
    return shown


def _shown_walls(group: ClipGroup) -> list[float]:
    return _walls(group, _look(group))


def _at_rest(group: ClipGroup) -> bool:
    """Wait until the paused group shows what it was put on, as it tells (``at_rest``)."""
    return wait_until(lambda: group.at_rest, SETTLE_S, lambda: group.tick(time.monotonic()))


# libvlc counts the pictures it drops as late about a second after dropping them.
_DROPS_TOLD_AFTER_S = 2.0
_DROPS_BEFORE_S = 1.0


@dataclass
class Watched:
    """Looks at a playing group: the wall time of each clip's picture per look (ms after
    START), when each look was taken (monotonic s), and libvlc's count of pictures each clip
    dropped as late, read at each look and ``_DROPS_TOLD_AFTER_S`` after the last one."""

    walls: list[list[float]] = field(default_factory=list)
    at: list[float] = field(default_factory=list)
    lost: list[tuple[float, list[int]]] = field(default_factory=list)

    def dropped(self, clip: int, around: float) -> bool:
        """Whether libvlc says ``clip`` dropped pictures from a second before ``around`` until
        it has told (``_DROPS_TOLD_AFTER_S`` after)."""
        counts = [
            lost[clip]
            for at, lost in self.lost
            if around - _DROPS_BEFORE_S <= at <= around + _DROPS_TOLD_AFTER_S
        ]
        return len(counts) >= 2 and counts[-1] > counts[0]


def _lost(clips: list[ClipPlayer]) -> list[int]:
    return [clip.source.stats().lost for clip in clips]


def _watch(group: ClipGroup, looks: int) -> Watched:
    """``looks`` looks 0.13 s apart while the group plays on, then play on until libvlc has
    told which pictures it dropped meanwhile; the pictures are examined afterwards (see
    ``_walls``)."""
    watched = Watched()
    taken = []
    for _ in range(looks):
        taken.append(_look(group))
        watched.at.append(time.monotonic())
        watched.lost.append((time.monotonic(), _lost(group.clips)))
        run_for(0.13, group.tick)
    until = time.monotonic() + _DROPS_TOLD_AFTER_S
    while time.monotonic() < until:
        run_for(0.25, group.tick)
        watched.lost.append((time.monotonic(), _lost(group.clips)))
    watched.walls = [_walls(group, look) for look in taken]
    return watched


def _late_pictures(watched: Watched) -> tuple[list[int], list[int]]:
    """The looks whose pictures are more than a frame apart, split into those explained by
    late pictures (every clip a frame or more from the look's middle picture dropped
    pictures around it, libvlc says) and the rest."""
    explained, unexplained = [], []
    for index, (walls, at) in enumerate(zip(watched.walls, watched.at, strict=True)):
        if max(walls) - min(walls) <= FRAME_MS:
            continue
        middle = statistics.median(walls)
        away = [clip for clip, wall in enumerate(walls) if abs(wall - middle) >= FRAME_MS]
        if away and all(watched.dropped(clip, at) for clip in away):
            explained.append(index)
        else:
            unexplained.append(index)
    return explained, unexplained


def _offsets(watched: Watched, skip: list[int]) -> list[float]:
    """Each clip's steady offset (ms): the mean, over the looks not in ``skip``, of how far
    its picture is from the look's middle one. A clip d ms (less than a frame) ahead of the
    others shows the next picture in d/40 of the looks: the mean finds d."""
    kept = [walls for index, walls in enumerate(watched.walls) if index not in skip]
    return [
        statistics.fmean(walls[clip] - statistics.median(walls) for walls in kept)
        for clip in range(len(kept[0]))
    ]


def test_seek_step_and_speed_act_on_every_clip_together() -> None:
    clips = [recorded(index) for index in DISTINCT]
    with clip_players() as players:
        group = ClipGroup()
        for clip in clips:
            players.open(clip.path, group=group)
        assert ready(group.clips, group.tick)
        group.seek(START + timedelta(milliseconds=7320))
        assert _at_rest(group)
        assert _shown_walls(group) == [7320.0] * 4
        group.step(1)
        assert _at_rest(group)
        assert _shown_walls(group) == [7360.0] * 4
        group.step(-2)
        assert _at_rest(group)
        assert _shown_walls(group) == [7280.0] * 4
        group.set_rate(2.0)
        assert all(clip.rate == 2.0 for clip in group.clips)
        group.play()
        run_for(2.0, group.tick)
        group.pause()
        assert _at_rest(group)
        walls = _shown_walls(group)
        assert len(set(walls)) == 1
        assert walls[0] > 7280 + 3000  # about 4 s of recording in 2 s


# Issue 12, still open. Found by looking at every picture under load (two busy loops): each
# run that failed had its clips in step until the group held one on its picture count, which
# was whole frames off; the group now checks that count against libvlc's clock, and this test
# passed 6 of 8 such runs (in the other two, a look or two found a clip showing a picture
# late that libvlc did not count as dropped, the group holding nothing). It stays marked
# until it and the join test below both pass repeatedly under that load: the join test, whose
# clips end less than a frame but not to the frame apart there, does not yet. The join test
# carries the mark too: before this change it failed 1 run in 3 even on a quiet machine
# (load 0.7), and it still fails now and then.
OPEN_SYNC_DEFECT = pytest.mark.xfail(
    strict=False, reason="clip group under load: see the comment above (issue 12)"
)


@OPEN_SYNC_DEFECT
def test_four_clips_drift_less_than_a_frame_after_30_seconds_of_play() -> None:
    clips = [recorded(index, seconds=40) for index in DISTINCT]
    with clip_players() as players:
        group = ClipGroup()
        for clip in clips:
            players.open(clip.path, group=group)
        assert ready(group.clips, group.tick)
        group.seek(START + timedelta(seconds=2))
        assert _at_rest(group)
        group.play()
        run_for(30.0, group.tick)
        watched = _watch(group, 40)
        group.pause()
    # Clips less than a frame apart in time change pictures within a frame of each other: a
    # look catches them on one picture, or (between two changes) one frame apart; the share of
    # looks one frame apart is how far apart they are, as a part of a frame. Clips a frame or
    # more apart would be apart in every look.
    # On a busy machine a look can also find a clip two or three frames from the others while
    # its clock is in step (measured with two busy loops, load 5-8, three runs: 31 looks in
    # 451, a clip 60-120 ms off, and libvlc counted pictures that clip dropped as late within
    # the second after, except in looks whose pictures were copied far apart, which
    # ``shown_pictures`` now takes again): a decoder starved of CPU shows a picture late, then
    # drops pictures to catch up. That is not drift, and the group must not hold anything on
    # it; such a look counts only when libvlc's own count says so, and only for a minority
    # of the looks. Drift is what stays: each clip's mean offset over the other looks.
    spreads, report = _in_step(group, watched)
    assert min(spreads) == 0.0, report


def _in_step(group: ClipGroup, watched: Watched) -> tuple[list[float], object]:
    """Assert that the clips kept less than a frame apart, pictures shown late aside (see
    the comment above), and give every look's spread and the figures to report."""
    spreads = [max(walls) - min(walls) for walls in watched.walls]
    explained, unexplained = _late_pictures(watched)
    offsets = _offsets(watched, explained)
    apart = max(abs(a - b) for a, b in itertools.combinations(offsets, 2))
    report = (spreads, [round(o) for o in offsets], explained, group.holds, group.corrections)
    assert not unexplained, report
    assert len(explained) <= len(spreads) // 3, report
    assert apart < FRAME_MS, report
    return spreads, report


@OPEN_SYNC_DEFECT
def test_a_clip_without_recording_at_the_time_waits_and_joins_in_step() -> None:
    early = recorded(0)
    late = recorded(1, delay_s=3.0)
    with clip_players() as players:
        group = ClipGroup()
        first = players.open(early.path, group=group)
        second = players.open(late.path, group=group)
        assert ready(group.clips, group.tick)
        group.seek(START + timedelta(seconds=1))
        run_for(0.4, group.tick)
        wall = group.now()
        assert wall is not None
        assert group.covers(first, wall)
        assert not group.covers(second, wall)
        group.play()
        run_for(1.0, group.tick)
        assert first.playing
        assert not second.playing
        run_for(3.0, group.tick)
        assert second.playing  # its recording began and it joined
        run_for(1.0, group.tick)
        watched = _watch(group, 12)
        group.pause()
    # The clip that joined is lined up to the frame with the one that played on: their
    # pictures change together (caught between two changes, a frame apart at most; a picture
    # shown late by a starved decoder aside, as in the test above).
    spreads, report = _in_step(group, watched)
    assert statistics.median(spreads) == 0.0, report
