"""Server recordings listed for a choice of cameras and a time range, and fetched into the
recordings cache one after another (on a network worker), with progress in bytes as they
arrive within each recording, at most ten reports a second besides each one's start and end.
A stop asked for while a recording arrives ends it at the next piece, and the cache keeps
nothing of it (``RecordingCache.fetch`` removes the partial file)."""

from __future__ import annotations

import logging
import time
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
# Reports within a recording reach the GUI thread at most ten times a second.
REPORT_EVERY_S = 0.1


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
    """How far a download of several recordings has come.

    ``current`` is the recording being fetched (None in the last report) and ``done`` how
    many came before it. Of ``current``, ``file_bytes`` have arrived out of ``file_size``:
    the answer's Content-Length, else the size the server listed, None when neither is known
    (and never less than what arrived). ``bytes_done`` of ``bytes_total`` is the whole run.
    """

    done: int
    total: int
    bytes_done: int
    bytes_total: int
    current: RecordingOut | None
    file_bytes: int = 0
    file_size: int | None = None


class DownloadCancelled(Exception):
    """The operator stopped the download while a recording was arriving."""


class _Reporter:
    """Passes reports on at most once per ``interval_s``, except a recording's start and end
    (``force``), so a fast link cannot flood the GUI thread with updates."""

    def __init__(
        self,
        progress: Callable[[DownloadProgress], None] | None,
        interval_s: float,
        clock: Callable[[], float],
    ) -> None:
        self._progress = progress
        self._interval_s = interval_s
        self._clock = clock
        self._last: float | None = None

    def report(self, item: DownloadProgress, *, force: bool = False) -> None:
        if self._progress is None:
            return
        now = self._clock()
        if not force and self._last is not None and now - self._last < self._interval_s:
            return
        self._last = now
        self._progress(item)


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
    report_every_s: float = REPORT_EVERY_S,
    clock: Callable[[], float] = time.monotonic,
) -> DownloadOutcome:
    """Fetch each recording into ``cache`` (those already there are not fetched again).
    A recording that fails is reported and the next one tried, unless the server is away.

    ``progress`` hears of each recording as it starts and ends, and of the bytes between at
    most once per ``report_every_s``; it is called on this (the worker's) thread.
    ``cancelled`` is asked between recordings and as each piece of one arrives: a recording
    stopped halfway leaves nothing behind in the cache."""
    outcome = DownloadOutcome()
    reporter = _Reporter(progress, report_every_s, clock)
    sizes = [max(0, r.size) for r in recordings]
    before = 0  # bytes of the recordings dealt with: what came, or their listed size

    def stop_asked() -> bool:
        return cancelled is not None and cancelled()

    for index, recording in enumerate(recordings):
        if stop_asked():
            outcome.cancelled = True
            outcome.skipped.extend(recordings[index:])
            break
        file = _Arriving(reporter, stop_asked, recordings, index, before, sum(sizes[index + 1 :]))
        file.report(force=True)
        try:
            path = cache.fetch(
                client, recording, camera_names.get(recording.camera_id), progress=file.arrived
            )
        except DownloadCancelled:
            logger.info("the download of recording %s was stopped halfway", recording.id)
            outcome.cancelled = True
            outcome.skipped.extend(recordings[index:])
            break
        except (BackendError, CacheError, OSError) as error:
            failure = DownloadFailure(recording, error)
            outcome.failures.append(failure)
            logger.warning("recording %s was not downloaded: %s", recording.id, error)
            if failure.server_away:
                outcome.skipped.extend(recordings[index + 1 :])
                before += max(sizes[index], file.bytes)
                break
        else:
            outcome.paths.append(path)
            file.whole()
        before += max(sizes[index], file.bytes)
    left = sum(r.size for r in outcome.skipped)
    reporter.report(
        DownloadProgress(
            len(recordings) - len(outcome.skipped), len(recordings), before, before + left, None
        ),
        force=True,
    )
    return outcome


class _Arriving:
    """One recording of a download as its bytes arrive: what came, how large it is said to
    be (the answer's Content-Length, else the listed size), and the reports about it."""

    def __init__(
        self,
        reporter: _Reporter,
        stop_asked: Callable[[], bool],
        recordings: list[RecordingOut],
        index: int,
        before: int,
        later: int,
    ) -> None:
        self._reporter = reporter
        self._stop_asked = stop_asked
        self._recordings = recordings
        self._index = index
        self._before = before
        self._later = later
        self.recording = recordings[index]
        self.size: int | None = max(0, self.recording.size) or None
        self.bytes = 0

    def arrived(self, written: int, length: int | None) -> None:
        """The client's progress callback: ``written`` bytes so far of ``length``."""
        if self._stop_asked():
            raise DownloadCancelled
        self.bytes = written
        if length is not None:
            self.size = length
        if self.size is not None and written > self.size:
            self.size = written
        self.report(force=False)

    def whole(self) -> None:
        """The recording is in the cache: its end reaches its size (at once for one that was
        there already)."""
        if self.bytes == 0:
            self.bytes = max(0, self.recording.size)
        self.size = self.bytes
        self.report(force=True)

    def report(self, *, force: bool) -> None:
        whole = max(self.size or 0, self.bytes)
        self._reporter.report(
            DownloadProgress(
                self._index,
                len(self._recordings),
                self._before + self.bytes,
                self._before + whole + self._later,
                self.recording,
                self.bytes,
                self.size,
            ),
            force=force,
        )
