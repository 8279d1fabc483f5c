"""Cuts start and end on the requested frames, keep the interior bit for bit, and play in libvlc."""

from __future__ import annotations

import subprocess
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import vlc

from console.evidence import cutting
from console.evidence.cutting import cut_range, plan_cut, read_layout
from console.server.media.clips import Clip
from tests.integration.evidence.conftest import FPS

pytestmark = pytest.mark.media

FRAME_S = 1 / FPS


def _frames(path: Path) -> tuple[list[float], list[np.ndarray]]:
    import av

    times: list[float] = []
    pictures: list[np.ndarray] = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            times.append(float(frame.pts * frame.time_base))
            pictures.append(frame.to_ndarray(format="gray").astype(np.int16))
    return times, pictures


@pytest.fixture(scope="module")
def source_frames(recorded_clips: list[Clip]) -> list[np.ndarray]:
    return _frames(recorded_clips[0].path)[1]


def _remuxed(source: Path, suffix: str, folder: Path) -> Path:
    if suffix == ".mp4":
        return source
    target = folder / f"source{suffix}"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(source), "-c", "copy", str(target)],
        check=True,
        timeout=60,
    )
    return target


@pytest.fixture(params=["in_process", "ffmpeg_concat"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of cutting: in process (MP4/MKV with avcC), and ffmpeg's concat (the rest)."""
    if request.param == "ffmpeg_concat":
        monkeypatch.setattr(cutting, "_cut_in_process", lambda *args: False)
    return str(request.param)


@pytest.mark.parametrize("suffix", [".mp4", ".ts", ".mkv"])
@pytest.mark.parametrize(
    ("start_s", "end_s"),
    [
        (2.32, 6.76),  # both edges inside a group of pictures
        (3.0, 7.0),  # both edges on keyframes: nothing encoded again
        (0.2, 0.72),  # no whole group inside: all encoded again
        (4.48, 11.96),  # to the last frames of the file
    ],
)
def test_cut_first_and_last_frames_are_the_requested_ones(
    recorded_clips: list[Clip],
    source_frames: list[np.ndarray],
    tmp_path: Path,
    way: str,
    suffix: str,
    start_s: float,
    end_s: float,
) -> None:
    source = _remuxed(recorded_clips[0].path, suffix, tmp_path)
    out = tmp_path / "cut.mp4"
    cut_range(source, out, start_s, end_s)
    times, pictures = _frames(out)

    assert abs(times[0] - 0.0) <= FRAME_S
    expected_last = end_s - start_s - FRAME_S
    assert abs(times[-1] - expected_last) <= FRAME_S, (times[-1], expected_last)
    assert len(times) == pytest.approx((end_s - start_s) * FPS, abs=1)
    gaps = np.diff(times)
    assert np.allclose(gaps, FRAME_S, atol=0.002), "frame times are not evenly spaced"

    # Each cut frame is the source frame at its time, closer to it than to its neighbours.
    first_index = round(start_s * FPS)
    for i in (0, len(pictures) // 2, len(pictures) - 1):
        want = first_index + i
        err = np.abs(pictures[i] - source_frames[want]).mean()
        for other in (want - 1, want + 1):
            if 0 <= other < len(source_frames):
                assert err < np.abs(pictures[i] - source_frames[other]).mean(), (i, want, other)


def test_the_interior_is_copied_not_encoded_again(
    recorded_clips: list[Clip], source_frames: list[np.ndarray], tmp_path: Path, way: str
) -> None:
    layout = read_layout(recorded_clips[0].path)
    plan = plan_cut(layout, 2.32, 6.76)
    assert (plan.copy_from_s, plan.copy_to_s) == (3.0, 6.0)
    assert plan.head == (2.32, 3.0)
    out = tmp_path / "cut.mp4"
    cut_range(recorded_clips[0].path, out, 2.32, 6.76)
    _, pictures = _frames(out)
    copied = range(round((3.0 - 2.32) * FPS), round((6.0 - 2.32) * FPS))
    for i in copied:
        assert np.array_equal(pictures[i], source_frames[i + round(2.32 * FPS)]), i


def test_a_cut_plays_to_the_end_in_libvlc_with_the_right_length(
    recorded_clips: list[Clip], tmp_path: Path, way: str
) -> None:
    out = tmp_path / "cut.mp4"
    cut_range(recorded_clips[0].path, out, 2.32, 5.16)
    instance = vlc.Instance(["--no-audio", "--no-xlib", "--quiet", "--vout=dummy"])
    player = instance.media_player_new()
    media = instance.media_new(str(out))
    player.set_media(media)
    try:
        player.play()
        deadline = time.monotonic() + 30
        seen_playing = False
        while time.monotonic() < deadline:
            state = player.get_state()
            seen_playing = seen_playing or state == vlc.State.Playing
            if state in (vlc.State.Ended, vlc.State.Error):
                break
            time.sleep(0.05)
        assert player.get_state() == vlc.State.Ended, player.get_state()
        assert seen_playing
        length_ms = media.get_duration()
        assert abs(length_ms / 1000 - float(Fraction(516 - 232, 100))) <= FRAME_S, length_ms
    finally:
        player.stop()
        player.release()
        instance.release()


def test_an_exported_clip_starts_and_ends_on_the_requested_wall_clock(
    recorded_clips: list[Clip], source_frames: list[np.ndarray], tmp_path: Path
) -> None:
    import json
    from datetime import timedelta

    from console.evidence import ClipRange, WorkstationKey, export_evidence

    clip = recorded_clips[0]
    start = clip.start + timedelta(seconds=5.24)
    end = clip.start + timedelta(seconds=9.88)
    result = export_evidence(
        [ClipRange(clip.path, "cam-a", clip.start, start, end)],
        tmp_path,
        officer="tester",
        incident_id=None,
        signer=WorkstationKey.generate(),
        camera_names={},
    )
    times, pictures = _frames(result.files[0])
    assert abs(times[0]) <= FRAME_S
    assert abs(times[-1] - (4.64 - FRAME_S)) <= FRAME_S
    assert (
        np.abs(pictures[0] - source_frames[round(5.24 * FPS)]).mean()
        < np.abs(pictures[0] - source_frames[round(5.24 * FPS) + 1]).mean()
    )
    manifest = json.loads(result.manifest_path.read_bytes())
    assert manifest["clips"][0]["start"] == "2026-03-14T09:30:05.240000Z"
    assert manifest["clips"][0]["end"] == "2026-03-14T09:30:09.880000Z"
