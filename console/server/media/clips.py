"""Recorded clips for playback: H.264 MP4 with the camera name and recording time burned in."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from console.server.media.encoder import StreamShape, clip_command, write_caption_files
from console.server.media.scenes import scene_for

logger = logging.getLogger(__name__)

# Bump when the look of clips changes, so cached files are made again.
_CLIP_STYLE = 1


@dataclass(frozen=True)
class Clip:
    """A recorded clip on disk and what it shows."""

    path: Path
    camera_name: str
    start: datetime
    end: datetime
    sha256: str
    size: int


def _clock_text(start: datetime) -> str:
    """drawtext text printing the recording's wall-clock time (start + frame time).

    An aware ``start`` is shown in its own time zone (gmtime of a shifted epoch); a naive
    one is taken as local time.
    """
    offset = start.utcoffset()
    if offset is None:
        return f"%{{pts:localtime:{start.timestamp():.3f}}}"
    return f"%{{pts:gmtime:{start.timestamp() + offset.total_seconds():.3f}}}"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def make_clips(
    outdir: Path,
    names: Sequence[str],
    *,
    start: datetime,
    seconds: int = 20,
    size: tuple[int, int] = (640, 360),
    fps: float = 25,
) -> list[Clip]:
    """One clip per camera name, recorded from ``start`` for ``seconds`` seconds.

    Clips already made with the same parameters are reused, not made again.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    shape = StreamShape(size[0], size[1], fps)
    clips = []
    for index, name in enumerate(names):
        scene = scene_for(index)
        key = json.dumps(
            [_CLIP_STYLE, name, start.isoformat(), seconds, size, fps, scene.name],
            ensure_ascii=False,
        )
        tag = hashlib.sha256(key.encode()).hexdigest()[:16]
        path = outdir / f"clip{index + 1:02d}-{tag}.mp4"
        if not path.exists():
            _record(path, name, scene_index=index, start=start, seconds=seconds, shape=shape)
        clips.append(
            Clip(
                path=path,
                camera_name=name,
                start=start,
                end=start + timedelta(seconds=seconds),
                sha256=_sha256(path),
                size=path.stat().st_size,
            )
        )
    return clips


def _record(
    path: Path, name: str, *, scene_index: int, start: datetime, seconds: int, shape: StreamShape
) -> None:
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".clip-") as scratch:
        folder = Path(scratch)
        write_caption_files(folder, name, _clock_text(start))
        partial = folder / "clip.mp4"
        command = clip_command(
            scene_for(scene_index), shape=shape, seconds=seconds, tag="REC", output=partial
        )
        result = subprocess.run(command, cwd=folder, capture_output=True, timeout=300, check=False)
        if result.returncode != 0:
            raise RuntimeError(
                f"ffmpeg could not make {path.name}: {result.stderr.decode(errors='replace')[-500:]}"
            )
        # Renamed into place only when complete, so a cached clip is never a torn file.
        os.replace(partial, path)
    logger.info("made clip %s (%s, %s s)", path.name, name, seconds)
