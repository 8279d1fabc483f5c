"""A private Xvfb for code that needs a real X server (native windows): the tests here and the
wall benchmark, which starts one per side."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def xvfb_server(
    size: tuple[int, int],
    *,
    log_path: Path | None = None,
    preexec_fn: Callable[[], object] | None = None,
) -> Iterator[tuple[str, int]]:
    """Start Xvfb on a free display; yields (DISPLAY, pid); stops it afterwards. Raises
    RuntimeError when it does not start."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (Debian package xvfb)")
    read_end, write_end = os.pipe()
    with open(log_path or os.devnull, "ab") as log:
        process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size[0]}x{size[1]}x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            preexec_fn=preexec_fn,
        )  # fmt: skip
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                raise RuntimeError(f"Xvfb did not start (log: {log_path or 'not kept'})")
            number += chunk
        yield f":{int(number)}", process.pid
    finally:
        os.close(read_end)
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@contextmanager
def private_xvfb(width: int = 1280, height: int = 800) -> Iterator[str]:
    """For a test: the DISPLAY of a fresh Xvfb."""
    with xvfb_server((width, height)) as (display, _pid):
        yield display
