"""Downloading several recordings into the cache: progress per recording and within one
(throttled, with or without a Content-Length), one bad recording skipped, the rest stopped
when the server is away, and a cancel between two recordings and halfway through one. The
recording source stands in for the HTTP client and writes the real clips' bytes in pieces
(tests/gui/review/test_review_session.py does the same against the real server)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
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

PIECE = 1024


class Source:
    """Serves ``files`` by recording id in pieces of ``PIECE`` bytes, saying their length
    or not (``says_length``); ``away_after`` downloads, the server is gone."""

    def __init__(
        self,
        files: dict[str, Path],
        away_after: int | None = None,
        *,
        says_length: bool = True,
        each_piece: Callable[[], None] | None = None,
    ) -> None:
        self.files = files
        self.away_after = away_after
        self.says_length = says_length
        self.each_piece = each_piece
        self.fetched: list[str] = []

    def recordings(
        self,
        *,
        camera_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[RecordingOut]:
        return [r for r in _recordings(self.files) if r.camera_id == camera_id]

    def save_recording(
        self,
        recording_id: str,
        destination: Path,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> str:
        if self.away_after is not None and len(self.fetched) >= self.away_after:
            raise UnreachableError("the server cannot be reached")
        self.fetched.append(recording_id)
        data = self.files[recording_id].read_bytes()
        with destination.open("wb") as out:
            for start in range(0, len(data), PIECE):
                out.write(data[start : start + PIECE])
                if self.each_piece is not None:
                    self.each_piece()
                if progress is not None:
                    written = min(len(data), start + PIECE)
                    progress(written, len(data) if self.says_length else None)
        return hashlib.sha256(data).hexdigest()


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
    outcome = download_recordings(
        cache, Source(files), listed, {}, progress=seen.append, clock=lambda: 0.0
    )
    assert [p.stem for p in outcome.paths] == ["r1", "r3", "r4"]
    assert [f.recording.id for f in outcome.failures] == ["bad"]
    assert not outcome.server_away
    # Each recording's start and end, the bytes between (throttled away here: no time
    # passes), and the end of the run; the bad recording has no end.
    assert [(p.done, p.file_bytes) for p in seen if p.current is not None] == [
        (0, 0),
        (0, listed[0].size),
        (1, 0),
        (2, 0),
        (2, listed[2].size),
        (3, 0),
        (3, listed[3].size),
    ]
    assert seen[-1].current is None
    assert seen[-1].done == 4
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
    seen: list[DownloadProgress] = []

    def two_came() -> bool:
        ended = [p for p in seen if p.current is not None and p.file_bytes == p.file_size]
        return len(ended) >= 2

    outcome = download_recordings(
        cache, source, listed, {}, progress=seen.append, cancelled=two_came, clock=lambda: 0.0
    )
    assert outcome.cancelled
    assert [r.id for r in outcome.skipped] == ["r4"]
    assert len(outcome.paths) == 2
    assert source.fetched == ["r1", "r3"]


def test_listing_several_cameras_in_time_order(files: dict[str, Path]) -> None:
    found = list_recordings(
        Source(files), ["cam-2", "cam-1"], RECORDED_AT, RECORDED_AT + timedelta(hours=1)
    )
    assert [r.id for r in found] == ["r1", "bad", "r3", "r4"]
    with pytest.raises(ValueError, match="ends before"):
        list_recordings(Source(files), ["cam-1"], RECORDED_AT, RECORDED_AT)


class Clock:
    """Time that moves only when a piece arrives (1 ms a piece)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def tick(self) -> None:
        self.now += 0.001


@pytest.mark.parametrize("says_length", [True, False])
def test_progress_within_a_recording_at_most_ten_a_second(
    files: dict[str, Path], tmp_path: Path, says_length: bool
) -> None:
    cache = RecordingCache(tmp_path / "cache", 100 * 1024 * 1024)
    listed = [r for r in _recordings(files) if r.id in ("r1", "r4")]
    clock = Clock()
    source = Source(files, says_length=says_length, each_piece=clock.tick)
    seen: list[DownloadProgress] = []
    download_recordings(cache, source, listed, {}, progress=seen.append, clock=clock)
    pieces = sum(-(-r.size // PIECE) for r in listed)
    assert pieces > 40  # enough pieces for the throttle to matter
    for recording in listed:
        within = [p for p in seen if p.current is not None and p.current.id == recording.id]
        values = [p.file_bytes for p in within]
        assert values == sorted(values)
        assert values[0] == 0
        assert values[-1] == recording.size  # the end reaches the file's size
        assert all(p.file_size == recording.size for p in within)
        # Between start and end at most one report per 0.1 s of the (1 ms a piece) clock.
        spent_s = -(-recording.size // PIECE) * 0.001
        assert len(within) - 2 <= spent_s / 0.1 + 1
    totals = [p.bytes_done for p in seen]
    assert totals == sorted(totals)
    assert seen[-1].bytes_done == seen[-1].bytes_total == sum(r.size for r in listed)
    assert len(seen) < pieces / 4


def test_a_size_nobody_says_is_unknown_and_grows_with_what_came(
    files: dict[str, Path], tmp_path: Path
) -> None:
    cache = RecordingCache(tmp_path / "cache", 100 * 1024 * 1024)
    unsized = _recordings(files)[0].model_copy(update={"size": 0})
    seen: list[DownloadProgress] = []
    download_recordings(
        cache,
        Source(files, says_length=False),
        [unsized],
        {},
        progress=seen.append,
        report_every_s=0,
    )
    within = [p for p in seen if p.current is not None]
    assert within[0].file_size is None
    middle = within[1]
    assert middle.file_bytes == PIECE
    assert middle.file_size is None  # the bar shows it busy, the text what came so far
    assert within[-1].file_bytes == within[-1].file_size == files["r1"].stat().st_size


def test_a_cancel_halfway_through_a_recording_keeps_nothing_of_it(
    files: dict[str, Path], tmp_path: Path
) -> None:
    cache = RecordingCache(tmp_path / "cache", 100 * 1024 * 1024)
    listed = [r for r in _recordings(files) if r.id in ("r1", "r4")]
    seen: list[DownloadProgress] = []

    def halfway() -> bool:
        return any(p.current is not None and p.current.id == "r4" and p.file_bytes for p in seen)

    outcome = download_recordings(
        cache, Source(files), listed, {}, progress=seen.append, cancelled=halfway, report_every_s=0
    )
    assert outcome.cancelled
    assert [p.stem for p in outcome.paths] == ["r1"]
    assert [r.id for r in outcome.skipped] == ["r4"]
    arrived = max(p.file_bytes for p in seen if p.current is not None and p.current.id == "r4")
    assert 0 < arrived < listed[1].size
    assert {p.name for p in cache.root.iterdir()} == {"r1.mp4", "r1.mp4.tianmu.json"}
