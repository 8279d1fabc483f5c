"""Telling which frame of a clip a player shows: the picture is compared with the clip's own
frames decoded by ffmpeg around a time (the simulator's clips change every frame: a moving
scene and a burned-in clock), and the closest one names the frame."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from console.video.source import VideoSource

SMALL = (320, 180)


def shown_picture(source: VideoSource) -> np.ndarray | None:
    """The source's current picture, shrunk to ``SMALL`` grey levels."""
    return shown_pictures([source])[0]


# Pictures copied further apart than this are not one look: taken again.
AT_ONCE_S = 0.01
_AT_ONCE_TRIES = 50
retaken = 0


def shown_pictures(sources: list[VideoSource]) -> list[np.ndarray | None]:
    """The sources' current pictures, all copied first, within ``AT_ONCE_S`` of each other
    (shrinking one takes longer than a frame lasts on a busy machine), then shrunk like
    ``shown_picture``. Copying them takes a millisecond or so, but a busy machine can stop
    this thread in between, and such a look would compare pictures of different moments; it
    is taken again (``retaken`` counts those)."""
    global retaken
    for _ in range(_AT_ONCE_TRIES):
        began = time.monotonic()
        copies = _copies(sources)
        if time.monotonic() - began <= AT_ONCE_S:
            break
        retaken += 1
    return [None if copy is None else _small_grey(*copy) for copy in copies]


def _copies(sources: list[VideoSource]) -> list[tuple[np.ndarray, int, int, int] | None]:
    copies: list[tuple[np.ndarray, int, int, int] | None] = []
    for source in sources:
        with source.hold_frame() as frame:
            if frame is None:
                copies.append(None)
                continue
            count = frame.height * frame.stride
            raw = np.frombuffer(frame.data, dtype=np.uint8, count=count).copy()
            copies.append((raw, frame.width, frame.height, frame.stride))
    return copies


def _small_grey(raw: np.ndarray, width: int, height: int, stride: int) -> np.ndarray:
    pixels = raw.reshape(height, stride // 4, 4)[:, :width, :3]
    # B, G, R weighed as ffmpeg's grey conversion weighs them (BT.601 luma).
    grey = pixels.astype(np.float32) @ np.array([0.114, 0.587, 0.299], dtype=np.float32)
    rows = np.linspace(0, grey.shape[0], SMALL[1] + 1).astype(int)
    cols = np.linspace(0, grey.shape[1], SMALL[0] + 1).astype(int)
    sums = np.add.reduceat(np.add.reduceat(grey, rows[:-1], axis=0), cols[:-1], axis=1)
    means: np.ndarray = sums / (np.diff(rows)[:, None] * np.diff(cols)[None, :])
    return means


def clip_frames(path: Path, first: int, count: int, fps: float = 25.0) -> list[np.ndarray]:
    """Frames ``first`` … ``first + count - 1`` of ``path`` (frame n is the one at n / fps s
    in the file's own timestamps, kept by ``-copyts`` so that ffmpeg's seek cannot shift
    them), shrunk like ``shown_picture``."""
    width, height = SMALL
    half = 0.5 / fps
    low, high = first / fps - half, (first + count) / fps - half
    pick = f"select=between(t\\,{low:.4f}\\,{high:.4f})"
    command = [
        "ffmpeg", "-v", "error", "-ss", f"{max(0.0, low - 3):.3f}", "-copyts", "-i", str(path),
        "-vf", f"{pick},scale={width * 2}:{height * 2},format=gray",
        "-fps_mode", "passthrough", "-frames:v", str(count), "-f", "rawvideo", "-",
    ]  # fmt: skip
    data = subprocess.run(command, capture_output=True, check=True, timeout=120).stdout
    size = width * 2 * height * 2
    frames = []
    for index in range(len(data) // size):
        big = np.frombuffer(data[index * size : (index + 1) * size], dtype=np.uint8)
        big = big.reshape(height * 2, width * 2).astype(np.float32)
        frames.append(big.reshape(height, 2, width, 2).mean(axis=(1, 3)))
    return frames


def which_frame(
    picture: np.ndarray, path: Path, around_ms: float, fps: float = 25.0, spread: int = 6
) -> tuple[float, float]:
    """The time (ms) of the clip frame nearest ``around_ms`` that looks most like
    ``picture``, and how unlike it still is (mean absolute grey difference)."""
    frame_ms = 1000.0 / fps
    first = max(0, round(around_ms / frame_ms) - spread)
    frames = clip_frames(path, first, 2 * spread + 1, fps)
    errors = [float(np.abs(frame - picture).mean()) for frame in frames]
    best = int(np.argmin(errors))
    return (first + best) * frame_ms, errors[best]


def wait_until(condition: Callable[[], bool], timeout: float, step: Callable[[], None]) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        step()
        if condition():
            return True
        time.sleep(0.01)
    step()
    return condition()


class FrameWatch:
    """Watches for one frame of a clip: made before the command measured (decoding the clip's
    frames takes a while), then ``wait`` says how soon a source shows that frame (the
    nearest of its neighbours to the picture shown)."""

    def __init__(self, path: Path, at_ms: float, fps: float = 25.0) -> None:
        frame_ms = 1000.0 / fps
        first = max(0, round(at_ms / frame_ms) - 3)
        self._frames = clip_frames(path, first, 7, fps)
        self._wanted = round(at_ms / frame_ms) - first

    def shown(self, source: VideoSource) -> bool:
        picture = shown_picture(source)
        if picture is None:
            return False
        errors = [float(np.abs(frame - picture).mean()) for frame in self._frames]
        return int(np.argmin(errors)) == self._wanted and errors[self._wanted] < 8

    def wait(
        self, source: VideoSource, tick: Callable[[float], None], timeout: float = 5.0
    ) -> float | None:
        """Seconds from now until ``source`` shows the frame (ticking meanwhile), or None."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            tick(time.monotonic())
            if self.shown(source):
                return time.monotonic() - began
            time.sleep(0.005)
        return None
