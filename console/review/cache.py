"""Server recordings kept on disk for review without the network, within a size limit.

Each cached recording is ``<recording id>.mp4`` with its sidecar (the server's metadata,
``clips.write_sidecar``). A download is streamed to disk under another name, checked against
the SHA-256 the server lists for the recording (the client has already checked it against
the answer's header), given its sidecar and only then renamed to ``.mp4``: a clip that is
there is whole. Least recently used clips go first when the limit is passed; using a clip
touches its sidecar, whose modification time is the clock of that order.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from console.review.clips import (
    SIDECAR_SUFFIX,
    ClipMeta,
    ClipOrigin,
    ReviewClip,
    StartSource,
    describe,
    read_sidecar,
    sidecar_path,
    write_sidecar,
)
from console.wire.media import RecordingOut

logger = logging.getLogger(__name__)

_DOWNLOADING = ".download"
_SAFE_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class RecordingSource(Protocol):
    """What the cache needs of ``console.client.BackendClient``."""

    def recordings(
        self,
        *,
        camera_id: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[RecordingOut]: ...

    def save_recording(
        self,
        recording_id: str,
        destination: Path,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> str: ...


class CacheError(Exception):
    """A recording could not be cached (its bytes differ from the server's hash, say)."""


@dataclass(frozen=True, slots=True)
class CachedRecording:
    path: Path
    meta: ClipMeta
    size: int
    last_used: int  # nanoseconds, the sidecar's modification time


class RecordingCache:
    """Recordings under ``root``, at most ``limit_bytes`` in all (the last one fetched is
    kept even when it alone is larger). Safe to call from several worker threads."""

    def __init__(self, root: Path, limit_bytes: int) -> None:
        if limit_bytes <= 0:
            raise ValueError("the cache limit must be positive")
        self.root = root
        self.limit_bytes = limit_bytes
        self._lock = threading.RLock()
        root.mkdir(parents=True, exist_ok=True)
        self._tidy()
        # File times can be coarser than the uses they order; every use is stamped strictly
        # later than the one before.
        self._last_use_ns = max(
            (sidecar_path(e.path).stat().st_mtime_ns for e in self.entries()), default=0
        )

    def _tidy(self) -> None:
        """Remove what an interrupted download or eviction left: partial files and sidecars
        without their clip."""
        for leftover in self.root.iterdir():
            name = leftover.name
            if name.endswith((_DOWNLOADING, ".part", ".tmp")) or (
                name.endswith(SIDECAR_SUFFIX)
                and not (self.root / name.removesuffix(SIDECAR_SUFFIX)).exists()
            ):
                leftover.unlink(missing_ok=True)

    def clip_path(self, recording_id: str) -> Path:
        if not _SAFE_ID.match(recording_id):
            raise CacheError(f"unexpected recording id {recording_id!r}")
        return self.root / f"{recording_id}.mp4"

    # ------------------------------------------------------------------ reading (offline)

    def entries(self) -> list[CachedRecording]:
        """Every whole cached recording, least recently used first."""
        found = []
        with self._lock:
            for clip in self.root.glob("*.mp4"):
                meta = read_sidecar(clip)
                if meta is None:
                    continue
                try:
                    size = clip.stat().st_size
                    used = sidecar_path(clip).stat().st_mtime_ns
                except OSError:
                    continue
                found.append(CachedRecording(clip, meta, size, used))
        return sorted(found, key=lambda e: (e.last_used, e.path.name))

    def cached(
        self,
        *,
        camera_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[CachedRecording]:
        """Cached recordings of ``camera_id`` overlapping [since, until], oldest first."""
        out = []
        for entry in self.entries():
            meta = entry.meta
            end = meta.end or meta.start
            if camera_id is not None and meta.camera_id != camera_id:
                continue
            if since is not None and end < since:
                continue
            if until is not None and meta.start > until:
                continue
            out.append(entry)
        return sorted(out, key=lambda e: e.meta.start)

    def lookup(self, recording_id: str) -> Path | None:
        """The cached clip of ``recording_id`` (marked as just used), or None."""
        path = self.clip_path(recording_id)
        with self._lock:
            if not path.exists() or read_sidecar(path) is None:
                return None
            self._touch(path)
        return path

    def clips(self) -> list[ReviewClip]:
        """The cached recordings as review clips, placed by the server's own times."""
        return [
            describe(e.path, meta=e.meta, origin=ClipOrigin.CACHE, trust_meta_as=StartSource.SERVER)
            for e in self.cached()
        ]

    def total_bytes(self) -> int:
        return sum(e.size for e in self.entries())

    # ------------------------------------------------------------------ fetching

    def fetch(
        self,
        client: RecordingSource,
        recording: RecordingOut,
        camera_name: str | None = None,
        *,
        progress: Callable[[int, int | None], None] | None = None,
    ) -> Path:
        """The recording's clip, downloaded unless it is already here; checked, then kept.

        ``progress(bytes so far, Content-Length or None)`` follows the download; an exception
        it raises stops it, and nothing of the recording is kept."""
        cached = self.lookup(recording.id)
        if cached is not None:
            return cached
        final = self.clip_path(recording.id)
        pending = final.with_name(final.name + _DOWNLOADING)
        try:
            actual = client.save_recording(recording.id, pending, progress)
            if actual != recording.sha256.lower():
                raise CacheError(
                    f"recording {recording.id} does not match the server's hash; not kept"
                )
            meta = ClipMeta(
                start=recording.start,
                end=recording.end,
                camera_id=recording.camera_id,
                camera_name=camera_name,
                recording_id=recording.id,
                sha256=actual,
            )
            with self._lock:
                write_sidecar(final, meta)
                self._touch(final)
                os.replace(pending, final)
        finally:
            pending.unlink(missing_ok=True)
        logger.info("cached recording %s (%d bytes)", recording.id, final.stat().st_size)
        self.evict(keep=final)
        return final

    def fetch_range(
        self,
        client: RecordingSource,
        camera_id: str,
        start: datetime,
        end: datetime,
        camera_names: Mapping[str, str] | None = None,
    ) -> list[Path]:
        """Every recording of ``camera_id`` overlapping [start, end], oldest first."""
        names = camera_names or {}
        listed = client.recordings(camera_id=camera_id, start=start, end=end)
        return [self.fetch(client, r, names.get(r.camera_id)) for r in listed]

    def evict(self, keep: Path | None = None) -> list[Path]:
        """Remove least recently used clips until the cache fits its limit; what went."""
        removed = []
        with self._lock:
            entries = self.entries()
            total = sum(e.size for e in entries)
            for entry in entries:
                if total <= self.limit_bytes:
                    break
                if entry.path == keep:
                    continue
                entry.path.unlink(missing_ok=True)
                sidecar_path(entry.path).unlink(missing_ok=True)
                total -= entry.size
                removed.append(entry.path)
        for path in removed:
            logger.info("evicted %s from the recordings cache", path.name)
        return removed

    def _touch(self, clip: Path) -> None:
        with self._lock:
            self._last_use_ns = max(time.time_ns(), self._last_use_ns + 1_000)
            stamp = self._last_use_ns
        try:
            os.utime(sidecar_path(clip), ns=(stamp, stamp))
        except OSError:
            logger.warning("could not mark %s as used", clip.name)
