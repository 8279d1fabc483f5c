"""A process that played libvlc players and returns from ``main`` exits with code 0.

libvlc's threads must not be left calling into Python while the interpreter finalizes; the
engine's exit-time shutdown stops the players and releases libvlc first. Each run is a child
process (the engine shuts down once per process), repeated because teardown races are rare.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.live_stream import LiveStream

pytestmark = [pytest.mark.media, pytest.mark.slow]

CHILD = Path(__file__).with_name("clean_exit_child.py")
ROOT = Path(__file__).resolve().parents[3]
RUNS = 4
PLAYERS = 3


def run_child(mode: str, url: str) -> tuple[subprocess.CompletedProcess[str], dict[str, list[int]]]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(CHILD), mode, url, str(PLAYERS)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"the child said nothing (exit {done.returncode}):\n{done.stderr[-3000:]}"
    return done, json.loads(lines[-1].removeprefix("RESULT "))


@pytest.mark.parametrize("mode", ["dispose", "keep"])
def test_a_process_that_played_exits_with_code_zero(live_stream: LiveStream, mode: str) -> None:
    for run in range(RUNS):
        done, result = run_child(mode, live_stream.http_url)
        assert done.returncode == 0, (
            f"run {run + 1} ({mode}) exited with {done.returncode}:\n{done.stderr[-3000:]}"
        )
        assert "Fatal Python error" not in done.stderr
        assert all(count > 0 for count in result["pictures"]), result
        # The players were stopped and libvlc was released before Python finalized.
        assert "libvlc released" in done.stderr, done.stderr[-3000:]


def test_a_player_thread_still_busy_at_exit_leaves_libvlc_alone(live_stream: LiveStream) -> None:
    done, result = run_child("stuck", live_stream.http_url)
    assert done.returncode == 0, done.stderr[-3000:]
    assert all(count > 0 for count in result["pictures"]), result
    assert "still busy at exit (vlc-stuck)" in done.stderr
    assert "libvlc released" not in done.stderr
