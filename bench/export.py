"""Evidence export throughput against a plain ``ffmpeg -c copy`` of the same range.

A long recorded clip (the server's clip maker: H.264 MP4 with the clock burned in; made once
and cached in the temp folder) is cut from an off-keyframe start to an off-keyframe end,
alternately by the evidence export (cut with re-encoded edges, SHA-256 of every file, signed
manifest) and by ``ffmpeg -ss A -to B -i clip -c copy`` (stream copy from the keyframe before
A: not frame-exact, no manifest), so both see the same machine load. Figures (``name: value
unit``; medians of the runs):

* ``export_mb_per_s``: bytes of the exported MP4 per second of the whole export;
* ``ffmpeg_copy_mb_per_s``: bytes of ffmpeg's copy per second of its run (process start
  included, as for the export's ffmpeg calls);
* ``export_vs_ffmpeg_copy``: the ratio (budget >= 0.8);
* ``export_reencoded_s``: seconds of video encoded again at the two edges.

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 10-minute clip, 5 runs")
    args = parser.parse_args()
    minutes, runs = (10, 5) if args.quick else (30, 9)

    cache = Path(tempfile.gettempdir()) / "tianmu-bench-export"
    made = time.perf_counter()
    (clip,) = make_clips(cache, ["Bench Gate"], start=CLIP_START, seconds=minutes * 60)
    print(f"clip_ready_s: {time.perf_counter() - made:.1f} s", flush=True)

    start = CLIP_START + timedelta(seconds=RANGE_FROM_S)
    end = start + timedelta(seconds=RANGE_LENGTH_S)
    ours: list[float] = []
    theirs: list[float] = []
    reencoded = 0.0
    signer = WorkstationKey.generate()
    with tempfile.TemporaryDirectory(prefix="tianmu-bench-export-") as scratch:
        work = Path(scratch)
        for run in range(runs):
            copy_out = work / f"copy-{run}.mp4"
            seconds = _ffmpeg_copy(clip.path, copy_out, RANGE_FROM_S, RANGE_FROM_S + RANGE_LENGTH_S)
            theirs.append(copy_out.stat().st_size / seconds / 1e6)
            copy_out.unlink()

            result = export_evidence(
                [ClipRange(clip.path, "cam-bench", clip.start, start, end)],
                work / f"export-{run}",
                officer="bench",
                incident_id=None,
                signer=signer,
                camera_names={"cam-bench": "Bench Gate"},
                new_folder=False,
            )
            ours.append(result.bytes_written / result.seconds / 1e6)
            manifest = json.loads(result.manifest_path.read_bytes())
            reencoded = float(manifest["clips"][0]["reencoded_s"])
            shutil.rmtree(result.folder)

    ours_mb = statistics.median(ours)
    theirs_mb = statistics.median(theirs)
    print(f"export_mb_per_s: {ours_mb:.1f} MB/s")
    print(f"ffmpeg_copy_mb_per_s: {theirs_mb:.1f} MB/s")
    print(f"export_vs_ffmpeg_copy: {ours_mb / theirs_mb:.2f} ratio")
    print(f"export_reencoded_s: {reencoded:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
