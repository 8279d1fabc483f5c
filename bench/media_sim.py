"""Camera simulator: libvlc time to first frame on HTTP-TS, GOP-cache relay beside libvlc's own
HTTP output, at several network-caching values; and the simulator's CPU per feed.

For time to first frame both simulators run at once and the opens alternate between them
in a shuffled order, so both paths are measured on the same machine under the same load;
CPU is measured one simulator after the other. Each open lands at a random
point of the GOP. Prints one figure per line as ``name: value unit``; ``--quick`` keeps it
around a minute.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import random
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import psutil
import vlc

from console.server.media import CameraSimulator
from console.video.engine import EngineConfig

RELAYS = ("gop", "libvlc")
CACHING_MS = (100, 300, 1000)
CONSOLE_CACHING_MS = 300  # console/settings.py video.network_caching_ms default
WIDTH, HEIGHT = 640, 360


def emit(name: str, value: float, unit: str = "", digits: int = 2) -> None:
    text = str(value) if isinstance(value, int) else f"{value:.{digits}f}"
    print(f"{name}: {text} {unit}".rstrip(), flush=True)


def percentile(samples: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def tree_cpu_seconds(root: psutil.Process) -> tuple[float, float]:
    """CPU seconds of ``root`` alone and of ``root`` with its live descendants."""
    own = sum(root.cpu_times()[:2])
    total = own
    for child in root.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess):
            total += sum(child.cpu_times()[:2])
    return own, total


def simulator_cpu(
    sims: dict[str, CameraSimulator], seconds: float
) -> dict[str, tuple[float, float]]:
    """Percent of one core used by each simulator's host and by its whole tree, side by side."""
    hosts = {name: psutil.Process(sim._process.pid) for name, sim in sims.items()}  # type: ignore[union-attr]
    before = {name: tree_cpu_seconds(host) for name, host in hosts.items()}
    started = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - started
    after = {name: tree_cpu_seconds(host) for name, host in hosts.items()}
    return {
        name: (
            100 * (after[name][0] - before[name][0]) / elapsed,
            100 * (after[name][1] - before[name][1]) / elapsed,
        )
        for name in sims
    }


class Opened:
    """What one open of a stream showed: when its pictures came, whether the first was real."""

    def __init__(self, first: float, steady: float, first_is_picture: bool) -> None:
        self.first = first
        self.steady = steady
        self.first_is_picture = first_is_picture


def open_stream(instance: vlc.Instance, url: str, steady: int = 25, timeout: float = 15) -> Opened:
    """Play ``url``: seconds from ``play()`` to the first and to the ``steady``-th picture
    libvlc hands to a video callback, and whether the first one shows anything."""
    buffer = (ctypes.c_ubyte * (WIDTH * HEIGHT * 4))()
    shown: list[float] = []
    first_level: list[float] = []

    @vlc.CallbackDecorators.VideoLockCb
    def lock(_opaque, planes):  # type: ignore[no-untyped-def]
        planes[0] = ctypes.addressof(buffer)

    @vlc.CallbackDecorators.VideoDisplayCb
    def display(_opaque, _picture):  # type: ignore[no-untyped-def]
        shown.append(time.monotonic())
        if len(shown) == 1:
            first_level.append(float(np.ctypeslib.as_array(buffer).std()))

    player = instance.media_player_new()
    player.video_set_callbacks(lock, None, display, None)
    player.video_set_format("RV32", WIDTH, HEIGHT, WIDTH * 4)
    player.set_media(instance.media_new(url))
    started = time.monotonic()
    player.play()
    while len(shown) < steady and time.monotonic() - started < timeout:
        time.sleep(0.005)
    player.stop()
    player.release()
    if len(shown) < steady:
        raise TimeoutError(f"only {len(shown)} pictures from {url}")
    # A decoded test scene has edges and captions; an empty buffer is flat.
    return Opened(shown[0] - started, shown[steady - 1] - started, first_level[0] > 10)


@contextlib.contextmanager
def simulators(names: Sequence[str], **options: object) -> Iterator[dict[str, CameraSimulator]]:
    with contextlib.ExitStack() as stack:
        sims = {}
        for relay in RELAYS:
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"sim-{relay}-")))
            sim = CameraSimulator(scratch, names, http_relay=relay, **options)  # type: ignore[arg-type]
            stack.callback(sim.stop)
            sim.start(timeout=60)
            sims[relay] = sim
        yield sims


def measure_cpu(feeds: int, main_fps: float, seconds: float) -> None:
    """One simulator at a time: two at once would overload a small machine and skew both."""
    names = [f"嘉积 Jiaji Rd {n + 1:02d}" for n in range(feeds)]
    for relay in RELAYS:
        with tempfile.TemporaryDirectory(prefix=f"sim-{relay}-") as scratch:
            sim = CameraSimulator(Path(scratch), names, main_fps=main_fps, http_relay=relay)
            with sim:
                time.sleep(2)
                host, tree = simulator_cpu({relay: sim}, seconds)[relay]
        tag = f"{relay}_main_{main_fps:g}fps"
        emit(f"simulator_cpu_per_feed_{tag}", tree / feeds, "%core", 1)
        emit(f"simulator_host_cpu_per_feed_{tag}", host / feeds, "%core", 2)


def measure_ttff(feeds: int, opens: int) -> None:
    names = [f"博鳌 Boao Pier {n + 1:02d}" for n in range(feeds)]
    instances = {ms: vlc.Instance(EngineConfig(network_caching_ms=ms).args()) for ms in CACHING_MS}
    samples: dict[tuple[str, int], list[Opened]] = {
        (relay, ms): [] for relay in RELAYS for ms in CACHING_MS
    }
    failures = 0
    rng = random.Random(7)
    try:
        with simulators(names) as sims:
            time.sleep(1.5)
            for round_ in range(opens):
                combos = list(samples)
                rng.shuffle(combos)
                for relay, ms in combos:
                    feed = sims[relay].feeds[round_ % feeds]
                    try:
                        samples[relay, ms].append(open_stream(instances[ms], feed.sub.http))
                    except TimeoutError:
                        failures += 1
                    time.sleep(rng.uniform(0.1, 1.1))  # land at a random point of the GOP
    finally:
        for instance in instances.values():
            instance.release()
    for (relay, ms), opened in samples.items():
        suffix = "" if relay == "gop" else "_libvlc"
        firsts = [o.first for o in opened]
        steadies = [o.steady for o in opened]
        name = f"ttff_http_sub_%s_s{suffix}_nc{ms}"
        emit(name % "p50", statistics.median(firsts), "s")
        emit(name % "p95", percentile(firsts, 0.95), "s")
        emit(name % "max", max(firsts), "s")
        # 25 pictures = one second of the sub stream: when playback is under way.
        emit(f"t25_http_sub_p50_s{suffix}_nc{ms}", statistics.median(steadies), "s")
        emit(f"t25_http_sub_p95_s{suffix}_nc{ms}", percentile(steadies, 0.95), "s")
        emit(
            f"blank_first_pictures{suffix}_nc{ms}",
            sum(not o.first_is_picture for o in opened),
            "",
            0,
        )
    gop = [o.first for o in samples["gop", CONSOLE_CACHING_MS]]
    old = [o.first for o in samples["libvlc", CONSOLE_CACHING_MS]]
    # Headline at the console's default network caching.
    emit("ttff_http_sub_p50_s", statistics.median(gop), "s")
    emit("ttff_http_sub_p95_s", percentile(gop, 0.95), "s")
    emit("ttff_http_sub_p50_s_libvlc", statistics.median(old), "s")
    emit("ttff_http_sub_p95_s_libvlc", percentile(old, 0.95), "s")
    emit("ttff_http_sub_p50_ratio_gop_vs_libvlc", statistics.median(gop) / statistics.median(old))
    emit("ttff_opens_per_case", min(len(v) for v in samples.values()), "", 0)
    emit("ttff_failed_opens", failures, "", 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--feeds", type=int, default=8, help="feeds per simulator for CPU")
    parser.add_argument("--main-fps", type=float, nargs="+", default=[12.5, 25])
    parser.add_argument("--opens", type=int, default=0, help="opens per case (default 24)")
    args = parser.parse_args()
    opens = args.opens or (6 if args.quick else 24)
    print(
        f"# relays {RELAYS} side by side; libvlc 640x360 sub stream, GOP 1 s; network caching "
        f"{CACHING_MS} ms (console default {CONSOLE_CACHING_MS}); {psutil.cpu_count()} cores",
        flush=True,
    )
    measure_ttff(feeds=2, opens=opens)
    for main_fps in args.main_fps[:1] if args.quick else args.main_fps:
        measure_cpu(args.feeds, main_fps, 8 if args.quick else 20)


if __name__ == "__main__":
    main()
