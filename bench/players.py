"""Player lifecycle benchmark: does a wall that flips pages keep only the players it shows?

Sixteen libvlc players (``VlcSource``, as the wall's tiles make them) play the camera
simulator's live sub streams at a wall tile's size (479x270). A *flip* disposes all sixteen and
opens sixteen fresh ones, as a page flip, a patrol step or a minimise and restore do; every
second page also has one tile maximised on a main stream (1916x1040), as a sub-to-main switch
does. After each flip the run waits for every new player's first picture, reads the pictures
as a painter would for a while (``--dwell``, as a patrol page stays up), and samples the
process's resident memory.

Figures (``name: value unit``):

* ``players_rss_growth_per_flip_mb``: slope of resident memory over the flips after the
  first fifth (least squares, with its standard error: a slope within about two of them is
  the scatter of the samples, not growth), and the RSS at the start, the end and the most;
* ``players_alive`` and ``players_alive_over_shown``: live ``PlayerController`` objects after
  the last flip (with a garbage collection) against the sixteen shown; also ``VlcSource`` and
  ``FrameExchange`` objects, and the most controllers alive at the end of a page's showing
  *without* a collection (what reference counting alone frees);
* threads and file descriptors of this process with a page shown, after the first flip and
  after the last;
* the picture pool's figures (blocks made, requests served by reuse, idle megabytes), and how
  often the C heap was trimmed after releases (``TIANMU_HEAP_TUNING=0`` turns the trimming and
  the fixed mmap threshold of ``console.video.native_heap`` off, to measure what they are
  worth);
* ``players_flip_p50_s``: time from a flip to the last of its sixteen first pictures.

``--quick`` makes 10 flips of 0.5 s pages (under a minute); the default is 100 flips of 2 s
pages (``--flips N``, ``--dwell S``).

    .venv/bin/python bench/players.py [--quick] [--flips N] [--dwell S]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._common import emit, parse_args, percentile  # noqa: E402
from console.server.media import CameraSimulator  # noqa: E402
from console.video import engine, native_heap  # noqa: E402
from console.video.frames import FrameExchange  # noqa: E402
from console.video.picture_memory import shared_pool  # noqa: E402
from console.video.vlc_source import PlayerController, VlcSource  # noqa: E402

logger = logging.getLogger("bench.players")

PAGE = 16
TILE = (479, 270)
MAXIMISED = (1916, 1040)
FEEDS = ("Jiaji 01", "Boao 02", "Wanquan 03", "Tanmen 04")
FIRST_PICTURE_TIMEOUT_S = 15.0
MB = 1024 * 1024


def _configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--flips", type=int, default=100, help="page flips (default 100)")
    parser.add_argument(
        "--dwell", type=float, default=2.0, help="seconds a page shows (default 2; quick 0.5)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log each flip")


def _rss_mb(process: psutil.Process) -> float:
    return float(process.memory_info().rss) / MB


def _alive(kind: type) -> int:
    return sum(1 for obj in gc.get_objects() if type(obj) is kind)


def _open_page(simulator: CameraSimulator, flip: int) -> list[VlcSource]:
    feeds = simulator.feeds
    sources = []
    for tile in range(PAGE):
        feed = feeds[(tile + flip) % len(feeds)]
        maximised = tile == 0 and flip % 2 == 1
        source = VlcSource(f"bench-{flip}-{tile}")
        source.request_size(*(MAXIMISED if maximised else TILE))
        source.open(feed.main.http if maximised else feed.sub.http)
        sources.append(source)
    return sources


def _dispose(sources: Sequence[VlcSource]) -> None:
    for source in sources:
        source.dispose()


def _paint(sources: Sequence[VlcSource]) -> None:
    for source in sources:
        with source.hold_frame() as frame:
            if frame is not None:
                bytes(frame.data[: frame.stride])  # touch the picture as a painter would


def _show(sources: Sequence[VlcSource], seconds: float, *, until_pictures: bool = False) -> int:
    """Tick the page as the wall's repaint clock does for ``seconds`` (or, with
    ``until_pictures``, until every source showed a picture); how many showed none."""
    deadline = time.monotonic() + seconds
    waiting = list(sources)
    while time.monotonic() < deadline and not (until_pictures and not waiting):
        for source in sources:
            source.poll()
            source.take_events()
        waiting = [source for source in waiting if source.frame_counter == 0]
        _paint(sources)
        time.sleep(0.04)
    return len(waiting)


def _slope(values: Sequence[float]) -> tuple[float, float]:
    """Least-squares slope of ``values`` per step, and its standard error (how much of the
    slope the scatter alone could make)."""
    if len(values) < 3:
        return float("nan"), float("nan")
    xs = range(len(values))
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(values)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values, strict=True)) / spread
    residuals = sum(
        (y - mean_y - slope * (x - mean_x)) ** 2 for x, y in zip(xs, values, strict=True)
    )
    return slope, (residuals / (len(values) - 2) / spread) ** 0.5


def _wait_until_released(timeout: float) -> None:
    """The retired players release on their own threads: wait for them, not a fixed time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        gc.collect()
        if _alive(PlayerController) <= PAGE:
            return
        time.sleep(0.1)


def run(flips: int, dwell_s: float, quick: bool) -> None:
    process = psutil.Process()
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tianmu-players-")))
        simulator = CameraSimulator(
            workdir / "simulator", FEEDS, sub_fps=25, main_size=(1280, 720), main_fps=12.5
        )
        stack.callback(simulator.stop)
        simulator.start(timeout=60)
        print(
            f"# {PAGE} VlcSources per page at {TILE[0]}x{TILE[1]} (one maximised at "
            f"{MAXIMISED[0]}x{MAXIMISED[1]} on a 1280x720 main stream every second page), "
            f"{len(FEEDS)} simulator feeds 640x360@25 round-robin; {flips} flips, each page "
            f"shown {dwell_s:g} s after its first pictures; "
            f"{os.cpu_count()} cores; {'quick' if quick else 'full'} run",
            flush=True,
        )
        emit("load_average_1min_start", os.getloadavg()[0], "", 1)
        shown: list[VlcSource] = []
        stack.callback(lambda: _dispose(shown))
        rss: list[float] = []
        flip_s: list[float] = []
        missing = 0
        threads_before = fds_before = 0
        alive_no_gc = 0
        rss_start = _rss_mb(process)
        for flip in range(flips + 1):
            _dispose(shown)
            flipped_at = time.monotonic()
            shown = _open_page(simulator, flip)
            lost = _show(shown, FIRST_PICTURE_TIMEOUT_S, until_pictures=True)
            seconds = time.monotonic() - flipped_at
            _show(shown, dwell_s)
            if flip == 0:
                # The first page warms libvlc up (plugins, the instance): measured from here.
                threads_before, fds_before = process.num_threads(), process.num_fds()
                rss_start = _rss_mb(process)
                continue
            flip_s.append(seconds)
            missing += lost
            rss.append(_rss_mb(process))
            # Without a collection: what reference counting alone has freed by now.
            alive_no_gc = max(alive_no_gc, _alive(PlayerController))
            logger.info(
                "flip %d: %.1f s, %d without picture, RSS %.0f MB", flip, seconds, lost, rss[-1]
            )
        _wait_until_released(10.0)
        emit("players_flips", flips, "")
        emit("players_shown", PAGE, "")
        emit("players_rss_start_mb", rss_start, "MB", 1)
        emit("players_rss_end_mb", rss[-1], "MB", 1)
        emit("players_rss_max_mb", max(rss), "MB", 1)
        slope, error = _slope(rss[len(rss) // 5 :])
        emit("players_rss_growth_per_flip_mb", slope, "MB", 3)
        emit("players_rss_growth_per_flip_stderr_mb", error, "MB", 3)
        emit("players_alive_max_without_gc", alive_no_gc, "")
        alive = _alive(PlayerController)
        emit("players_alive", alive, "")
        emit("players_alive_over_shown", alive / PAGE, "", 2)
        emit("players_sources_alive", _alive(VlcSource), "")
        emit("players_exchanges_alive", _alive(FrameExchange), "")
        emit("players_threads_before", threads_before, "")
        emit("players_threads_after", process.num_threads(), "")
        emit("players_fds_before", fds_before, "")
        emit("players_fds_after", process.num_fds(), "")
        pool = shared_pool().figures()
        emit("players_pool_blocks_made", pool.blocks_made, "")
        emit("players_pool_reuses", pool.reuses, "")
        emit("players_pool_lent_mb", pool.lent_bytes / MB, "MB", 1)
        emit("players_pool_idle_mb", pool.idle_bytes / MB, "MB", 1)
        trims = native_heap.figures()
        emit("players_heap_trims", trims.trims, "")
        emit("players_heap_trim_max_ms", trims.longest_s * 1000, "ms", 1)
        emit("players_heap_trim_cpu_max_ms", trims.longest_cpu_s * 1000, "ms", 1)
        emit("players_flip_p50_s", percentile(flip_s, 0.5), "s", 2)
        emit("players_flip_max_s", max(flip_s), "s", 2)
        emit("players_tiles_without_picture", missing, "")
        emit("load_average_1min_end", os.getloadavg()[0], "", 1)
    engine.shutdown()
    emit("bench_players_s", time.monotonic() - started, "s", 1)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(__doc__.splitlines()[0] if __doc__ else "", argv, configure=_configure)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(relativeCreated)7.0f ms %(name)s: %(message)s",
    )
    run(10 if args.quick else args.flips, 0.5 if args.quick else args.dwell, args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
