"""The clips open for review: local files and folders, and the recordings cache; searchable.

Search matches camera, wall-clock range, incident ("event") and text; text is found in the
camera's id and name, the file name, and the notes of bookmarks inside the clip's span.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from console.review.cache import RecordingCache
from console.review.clips import CLIP_SUFFIXES, ReviewClip, describe
from console.store.bookmarks import BookmarkStore, LocalBookmark

logger = logging.getLogger(__name__)


def clip_files(paths: Iterable[Path]) -> list[Path]:
    """The clip files among ``paths``, folders searched all the way down, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.suffix.lower() in CLIP_SUFFIXES and p.is_file()
            )
        elif path.suffix.lower() in CLIP_SUFFIXES or path.exists():
            found.append(path)  # a file named by hand is listed even if it proves unplayable
    return found


class ClipCatalog:
    """Clips by path; adding again re-reads a file. Safe to use from worker threads."""

    def __init__(
        self, *, bookmarks: BookmarkStore | None = None, cache: RecordingCache | None = None
    ) -> None:
        self._bookmarks = bookmarks
        self._cache = cache
        self._lock = threading.Lock()
        self._clips: dict[Path, ReviewClip] = {}

    def add_paths(self, paths: Iterable[Path]) -> list[ReviewClip]:
        """Probe files and folders (MP4, TS, MKV); bad files are listed with their problem."""
        added = [describe(p) for p in clip_files(paths)]
        with self._lock:
            for clip in added:
                self._clips[clip.path] = clip
        for clip in added:
            if clip.problem is not None:
                logger.info("%s cannot be played: %s", clip.path.name, clip.problem.detail)
        return added

    def refresh_cache(self) -> list[ReviewClip]:
        """List what the recordings cache holds now (works offline)."""
        if self._cache is None:
            return []
        clips = self._cache.clips()
        with self._lock:
            cache_root = self._cache.root
            for path in [p for p in self._clips if p.parent == cache_root]:
                del self._clips[path]
            for clip in clips:
                self._clips[clip.path] = clip
        return clips

    def remove(self, path: Path) -> None:
        with self._lock:
            self._clips.pop(path, None)

    def clips(self) -> list[ReviewClip]:
        """Every clip, by wall-clock start (then path)."""
        with self._lock:
            found = list(self._clips.values())
        return sorted(found, key=lambda c: (c.start, str(c.path)))

    def bookmarks_of(self, clip: ReviewClip) -> list[LocalBookmark]:
        """Bookmarks inside ``clip``'s span, on its camera or on the file itself."""
        if self._bookmarks is None:
            return []
        found = self._bookmarks.list(file_path=str(clip.path))
        if clip.camera_id is not None:
            found += self._bookmarks.list(
                camera_id=clip.camera_id, since=clip.start, until=clip.end
            )
        unique = {b.id: b for b in found}
        return sorted(unique.values(), key=lambda b: b.at)

    def search(
        self,
        text: str = "",
        *,
        camera: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        incident_id: str | None = None,
    ) -> list[ReviewClip]:
        """Clips matching every condition given; ``camera`` is an id or part of a name."""
        needle = text.strip().casefold()
        wanted = camera.strip().casefold() if camera else None
        out = []
        for clip in self.clips():
            if since is not None and clip.end < since:
                continue
            if until is not None and clip.start > until:
                continue
            if wanted and not _camera_matches(clip, wanted):
                continue
            marks = self.bookmarks_of(clip) if (needle or incident_id) else []
            if (
                incident_id
                and clip.incident_id != incident_id
                and not any(b.incident_id == incident_id for b in marks)
            ):
                continue
            if needle and not (
                needle in _describing_text(clip) or any(needle in b.note.casefold() for b in marks)
            ):
                continue
            out.append(clip)
        return out


def _camera_matches(clip: ReviewClip, wanted: str) -> bool:
    return (
        wanted == (clip.camera_id or "").casefold() or wanted in (clip.camera_name or "").casefold()
    )


def _describing_text(clip: ReviewClip) -> str:
    parts = (clip.camera_id or "", clip.camera_name or "", clip.path.name)
    return " ".join(parts).casefold()
