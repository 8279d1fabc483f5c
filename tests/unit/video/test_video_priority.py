"""Video threads can run below the GUI thread: every thread libvlc makes for a player (made
from the thread that calls ``play()``) runs at the lowered priority, while the player's command
thread and the thread that asked for the player keep their own.

Linux only (the nice value of one thread is read from ``/proc/self/task/<tid>/stat``).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.video import engine, worker
from console.video.vlc_source import VlcSource
from console.video.worker import lower_own_priority, set_video_nice
from tests.support.polling import wait_for

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's"
)

NICE = 7
FIRST_PICTURE_S = 30.0
_NICE_FIELD = 19  # of /proc/<pid>/task/<tid>/stat, counted from 1 (proc(5))


def nice_of(tid: int) -> int | None:
    """The nice value of thread ``tid`` of this process (None once it has ended)."""
    try:
        stat = Path(f"/proc/self/task/{tid}/stat").read_text(encoding="ascii")
    except (FileNotFoundError, ProcessLookupError):
        return None
    # The command name (field 2) is in parentheses and may hold spaces: count after it.
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[_NICE_FIELD - 3])


def task_ids() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/task")}


def python_thread_ids() -> set[int]:
    return {t.native_id for t in threading.enumerate() if t.native_id is not None}


@pytest.fixture
def video_nice() -> Iterator[int]:
    """Video threads made during the test run ``NICE`` steps lower (the default after)."""
    set_video_nice(NICE)
    yield NICE
    set_video_nice(worker.DEFAULT_VIDEO_NICE)


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small H.264 clip in MPEG-TS that plays for longer than any test here waits."""
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is needed to make the test clip")
    path = tmp_path_factory.mktemp("priority") / "clip.ts"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=320x180:rate=10:duration=60",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-g",
            "10",
            str(path),
        ],  # fmt: skip
        check=True,
        timeout=120,
    )
    return path


# ---------------------------------------------------------------------- the call itself


def test_a_thread_lowers_itself_and_the_threads_it_makes_but_not_its_maker() -> None:
    mine = nice_of(threading.get_native_id())
    assert mine is not None
    seen: dict[str, int | bool | None] = {}

    def child() -> None:
        seen["child"] = nice_of(threading.get_native_id())

    def lowered() -> None:
        seen["done"] = lower_own_priority(3)
        seen["self"] = nice_of(threading.get_native_id())
        made = threading.Thread(target=child)
        made.start()
        made.join(10.0)

    thread = threading.Thread(target=lowered)
    thread.start()
    thread.join(10.0)
    expected = min(19, mine + 3)
    assert seen == {"done": True, "self": expected, "child": expected}
    assert nice_of(threading.get_native_id()) == mine


def test_where_setpriority_fails_the_thread_carries_on_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A sandbox that refuses the call (seccomp, a container's policy) cannot be made here.
    def refused(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "setpriority", refused)
    monkeypatch.setattr(worker, "_priority_failure_logged", False)
    with caplog.at_level(logging.WARNING, logger="console.video.worker"):
        answers = [lower_own_priority(5) for _ in range(3)]
    assert answers == [False, False, False]
    warnings = [r for r in caplog.records if "priority" in r.getMessage()]
    assert len(warnings) == 1
    assert "not permitted" in warnings[0].getMessage()


def test_nothing_is_lowered_at_zero() -> None:
    mine = nice_of(threading.get_native_id())
    assert lower_own_priority(0)
    assert nice_of(threading.get_native_id()) == mine


# ---------------------------------------------------------------------- real players


@pytest.mark.media
def test_libvlc_threads_of_a_playing_player_carry_the_lowered_priority(
    clip: Path, video_nice: int
) -> None:
    """The decoder, input and video output threads libvlc made for the player run lowered;
    the command thread (Python, the interpreter lock) and the thread that opened the source
    (the GUI thread in the console) keep their own. Fails if ``play()`` is called straight
    from the command thread, or from any thread that has not lowered itself."""
    mine = nice_of(threading.get_native_id())
    assert mine is not None
    lowered = min(19, mine + video_nice)
    # libvlc's instance makes a thread of its own, once per process: not the player's.
    engine.instance()
    before = task_ids()
    source = VlcSource("priority")
    try:
        source.request_size(160, 90)
        source.open(clip.as_uri())
        wait_for(lambda: source.frame_counter > 3, FIRST_PICTURE_S, "pictures from libvlc")
        controller = source.controller
        assert controller is not None
        # libvlc's play() ran on the command thread.
        assert ("start", controller._thread.ident) in controller.calls
        command_tid = controller._thread._thread.native_id
        assert command_tid is not None
        made_by_libvlc = task_ids() - before - python_thread_ids()
        nices = {tid: nice_of(tid) for tid in made_by_libvlc}
        nices = {tid: nice for tid, nice in nices.items() if nice is not None}
        # At least the input thread, the decoder and the video output.
        assert len(nices) >= 3, nices
        assert set(nices.values()) == {lowered}, nices
        assert nice_of(command_tid) == mine
        assert nice_of(threading.get_native_id()) == mine
        # Still decoding at that priority.
        counter = source.frame_counter
        wait_for(lambda: source.frame_counter > counter + 3, FIRST_PICTURE_S, "more pictures")
    finally:
        source.dispose()
    assert nice_of(threading.get_native_id()) == mine
