"""Live synthetic camera streams on 127.0.0.1 for video tests and benchmarks.

A ``LiveStream`` is two child processes, like a camera behind a media server:

* the *camera*: ffmpeg encoding a test pattern with a running clock burned in (H.264, GOP of
  one second, 640x360@25) and sending MPEG-TS over UDP loopback;
* the *relay*: a small Python process serving that feed to any number of clients as HTTP
  MPEG-TS (``http_url``; each client gets live data only, like a camera or media server, not
  a backlog) and, through python-libvlc's stream output, as RTSP (``rtsp_url``, RTP over UDP).

``stop_camera()`` kills only the encoder: the relay keeps its client connections open but no
picture arrives any more, which is how a camera or uplink that dies silently looks to a
client. ``start_camera()`` brings the pictures back on the same URLs.

Both children die with the process that started them (``PR_SET_PDEATHSIG`` and the relay's
stdin pipe), so an aborted test run leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

logger = logging.getLogger(__name__)

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

_RELAY_SCRIPT = r"""
import queue, socket, sys, threading, vlc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

udp_port, http_port, rtsp_port = (int(a) for a in sys.argv[1:4])
inner = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
inner.bind(("127.0.0.1", 0))
inner_port = inner.getsockname()[1]
inner.close()

instance = vlc.Instance(["--no-audio", "--no-xlib", "--quiet", "--network-caching=100"])
media = instance.media_new(
    f"udp://@127.0.0.1:{inner_port}",
    f":sout=#rtp{{sdp=rtsp://127.0.0.1:{rtsp_port}/live}}",
    ":sout-keep",
    ":sout-mux-caching=0",
)
player = instance.media_player_new()
player.set_media(media)
player.play()

clients = set()
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path != "/live.ts":
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "video/mp2t")
        self.end_headers()
        inbox = queue.Queue(maxsize=4000)
        with lock:
            clients.add(inbox)
        try:
            while True:
                try:
                    chunk = inbox.get(timeout=1.0)
                except queue.Empty:
                    continue
                self.wfile.write(chunk)
        except OSError:
            pass
        finally:
            with lock:
                clients.discard(inbox)


def pump():
    source = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    source.bind(("127.0.0.1", udp_port))
    forward = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    while True:
        datagram = source.recv(65536)
        forward.sendto(datagram, ("127.0.0.1", inner_port))
        with lock:
            for inbox in list(clients):
                try:
                    inbox.put_nowait(datagram)
                except queue.Full:
                    clients.discard(inbox)


server = ThreadingHTTPServer(("127.0.0.1", http_port), Handler)
server.daemon_threads = True
threading.Thread(target=pump, daemon=True).start()
threading.Thread(target=server.serve_forever, daemon=True).start()
print("ready", flush=True)
sys.stdin.read()  # returns when the parent goes away or closes the pipe
"""


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _die_with_parent() -> None:
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _wait_for_tcp(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


def _stop(process: subprocess.Popen[bytes] | None, timeout: float = 5.0) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)


class LiveStream:
    """One synthetic live camera served on loopback; see the module docstring."""

    def __init__(
        self,
        label: str = "CAM",
        *,
        size: str = "640x360",
        rate: int = 25,
        gop: int = 25,
        relay_python: str = sys.executable,
    ):
        self.label = label
        self.size = size
        self.rate = rate
        self.gop = gop
        self._relay_python = relay_python
        self.udp_port = free_port(socket.SOCK_DGRAM)
        self.http_port = free_port()
        self.rtsp_port = free_port()
        self._camera: subprocess.Popen[bytes] | None = None
        self._relay: subprocess.Popen[bytes] | None = None

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/live.ts"

    @property
    def rtsp_url(self) -> str:
        return f"rtsp://127.0.0.1:{self.rtsp_port}/live"

    @property
    def camera_running(self) -> bool:
        return self._camera is not None and self._camera.poll() is None

    def start(self, timeout: float = 15.0) -> LiveStream:
        """Start the relay and the camera; return once the relay accepts HTTP clients."""
        deadline = time.monotonic() + timeout
        self._relay = subprocess.Popen(
            [
                self._relay_python,
                "-c",
                _RELAY_SCRIPT,
                str(self.udp_port),
                str(self.http_port),
                str(self.rtsp_port),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
        assert self._relay.stdout is not None
        if self._relay.stdout.readline().strip() != b"ready":
            self.stop()
            raise RuntimeError("the stream relay did not start")
        self.start_camera()
        try:
            self.wait_until_flowing(deadline - time.monotonic())
        except TimeoutError:
            self.stop()
            raise
        return self

    def wait_until_flowing(self, timeout: float = 15.0) -> None:
        """Return once the relay sends stream data to an HTTP client (RTSP is ready then too)."""
        deadline = time.monotonic() + timeout
        _wait_for_tcp(self.http_port, deadline)
        request = f"GET /live.ts HTTP/1.0\r\nHost: 127.0.0.1:{self.http_port}\r\n\r\n"
        while time.monotonic() < deadline:
            with socket.create_connection(("127.0.0.1", self.http_port), timeout=2) as client:
                client.sendall(request.encode())
                received = 0
                try:
                    while received < 64 * 1024:
                        chunk = client.recv(65536)
                        if not chunk:
                            break
                        received += len(chunk)
                except TimeoutError:
                    pass
                if received >= 64 * 1024:
                    return
            time.sleep(0.1)
        raise TimeoutError("the relay sends no stream data")

    def start_camera(self) -> None:
        """Start (or restart) the encoder feeding the relay."""
        if self.camera_running:
            return
        clock = (
            f"drawtext=fontfile={FONT}:fontsize=28:fontcolor=white:box=1:boxcolor=black@0.6:"
            f"x=12:y=12:text='{self.label} %{{localtime\\:%T}} #%{{n}}'"
        )
        self._camera = subprocess.Popen(
            [
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-nostdin",
                "-re",
                "-f",
                "lavfi",
                "-i",
                f"testsrc2=size={self.size}:rate={self.rate}",
                "-vf",
                clock,
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-tune",
                "zerolatency",
                "-g",
                str(self.gop),
                "-pix_fmt",
                "yuv420p",
                "-f",
                "mpegts",
                f"udp://127.0.0.1:{self.udp_port}?pkt_size=1316",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )

    def stop_camera(self) -> None:
        """Kill the encoder; clients stay connected but receive nothing."""
        if self._camera is not None and self._camera.poll() is None:
            self._camera.kill()
            self._camera.wait(5)
        self._camera = None

    def stop(self) -> None:
        """Stop the camera and the relay."""
        self.stop_camera()
        if self._relay is not None and self._relay.stdin is not None:
            with contextlib.suppress(OSError):
                self._relay.stdin.close()
        _stop(self._relay)
        if self._relay is not None and self._relay.stdout is not None:
            self._relay.stdout.close()
        self._relay = None

    def __enter__(self) -> LiveStream:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def silent_tcp_server() -> tuple[socket.socket, str]:
    """A listening socket on loopback that accepts connections and never answers.

    Returns the socket (close it when done) and an HTTP URL pointing at it.
    """
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    port = server.getsockname()[1]
    return server, f"http://127.0.0.1:{port}/never.ts"
