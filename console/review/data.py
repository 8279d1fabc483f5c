"""The review window's own data, opened together on the store lane: the operator's bookmarks,
the recordings cache and the catalogue of clips over both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console.review.bookmark_origins import BookmarkOrigins
from console.review.bookmarks import LocalBookmarks
from console.review.cache import RecordingCache
from console.review.catalog import ClipCatalog
from console.store.bookmarks import BookmarkStore


@dataclass(eq=False)
class ReviewData:
    """Bookmarks, cache and catalogue; every method of each is blocking (workers only)."""

    bookmark_store: BookmarkStore
    bookmarks: LocalBookmarks
    cache: RecordingCache
    catalog: ClipCatalog

    def close(self) -> None:
        if self.bookmarks.origins is not None:
            self.bookmarks.origins.close()
        self.bookmark_store.close()


def open_review_data(bookmarks_file: Path, cache_dir: Path, cache_limit_bytes: int) -> ReviewData:
    """Open (making them on first use) the bookmarks file and the cache folder, and list what
    the cache holds. Needs no network."""
    store = BookmarkStore(bookmarks_file)
    origins: BookmarkOrigins | None = None
    try:
        origins = BookmarkOrigins(bookmarks_file)
        cache = RecordingCache(cache_dir, cache_limit_bytes)
    except BaseException:
        if origins is not None:
            origins.close()
        store.close()
        raise
    catalog = ClipCatalog(bookmarks=store, cache=cache)
    catalog.refresh_cache()
    return ReviewData(store, LocalBookmarks(store, origins), cache, catalog)
