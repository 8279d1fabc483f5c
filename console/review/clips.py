"""One clip on disk: how long it is, when it was recorded, and what is wrong with it if
anything. Probing reads only the container's header and its last second, never the whole
file, and never raises for a bad file: the problem is part of the answer.
"""

from __future__ import annotations

import enum
import json
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import av

logger = logging.getLogger(__name__)

CLIP_SUFFIXES = frozenset({".mp4", ".ts", ".mkv"})
SIDECAR_SUFFIX = ".tianmu.json"
# How far short of its stated length a clip's last packet may end before it counts as cut off.
_TRUNCATION_SLACK_S = 1.0


class StartSource(enum.StrEnum):
    """Where a clip's wall-clock start came from, best first (the GUI says which)."""

    SERVER = "server"  # the server's recording metadata (a clip in the recordings cache)
    SIDECAR = "sidecar"  # a sidecar JSON next to the file
    CONTAINER = "container"  # the container's creation_time
    MTIME = "mtime"  # the file's modification time minus its duration: a guess


class ClipOrigin(enum.StrEnum):
    FILE = "file"  # opened or dragged in by the operator
    CACHE = "cache"  # downloaded from the server into the recordings cache


class ProblemKind(enum.StrEnum):
    MISSING = "missing"  # the file is gone or cannot be read
    NOT_VIDEO = "not_video"  # not a container with a video stream
    TRUNCATED = "truncated"  # the data stops before the end the container states
    EMPTY = "empty"  # zero bytes or no duration at all


@dataclass(frozen=True, slots=True)
class ClipProblem:
    kind: ProblemKind
    detail: str  # English, for the log and the tooltip; the GUI names ``kind`` itself


@dataclass(frozen=True, slots=True)
class ClipMeta:
    """What is known about a clip beyond its bytes (the sidecar's content)."""

    start: datetime
    end: datetime | None = None
    camera_id: str | None = None
    camera_name: str | None = None
    recording_id: str | None = None
    sha256: str | None = None
    incident_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "camera_id": self.camera_id,
            "camera_name": self.camera_name,
            "recording_id": self.recording_id,
            "sha256": self.sha256,
            "incident_id": self.incident_id,
        }

    @classmethod
    def from_json(cls, data: Any) -> ClipMeta:
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        start = _aware(data.get("start"))
        if start is None:
            raise ValueError("no start time with a time zone")
        texts = {}
        for name in ("camera_id", "camera_name", "recording_id", "sha256", "incident_id"):
            value = data.get(name)
            texts[name] = value if isinstance(value, str) and value else None
        return cls(start=start, end=_aware(data.get("end")), **texts)


@dataclass(frozen=True, slots=True)
class ReviewClip:
    """A clip the review window can list: wall-clock ``start``..``end``, and ``problem``
    when it cannot be played (then ``duration_s`` is 0 and ``start`` the file's mtime)."""

    path: Path
    start: datetime
    end: datetime
    duration_s: float
    start_source: StartSource
    origin: ClipOrigin = ClipOrigin.FILE
    camera_id: str | None = None
    camera_name: str | None = None
    recording_id: str | None = None
    incident_id: str | None = None
    problem: ClipProblem | None = None

    @property
    def playable(self) -> bool:
        return self.problem is None

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment <= self.end


@dataclass(frozen=True, slots=True)
class Probe:
    duration_s: float
    creation_time: datetime | None
    problem: ClipProblem | None = None


def _aware(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> ClipMeta | None:
    """The sidecar next to ``path``, or None when there is none or it cannot be used."""
    side = sidecar_path(path)
    try:
        return ClipMeta.from_json(json.loads(side.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.warning("ignoring the sidecar %s: %s", side.name, exc)
        return None


def write_sidecar(path: Path, meta: ClipMeta) -> Path:
    """Write the sidecar of ``path`` whole (a reader sees the old one or the new one)."""
    side = sidecar_path(path)
    data = json.dumps(meta.to_json(), ensure_ascii=False, indent=1).encode()
    fd, temp = tempfile.mkstemp(dir=side.parent, prefix=".sidecar-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, side)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return side


def probe(path: Path) -> Probe:
    """Duration and creation time from the container, or the problem that stops playback."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Probe(0.0, None, ClipProblem(ProblemKind.MISSING, f"cannot read: {exc.strerror}"))
    if size == 0:
        return Probe(0.0, None, ClipProblem(ProblemKind.EMPTY, "the file is empty"))
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            return _probe_open(container)
    except (av.FFmpegError, OSError, ValueError, UnicodeDecodeError) as exc:
        return Probe(0.0, None, ClipProblem(ProblemKind.NOT_VIDEO, f"not a playable video ({exc})"))


def _probe_open(container: Any) -> Probe:
    if not container.streams.video:
        return Probe(0.0, None, ClipProblem(ProblemKind.NOT_VIDEO, "there is no video stream"))
    stream = container.streams.video[0]
    stated = _stated_duration(container, stream)
    created = _aware(str(container.metadata.get("creation_time", "")))
    if stated <= 0:
        return Probe(0.0, created, ClipProblem(ProblemKind.EMPTY, "the clip has no duration"))
    reached = _last_packet_end(container, stream, max(stated - 2.0, 0.0))
    if reached is None:  # nothing in the last seconds: find where the data really stops
        reached = _last_packet_end(container, stream, 0.0)
    if reached is None:
        return Probe(0.0, created, ClipProblem(ProblemKind.TRUNCATED, "no picture could be read"))
    if reached < stated - _TRUNCATION_SLACK_S:
        detail = f"the recording stops at {reached:.1f} s of {stated:.1f} s"
        return Probe(reached, created, ClipProblem(ProblemKind.TRUNCATED, detail))
    return Probe(stated, created)


def _stated_duration(container: Any, stream: Any) -> float:
    if container.duration is not None:
        return float(container.duration) / av.time_base
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    return 0.0


def _last_packet_end(container: Any, stream: Any, after_s: float) -> float | None:
    """Seconds from the start to the end of the last video packet in the file, reading on
    from ``after_s``; None when no packet is there."""
    start = float(stream.start_time * stream.time_base) if stream.start_time else 0.0
    try:
        target = int(after_s * av.time_base)
        container.seek(target, any_frame=False, backward=True)
    except av.FFmpegError:
        pass  # read on from wherever the demuxer stands
    end: float | None = None
    try:
        for packet in container.demux(stream):
            if packet.pts is None or packet.size == 0:
                continue
            length = float((packet.duration or 0) * packet.time_base)
            end = max(end or 0.0, float(packet.pts * packet.time_base) - start + length)
    except av.FFmpegError:
        pass  # a damaged tail: what was read so far is what the clip holds
    return end


def describe(
    path: Path,
    *,
    meta: ClipMeta | None = None,
    origin: ClipOrigin = ClipOrigin.FILE,
    trust_meta_as: StartSource = StartSource.SIDECAR,
) -> ReviewClip:
    """Probe ``path`` and place it on the wall clock (``meta`` first, then its sidecar,
    then the container's creation time, then mtime minus duration)."""
    found = probe(path)
    meta = meta or read_sidecar(path)
    source = trust_meta_as if meta is not None else None
    start: datetime | None = meta.start if meta is not None else None
    if start is None and found.creation_time is not None:
        start, source = found.creation_time, StartSource.CONTAINER
    if start is None or source is None:
        start, source = _mtime(path) - timedelta(seconds=found.duration_s), StartSource.MTIME
    start = start.astimezone(UTC)
    duration = found.duration_s if found.problem is None else 0.0
    clip = ReviewClip(
        path=path,
        start=start,
        end=start + timedelta(seconds=duration),
        duration_s=duration,
        start_source=source,
        origin=origin,
        problem=found.problem,
    )
    if meta is not None:
        clip = replace(
            clip,
            camera_id=meta.camera_id,
            camera_name=meta.camera_name,
            recording_id=meta.recording_id,
            incident_id=meta.incident_id,
        )
    return clip


def _mtime(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return datetime.now(UTC)
