"""What a cut encodes again and what it copies: the partial group at the end is copied when the
stream never reorders frames, a stream with B-frames still gets both edges encoded, and a cut
deep inside a long file (its keyframes looked up by seeking) lands on the requested frames."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import av
import numpy as np
import pytest

from console.evidence.cutting import CutPlan, cut_range, read_layout
from console.server.media.clips import Clip, make_clips
from tests.integration.evidence.conftest import CLIP_START, FPS

pytestmark = pytest.mark.media

FRAME_S = 1 / FPS


def _frames(path: Path, start_s: float = 0.0, count: int | None = None) -> list[np.ndarray]:
    """Gray pictures of ``path`` from ``start_s`` on (decoded from the keyframe before it)."""
    pictures: list[np.ndarray] = []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.time_base is not None
        origin = stream.start_time or 0
        if start_s > 0:
            container.seek(origin + int(start_s / stream.time_base), stream=stream, backward=True)
        for frame in container.decode(stream):
            if float((frame.pts - origin) * stream.time_base) < start_s - FRAME_S / 2:
                continue
            pictures.append(frame.to_ndarray(format="gray").astype(np.int16))
            if count is not None and len(pictures) == count:
                break
    return pictures


def _lands_on(picture: np.ndarray, source: list[np.ndarray], index: int) -> bool:
    """``picture`` is closer to ``source[index]`` than to that frame's neighbours."""
    error = np.abs(picture - source[index]).mean()
    return all(
        error < np.abs(picture - source[other]).mean()
        for other in (index - 1, index + 1)
        if 0 <= other < len(source)
    )


def test_the_partial_group_at_the_end_is_copied_bit_for_bit(
    recorded_clips: list[Clip], tmp_path: Path
) -> None:
    source = recorded_clips[0].path
    out = tmp_path / "cut.mp4"
    plan = cut_range(source, out, 2.32, 6.76)
    assert plan == CutPlan(2.32, 6.76, 3.0, 6.76)
    assert plan.tail is None

    cut = _frames(out)
    original = _frames(source)
    assert len(cut) == round((6.76 - 2.32) * FPS)
    # Everything from the first keyframe on, the end's partial group included, is the
    # source's own picture; the re-encoded start is only close to it.
    first_copied = round((3.0 - 2.32) * FPS)
    for i in range(first_copied, len(cut)):
        assert np.array_equal(cut[i], original[i + round(2.32 * FPS)]), i
    assert not np.array_equal(cut[0], original[round(2.32 * FPS)])
    assert _lands_on(cut[0], original, round(2.32 * FPS))


def test_a_stream_with_b_frames_gets_both_edges_encoded_and_lands_exactly(
    recorded_clips: list[Clip], tmp_path: Path
) -> None:
    source = tmp_path / "bframes.mp4"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-i", str(recorded_clips[0].path),
            "-c:v", "libx264", "-preset", "veryfast", "-bf", "2", "-g", str(FPS),
            "-keyint_min", str(FPS), "-sc_threshold", "0", str(source),
        ],
        check=True,
        timeout=120,
    )  # fmt: skip
    out = tmp_path / "cut.mp4"
    plan = cut_range(source, out, 2.32, 6.76)
    assert plan.tail == (6.0, 6.76), "a reordering stream's end group cannot be copied"

    cut = _frames(out)
    original = _frames(source)
    assert len(cut) == round((6.76 - 2.32) * FPS)
    for i in (0, len(cut) // 2, len(cut) - 1):
        assert _lands_on(cut[i], original, i + round(2.32 * FPS)), i


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory: pytest.TempPathFactory) -> Clip:
    (clip,) = make_clips(
        tmp_path_factory.mktemp("long"),
        ["Long Road"],
        start=CLIP_START,
        seconds=150,
        size=(320, 180),
    )
    return clip


def test_a_cut_deep_in_a_long_file_lands_on_the_requested_frames(
    long_clip: Clip, tmp_path: Path
) -> None:
    start_s, end_s = 131.32, 137.88
    layout = read_layout(long_clip.path, around=(start_s, end_s))
    # Found by seeking near the two edges, not by reading the whole file's packets.
    assert len(layout.keyframes) <= 6, layout.keyframes
    assert layout.duration_s == pytest.approx(150, abs=FRAME_S)
    out = tmp_path / "cut.mp4"
    plan = cut_range(long_clip.path, out, start_s, end_s, layout=layout)
    assert plan == CutPlan(start_s, end_s, 132.0, end_s)

    cut = _frames(out)
    assert len(cut) == round((end_s - start_s) * FPS)
    around = 130.0  # a keyframe before the range: decode the source from there
    original = _frames(long_clip.path, around, count=round((end_s - around) * FPS) + 2)
    offset = round((start_s - around) * FPS)
    for i in (0, 1, len(cut) // 2, len(cut) - 2, len(cut) - 1):
        assert _lands_on(cut[i], original, i + offset), i
    assert np.array_equal(cut[-1], original[len(cut) - 1 + offset])


def test_an_export_of_a_long_file_names_the_exact_range(long_clip: Clip, tmp_path: Path) -> None:
    import json

    from console.evidence import ClipRange, WorkstationKey, export_evidence, verify_export

    start = long_clip.start + timedelta(seconds=97.36)
    end = long_clip.start + timedelta(seconds=141.12)
    result = export_evidence(
        [ClipRange(long_clip.path, "cam-long", long_clip.start, start, end)],
        tmp_path,
        officer="tester",
        incident_id=None,
        signer=WorkstationKey.generate(),
        camera_names={},
    )
    manifest = json.loads(result.manifest_path.read_bytes())
    (record,) = manifest["clips"]
    assert record["start"] == "2026-03-14T09:31:37.360000Z"
    assert record["end"] == "2026-03-14T09:32:21.120000Z"
    assert record["reencoded_s"] == "0.640"  # the start's partial group only
    assert len(_frames(result.files[0])) == round((141.12 - 97.36) * FPS)
    assert verify_export(result.folder).ok
