"""Live synthetic cameras on loopback: a handful of feeds, each with a main and a sub stream.

A ``CameraSimulator`` owns one child process group: the stream host
(``console.server.media.host``) and, below it, one ffmpeg encoder per feed. Every stream is
served as HTTP MPEG-TS (for libvlc) and RTSP (RTP over UDP, for FFmpeg-based players). The
camera name and the wall clock are burned into every picture; scenes differ per feed.
``show_problems`` draws problems standing before a feed's cameras (a stall, smoke, ...; see
``problem_art``) into its pictures while it runs.

``http_relay`` picks the HTTP server: ``"gop"`` (default) serves every stream on one port
from a relay with a GOP cache, so a new viewer starts at the newest keyframe at once;
``"libvlc"`` is libvlc's own HTTP output, one port per stream, where a new viewer waits for
the next keyframe (kept to measure the difference).

Nothing outlives the simulator: ``stop()`` kills the whole process group, an ``atexit`` hook
calls it, and if the owning process dies without cleaning up, the host notices (its stdin
closes, its parent changes) and kills its group, while the encoders die with the host.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from console.server.media.encoder import LIVE_CLOCK, write_caption_files, write_problem_layer
from console.server.media.host import die_with_parent
from console.server.media.ports import free_ports
from console.server.media.probe import http_bytes, rtsp_describes
from console.server.media.scenes import scene_for

logger = logging.getLogger(__name__)

# A stream "answers" once this many bytes of it arrived (a few TS packets).
_LIVE_BYTES = 4 * 188
# The sub stream size many real cameras offer (Common Intermediate Format): square pixels
# here, showing the middle of the scene at 11:9.
CIF = (352, 288)


@dataclass(frozen=True)
class FeedUrls:
    """Where one stream of a feed is served."""

    http: str
    rtsp: str


@dataclass(frozen=True)
class Feed:
    """One simulated camera: its name and scene, and the URLs of its two streams."""

    index: int
    name: str
    scene: str
    main: FeedUrls
    sub: FeedUrls


HTTP_RELAYS = ("gop", "libvlc")


@dataclass(frozen=True)
class _Ports:
    rtsp: int
    http: dict[tuple[int, str], int]
    udp: dict[tuple[int, str], int]  # where each stream's encoder sends
    vlc: dict[tuple[int, str], int]  # where libvlc reads each stream


class SimulatorError(RuntimeError):
    """The simulator could not start, or a child did not answer."""


class CameraSimulator:
    """Synthetic live cameras on loopback; see the module docstring."""

    KINDS = ("main", "sub")

    def __init__(
        self,
        workdir: Path,
        feed_names: Sequence[str],
        *,
        host: str = "127.0.0.1",
        main_fps: float = 12.5,
        sub_fps: float = 25,
        main_size: tuple[int, int] = (1280, 720),
        sub_size: tuple[int, int] = (640, 360),
        http_relay: str = "gop",
    ) -> None:
        if not feed_names:
            raise ValueError("a simulator needs at least one feed")
        if http_relay not in HTTP_RELAYS:
            raise ValueError(f"http_relay must be one of {HTTP_RELAYS}, not {http_relay!r}")
        self.workdir = Path(workdir)
        self.feed_names = tuple(feed_names)
        self.host = host
        self.main_fps = main_fps
        self.sub_fps = sub_fps
        self.main_size = main_size
        self.sub_size = sub_size
        self.http_relay = http_relay
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[str] = queue.Queue()
        self._lock = threading.Lock()
        self._layer_lock = threading.Lock()
        self._ports: _Ports | None = None
        self._feeds: list[Feed] = []
        # Bound but never listening: connections are refused, like a camera that is offline.
        self._offline_socket: socket.socket | None = None

    # ------------------------------------------------------------------ public API

    @property
    def feeds(self) -> list[Feed]:
        if not self._feeds:
            raise SimulatorError("the simulator is not running")
        return list(self._feeds)

    @property
    def offline(self) -> FeedUrls:
        """URLs on a port that refuses connections, for cameras that are offline."""
        if self._offline_socket is None:
            raise SimulatorError("the simulator is not running")
        port = self._offline_socket.getsockname()[1]
        return FeedUrls(
            http=f"http://{self.host}:{port}/offline.ts",
            rtsp=f"rtsp://{self.host}:{port}/offline",
        )

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout: float = 30) -> None:
        """Start the host and the encoders; return once every stream answers."""
        if self.running:
            return
        deadline = time.monotonic() + timeout
        self.workdir.mkdir(parents=True, exist_ok=True)
        self._ports = self._allocate_ports()
        self._feeds = [self._feed(i, name) for i, name in enumerate(self.feed_names)]
        spec_path = self.workdir / "simulator.json"
        spec_path.write_text(json.dumps(self._spec(), ensure_ascii=False, indent=1), "utf-8")
        self._offline_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._offline_socket.bind((self.host, 0))
        atexit.register(self.stop)
        try:
            self._launch_host(spec_path)
            self._expect("ready", deadline)
            self._wait_until_live(range(len(self._feeds)), deadline, rtsp=True)
        except BaseException:
            self.stop()
            raise
        logger.info(
            "camera simulator: %s feeds live (main %s fps, sub %s fps)",
            len(self._feeds),
            self.main_fps,
            self.sub_fps,
        )

    def stop(self) -> None:
        """Stop every child process; safe to call more than once."""
        atexit.unregister(self.stop)
        process, self._process = self._process, None
        if self._offline_socket is not None:
            self._offline_socket.close()
            self._offline_socket = None
        self._feeds = []
        if process is None:
            return
        if process.poll() is None and process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.write(b"quit\n")
                process.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)
        # Whatever is left in the group (the host or an encoder) is killed outright.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        logger.info("camera simulator stopped")

    def stop_feed(self, index: int) -> None:
        """Kill feed ``index``'s encoder: its URLs stay up but deliver no more pictures."""
        self._command(f"stop {self._checked(index)}")

    def start_feed(self, index: int, timeout: float = 15) -> None:
        """Restart feed ``index``; return once both its streams deliver again."""
        self._command(f"start {self._checked(index)}")
        self._wait_until_live([index], time.monotonic() + timeout, rtsp=False)

    def show_problems(self, index: int, kinds: Iterable[str]) -> None:
        """Draw the problems ``kinds`` (``problem_art`` drawing kinds) into feed ``index``'s
        pictures from now on; an empty ``kinds`` clears them. Takes effect within a frame or two.
        """
        folder = self.workdir / f"feed{self._checked(index) + 1:02d}"
        with self._layer_lock:
            write_problem_layer(folder, kinds)

    def snapshot_jpeg(self, index: int, timeout: float = 10) -> bytes:
        """One current picture of feed ``index`` (from its sub stream) as JPEG."""
        url = self.feeds[self._checked(index)].sub.http
        result = subprocess.run(
            # A short analysis window: the next keyframe brings everything needed.
            ["ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
             "-analyzeduration", "500000", "-i", url,
             "-frames:v", "1", "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "3", "pipe:1"],
            capture_output=True,
            timeout=timeout,
            check=False,
        )  # fmt: skip
        if result.returncode != 0 or not result.stdout.startswith(b"\xff\xd8"):
            raise SimulatorError(
                f"no picture from feed {index}: {result.stderr.decode(errors='replace')[-300:]}"
            )
        return result.stdout

    def __enter__(self) -> CameraSimulator:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ internals

    def _checked(self, index: int) -> int:
        if not 0 <= index < len(self.feeds):
            raise IndexError(f"no feed {index}")
        return index

    def _allocate_ports(self) -> _Ports:
        keys = [(i, kind) for i in range(len(self.feed_names)) for kind in self.KINDS]
        if self.http_relay == "gop":
            # One HTTP port for every stream; libvlc gets the relay's copy of each stream.
            rtsp, http = free_ports(2, socket.SOCK_STREAM, self.host)
            udp = free_ports(2 * len(keys), socket.SOCK_DGRAM, self.host)
            return _Ports(
                rtsp=rtsp,
                http=dict.fromkeys(keys, http),
                udp=dict(zip(keys, udp[: len(keys)], strict=True)),
                vlc=dict(zip(keys, udp[len(keys) :], strict=True)),
            )
        tcp = free_ports(len(keys) + 1, socket.SOCK_STREAM, self.host)
        udp = free_ports(len(keys), socket.SOCK_DGRAM, self.host)
        return _Ports(
            rtsp=tcp[-1],
            http=dict(zip(keys, tcp[:-1], strict=True)),
            udp=dict(zip(keys, udp, strict=True)),
            vlc=dict(zip(keys, udp, strict=True)),
        )

    @staticmethod
    def _path(index: int, kind: str) -> str:
        return f"/feed{index + 1:02d}/{kind}"

    def _feed(self, index: int, name: str) -> Feed:
        assert self._ports is not None
        ports = self._ports

        def urls(kind: str) -> FeedUrls:
            path = self._path(index, kind)
            return FeedUrls(
                http=f"http://{self.host}:{ports.http[index, kind]}{path}.ts",
                rtsp=f"rtsp://{self.host}:{ports.rtsp}{path}",
            )

        return Feed(index, name, scene_for(index).name, urls("main"), urls("sub"))

    def _spec(self) -> dict[str, object]:
        assert self._ports is not None
        feeds = []
        for feed in self._feeds:
            folder = self.workdir / f"feed{feed.index + 1:02d}"
            write_caption_files(folder, feed.name, LIVE_CLOCK)
            write_problem_layer(folder, ())
            feeds.append(
                {
                    "index": feed.index,
                    "folder": str(folder),
                    "main": {
                        "width": self.main_size[0],
                        "height": self.main_size[1],
                        "fps": self.main_fps,
                    },
                    "sub": {
                        "width": self.sub_size[0],
                        "height": self.sub_size[1],
                        "fps": self.sub_fps,
                    },
                    "streams": [
                        {
                            "kind": kind,
                            "udp_port": self._ports.udp[feed.index, kind],
                            "vlc_port": self._ports.vlc[feed.index, kind],
                            "http_port": self._ports.http[feed.index, kind],
                            "http_path": self._path(feed.index, kind) + ".ts",
                            "rtsp_path": self._path(feed.index, kind),
                        }
                        for kind in self.KINDS
                    ],
                }
            )
        return {
            "host": self.host,
            "rtsp_port": self._ports.rtsp,
            "http_relay": self.http_relay,
            "http_port": self._ports.http[0, self.KINDS[0]],
            "feeds": feeds,
        }

    def _launch_host(self, spec_path: Path) -> None:
        # The parent-death signal follows the thread that forks, so it is only safe to ask
        # for it from the main thread; otherwise the host's own watchdogs cover a dead parent.
        on_main_thread = threading.current_thread() is threading.main_thread()
        with open(self.workdir / "host.log", "ab") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "console.server.media.host", str(spec_path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,
                preexec_fn=die_with_parent if on_main_thread else None,
                cwd=self.workdir,
                env={**os.environ, "PYTHONPATH": _python_path()},
            )
        threading.Thread(
            target=self._read_replies, args=(self._process,), name="media-host-replies", daemon=True
        ).start()

    def _read_replies(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            self._replies.put(raw.decode(errors="replace").strip())
        self._replies.put("")  # end of file: the host is gone

    def _expect(self, prefix: str, deadline: float) -> str:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SimulatorError(f"the stream host did not answer {prefix!r} in time")
            try:
                reply = self._replies.get(timeout=remaining)
            except queue.Empty:
                continue
            if reply == "":
                raise SimulatorError(f"the stream host exited; see {self.workdir / 'host.log'}")
            if reply.startswith("error"):
                raise SimulatorError(f"the stream host refused: {reply}")
            if reply.startswith(prefix):
                return reply

    def _command(self, line: str, timeout: float = 10) -> None:
        with self._lock:
            process = self._process
            if process is None or process.stdin is None or process.poll() is not None:
                raise SimulatorError("the simulator is not running")
            process.stdin.write(line.encode() + b"\n")
            process.stdin.flush()
            self._expect(f"ok {line}", time.monotonic() + timeout)

    def _wait_until_live(
        self, indexes: Sequence[int] | range, deadline: float, *, rtsp: bool
    ) -> None:
        feeds = [self.feeds[i] for i in indexes]
        streams = [(feed.index, kind, getattr(feed, kind)) for feed in feeds for kind in self.KINDS]

        def wait(stream: tuple[int, str, FeedUrls]) -> str | None:
            index, kind, urls = stream
            while time.monotonic() < deadline:
                if not self.running:
                    return f"the stream host exited; see {self.workdir / 'host.log'}"
                if http_bytes(urls.http, want=_LIVE_BYTES, within=1.0) >= _LIVE_BYTES and (
                    not rtsp or rtsp_describes(urls.rtsp, within=1.0)
                ):
                    return None
                time.sleep(0.1)
            return f"feed {index} {kind} stream is not live ({urls.http})"

        with ThreadPoolExecutor(max_workers=min(16, len(streams))) as pool:
            problems = [p for p in pool.map(wait, streams) if p]
        if problems:
            raise SimulatorError("; ".join(problems))


def _python_path() -> str:
    """PYTHONPATH for the host: the folder holding this ``console`` package comes first."""
    root = str(Path(__file__).resolve().parents[3])
    return os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
