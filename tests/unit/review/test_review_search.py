"""Search over clips and bookmarks: text in notes (any case), camera by id, name or the
catalogue's matches, time range and event; the server's bookmarks kept here once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from console.review.bookmarks import LocalBookmarks
from console.review.cache import RecordingCache
from console.review.catalog import ClipCatalog
from console.review.search import ReviewQuery, matching_bookmarks, search_local
from console.server.media.clips import Clip
from console.store.bookmarks import BookmarkStore
from console.video.clip_info import write_sidecar
from console.wire.bookmarks import BookmarkOut
from tests.unit.review.conftest import RECORDED_AT


def test_bookmarks_and_clips_found_by_every_condition(
    real_clips: list[Clip], tmp_path: Path
) -> None:
    store = BookmarkStore(tmp_path / "bookmarks.sqlite")
    local = LocalBookmarks(store)
    try:
        clip = tmp_path / "east-gate.mp4"
        clip.write_bytes(real_clips[0].path.read_bytes())
        write_sidecar(clip, RECORDED_AT, "东门路口", "cam-1")
        catalog = ClipCatalog(bookmarks=store, cache=RecordingCache(tmp_path / "cache", 1 << 30))
        catalog.add_paths([clip])
        at = RECORDED_AT + timedelta(seconds=2)
        local.add(at, "Red LORRY at the gate", camera_id="cam-1", incident_id="inc-1")
        local.add(at, "nothing much", file_path="/elsewhere/x.mp4")

        hits = search_local(catalog, local, ReviewQuery(text="lorry"))
        assert [b.note for b in hits.bookmarks] == ["Red LORRY at the gate"]
        assert [c.path for c in hits.clips] == [clip]  # the clip the bookmark is in
        assert (
            search_local(catalog, local, ReviewQuery(camera="东门")).bookmarks[0].camera_id
            == "cam-1"
        )
        assert search_local(catalog, local, ReviewQuery(incident_id="inc-1")).clips[0].path == clip
        later = ReviewQuery(since=RECORDED_AT + timedelta(minutes=1))
        assert search_local(catalog, local, later).bookmarks == []
        # A camera the catalogue found for the text counts, whatever its name here.
        marks = local.list()
        by_catalogue = matching_bookmarks(
            marks, ReviewQuery(camera="gate cam"), {}, frozenset({"cam-1"})
        )
        assert [b.camera_id for b in by_catalogue] == ["cam-1"]

        # The server's bookmarks are kept here (once) and found offline afterwards.
        server = [
            BookmarkOut(
                id="bm-7",
                camera_id="cam-1",
                at=at,
                note="蓝色雨伞",
                author_id="u2",
                created_at=at,
            )
        ]
        assert [
            b.note
            for b in search_local(
                catalog, local, ReviewQuery(text="雨伞"), frozenset(), server
            ).bookmarks
        ] == ["蓝色雨伞"]
        search_local(catalog, local, ReviewQuery(), frozenset(), server)
        assert len(local.search("雨伞")) == 1
    finally:
        store.close()
