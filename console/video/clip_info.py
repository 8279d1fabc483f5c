"""What a recorded clip file is: its length, frame rate, picture size and wall-clock start.

``examine`` is the one examination of a clip file (the review catalogue's ``describe`` in
``console.review.clips`` uses it too): it reads the container's header and its last two
seconds with PyAV, never the whole file unless the end is missing, and never raises: what is
wrong is part of the answer (``ClipProblem``). Tens of ms; still, call it on a worker, never
on the GUI thread. ``probe_clip`` turns it into what the player needs, and a file that
cannot be played — not a video, or truncated before any intact picture — into a
``ClipError`` with words an operator understands, so the player shows a message instead of a
black picture. A truncated file with intact pictures plays its intact part.

The wall-clock time of the file's first picture comes from, in order: a sidecar JSON next to
the file (``<file>.tianmu.json`` as the recordings cache and the evidence export write it —
``console.review.clips`` reads the same for the catalogue — or ``<file>.json``/``<stem>.json``
with ``"start"``), the container's ``creation_time``, or the file's modification time minus
its length. ``start_from`` says which, since the last one is only a guess.
"""

from __future__ import annotations

import contextlib
import enum
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import av

VIDEO_SUFFIXES = (".mp4", ".ts", ".mkv", ".m4v", ".mov")
# The recordings cache's and the evidence export's sidecar (``console.review.clips``).
SIDECAR_SUFFIX = ".tianmu.json"
# How far short of its stated length a clip's last packet may end before it counts as cut off.
_TRUNCATION_SLACK_S = 1.0
# The least intact part of a truncated clip worth playing.
_PLAYABLE_PART_S = 0.5


class ClipError(RuntimeError):
    """The file cannot be played; the message says why in plain words."""


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
class Examination:
    """What ``examine`` found. ``duration_s`` is what can be played: for a truncated file
    (``problem`` TRUNCATED) the intact part, of ``stated_s`` the container promises."""

    duration_s: float
    creation_time: datetime | None = None
    fps: float = 0.0
    width: int = 0
    height: int = 0
    stated_s: float = 0.0
    problem: ClipProblem | None = None


@dataclass(frozen=True)
class ClipInfo:
    path: Path
    name: str
    camera_id: str
    start: datetime  # wall clock of the first picture (aware, UTC)
    duration_s: float
    fps: float
    width: int
    height: int
    start_from: str  # "sidecar", "container" or "file time"
    #: what is wrong with a file that still plays in part (a truncated recording), else ""
    damage: str = ""

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.duration_s)

    @property
    def frame_ms(self) -> float:
        return 1000.0 / self.fps if self.fps > 0 else 40.0


def _sidecar(path: Path) -> dict[str, object] | None:
    candidates = (
        path.with_name(path.name + SIDECAR_SUFFIX),
        path.with_name(path.name + ".json"),
        path.with_suffix(".json"),
    )
    for candidate in candidates:
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "start" in data:
            return data
    return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _parse_time(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return None


def examine(path: Path) -> Examination:
    """Length, frame rate, size and creation time from the container, or the problem that
    stops playback (see the module docstring)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Examination(
            0.0, problem=ClipProblem(ProblemKind.MISSING, f"cannot read: {exc.strerror}")
        )
    if size == 0:
        return Examination(0.0, problem=ClipProblem(ProblemKind.EMPTY, "the file is empty"))
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            return _examine_open(container)
    except (av.FFmpegError, OSError, ValueError, UnicodeDecodeError) as exc:
        detail = f"not a playable video ({exc})"
        return Examination(0.0, problem=ClipProblem(ProblemKind.NOT_VIDEO, detail))


def _examine_open(container: Any) -> Examination:
    if not container.streams.video:
        return Examination(
            0.0, problem=ClipProblem(ProblemKind.NOT_VIDEO, "there is no video stream")
        )
    stream = container.streams.video[0]
    created = _parse_time(str(container.metadata.get("creation_time", "")) or None)
    rate = stream.average_rate or stream.guessed_rate
    fps = float(rate) if rate and 0 < float(rate) < 1000 else 25.0
    context = stream.codec_context
    facts: dict[str, Any] = {
        "creation_time": created,
        "fps": fps,
        "width": int(context.width or 0),
        "height": int(context.height or 0),
    }
    stated = _stated_duration(container, stream)
    if stated <= 0:
        problem = ClipProblem(ProblemKind.EMPTY, "the clip has no duration")
        return Examination(0.0, problem=problem, **facts)
    reached = _last_packet_end(container, stream, max(stated - 2.0, 0.0))
    if reached is None:  # nothing in the last seconds: find where the data really stops
        reached = _last_packet_end(container, stream, 0.0)
    if reached is None:
        problem = ClipProblem(ProblemKind.TRUNCATED, "no picture could be read")
        return Examination(0.0, stated_s=stated, problem=problem, **facts)
    if reached < stated - _TRUNCATION_SLACK_S:
        detail = f"the recording stops at {reached:.1f} s of {stated:.1f} s"
        problem = ClipProblem(ProblemKind.TRUNCATED, detail)
        return Examination(reached, stated_s=stated, problem=problem, **facts)
    return Examination(stated, stated_s=stated, **facts)


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
    with contextlib.suppress(av.FFmpegError):  # else read on from wherever the demuxer stands
        container.seek(int(after_s * av.time_base), any_frame=False, backward=True)
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


def probe_clip(path: Path) -> ClipInfo:
    """Read ``path``'s facts (see the module docstring); raises ``ClipError``."""
    path = Path(path)
    found = examine(path)
    problem = found.problem
    damage = ""
    if problem is not None:
        kind = problem.kind
        if kind is ProblemKind.MISSING:
            raise ClipError(f"{path.name}: no such file")
        if kind is ProblemKind.EMPTY and found.width == 0:  # not even a header
            raise ClipError(f"{path.name}: the file is empty")
        if kind is ProblemKind.EMPTY:
            raise ClipError(f"{path.name}: the file holds no pictures (damaged or truncated)")
        if kind is ProblemKind.NOT_VIDEO:
            raise ClipError(
                f"{path.name}: not a playable video — the file is damaged, truncated or of "
                "another kind"
            )
        if found.duration_s < _PLAYABLE_PART_S:
            raise ClipError(f"{path.name}: the file is truncated: no picture in it is intact")
        # The index promises more than the file holds: play the part that is there.
        damage = (
            f"{path.name} is truncated: only {found.duration_s:.1f} s of "
            f"{found.stated_s:.1f} s can be played"
        )
    sidecar = _sidecar(path)
    start = _parse_time(sidecar.get("start")) if sidecar else None
    start_from = "sidecar"
    if start is None:
        start = found.creation_time
        start_from = "container"
    if start is None:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        start = modified - timedelta(seconds=found.duration_s)
        start_from = "file time"
    name = str(sidecar.get("camera_name") or "") if sidecar else ""
    camera_id = str(sidecar.get("camera_id") or "") if sidecar else ""
    return ClipInfo(
        path=path,
        name=name or path.stem,
        camera_id=camera_id or path.stem,
        start=start,
        duration_s=found.duration_s,
        fps=found.fps,
        width=found.width,
        height=found.height,
        start_from=start_from,
        damage=damage,
    )


def write_sidecar(path: Path, start: datetime, camera_name: str = "", camera_id: str = "") -> Path:
    """Write the sidecar saying when ``path`` starts (tests and the demo's clips)."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    data = {"start": _aware(start).isoformat(), "camera_name": camera_name, "camera_id": camera_id}
    sidecar.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return sidecar


def video_files(paths: list[Path]) -> list[Path]:
    """The video files named, folders searched (not recursively deep: one level)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in VIDEO_SUFFIXES))
        else:
            found.append(path)
    return found
