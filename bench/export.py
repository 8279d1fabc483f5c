"""Evidence export throughput against a plain ``ffmpeg -c copy`` of the same range.

A long recorded clip (the server's clip maker: H.264 MP4 with the clock burned in; made once
and cached in the temp folder) is cut from an off-keyframe start to an off-keyframe end,
alternately by the evidence export (frame-exact cut with the partial group at the start
encoded again, SHA-256 of every file and of the source, signed manifest) and by ``ffmpeg
-ss A -to B -i clip -c copy`` (stream copy from the keyframe before A: not frame-exact, no
manifest), so both see the same machine load. Turns alternate (ffmpeg first in even runs,
the export first in odd ones), each side is timed from outside around its whole run, and
both write into the same scratch folder. Figures (``name: value unit``; medians of the runs):

* ``export_mb_per_s``: bytes the export wrote (the MP4 and its sidecar) per second of it;
* ``ffmpeg_copy_mb_per_s``: bytes of ffmpeg's copy per second of its run (process start
  included, as the export's own start-up is);
* ``export_vs_ffmpeg_copy``: the ratio (budget >= 0.8);
* ``export_vs_ffmpeg_copy_by_time``: ffmpeg's seconds over the export's, the same range
  without the two outputs' sizes (the export's re-encoded start is larger than the source's
  frames; ffmpeg's copy starts at the keyframe before the range);
* ``export_reencoded_s``: seconds of video encoded again.

``--quick``: a 10-minute clip, 5 runs each; the default a 30-minute clip, 9 runs each.

    .venv/bin/python bench/export.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from console.evidence import ClipRange, WorkstationKey, export_evidence  # noqa: E402
from console.server.media.clips import make_clips  # noqa: E402

CLIP_START = datetime(2026, 1, 5, 8, 0, 0, tzinfo=UTC)
RANGE_FROM_S = 61.36  # both edges fall inside a one-second group of pictures
RANGE_LENGTH_S = 300.52


def _ffmpeg_copy(source: Path, out: Path, start_s: float, end_s: float) -> float:
    began = time.perf_counter()
    subprocess.run(
        [
            "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-ss", f"{start_s:.3f}", "-to", f"{end_s:.3f}", "-i", str(source),
            "-map", "0:v:0", "-c", "copy", str(out),
        ],
        check=True,
        timeout=600,
    )  # fmt: skip
    return time.perf_counter() - began


@dataclass
class Turns:
    """Each side's runs: MB/s of what it wrote, and seconds of its whole run."""

    ours_mb_s: list[float] = field(default_factory=list)
    theirs_mb_s: list[float] = field(default_factory=list)
    ours_s: list[float] = field(default_factory=list)
    theirs_s: list[float] = field(default_factory=list)
    reencoded_s: float = 0.0

    def ratio(self) -> float:
        return statistics.median(self.ours_mb_s) / statistics.median(self.theirs_mb_s)

    def ratio_by_time(self) -> float:
        return statistics.median(self.theirs_s) / statistics.median(self.ours_s)


def compare_with_ffmpeg(
    source: Path, clip_start: datetime, start_s: float, end_s: float, runs: int
) -> Turns:
    """The evidence export and ``ffmpeg -c copy`` of ``start_s``-``end_s`` of ``source``, in
    alternating turns (see the module docstring)."""
    signer = WorkstationKey.generate()
    turns = Turns()
    start = clip_start + timedelta(seconds=start_s)
    end = clip_start + timedelta(seconds=end_s)
    with tempfile.TemporaryDirectory(prefix="tianmu-bench-export-") as scratch:
        work = Path(scratch)

        def theirs(run: int) -> None:
            out = work / f"copy-{run}.mp4"
            seconds = _ffmpeg_copy(source, out, start_s, end_s)
            turns.theirs_s.append(seconds)
            turns.theirs_mb_s.append(out.stat().st_size / seconds / 1e6)
            out.unlink()

        def ours(run: int) -> None:
            began = time.perf_counter()
            result = export_evidence(
                [ClipRange(source, "cam-bench", clip_start, start, end)],
                work / f"export-{run}",
                officer="bench",
                incident_id=None,
                signer=signer,
                camera_names={"cam-bench": "Bench Gate"},
                new_folder=False,
            )
            seconds = time.perf_counter() - began
            turns.ours_s.append(seconds)
            turns.ours_mb_s.append(result.bytes_written / seconds / 1e6)
            manifest = json.loads(result.manifest_path.read_bytes())
            turns.reencoded_s = float(manifest["clips"][0]["reencoded_s"])
            shutil.rmtree(result.folder)

        for run in range(runs):
            for side in (theirs, ours) if run % 2 == 0 else (ours, theirs):
                side(run)
    return turns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 10-minute clip, 5 runs")
    args = parser.parse_args()
    minutes, runs = (10, 5) if args.quick else (30, 9)

    cache = Path(tempfile.gettempdir()) / "tianmu-bench-export"
    made = time.perf_counter()
    (clip,) = make_clips(cache, ["Bench Gate"], start=CLIP_START, seconds=minutes * 60)
    print(f"clip_ready_s: {time.perf_counter() - made:.1f} s", flush=True)

    turns = compare_with_ffmpeg(
        clip.path, clip.start, RANGE_FROM_S, RANGE_FROM_S + RANGE_LENGTH_S, runs
    )
    print(f"export_mb_per_s: {statistics.median(turns.ours_mb_s):.1f} MB/s")
    print(f"ffmpeg_copy_mb_per_s: {statistics.median(turns.theirs_mb_s):.1f} MB/s")
    print(f"export_vs_ffmpeg_copy: {turns.ratio():.2f} ratio")
    print(f"export_vs_ffmpeg_copy_by_time: {turns.ratio_by_time():.2f} ratio")
    print(f"export_reencoded_s: {turns.reencoded_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
