"""Evidence export: a wall-clock range of one or more clips into a signed folder."""

from __future__ import annotations

import base64
import json
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import console
from console.evidence.cutting import CutPlan, cut_range, plan_cut, read_layout
from console.evidence.keys import WorkstationKey
from console.evidence.manifest import (
    FORMAT,
    MANIFEST_NAME,
    SIGNATURE_ALGORITHM,
    SIGNATURE_NAME,
    canonical,
    file_entry,
    sha256_file,
    signature_document,
)

logger = logging.getLogger(__name__)

CLIPS_FOLDER = "clips"


class ExportError(ValueError):
    """An export that cannot be made; the message says why."""


@dataclass(frozen=True)
class ClipRange:
    """A wall-clock range to cut from one file.

    ``clip_start`` is the wall-clock time of the file's first frame (offset 0).
    """

    path: Path
    camera_id: str
    clip_start: datetime
    start: datetime
    end: datetime


@dataclass(frozen=True)
class ExportResult:
    """A finished export: its folder, manifest, the video files it wrote, and the cost."""

    folder: Path
    manifest_path: Path
    files: list[Path]  # the MP4 clips and their sidecars (``<clip>.tianmu.json``)
    bytes_written: int
    seconds: float
    manifest_sha256: str


def iso(moment: datetime) -> str:
    """UTC ISO-8601 with microseconds and ``Z`` (one spelling per instant, for signing)."""
    if moment.tzinfo is None:
        raise ExportError("times must carry a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "camera"


def new_export_folder(parent: Path, incident_id: str | None, at: datetime) -> Path:
    """A new, empty folder under ``parent`` named by the time (and event) of the export."""
    stem = at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    if incident_id:
        stem += "-" + _safe(incident_id)
    for n in range(1, 1000):
        folder = parent / (stem if n == 1 else f"{stem}-{n}")
        try:
            folder.mkdir(parents=True)
        except FileExistsError:
            continue
        return folder
    raise ExportError(f"too many exports named {stem} in {parent}")


def export_evidence(
    clips: list[ClipRange],
    out_dir: Path,
    *,
    officer: str,
    incident_id: str | None,
    signer: WorkstationKey,
    camera_names: dict[str, str],
    new_folder: bool = True,
) -> ExportResult:
    """Cut every clip's range into MP4 files, write and sign the manifest.

    With ``new_folder`` (the default) the export goes into a new folder made under
    ``out_dir``; otherwise ``out_dir`` itself is used and must be empty or absent.
    Blocking (ffmpeg, hashing): call it from a worker thread.
    """
    if not clips:
        raise ExportError("nothing to export: no clip given")
    if not officer.strip():
        raise ExportError("the officer making the export must be named")
    for clip in clips:
        if clip.end <= clip.start:
            raise ExportError(f"{clip.path.name}: the range ends before it starts")
        if not Path(clip.path).is_file():
            raise ExportError(f"{clip.path}: no such file")
    began = time.perf_counter()
    exported_at = datetime.now(UTC)
    if new_folder:
        folder = new_export_folder(Path(out_dir), incident_id, exported_at)
    else:
        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.iterdir()):
            raise ExportError(f"{folder} is not empty")
    (folder / CLIPS_FOLDER).mkdir()

    written: list[Path] = []
    digests: dict[Path, str] = {}
    clip_records = []
    taken: set[str] = set()
    # Each source is hashed whole on a side thread while the cuts run (hashlib and the file
    # reads let go of the GIL): in line, a long recording's read would add to every export.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-source-sha256") as pool:
        hashing = {Path(c.path): pool.submit(sha256_file, Path(c.path)) for c in clips}
        try:
            for clip in clips:
                name = f"{_safe(clip.camera_id)}_{clip.start.astimezone(UTC):%Y%m%dT%H%M%S}Z"
                while name in taken:
                    name += "_"
                taken.add(name)
                target = folder / CLIPS_FOLDER / f"{name}.mp4"
                record, digests[target], side = _export_clip(
                    clip, target, camera_names, incident_id
                )
                record["file"] = target.relative_to(folder).as_posix()
                clip_records.append(record)
                written += [target, side]
        except BaseException:
            for pending in hashing.values():
                pending.cancel()
            raise
        for record, clip in zip(clip_records, clips, strict=True):
            record["source_sha256"] = hashing[Path(clip.path)].result()

    public = signer.public_key_bytes()
    manifest = {
        "format": FORMAT,
        "tool": {"name": "tianmu", "version": console.__version__},
        "exported_at": iso(exported_at),
        "officer": officer,
        "incident_id": incident_id,
        "range": {
            "start": iso(min(c.start for c in clips)),
            "end": iso(max(c.end for c in clips)),
        },
        "cameras": [
            {"id": camera_id, "name": camera_names.get(camera_id, "")}
            for camera_id in sorted({c.camera_id for c in clips})
        ],
        "clips": clip_records,
        "files": [file_entry(folder, path, digests.get(path)).as_json() for path in written],
        "public_key": {
            "algorithm": SIGNATURE_ALGORITHM,
            "key": base64.b64encode(public).decode("ascii"),
            "fingerprint": signer.fingerprint(),
        },
    }
    manifest_bytes = canonical(manifest)
    manifest_path = folder / MANIFEST_NAME
    manifest_path.write_bytes(manifest_bytes)
    (folder / SIGNATURE_NAME).write_bytes(
        signature_document(manifest_bytes, signer.sign(manifest_bytes), signer.fingerprint())
    )
    total = sum(p.stat().st_size for p in written)
    seconds = time.perf_counter() - began
    logger.info(
        "exported %s clip(s), %s bytes, to %s in %.2f s", len(written), total, folder, seconds
    )
    return ExportResult(
        folder=folder,
        manifest_path=manifest_path,
        files=written,
        bytes_written=total,
        seconds=seconds,
        manifest_sha256=sha256_file(manifest_path),
    )


def _export_clip(
    clip: ClipRange, target: Path, camera_names: dict[str, str], incident_id: str | None
) -> tuple[dict[str, str], str, Path]:
    """Cut ``clip`` into ``target`` and write its sidecar: (the clip's manifest record without
    its file and source digest, the cut's SHA-256, the sidecar's path)."""
    source = Path(clip.path)
    start_s = (clip.start - clip.clip_start).total_seconds()
    end_s = (clip.end - clip.clip_start).total_seconds()
    layout = read_layout(source, around=(start_s, end_s))
    if end_s <= 0 or start_s >= layout.duration_s:
        raise ExportError(f"{source.name}: the range lies outside the recording")
    begins = plan_cut(layout, start_s, end_s, tail_copies=True).start_s
    plan = cut_range(
        source,
        target,
        start_s,
        end_s,
        layout=layout,
        creation_time=clip.clip_start + timedelta(seconds=begins),
    )
    first = clip.clip_start + timedelta(seconds=plan.start_s)
    last = clip.clip_start + timedelta(seconds=plan.end_s)
    # Hashed once, just written (still in the page cache): the sidecar and the manifest both
    # name this digest.
    digest = sha256_file(target)
    side = _write_sidecar(target, digest, clip, first, last, camera_names, incident_id)
    record = {
        "camera_id": clip.camera_id,
        "camera_name": camera_names.get(clip.camera_id, ""),
        "start": iso(first),
        "end": iso(last),
        "source_name": source.name,
        "reencoded_s": _reencoded_seconds(plan),
    }
    return record, digest, side


# The review window reads this beside a clip to place it on the wall clock exactly (an MP4's
# creation_time holds whole seconds only). Same fields as console.review's clip sidecar.
SIDECAR_SUFFIX = ".tianmu.json"


def _write_sidecar(
    target: Path,
    sha256: str,
    clip: ClipRange,
    first: datetime,
    last: datetime,
    camera_names: dict[str, str],
    incident_id: str | None,
) -> Path:
    side = target.with_name(target.name + SIDECAR_SUFFIX)
    meta = {
        "start": iso(first),
        "end": iso(last),
        "camera_id": clip.camera_id,
        "camera_name": camera_names.get(clip.camera_id) or None,
        "recording_id": None,
        "sha256": sha256,
        "incident_id": incident_id,
    }
    side.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return side


def _reencoded_seconds(plan: CutPlan) -> str:
    """How much of a cut was encoded again, as text (the manifest holds no floats)."""
    head = plan.head[1] - plan.head[0] if plan.head else 0.0
    tail = plan.tail[1] - plan.tail[0] if plan.tail else 0.0
    return f"{head + tail:.3f}"
