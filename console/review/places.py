"""Where the review data lives by default: bookmarks with the user's data (they are the
operator's own work), downloaded recordings with the rebuildable cache."""

from __future__ import annotations

from pathlib import Path

from console import paths


def bookmarks_file() -> Path:
    return paths.data_dir() / "review" / "bookmarks.sqlite"


def recordings_cache_dir() -> Path:
    return paths.cache_dir() / "recordings"


def cache_limit_bytes(limit_mb: int) -> int:
    """``review.cache_limit_mb`` in bytes."""
    return int(limit_mb) * 1024 * 1024
