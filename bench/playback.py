"""Recorded-clip playback in the review window's engine (``console.video.clip_control``,
``clip_sync``) on real libvlc, with clips made by the camera simulator's recorder (H.264 MP4,
wall clock burned in; made once and kept in the temp folder).

* ``clip_first_picture_p50_s`` / ``_p95_s``: from opening an examined clip to its first
  picture in the player's buffer (budget 0.5 s); ``clip_probe_p50_s`` is the examination
  (ffprobe) before it, on a worker in the window;
* ``seek_p50_s`` / ``_p95_s``: random seeks of a paused player in a 1-hour clip, from the
  seek to the sought picture in the buffer (budget 0.3 s);
* ``sync_drift_ms``: four clips played together for 60 s, then the largest gap between the
  pictures they show at one moment, read from the pictures themselves (compared with the
  clips' own frames decoded by ffmpeg once all looks are taken: decoding meanwhile would
  load the machine under the players), the median of several looks (budget 40 ms, a frame);
* ``export_vs_ffmpeg_copy``: the evidence export of five minutes of the long clip (frame
  exact, hashed, signed) in MB/s, over ``ffmpeg -c copy`` of the same range in MB/s, run in
  alternating turns, each timed around its whole run (budget >= 0.8; ``_by_time``: the same
  without the outputs' sizes; ``bench/export.py`` says more and measures it at length).

``--quick``: a 5-minute clip for the seeks and the export, fewer openings, seeks and export
runs, 15 s of synchronised play (under a minute once the clips exist).

    .venv/bin/python bench/playback.py [--quick]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench._common import emit, parse_args, percentile  # noqa: E402
from bench.export import RANGE_FROM_S, RANGE_LENGTH_S, Turns, compare_with_ffmpeg  # noqa: E402
from console.server.media.clips import make_clips  # noqa: E402
from console.video.clip_control import ClipPlayer, ClipState  # noqa: E402
from console.video.clip_info import probe_clip, write_sidecar  # noqa: E402
from console.video.clip_sync import ClipGroup  # noqa: E402
from tests.gui.review.frame_match import shown_pictures, which_frame  # noqa: E402
from tests.gui.review.recorded import DISTINCT, NAMES, START  # noqa: E402

FOLDER = Path(tempfile.gettempdir()) / "tianmu-bench-playback"


def _clip(index: int, seconds: int) -> Path:
    folder = FOLDER / f"cam{index}-{seconds}"
    clip = make_clips(folder, list(NAMES[: index + 1]), start=START, seconds=seconds)[index]
    write_sidecar(clip.path, START, NAMES[index], f"cam-{index + 1:02d}")
    return clip.path


def _pump(players: list[ClipPlayer] | ClipGroup, until: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = time.monotonic()
        if isinstance(players, ClipGroup):
            players.tick(now)
        else:
            for player in players:
                player.tick(now)
        if until():  # type: ignore[operator]
            return True
        time.sleep(0.002)
    return False


def _close(players: list[ClipPlayer]) -> None:
    controllers = [player.source.controller for player in players]
    for player in players:
        player.dispose()
    for controller in controllers:
        if controller is not None:
            controller.join(10.0)


def first_pictures(path: Path, runs: int) -> tuple[list[float], list[float]]:
    probes, firsts = [], []
    for run in range(runs):
        began = time.perf_counter()
        info = probe_clip(path)
        probes.append(time.perf_counter() - began)
        player = ClipPlayer(info, f"bench-open-{run}")
        player.source.request_size(640, 360)
        began = time.perf_counter()
        player.open()
        if _pump([player], lambda p=player: p.state is ClipState.READY, 10.0):
            firsts.append(time.perf_counter() - began)
        _close([player])
    return probes, firsts


def seeks(path: Path, count: int) -> list[float]:
    player = ClipPlayer(probe_clip(path), "bench-seek")
    player.source.request_size(640, 360)
    player.open()
    latencies = []
    try:
        _pump([player], lambda: player.state is ClipState.READY, 10.0)
        _pump([player], lambda: False, 0.5)
        rng = random.Random(12)
        for _ in range(count):
            target = rng.uniform(0, player.length_ms - 2000)
            before = player.source.frame_counter
            began = time.perf_counter()
            player.seek(target)
            if _pump([player], lambda b=before: player.source.frame_counter != b, 5.0):
                latencies.append(time.perf_counter() - began)
            _pump([player], lambda: False, 0.3)  # let the confirming seek pass
    finally:
        _close([player])
    return latencies


def drift(paths: list[Path], play_s: float) -> list[float]:
    group = ClipGroup()
    players = []
    for index, path in enumerate(paths):
        player = ClipPlayer(probe_clip(path), f"bench-sync-{index}")
        player.source.request_size(640, 360)
        player.open()
        group.add(player)
        players.append(player)
    spreads = []
    try:
        _pump(group, lambda: all(p.state is ClipState.READY for p in players), 15.0)
        group.seek(START + timedelta(seconds=2))
        _pump(group, lambda: False, 0.5)
        group.play()
        _pump(group, lambda: False, play_s)
        looks = []
        for _ in range(6):
            # All copied at one moment: shrinking one picture takes longer than a frame lasts
            # on a busy machine, so pictures taken one after the other would differ by that.
            looks.append((shown_pictures([player.source for player in players]), group.now()))
            _pump(group, lambda: False, 0.13)
        group.pause()
        for pictures, wall in looks:
            assert wall is not None
            shown = []
            for player, picture in zip(players, pictures, strict=True):
                assert picture is not None
                at, _unlike = which_frame(
                    picture, player.info.path, group.offset_ms(player, wall), spread=12
                )
                shown.append(at)
            spreads.append(max(shown) - min(shown))
    finally:
        _close(players)
    return spreads


def export_ratio(path: Path, clip_s: int, runs: int) -> Turns:
    """The evidence export and ``ffmpeg -c copy`` of the same range (five minutes from an
    off-keyframe start, or what a shorter clip holds), in alternating turns."""
    length = min(RANGE_LENGTH_S, clip_s - RANGE_FROM_S - 10)
    return compare_with_ffmpeg(path, START, RANGE_FROM_S, RANGE_FROM_S + length, runs)


def main() -> int:
    args = parse_args(__doc__.splitlines()[0])
    quick = args.quick
    long_s = 300 if quick else 3600
    long_clip = _clip(0, long_s)
    sync_s = 15 if quick else 60
    sync_clips = [_clip(index, sync_s + 20) for index in DISTINCT]
    probes, firsts = first_pictures(sync_clips[0], 6 if quick else 20)
    emit("clip_first_picture_p50_s", percentile(firsts, 0.5), "s", 3)
    emit("clip_first_picture_p95_s", percentile(firsts, 0.95), "s", 3)
    emit("clip_probe_p50_s", percentile(probes, 0.5), "s", 3)
    latencies = seeks(long_clip, 12 if quick else 40)
    emit("seek_p50_s", percentile(latencies, 0.5), "s", 3)
    emit("seek_p95_s", percentile(latencies, 0.95), "s", 3)
    spreads = drift(sync_clips, sync_s)
    emit("sync_drift_ms", statistics.median(spreads), "ms", 0)
    emit("sync_drift_max_ms", max(spreads), "ms", 0)
    turns = export_ratio(long_clip, long_s, 3 if quick else 7)
    emit("export_mb_per_s", statistics.median(turns.ours_mb_s), "MB/s", 1)
    emit("ffmpeg_copy_mb_per_s", statistics.median(turns.theirs_mb_s), "MB/s", 1)
    emit("export_vs_ffmpeg_copy", turns.ratio(), "ratio", 2)
    emit("export_vs_ffmpeg_copy_by_time", turns.ratio_by_time(), "ratio", 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
