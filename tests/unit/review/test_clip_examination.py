"""The review catalogue and the player examine a clip file the same way (one examination,
``console.video.clip_info.examine``): a good clip, a truncated copy and random bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from console.review.clips import ProblemKind, describe, probe
from console.server.media.clips import Clip
from console.video.clip_info import ClipError, examine, probe_clip


def test_a_good_clip_has_its_length_rate_and_size(real_clips: list[Clip], tmp_path: Path) -> None:
    path = tmp_path / "good.mp4"
    shutil.copyfile(real_clips[0].path, path)
    found = examine(path)
    assert found.problem is None
    assert (found.duration_s, found.fps, found.width, found.height) == (6.0, 10.0, 320, 180)
    info = probe_clip(path)
    assert (info.duration_s, info.fps, info.damage) == (6.0, 10.0, "")
    assert probe(path).duration_s == describe(path).duration_s == 6.0


def test_a_truncated_copy_is_a_problem_to_the_catalogue_and_a_part_to_the_player(
    real_clips: list[Clip], tmp_path: Path
) -> None:
    data = real_clips[0].path.read_bytes()
    path = tmp_path / "cut.mp4"
    path.write_bytes(data[: len(data) // 2])
    found = examine(path)
    assert found.problem is not None
    assert found.problem.kind is ProblemKind.TRUNCATED
    assert 0.5 < found.duration_s < 5.0
    assert found.stated_s == 6.0
    listed = describe(path)
    assert listed.problem == found.problem
    assert not listed.playable
    info = probe_clip(path)
    assert info.duration_s == found.duration_s
    assert "truncated" in info.damage
    assert path.name in info.damage


def test_random_bytes_and_nothing_are_named_by_both(tmp_path: Path) -> None:
    noise = tmp_path / "noise.mp4"
    noise.write_bytes(bytes((i * 7919) % 251 for i in range(200_000)))
    empty = tmp_path / "empty.ts"
    empty.write_bytes(b"")
    gone = tmp_path / "gone.mkv"
    for path, kind in (
        (noise, ProblemKind.NOT_VIDEO),
        (empty, ProblemKind.EMPTY),
        (gone, ProblemKind.MISSING),
    ):
        found = examine(path)
        assert found.problem is not None, path.name
        assert found.problem.kind is kind, path.name
        assert describe(path).problem == found.problem
        with pytest.raises(ClipError) as raised:
            probe_clip(path)
        assert path.name in str(raised.value)
