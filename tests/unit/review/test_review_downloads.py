"""Downloading several recordings into the cache: progress per recording, one bad recording
skipped, the rest stopped when the server is away, and a cancel between two recordings.
The recording source stands in for the HTTP client and writes the real clips' bytes."""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from console.client import BackendError
from console.client.errors import UnreachableError
from console.review.cache import RecordingCache
from console.review.downloads import DownloadProgress, download_recordings, list_recordings
from console.server.media.clips import Clip
from console.wire.media import RecordingOut
from tests.unit.review.conftest import RECORDED_AT


class Source:
    """Serves ``files`` by recording id; ``away_after`` downloads, the server is gone."""

    def __init__(self, files: dict[str, Path], away_after: int | None = None) -> None:
        self.files = files
        self.away_after = away_after
        self.fetched: list[str] = []

    def recordings(
        self,
        *,
        camera_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[RecordingOut]:
        return [r for r in _recordings(self.files) if r.camera_id == camera_id]

    def save_recording(self, recording_id: str, destination: Path) -> str:
        if self.away_after is not None and len(self.fetched) >= self.away_after:
            raise UnreachableError("the server cannot be reached")
        self.fetched.append(recording_id)
        shutil.copyfile(self.files[recording_id], destination)
        return hashlib.sha256(destination.read_bytes()).hexdigest()


def _recordings(files: dict[str, Path]) -> list[RecordingOut]:
    out = []
    for n, (rid, path) in enumerate(files.items()):
        data = path.read_bytes()
        start = RECORDED_AT + timedelta(minutes=n)
        out.append(
            RecordingOut(
                id=rid,
                camera_id="cam-1" if n % 2 == 0 else "cam-2",
                start=start,
                end=start + timedelta(seconds=6),
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest() if rid != "bad" else "0" * 64,
            )
        )
    return out


@pytest.fixture
def files(real_clips: list[Clip]) -> dict[str, Path]:
    paths = [c.path for c in real_clips]
    return {"r1": paths[0], "bad": paths[1], "r3": paths[0], "r4": paths[1]}


def test_progress_and_a_bad_recording_skipped(files: dict[str, Path], tmp_path: Path) -> None:
    cache = RecordingCache(tmp_path / "cache", 100 * 1024 * 1024)
    seen: list[DownloadProgress] = []
    listed = _recordings(files)
    outcome = download_recordings(cache, Source(files), listed, {}, progress=seen.append)
    assert [p.stem for p in outcome.paths] == ["r1", "r3", "r4"]
    assert [f.recording.id for f in outcome.failures] == ["bad"]
    assert not outcome.server_away
    assert [p.done for p in seen] == [0, 1, 2, 3, 4]
    assert seen[-1].current is None
    assert seen[-1].bytes_done == seen[-1].bytes_total == sum(r.size for r in listed)
    assert sorted(p.name for p in cache.root.iterdir() if p.suffix == ".mp4") == [
        "r1.mp4",
        "r3.mp4",
        "r4.mp4",
    ]


def test_the_server_going_away_stops_the_rest(files: dict[str, Path], tmp_path: Path) -> None:
    cache = RecordingCache(tmp_path / "cache", 100 * 1024 * 1024)
    listed = [r for r in _recordings(files) if r.id != "bad"]
    source = Source(files, away_after=1)
    outcome = download_recordings(cache, source, listed, {})
    assert [p.stem for p in outcome.paths] == ["r1"]
    assert outcome.server_away
    assert isinstance(outcome.failures[0].error, BackendError)
    assert [r.id for r in outcome.skipped] == ["r4"]
    assert source.fetched == ["r1"]
    assert {p.name for p in cache.root.iterdir()} == {"r1.mp4", "r1.mp4.tianmu.json"}


def test_a_cancel_stops_between_two_recordings(files: dict[str, Path], tmp_path: Path) -> None:
    cache = RecordingCache(tmp_path / "cache", 100 * 1024 * 1024)
    listed = [r for r in _recordings(files) if r.id != "bad"]
    source = Source(files)
    outcome = download_recordings(
        cache, source, listed, {}, cancelled=lambda: len(source.fetched) >= 2
    )
    assert outcome.cancelled
    assert [r.id for r in outcome.skipped] == ["r4"]
    assert len(outcome.paths) == 2


def test_listing_several_cameras_in_time_order(files: dict[str, Path]) -> None:
    found = list_recordings(
        Source(files), ["cam-2", "cam-1"], RECORDED_AT, RECORDED_AT + timedelta(hours=1)
    )
    assert [r.id for r in found] == ["r1", "bad", "r3", "r4"]
    with pytest.raises(ValueError, match="ends before"):
        list_recordings(Source(files), ["cam-1"], RECORDED_AT, RECORDED_AT)
