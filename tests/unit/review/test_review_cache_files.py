"""The recordings cache on its own folder: leftovers of an interrupted run never count."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from console.review.cache import CacheError, RecordingCache
from console.review.catalog import ClipCatalog
from console.review.clips import ClipMeta, StartSource, write_sidecar
from console.server.media.clips import Clip
from tests.unit.review.conftest import RECORDED_AT


def test_leftovers_are_removed_and_only_whole_clips_listed(
    real_clips: list[Clip], tmp_path: Path
) -> None:
    root = tmp_path / "cache"
    root.mkdir()
    whole = root / "rec-1.mp4"
    shutil.copyfile(real_clips[0].path, whole)
    write_sidecar(whole, ClipMeta(start=RECORDED_AT, end=RECORDED_AT + timedelta(seconds=6),
                                  camera_id="cam-1", recording_id="rec-1"))  # fmt: skip
    (root / "rec-2.mp4.download").write_bytes(b"half a clip")
    write_sidecar(root / "rec-3.mp4", ClipMeta(start=RECORDED_AT))  # its clip never arrived
    shutil.copyfile(real_clips[1].path, root / "stray.mp4")  # no sidecar: not the cache's

    cache = RecordingCache(root, limit_bytes=10 * 1024 * 1024)
    assert {p.name for p in root.iterdir()} == {"rec-1.mp4", "rec-1.mp4.tianmu.json", "stray.mp4"}
    clips = ClipCatalog(cache=cache).refresh_cache()
    assert [c.recording_id for c in clips] == ["rec-1"]
    assert clips[0].start_source is StartSource.SERVER
    assert cache.lookup("rec-1") == whole
    assert cache.lookup("rec-2") is None
    assert cache.cached(camera_id="cam-1", since=RECORDED_AT + timedelta(seconds=5))
    assert not cache.cached(since=RECORDED_AT + timedelta(seconds=7))
    with pytest.raises(CacheError):
        cache.clip_path("../escape")
    with pytest.raises(ValueError, match="positive"):
        RecordingCache(root, limit_bytes=0)
