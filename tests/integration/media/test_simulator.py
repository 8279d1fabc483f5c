"""The camera simulator for real: libvlc plays every HTTP stream, FFmpeg decodes every RTSP one."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import psutil
import pytest

from console.server.media import CIF, CameraSimulator, make_clips
from console.server.media.probe import http_bytes
from tests.integration.media.conftest import FrameGrabber

pytestmark = pytest.mark.media

Grab = Callable[[str, int, int], FrameGrabber]


def assert_lively(first: np.ndarray, second: np.ndarray) -> None:
    """Pictures that are neither black nor flat, and that changed in between."""
    for picture in (first, second):
        assert picture.mean() > 20, "the picture is black"
        assert picture.std() > 20, "the picture is one flat colour"
    changed = np.abs(first.astype(np.int16) - second.astype(np.int16)).max(axis=2) > 24
    assert changed.mean() > 0.0005, "the picture did not move"


def two_grabs(grab: FrameGrabber) -> tuple[np.ndarray, np.ndarray]:
    grab.wait_for_pictures(1, timeout=15)
    first = grab.frame()
    seen = grab.pictures
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:  # one second of live pictures between the grabs
        time.sleep(0.05)
    grab.wait_for_pictures(seen + 10, timeout=10)
    return first, grab.frame()


def test_feeds_have_distinct_urls_and_scenes(simulator: CameraSimulator) -> None:
    feeds = simulator.feeds
    urls = [u for f in feeds for u in (f.main.http, f.sub.http, f.main.rtsp, f.sub.rtsp)]
    assert len(set(urls)) == len(urls)
    assert len({f.scene for f in feeds}) == len(feeds)
    assert all(u.startswith(("http://127.0.0.1:", "rtsp://127.0.0.1:")) for u in urls)


@pytest.mark.parametrize("kind", ["sub", "main"])
def test_libvlc_plays_every_http_stream(
    simulator: CameraSimulator, grabber: Grab, kind: str
) -> None:
    width, height = (640, 360) if kind == "sub" else (1280, 720)
    grabs = [grabber(getattr(f, kind).http, width, height) for f in simulator.feeds]
    for feed, grab in zip(simulator.feeds, grabs, strict=True):
        first, second = two_grabs(grab)
        assert grab.player.video_get_size(0) == (width, height), feed.name
        assert_lively(first, second)


def test_two_clients_of_one_stream_both_play(simulator: CameraSimulator, grabber: Grab) -> None:
    url = simulator.feeds[0].sub.http
    clients = [grabber(url, 640, 360), grabber(url, 640, 360)]
    for client in clients:
        client.wait_for_pictures(25, timeout=15)


def rtsp_frames(url: str, count: int) -> tuple[str, tuple[int, int], list[bytes]]:
    """The codec line and picture size FFmpeg reports for ``url``, and ``count`` decoded frames."""
    decoded = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostdin", "-v", "info", "-rtsp_transport", "udp",
         "-analyzeduration", "500000", "-i", url, "-frames:v", str(count),
         "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"],
        capture_output=True, timeout=30, check=True,
    )  # fmt: skip
    video = next(line for line in decoded.stderr.decode().splitlines() if "Stream #0:0" in line)
    width, height = (int(n) for n in re.search(r" (\d{2,5})x(\d{2,5})[ ,]", video).groups())  # type: ignore[union-attr]
    size = width * height
    frames = [decoded.stdout[i : i + size] for i in range(0, len(decoded.stdout), size)]
    return video, (width, height), frames


@pytest.mark.parametrize("kind", ["sub", "main"])
def test_ffmpeg_decodes_every_rtsp_stream(simulator: CameraSimulator, kind: str) -> None:
    expected = (640, 360) if kind == "sub" else (1280, 720)
    count = 12
    urls = [getattr(feed, kind).rtsp for feed in simulator.feeds]
    with ThreadPoolExecutor(len(urls)) as pool:
        results = list(pool.map(lambda url: rtsp_frames(url, count), urls))
    for feed, (video, size, frames) in zip(simulator.feeds, results, strict=True):
        assert "Video: h264" in video, video
        assert size == expected, feed.name
        assert len(frames) == count
        assert all(len(f) == size[0] * size[1] for f in frames)
        assert frames[0] != frames[-1], f"{feed.name}: the RTSP picture does not move"


def test_stopped_feed_delivers_nothing_then_comes_back(
    simulator: CameraSimulator, grabber: Grab
) -> None:
    feed = simulator.feeds[1]
    simulator.stop_feed(1)
    try:
        # What was already on its way may still trickle out; after that, nothing.
        deadline = time.monotonic() + 5
        while http_bytes(feed.sub.http, want=188, within=1.5) > 0:
            assert time.monotonic() < deadline, "the stopped feed keeps delivering"
        assert http_bytes(feed.main.http, want=188, within=1.5) == 0
        assert http_bytes(simulator.feeds[0].sub.http, want=188, within=3) >= 188
    finally:
        simulator.start_feed(1)
    first, second = two_grabs(grabber(feed.sub.http, 640, 360))
    assert_lively(first, second)


def test_snapshot_is_a_current_jpeg(simulator: CameraSimulator) -> None:
    picture = simulator.snapshot_jpeg(2)
    assert picture.startswith(b"\xff\xd8")
    assert picture.endswith(b"\xff\xd9")
    assert len(picture) > 5000


def test_offline_urls_refuse_connections(simulator: CameraSimulator) -> None:
    assert http_bytes(simulator.offline.http, want=1, within=1) == 0


def _columns(band: np.ndarray, width: int) -> np.ndarray:
    """A band's mean colour per column, resampled to ``width`` columns."""
    profile = band.mean(axis=0)
    where = np.linspace(0, len(profile) - 1, width)
    return np.stack(
        [np.interp(where, np.arange(len(profile)), profile[:, c]) for c in range(3)], axis=1
    )


def test_cif_sub_stream_shows_the_middle_of_the_scene(tmp_path: Path, grabber: Grab) -> None:
    """A 352x288 sub stream of a 16:9 scene: the middle of the scene at 11:9, not the whole
    scene squeezed (feed 0 shows colour bars, whose edges tell the two apart)."""
    sim = CameraSimulator(
        tmp_path / "sim", ["CIF Cam 01"], sub_size=CIF, main_size=(640, 360), main_fps=5
    )
    sim.start(timeout=60)
    try:
        feed = sim.feeds[0]
        cif = grabber(feed.sub.http, *CIF)
        main = grabber(feed.main.http, 640, 360)
        first, second = two_grabs(cif)
        assert cif.player.video_get_size(0) == CIF
        assert_lively(first, second)
        main.wait_for_pictures(1, timeout=15)
        # Rows between the captions and above the moving block, in either picture.
        scene = main.frame()[100:200].astype(np.float64)
        picture = _columns(second[80:160].astype(np.float64), CIF[0])
        middle = (640 - 440) // 2
        cropped = np.abs(picture - _columns(scene[:, middle : middle + 440], CIF[0])).mean()
        squeezed = np.abs(picture - _columns(scene, CIF[0])).mean()
        assert cropped < 12, f"the CIF picture is not the scene's middle ({cropped:.1f})"
        assert cropped < squeezed / 2, (cropped, squeezed)
    finally:
        sim.stop()


def test_stop_leaves_no_child_processes(tmp_path: Path) -> None:
    sim = CameraSimulator(tmp_path / "sim", ["Lone Cam"])
    sim.start(timeout=60)
    host = psutil.Process(sim._process.pid)  # type: ignore[union-attr]
    family = [host, *host.children(recursive=True)]
    assert sum(p.name() == "ffmpeg" for p in family) == 1
    sim.stop()
    sim.stop()
    gone, alive = psutil.wait_procs(family, timeout=5)
    assert not alive, f"left running: {alive}"


def test_killed_owner_leaves_no_strays(tmp_path: Path) -> None:
    """An owner dying by SIGKILL takes the host and the encoders with it."""
    script = (
        "import sys, time; from pathlib import Path;"
        "from console.server.media import CameraSimulator;"
        f"s = CameraSimulator(Path({str(tmp_path / 'sim')!r}), ['Orphan Cam']); s.start(60);"
        "print(s._process.pid, flush=True); time.sleep(600)"
    )
    owner = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, cwd=Path.cwd())
    try:
        assert owner.stdout is not None
        host = psutil.Process(int(owner.stdout.readline()))
        family = [host, *host.children(recursive=True)]
        assert len(family) == 2
        owner.kill()
        owner.wait(5)
        gone, alive = psutil.wait_procs(family, timeout=10)
        assert not alive, f"left running: {alive}"
    finally:
        owner.kill()
        owner.wait(5)


def test_clips_are_playable_mp4s_of_the_right_length(tmp_path: Path) -> None:
    start = datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    clips = make_clips(tmp_path, ["嘉积 Jiaji Rd 01", "博鳌 Boao Pier 02"], start=start, seconds=4)
    assert [c.camera_name for c in clips] == ["嘉积 Jiaji Rd 01", "博鳌 Boao Pier 02"]
    for clip in clips:
        assert clip.end - clip.start == timedelta(seconds=4)
        assert clip.path.stat().st_size == clip.size
        probe = subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format=duration,format_name:stream=codec_name,width,height",
             "-of", "json", str(clip.path)],
            capture_output=True, timeout=20, check=True,
        )  # fmt: skip
        info = json.loads(probe.stdout)
        assert "mp4" in info["format"]["format_name"]
        assert abs(float(info["format"]["duration"]) - 4) < 0.2
        assert info["streams"][0]["codec_name"] == "h264"
        assert (info["streams"][0]["width"], info["streams"][0]["height"]) == (640, 360)
        head = clip.path.read_bytes()[:4096]
        assert head.find(b"moov") < head.find(b"mdat") or b"mdat" not in head, "moov not first"
    again = make_clips(tmp_path, ["嘉积 Jiaji Rd 01", "博鳌 Boao Pier 02"], start=start, seconds=4)
    assert [(c.path, c.sha256, c.path.stat().st_mtime) for c in again] == [
        (c.path, c.sha256, c.path.stat().st_mtime) for c in clips
    ]
