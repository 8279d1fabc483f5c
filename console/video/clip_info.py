"""What a recorded clip file is: its length, frame rate, picture size and wall-clock start.

Read with ``ffprobe`` (slow: call it on a worker, never on the GUI thread). A file ffprobe
cannot make sense of — truncated before its index, or not a video at all — raises
``ClipError`` with words an operator understands, so the player shows a message instead of a
black picture.

The wall-clock time of the file's first picture comes from, in order: a sidecar JSON next to
the file (``<file>.tianmu.json`` as the recordings cache and the evidence export write it —
``console.review.clips`` reads the same for the catalogue — or ``<file>.json``/``<stem>.json``
with ``"start"``), the container's ``creation_time``, or the file's modification time minus
its length. ``start_from`` says which, since the last one is only a guess.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

VIDEO_SUFFIXES = (".mp4", ".ts", ".mkv", ".m4v", ".mov")
# The recordings cache's and the evidence export's sidecar (``console.review.clips``).
SIDECAR_SUFFIX = ".tianmu.json"
_PROBE_TIMEOUT_S = 20.0


class ClipError(RuntimeError):
    """The file cannot be played; the message says why in plain words."""


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


def probe_clip(path: Path) -> ClipInfo:
    """Read ``path``'s facts (see the module docstring); raises ``ClipError``."""
    path = Path(path)
    if not path.is_file():
        raise ClipError(f"{path.name}: no such file")
    if path.stat().st_size == 0:
        raise ClipError(f"{path.name}: the file is empty")
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise ClipError("ffprobe is not installed: clips cannot be examined")
    command = [
        ffprobe, "-v", "error", "-select_streams", "v:0",
        "-show_entries", "stream=width,height,avg_frame_rate,r_frame_rate,duration"
        ":format=duration:format_tags=creation_time",
        "-of", "json", str(path),
    ]  # fmt: skip
    try:
        result = subprocess.run(command, capture_output=True, timeout=_PROBE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as error:
        raise ClipError(f"{path.name}: examining the file took too long") from error
    try:
        facts = json.loads(result.stdout or b"{}")
    except ValueError:
        facts = {}
    streams = facts.get("streams") or []
    if result.returncode != 0 or not streams:
        raise ClipError(
            f"{path.name}: not a playable video — the file is damaged, truncated or of another kind"
        )
    stream = streams[0]
    fmt = facts.get("format") or {}
    duration = _number(stream.get("duration")) or _number(fmt.get("duration"))
    if not duration or duration <= 0:
        raise ClipError(f"{path.name}: the file holds no pictures (damaged or truncated)")
    fps = _rate(stream.get("avg_frame_rate")) or _rate(stream.get("r_frame_rate")) or 25.0
    damage = ""
    if not _tail_readable(ffprobe, path, duration):
        # The index promises more than the file holds: play the part that is there.
        intact = _last_packet_s(ffprobe, path)
        if intact is None or intact < 0.5:
            raise ClipError(f"{path.name}: the file is truncated: no picture in it is intact")
        damage = f"{path.name} is truncated: only {intact:.1f} s of {duration:.1f} s can be played"
        duration = intact
    sidecar = _sidecar(path)
    start = _parse_time(sidecar.get("start")) if sidecar else None
    start_from = "sidecar"
    if start is None:
        start = _parse_time((fmt.get("tags") or {}).get("creation_time"))
        start_from = "container"
    if start is None:
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        start = modified - timedelta(seconds=duration)
        start_from = "file time"
    name = str(sidecar.get("camera_name") or "") if sidecar else ""
    camera_id = str(sidecar.get("camera_id") or "") if sidecar else ""
    return ClipInfo(
        path=path,
        name=name or path.stem,
        camera_id=camera_id or path.stem,
        start=start,
        duration_s=duration,
        fps=fps,
        width=int(stream.get("width") or 0),
        height=int(stream.get("height") or 0),
        start_from=start_from,
        damage=damage,
    )


def _packet_times(ffprobe: str, path: Path, *extra: str) -> list[float]:
    command = [
        ffprobe, "-v", "quiet", "-select_streams", "v:0", *extra,
        "-show_entries", "packet=pts_time", "-of", "csv=p=0", str(path),
    ]  # fmt: skip
    try:
        result = subprocess.run(command, capture_output=True, timeout=_PROBE_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        return []
    times = []
    for line in result.stdout.decode(errors="replace").splitlines():
        value = _number(line.strip().strip(","))
        if value is not None:
            times.append(value)
    return times


def _tail_readable(ffprobe: str, path: Path, duration: float) -> bool:
    """Whether the last two seconds the index promises can be read (cheap: a seek)."""
    return bool(
        _packet_times(ffprobe, path, "-read_intervals", f"{max(0.0, duration - 2):.3f}%+#3")
    )


def _last_packet_s(ffprobe: str, path: Path) -> float | None:
    """The time of the last readable picture (reads the whole file: only for damaged ones)."""
    times = _packet_times(ffprobe, path)
    return max(times) if times else None


def _number(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _rate(value: object) -> float | None:
    if not isinstance(value, str) or "/" not in value:
        return None
    try:
        rate = Fraction(value)
    except (ValueError, ZeroDivisionError):
        return None
    return float(rate) if 0 < rate < 1000 else None


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
