"""Keyboard and mouse input through a real X server, as an operator's keyboard and mouse give
it: ``xdotool`` (Debian package ``xdotool``) sends key and button events with the XTEST
extension, which the server handles like those of its own devices, and gives windows the
input focus with ``XSetInputFocus`` (there is no window manager to ask).

The dummy video driver's server has no input devices of its own (``AutoAddDevices`` off), but
XTEST needs none: every X server has its virtual core keyboard and pointer and their XTEST
devices, with the default keymap."""

from __future__ import annotations

import shutil
import subprocess
import time

XDOTOOL_TIMEOUT_S = 10.0


class XInput:
    """Input for the X server ``display`` (":N")."""

    def __init__(self, display: str) -> None:
        self.display = display
        self._xdotool = shutil.which("xdotool")
        if self._xdotool is None:
            raise RuntimeError(
                "xdotool is not installed (Debian package xdotool; scripts/system-packages.txt)"
            )

    def xdotool(self, *args: str) -> str:
        """Run ``xdotool ARGS`` against this server; its output. RuntimeError if it fails."""
        assert self._xdotool is not None
        done = subprocess.run(
            [self._xdotool, *args],
            env={"DISPLAY": self.display, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            timeout=XDOTOOL_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"xdotool {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def focus(self, window_id: int) -> None:
        """Give ``window_id`` the input focus; returns once the server says it has it."""
        self.xdotool("windowfocus", "--sync", str(window_id))

    def focused_window(self) -> int:
        return int(self.xdotool("getwindowfocus", "-f").strip())

    def key(self, *keys: str) -> None:
        """Press and release each of ``keys`` (X keysym names; "shift+space" for a chord) in
        the window with the focus."""
        self.xdotool("key", "--delay", "50", *keys)

    def click(self, x: int, y: int) -> None:
        """Move the pointer to (x, y) of the root window (any monitor) and click there."""
        self.xdotool("mousemove", "--sync", str(x), str(y))
        time.sleep(0.05)  # the move reaches the client before the button does
        self.xdotool("click", "1")

    def window_geometry(self, window_id: int) -> tuple[int, int, int, int]:
        """(x, y, width, height) of ``window_id`` on the root window, from the X server."""
        values = dict(
            line.split("=", 1)
            for line in self.xdotool("getwindowgeometry", "--shell", str(window_id)).splitlines()
            if "=" in line
        )
        return (int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))
