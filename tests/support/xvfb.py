"""A private Xvfb for tests that need a real X server (native windows)."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def private_xvfb(width: int = 1280, height: int = 800) -> Iterator[str]:
    """Start Xvfb on a free display; yields its DISPLAY value; stops it afterwards."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is needed for this test (package xvfb)")
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                pytest.fail("Xvfb did not start")
            number += chunk
        yield f":{int(number)}"
    finally:
        os.close(read_end)
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
