"""Clips of neighbouring cameras on one wall clock, on real libvlc: they seek, step, change
speed and play together, and after 30 s of play their pictures are less than a frame apart.
Which frame each shows is read from the pictures themselves (see ``frame_match``)."""

from __future__ import annotations

import statistics
import time
from datetime import datetime, timedelta

import numpy as np
import pytest

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


def _spreads(group: ClipGroup, looks: int) -> list[float]:
    """How far apart the clips' pictures are in ``looks`` looks 0.13 s apart, while playing."""
    taken = []
    for _ in range(looks):
        taken.append(_look(group))
        run_for(0.13, group.tick)
    spreads = []
    for look in taken:
        walls = _walls(group, look)
        spreads.append(max(walls) - min(walls))
    return spreads


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


# An open defect (issue 12): on a busy machine the group can let clips drift a frame or two
# apart (its lateness measure, counted pictures, is off by a frame while libvlc has not yet
# reported pictures it dropped, and holds made on it are wrong). The test runs and reports; it
# does not fail the suite until the group's hold is fixed.
OPEN_SYNC_DEFECT = pytest.mark.xfail(
    strict=False, reason="clip group: clips may drift a frame apart under load (issue 12)"
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
        spreads = _spreads(group, 30)
        group.pause()
        # Clips less than a frame apart in time change pictures within a frame of each other:
        # a look catches them on one picture, or (between two changes) one frame apart, never
        # more; the share of looks one frame apart is how far apart they are, as a part of a
        # frame (the group lets a clip run up to half a frame ahead before holding it back, so
        # about half the looks may be a frame apart). Clips a frame or more apart would be
        # apart in every look.
        report = (spreads, group.holds, group.corrections)
        assert max(spreads) <= FRAME_MS, report
        assert min(spreads) == 0.0, report


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
        spreads = _spreads(group, 8)
        group.pause()
        # The clip that joined is lined up to the frame with the one that played on: their
        # pictures change together (caught between two changes, a frame apart at most).
        report = (spreads, group.holds, group.corrections)
        assert max(spreads) <= FRAME_MS, report
        assert statistics.median(spreads) == 0.0, report
