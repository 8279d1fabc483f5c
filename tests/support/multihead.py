"""A real X server with several monitors: Debian's Xorg with the dummy video driver.

The dummy driver (xserver-xorg-video-dummy 0.4) has sixteen RandR outputs, DUMMY0 to DUMMY15,
each with its own CRTC. The generated configuration gives the first ``heads`` of them a
Monitor section with one mode and a position, side by side from left to right, so the server
starts with that many enabled outputs; ``xrandr --listmonitors`` lists one monitor per output
and Qt's xcb platform makes one QScreen per monitor. A head is taken away or given back with
xrandr while clients run, as when a cable is pulled or plugged in.

No VT, input device, GPU or root is needed: the server shares whatever VT there is
(``-sharevts -novtswitch``; without /dev/tty0 it uses none), adds no input devices, and reads
only the configuration and writes only the log in its own temporary folder.

    with multihead_display(heads=3) as x:
        subprocess.run([...], env={**os.environ, **x.env()})
        x.remove_head("DUMMY2")
"""

from __future__ import annotations

import ctypes
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

MAX_HEADS = 16  # outputs the dummy driver creates
START_TIMEOUT_S = 20.0
XRANDR_TIMEOUT_S = 10.0
_MONITOR_LINE = re.compile(
    r"^\s*\d+:\s+\+?(?P<primary>\*?)(?P<name>\S+)\s+"
    r"(?P<w>\d+)/\d+x(?P<h>\d+)/\d+\+(?P<x>-?\d+)\+(?P<y>-?\d+)"
)


@dataclass(frozen=True)
class Monitor:
    """One monitor as RandR lists it."""

    name: str
    x: int
    y: int
    width: int
    height: int
    primary: bool = False

    @property
    def rect(self) -> tuple[int, int, int, int]:
        """(x, y, width, height), as ``QRect.getRect()`` gives it."""
        return (self.x, self.y, self.width, self.height)


def output_name(head: int) -> str:
    """The dummy driver's name for head ``head`` (0-based)."""
    return f"DUMMY{head}"


def server_config(heads: int, size: tuple[int, int]) -> str:
    """An xorg.conf for ``heads`` outputs of ``size`` each, left to right, the first primary."""
    if not 1 <= heads <= MAX_HEADS:
        raise ValueError(f"heads must be 1 to {MAX_HEADS}, not {heads}")
    width, height = size
    mode = mode_line(width, height)
    device_options = "".join(
        f'  Option "Monitor-{output_name(i)}" "head{i}"\n' for i in range(heads)
    )
    monitors = "".join(
        f'Section "Monitor"\n'
        f'  Identifier "head{i}"\n'
        f"  HorizSync 1.0-2000.0\n"
        f"  VertRefresh 1.0-240.0\n"
        f"  {mode}\n"
        f'  Option "PreferredMode" "{width}x{height}"\n'
        f'  Option "Position" "{i * width} 0"\n'
        f'  Option "Enable" "true"\n'
        + ('  Option "Primary" "true"\n' if i == 0 else "")
        + "EndSection\n"
        for i in range(heads)
    )
    # Video memory for the whole desktop plus one more head (a head may be added later).
    video_kb = (heads + 1) * width * height * 4 // 1024 + 1024
    return (
        'Section "ServerFlags"\n'
        '  Option "AutoAddDevices" "false"\n'
        '  Option "AutoEnableDevices" "false"\n'
        '  Option "AutoAddGPU" "false"\n'
        '  Option "DontVTSwitch" "true"\n'
        '  Option "BlankTime" "0"\n'
        '  Option "StandbyTime" "0"\n'
        '  Option "SuspendTime" "0"\n'
        '  Option "OffTime" "0"\n'
        "EndSection\n"
        'Section "Device"\n'
        '  Identifier "dummy"\n'
        '  Driver "dummy"\n'
        f"  VideoRam {video_kb}\n"
        "  DacSpeed 2000\n" + device_options + "EndSection\n" + monitors + 'Section "Screen"\n'
        '  Identifier "screen"\n'
        '  Device "dummy"\n'
        '  Monitor "head0"\n'
        "  DefaultDepth 24\n"
        '  SubSection "Display"\n'
        "    Depth 24\n"
        f"    Virtual {heads * width} {height}\n"
        "  EndSubSection\n"
        "EndSection\n"
    )


def mode_line(width: int, height: int, refresh_hz: int = 60) -> str:
    """A modeline named ``WxH``. The dummy driver shows nothing, so any timing with sane
    blanking does; the clock is what the refresh rate needs."""
    h_total, v_total = width + 160, height + 30
    clock_mhz = h_total * v_total * refresh_hz / 1e6
    return (
        f'Modeline "{width}x{height}" {clock_mhz:.2f} '
        f"{width} {width + 48} {width + 80} {h_total} "
        f"{height} {height + 3} {height + 8} {v_total} +hsync +vsync"
    )


class MultiheadDisplay:
    """A running multi-head server. ``display`` is ":N"; see the module docstring."""

    def __init__(self, display: str, pid: int, folder: Path, size: tuple[int, int]) -> None:
        self.display = display
        self.pid = pid
        self.folder = folder
        self.size = size

    @property
    def log_path(self) -> Path:
        return self.folder / "Xorg.log"

    def env(self) -> dict[str, str]:
        """What a client process needs in its environment (the server asks for no cookie:
        it listens on its local socket only)."""
        return {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}

    def xrandr(self, *args: str) -> str:
        """Run xrandr against this server; its output. Raises RuntimeError when it fails."""
        done = subprocess.run(
            ["xrandr", "-d", self.display, *args],
            capture_output=True,
            text=True,
            timeout=XRANDR_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"xrandr {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def monitors(self) -> list[Monitor]:
        """The monitors RandR lists, in its order (the primary first)."""
        found = []
        for line in self.xrandr("--listmonitors").splitlines():
            match = _MONITOR_LINE.match(line)
            if match:
                found.append(
                    Monitor(
                        match["name"],
                        int(match["x"]),
                        int(match["y"]),
                        int(match["w"]),
                        int(match["h"]),
                        primary=bool(match["primary"]),
                    )
                )
        return found

    def remove_head(self, name: str) -> None:
        """Switch output ``name`` off (as when its cable is pulled); returns once RandR no
        longer lists it."""
        self.xrandr("--output", name, "--off")
        self._wait_for(lambda names: name not in names, f"{name} to go")

    def add_head(self, name: str, position: tuple[int, int] | None = None) -> None:
        """Switch output ``name`` on with this server's head size at ``position`` (default:
        right of the rightmost monitor); returns once RandR lists it."""
        width, height = self.size
        if position is None:
            position = (max((m.x + m.width for m in self.monitors()), default=0), 0)
        mode = f"{width}x{height}"
        modes = self.xrandr("--query")
        if not _output_has_mode(modes, name, mode):
            if not _mode_known(modes, mode):
                _, name_and_timings = mode_line(width, height).split(" ", 1)
                self.xrandr("--newmode", *name_and_timings.replace('"', "").split())
            self.xrandr("--addmode", name, mode)
        self.xrandr("--output", name, "--mode", mode, "--pos", f"{position[0]}x{position[1]}")
        self._wait_for(lambda names: name in names, f"{name} to come")

    def _wait_for(self, condition: Callable[[set[str]], bool], what: str) -> None:
        deadline = time.monotonic() + XRANDR_TIMEOUT_S
        while time.monotonic() < deadline:
            if condition({m.name for m in self.monitors()}):
                return
            time.sleep(0.05)
        raise RuntimeError(f"timed out waiting for {what} on {self.display}")


def _output_has_mode(query: str, output: str, mode: str) -> bool:
    inside = False
    for line in query.splitlines():
        if not line.startswith(" "):
            inside = line.split(" ", 1)[0] == output
        elif inside and line.split()[0] == mode:
            return True
    return False


def _mode_known(query: str, mode: str) -> bool:
    return any(line.startswith(" ") and line.split()[0] == mode for line in query.splitlines())


def _stop_with_parent() -> None:
    """For ``preexec_fn``: the server gets SIGTERM (so it removes its lock file and socket)
    when the process that started it ends, even by SIGKILL."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def server_command(config: Path, config_dir: Path, log: Path, display_fd: int) -> list[str]:
    """The Xorg command line for a headless, private server (see the module docstring)."""
    xorg = shutil.which("Xorg")
    if xorg is None:
        raise RuntimeError("Xorg is not installed (Debian packages xserver-xorg-core and "
                           "xserver-xorg-video-dummy)")  # fmt: skip
    return [
        xorg,
        "-displayfd", str(display_fd),
        "-config", str(config),
        "-configdir", str(config_dir),
        "-logfile", str(log),
        "-nolisten", "tcp",
        "-noreset",
        "-novtswitch",
        "-sharevts",
        "-s", "0",
        "-dpms",
    ]  # fmt: skip


@contextmanager
def multihead_display(
    heads: int = 2, size: tuple[int, int] = (1280, 720)
) -> Iterator[MultiheadDisplay]:
    """Start Xorg with ``heads`` monitors of ``size`` on a free display; yield a
    ``MultiheadDisplay``; stop the server and remove its folder afterwards. Raises
    RuntimeError (with the end of the server's log) when it does not start."""
    folder = Path(tempfile.mkdtemp(prefix="tianmu-xorg-"))
    config = folder / "xorg.conf"
    config.write_text(server_config(heads, size), encoding="utf-8")
    # Xorg wants a config directory with at least one file in it, or it complains.
    config_dir = folder / "xorg.conf.d"
    config_dir.mkdir()
    (config_dir / "00-nothing.conf").write_text("# all settings are in xorg.conf\n", "utf-8")
    log = folder / "Xorg.log"
    read_end, write_end = os.pipe()
    process: subprocess.Popen[bytes] | None = None
    try:
        with open(folder / "stderr.txt", "wb") as stderr:
            process = subprocess.Popen(
                server_command(config, config_dir, log, write_end),
                pass_fds=(write_end,),
                cwd=folder,  # a core file, should it crash, stays out of the project
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                preexec_fn=_stop_with_parent,
            )
        os.close(write_end)
        write_end = -1
        number = _read_display_number(read_end, process, log)
        server = MultiheadDisplay(f":{number}", process.pid, folder, size)
        server._wait_for(lambda names: len(names) == heads, f"{heads} monitors")
        yield server
    finally:
        if write_end >= 0:
            os.close(write_end)
        os.close(read_end)
        if process is not None:
            _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def _read_display_number(read_end: int, process: subprocess.Popen[bytes], log: Path) -> int:
    number = b""
    deadline = time.monotonic() + START_TIMEOUT_S
    while not number.endswith(b"\n"):
        ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(read_end, 16) if ready else b""
        if not chunk:
            tail = log.read_text("utf-8", "replace")[-2000:] if log.exists() else "(no log)"
            state = "exited" if process.poll() is not None else "still silent"
            raise RuntimeError(f"Xorg did not start ({state}); end of its log:\n{tail}")
        number += chunk
    return int(number)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@pytest.fixture
def multihead_x() -> Iterator[MultiheadDisplay]:
    """A two-head server for one test (use ``multihead_display`` directly for other shapes)."""
    with multihead_display() as server:
        yield server


def main(argv: list[str]) -> int:
    """``python -m tests.support.multihead [HEADS] [WxH] [-- COMMAND...]``: start the server;
    run COMMAND on it and stop afterwards (its exit status), or without one print the
    display and run until interrupted."""
    command: list[str] = []
    if "--" in argv:
        split = argv.index("--")
        argv, command = argv[:split], argv[split + 1 :]
    heads = int(argv[0]) if argv else 2
    width, height = (int(n) for n in (argv[1] if len(argv) > 1 else "1280x720").split("x"))
    with multihead_display(heads, (width, height)) as server:
        for monitor in server.monitors():
            print(
                f"monitor {monitor.name} {monitor.width}x{monitor.height}+{monitor.x}+{monitor.y}"
            )
        if command:
            return subprocess.run(
                command, env={**os.environ, **server.env()}, check=False
            ).returncode
        print(f"DISPLAY={server.display}  (log: {server.log_path}; Ctrl+C stops it)", flush=True)
        stop = {signal.SIGINT, signal.SIGTERM}
        try:
            signal.pthread_sigmask(signal.SIG_BLOCK, stop)
            signal.sigwait(stop)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
