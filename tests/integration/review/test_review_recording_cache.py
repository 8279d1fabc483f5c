"""The recordings cache against the real server on loopback: download, check, evict, offline."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from console.client import BackendError
from console.client.errors import MalformedResponseError
from console.review.cache import CacheError, RecordingCache
from console.review.catalog import ClipCatalog
from console.review.clips import ClipOrigin, StartSource
from tests.integration.review.conftest import RECORDED_AT, RecordingServer


def _files(root: Path) -> set[str]:
    return {p.name for p in root.iterdir()}


def test_a_range_is_cached_and_reviewed_with_the_network_gone(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    root = tmp_path / "cache"
    cache = RecordingCache(root, limit_bytes=100 * 1024 * 1024)
    client = recording_server.client()
    first = recording_server.recordings[0]
    paths = cache.fetch_range(
        client,
        first.camera_id,
        RECORDED_AT,
        RECORDED_AT + timedelta(seconds=90),
        camera_names={first.camera_id: "东门路口"},
    )
    assert [p.name for p in paths] == [f"{r.id}.mp4" for r in recording_server.recordings[:2]]
    for path, recording in zip(paths, recording_server.recordings, strict=False):
        assert path.read_bytes() == recording_server.files[recording.id].read_bytes()
    assert not [n for n in _files(root) if n.endswith((".part", ".download"))]

    client.close()
    recording_server.live.stop()  # the network is gone from here on

    reopened = RecordingCache(root, limit_bytes=100 * 1024 * 1024)
    assert reopened.fetch(client, first) == paths[0]  # served from disk, no request
    catalog = ClipCatalog(cache=reopened)
    clips = catalog.refresh_cache()
    assert [c.recording_id for c in clips] == [r.id for r in recording_server.recordings[:2]]
    clip = clips[0]
    assert clip.playable
    assert clip.origin is ClipOrigin.CACHE
    assert clip.start_source is StartSource.SERVER
    assert (clip.start, clip.camera_name) == (RECORDED_AT, "东门路口")
    assert clip.duration_s == pytest.approx(4.0, abs=0.2)
    assert [c.recording_id for c in catalog.search(camera="东门")] == [
        c.recording_id for c in clips
    ]

    missing = recording_server.recordings[2]
    with pytest.raises(BackendError):
        reopened.fetch(client, missing)
    assert reopened.lookup(missing.id) is None
    assert not [n for n in _files(root) if missing.id in n]


def test_least_recently_used_clips_leave_first(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    sizes = [r.size for r in recording_server.recordings]
    cache = RecordingCache(tmp_path / "cache", limit_bytes=sizes[0] + sizes[1] + 10)
    client = recording_server.client()
    a, b, c = recording_server.recordings
    cache.fetch(client, a)
    cache.fetch(client, b)
    assert cache.lookup(a.id) is not None  # a is now used more recently than b
    cache.fetch(client, c)
    assert cache.lookup(b.id) is None
    assert cache.lookup(a.id) is not None
    assert cache.lookup(c.id) is not None
    assert cache.total_bytes() <= cache.limit_bytes
    assert len(list(cache.root.glob("*.tianmu.json"))) == 2


def test_bytes_that_do_not_match_the_hash_are_refused(
    recording_server: RecordingServer, tmp_path: Path
) -> None:
    cache = RecordingCache(tmp_path / "cache", limit_bytes=100 * 1024 * 1024)
    client = recording_server.client()
    a, b, _ = recording_server.recordings
    # The server's file changed behind its back: the answer's hash header no longer fits.
    served = recording_server.files[a.id]
    damaged = bytearray(served.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    served.write_bytes(bytes(damaged))
    with pytest.raises(MalformedResponseError):
        cache.fetch(client, a)
    # The listing promised other bytes than those that came.
    with pytest.raises(CacheError, match="hash"):
        cache.fetch(client, b.model_copy(update={"sha256": "0" * 64}))
    # A camera this user may not see: the server says no such recording.
    with pytest.raises(BackendError) as refused:
        cache.fetch(recording_server.client("op2"), b)
    assert refused.value.status == 404
    assert _files(cache.root) == set()
    assert ClipCatalog(cache=cache).refresh_cache() == []
