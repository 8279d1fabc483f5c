"""Camera simulator cost: CPU of the whole simulator and libvlc time to first frame.

Prints one figure per line as ``name: value unit``. ``--quick`` keeps it under a minute.
"""

from __future__ import annotations

import argparse
import ctypes
import statistics
import tempfile
import time
from pathlib import Path

import psutil
import vlc

from console.server.media import CameraSimulator


def simulator_cpu(sim: CameraSimulator, seconds: float) -> float:
    """Percent of one core used by the host and every encoder over ``seconds``."""
    assert sim._process is not None
    host = psutil.Process(sim._process.pid)
    family = [host, *host.children(recursive=True)]

    def total() -> float:
        return sum(sum(p.cpu_times()[:4]) for p in family if p.is_running())

    before, started = total(), time.monotonic()
    time.sleep(seconds)
    return 100 * (total() - before) / (time.monotonic() - started)


def first_frame_seconds(instance: vlc.Instance, url: str, timeout: float = 15) -> float:
    """Seconds from ``play()`` to the first picture libvlc hands to a video callback."""
    buffer = (ctypes.c_ubyte * (640 * 360 * 4))()
    shown: list[float] = []

    @vlc.CallbackDecorators.VideoLockCb
    def lock(_opaque, planes):  # type: ignore[no-untyped-def]
        planes[0] = ctypes.addressof(buffer)

    @vlc.CallbackDecorators.VideoDisplayCb
    def display(_opaque, _picture):  # type: ignore[no-untyped-def]
        if not shown:
            shown.append(time.monotonic())

    player = instance.media_player_new()
    player.video_set_callbacks(lock, None, display, None)
    player.video_set_format("RV32", 640, 360, 640 * 4)
    player.set_media(instance.media_new(url))
    started = time.monotonic()
    player.play()
    while not shown and time.monotonic() - started < timeout:
        time.sleep(0.01)
    player.stop()
    player.release()
    if not shown:
        raise TimeoutError(f"no picture from {url}")
    return shown[0] - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--feeds", type=int, default=8)
    parser.add_argument("--main-fps", type=float, nargs="+", default=[12.5, 25])
    args = parser.parse_args()
    seconds = 8 if args.quick else 20
    names = [f"嘉积 Jiaji Rd {n + 1:02d}" for n in range(args.feeds)]
    for main_fps in args.main_fps:
        with tempfile.TemporaryDirectory() as scratch:
            sim = CameraSimulator(Path(scratch), names, main_fps=main_fps)
            with sim:
                time.sleep(2)
                cpu = simulator_cpu(sim, seconds)
                print(f"simulator_cpu_{args.feeds}_feeds_main_{main_fps:g}fps: {cpu:.1f} %core")
                print(f"simulator_cpu_per_feed_main_{main_fps:g}fps: {cpu / args.feeds:.1f} %core")
                if main_fps != args.main_fps[0]:
                    continue
                instance = vlc.Instance(["--no-audio", "--no-xlib", "--quiet"])
                samples = []
                for _ in range(1 if args.quick else 3):
                    for feed in sim.feeds:
                        samples.append(first_frame_seconds(instance, feed.sub.http))
                        time.sleep(0.3)  # land at different points of the GOP
                instance.release()
                print(f"ttff_libvlc_http_sub_median: {statistics.median(samples):.2f} s")
                print(f"ttff_libvlc_http_sub_max: {max(samples):.2f} s")


if __name__ == "__main__":
    main()
