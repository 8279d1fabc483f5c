"""Recorded clips for the review tests: made by the camera simulator's recorder
(``console.server.media.clips``: the wall-clock time burned into every picture), each with
a sidecar saying when it starts, as the recordings cache writes it."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.server.media import Clip, make_clips
from console.video.clip_info import write_sidecar

START = datetime(2026, 12, 4, 8, 0, 0, tzinfo=UTC)
NAMES = (
    "嘉积 Jiaji Rd 01",
    "博鳌 Boao Pier 02",
    "万泉河 Wanquan 03",
    "港口 Harbour 04",
    "白沙 Baisha 05",
    "市场 Market 06",
)
#: Scenes whose moving blocks move far enough each frame to tell neighbouring frames apart.
DISTINCT = (0, 1, 2, 5)


def clip_folder() -> Path:
    """Clips are kept between runs (made again only when their look changes)."""
    folder = Path(os.environ.get("TIANMU_REVIEW_CLIPS", "/tmp/tianmu-review-clips"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recorded(
    index: int, *, delay_s: float = 0.0, seconds: int = 20, folder: Path | None = None
) -> Clip:
    """Camera ``index``'s clip (scene ``index``), starting ``delay_s`` after ``START``."""
    start = START + timedelta(seconds=delay_s)
    folder = (folder or clip_folder()) / f"cam{index}-{int(delay_s * 1000)}-{seconds}"
    clip = make_clips(folder, list(NAMES[: index + 1]), start=start, seconds=seconds)[index]
    write_sidecar(clip.path, start, NAMES[index], f"cam-{index + 1:02d}")
    return clip
