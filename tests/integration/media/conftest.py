"""Fixtures for the camera simulator tests: one simulator per session, a libvlc frame grabber."""

from __future__ import annotations

import ctypes
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import vlc

from console.server.media import CameraSimulator

FEED_NAMES = ("嘉积 Jiaji Rd 01", "博鳌 Boao Pier 02", "万泉河 Wanquan 03")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.media)


@pytest.fixture(scope="session")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CameraSimulator]:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is not installed")
    sim = CameraSimulator(tmp_path_factory.mktemp("camera-sim"), FEED_NAMES)
    sim.start(timeout=60)
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture(scope="session")
def vlc_instance() -> Iterator[vlc.Instance]:
    instance = vlc.Instance(["--no-audio", "--no-xlib", "--quiet", "--network-caching=300"])
    yield instance
    instance.release()


class FrameGrabber:
    """A libvlc player drawing into a ctypes RV32 buffer (no window), counting pictures."""

    def __init__(self, instance: vlc.Instance, url: str, width: int, height: int) -> None:
        self.width, self.height = width, height
        self._buffer = (ctypes.c_ubyte * (width * height * 4))()
        self._guard = threading.Lock()
        self.pictures = 0
        self._lock_cb = vlc.CallbackDecorators.VideoLockCb(self._on_lock)
        self._unlock_cb = vlc.CallbackDecorators.VideoUnlockCb(self._on_unlock)
        self._display_cb = vlc.CallbackDecorators.VideoDisplayCb(self._on_display)
        self.player = instance.media_player_new()
        self.player.video_set_callbacks(self._lock_cb, self._unlock_cb, self._display_cb, None)
        self.player.video_set_format("RV32", width, height, width * 4)
        self.player.set_media(instance.media_new(url))

    def _on_lock(self, _opaque: Any, planes: Any) -> None:
        self._guard.acquire()
        planes[0] = ctypes.addressof(self._buffer)

    def _on_unlock(self, _opaque: Any, _picture: Any, _planes: Any) -> None:
        self._guard.release()

    def _on_display(self, _opaque: Any, _picture: Any) -> None:
        self.pictures += 1

    def play(self) -> FrameGrabber:
        self.player.play()
        return self

    def wait_for_pictures(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while self.pictures < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"only {self.pictures} pictures within {timeout} s")
            time.sleep(0.02)

    def frame(self) -> np.ndarray:
        with self._guard:
            pixels: np.ndarray = np.ctypeslib.as_array(self._buffer).copy()
        return pixels.reshape(self.height, self.width, 4)[:, :, :3]

    def close(self) -> None:
        self.player.stop()
        self.player.release()


@pytest.fixture
def grabber(vlc_instance: vlc.Instance) -> Iterator[Callable[[str, int, int], FrameGrabber]]:
    made: list[FrameGrabber] = []

    def make(url: str, width: int, height: int) -> FrameGrabber:
        made.append(FrameGrabber(vlc_instance, url, width, height).play())
        return made[-1]

    yield make
    for grab in made:
        grab.close()
