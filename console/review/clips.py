"""One clip on disk: how long it is, when it was recorded, and what is wrong with it if
anything. Probing is the player's examination (``console.video.clip_info.examine``): it
reads only the container's header and its last seconds, never the whole file, and never
raises for a bad file: the problem is part of the answer.
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

# The kinds of problem are the examination's; named here too, for the catalogue's users.
from console.video.clip_info import ClipProblem, examine
from console.video.clip_info import ProblemKind as ProblemKind

logger = logging.getLogger(__name__)

CLIP_SUFFIXES = frozenset({".mp4", ".ts", ".mkv"})
SIDECAR_SUFFIX = ".tianmu.json"


class StartSource(enum.StrEnum):
    """Where a clip's wall-clock start came from, best first (the GUI says which)."""

    SERVER = "server"  # the server's recording metadata (a clip in the recordings cache)
    SIDECAR = "sidecar"  # a sidecar JSON next to the file
    CONTAINER = "container"  # the container's creation_time
    MTIME = "mtime"  # the file's modification time minus its duration: a guess


class ClipOrigin(enum.StrEnum):
    FILE = "file"  # opened or dragged in by the operator
    CACHE = "cache"  # downloaded from the server into the recordings cache


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
    """Duration and creation time from the container, or the problem that stops playback
    (``console.video.clip_info.examine``: the player's examination, the one there is)."""
    found = examine(path)
    return Probe(found.duration_s, found.creation_time, found.problem)


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
