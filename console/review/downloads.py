"""Server recordings listed for a choice of cameras and a time range, and fetched into the
recordings cache one after another with progress (on a network worker)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from console.client import BackendError, ErrorKind
from console.review.cache import CacheError, RecordingCache, RecordingSource
from console.wire.media import RecordingOut

logger = logging.getLogger(__name__)

# Kinds of failure after which no later recording can come either: stop asking.
_SERVER_AWAY = frozenset({ErrorKind.UNREACHABLE, ErrorKind.TIMEOUT, ErrorKind.UNAUTHORIZED})


def list_recordings(
    client: RecordingSource, camera_ids: Iterable[str], start: datetime, end: datetime
) -> list[RecordingOut]:
    """Every recording of the cameras overlapping [start, end], by start time."""
    if end <= start:
        raise ValueError("the time range ends before it starts")
    found: dict[str, RecordingOut] = {}
    for camera_id in camera_ids:
        for recording in client.recordings(camera_id=camera_id, start=start, end=end):
            found[recording.id] = recording
    return sorted(found.values(), key=lambda r: (r.start, r.camera_id, r.id))


@dataclass(frozen=True, slots=True)
class DownloadProgress:
    """How far a download of several recordings has come (``current``: the one now fetched)."""

    done: int
    total: int
    bytes_done: int
    bytes_total: int
    current: RecordingOut | None


@dataclass(frozen=True, slots=True)
class DownloadFailure:
    recording: RecordingOut
    error: BaseException

    @property
    def server_away(self) -> bool:
        return isinstance(self.error, BackendError) and self.error.kind in _SERVER_AWAY


@dataclass(slots=True)
class DownloadOutcome:
    """What a download brought: clips in the cache, failures (the first failure that means
    the server is away ends the run: the rest are ``skipped``), and whether it was cancelled."""

    paths: list[Path] = field(default_factory=list)
    failures: list[DownloadFailure] = field(default_factory=list)
    skipped: list[RecordingOut] = field(default_factory=list)
    cancelled: bool = False

    @property
    def server_away(self) -> bool:
        return any(f.server_away for f in self.failures)


def download_recordings(
    cache: RecordingCache,
    client: RecordingSource,
    recordings: list[RecordingOut],
    camera_names: Mapping[str, str],
    *,
    progress: Callable[[DownloadProgress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DownloadOutcome:
    """Fetch each recording into ``cache`` (those already there are not fetched again).
    A recording that fails is reported and the next one tried, unless the server is away."""
    outcome = DownloadOutcome()
    total_bytes = sum(r.size for r in recordings)
    done_bytes = 0

    def report(done: int, current: RecordingOut | None) -> None:
        if progress is not None:
            progress(DownloadProgress(done, len(recordings), done_bytes, total_bytes, current))

    for index, recording in enumerate(recordings):
        if cancelled is not None and cancelled():
            outcome.cancelled = True
            outcome.skipped.extend(recordings[index:])
            break
        report(index, recording)
        try:
            path = cache.fetch(client, recording, camera_names.get(recording.camera_id))
        except (BackendError, CacheError, OSError) as error:
            failure = DownloadFailure(recording, error)
            outcome.failures.append(failure)
            logger.warning("recording %s was not downloaded: %s", recording.id, error)
            if failure.server_away:
                outcome.skipped.extend(recordings[index + 1 :])
                break
        else:
            outcome.paths.append(path)
        done_bytes += recording.size
    report(len(recordings) - len(outcome.skipped), None)
    return outcome
