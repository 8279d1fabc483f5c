"""The clip catalogue on real clips, a truncated copy and random bytes: never a crash."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.review.catalog import ClipCatalog
from console.review.clips import (
    ClipMeta,
    ProblemKind,
    StartSource,
    describe,
    probe,
    write_sidecar,
)
from console.server.media.clips import Clip
from console.store.bookmarks import BookmarkStore
from tests.unit.review.conftest import RECORDED_AT


def _copy(clip: Clip, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(clip.path, target)
    return target


def test_a_real_clip_is_probed_and_placed_by_its_sidecar(
    real_clips: list[Clip], tmp_path: Path
) -> None:
    path = _copy(real_clips[0], tmp_path, "east.mp4")
    assert probe(path).duration_s == 6.0
    write_sidecar(path, ClipMeta(start=RECORDED_AT, camera_id="cam-1", camera_name="东门路口"))
    clip = describe(path)
    assert clip.playable
    assert clip.start_source is StartSource.SIDECAR
    assert (clip.start, clip.end) == (RECORDED_AT, RECORDED_AT + timedelta(seconds=6))
    assert (clip.camera_id, clip.camera_name) == ("cam-1", "东门路口")


def test_without_a_sidecar_the_container_time_then_mtime_minus_duration(
    real_clips: list[Clip], tmp_path: Path
) -> None:
    stamped = tmp_path / "stamped.mkv"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(real_clips[0].path), "-c", "copy",
         "-metadata", "creation_time=2026-03-01T09:30:00Z", str(stamped)],
        check=True, timeout=60,
    )  # fmt: skip
    clip = describe(stamped)
    assert clip.start_source is StartSource.CONTAINER
    assert clip.start == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)

    bare = _copy(real_clips[0], tmp_path, "bare.mp4")
    written = datetime(2026, 3, 2, 12, 0, 6, tzinfo=UTC)
    os.utime(bare, (written.timestamp(), written.timestamp()))
    guessed = describe(bare)
    assert guessed.start_source is StartSource.MTIME
    assert guessed.start == written - timedelta(seconds=6)


def test_truncated_and_random_files_are_listed_with_a_reason(
    real_clips: list[Clip], tmp_path: Path
) -> None:
    good = _copy(real_clips[0], tmp_path, "good.mp4")
    data = good.read_bytes()
    (tmp_path / "cut.mp4").write_bytes(data[: len(data) // 2])
    # Seeded: about one random file in 150 looks to FFmpeg like a stream with no duration
    # (listed as empty, not as "not a video"), and the test names the kind.
    (tmp_path / "noise.ts").write_bytes(random.Random(2026).randbytes(64 * 1024))
    (tmp_path / "empty.mkv").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not a clip")
    (tmp_path / "partial.mp4.part").write_bytes(data)

    catalog = ClipCatalog()
    listed = {c.path.name: c for c in catalog.add_paths([tmp_path])}
    assert set(listed) == {"good.mp4", "cut.mp4", "noise.ts", "empty.mkv"}
    assert listed["good.mp4"].playable
    cut = listed["cut.mp4"].problem
    assert cut is not None
    assert cut.kind is ProblemKind.TRUNCATED
    assert "stops at" in cut.detail
    assert "of 6.0 s" in cut.detail
    noise = listed["noise.ts"].problem
    assert noise is not None
    assert noise.kind is ProblemKind.NOT_VIDEO
    empty = listed["empty.mkv"].problem
    assert empty is not None
    assert empty.kind is ProblemKind.EMPTY
    (missing,) = catalog.add_paths([tmp_path / "gone.mp4"])  # named by hand, then gone
    assert missing.problem is not None
    assert missing.problem.kind is ProblemKind.MISSING


def test_search_by_camera_time_event_and_bookmark_text(
    real_clips: list[Clip], tmp_path: Path
) -> None:
    east = _copy(real_clips[0], tmp_path, "east.mp4")
    west = _copy(real_clips[1], tmp_path, "west.mp4")
    write_sidecar(east, ClipMeta(start=RECORDED_AT, camera_id="cam-1", camera_name="东门路口"))
    later = RECORDED_AT + timedelta(hours=1)
    write_sidecar(west, ClipMeta(start=later, camera_id="cam-2", camera_name="西门广场"))
    store = BookmarkStore(tmp_path / "bookmarks.sqlite")
    try:
        store.add(
            later + timedelta(seconds=3), "红色摩托车逆行", camera_id="cam-2", incident_id="inc-9"
        )
        store.add(RECORDED_AT + timedelta(seconds=2), "Vendor stall", file_path=str(east))
        catalog = ClipCatalog(bookmarks=store)
        catalog.add_paths([tmp_path])

        def names(**query: object) -> list[str]:
            return [c.path.name for c in catalog.search(**query)]  # type: ignore[arg-type]

        assert names() == ["east.mp4", "west.mp4"]
        assert names(camera="cam-2") == ["west.mp4"]
        assert names(camera="东门") == ["east.mp4"]
        assert names(since=later) == ["west.mp4"]
        assert names(until=RECORDED_AT + timedelta(minutes=1)) == ["east.mp4"]
        assert names(incident_id="inc-9") == ["west.mp4"]
        assert names(text="摩托车") == ["west.mp4"]
        assert names(text="vendor") == ["east.mp4"]
        assert names(text="西门") == ["west.mp4"]
        assert names(text="nothing like it") == []
        assert [b.note for b in catalog.bookmarks_of(catalog.search(camera="cam-2")[0])] == [
            "红色摩托车逆行"
        ]
    finally:
        store.close()
