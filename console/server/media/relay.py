"""HTTP MPEG-TS relay with a GOP cache: new viewers start at the newest keyframe, not the next.

One ``GopRelay`` serves every stream of the simulator on one HTTP port, one path per stream.
Each stream arrives as MPEG-TS over loopback UDP from its encoder. Every datagram is

* added to the stream's ``GopCache`` (PAT, PMT and the packets since the newest keyframe),
* written to every connected viewer, and
* forwarded unchanged to a second UDP port, if one is given (libvlc's RTSP output reads it).

A new viewer gets the response head, then PAT, PMT and the cached packets starting at the
keyframe, then live packets: its decoder can show a picture at once instead of waiting up
to a GOP for the next keyframe. The body is close-delimited (no length, no chunking), which
every HTTP-TS client reads, libvlc's included.

Slow viewers never hold up the others: writes go to each connection's own buffer, and a
viewer whose unsent backlog (the relay's buffer plus the kernel's send queue, which grows by
itself to megabytes) passes what ``max_lag`` seconds of its stream amount to is
disconnected. A cache whose input has been silent for ``stale_after`` seconds is not
served: a stopped camera gives a new viewer nothing rather than an old picture.

The relay runs its own asyncio loop on a thread; its public methods are thread-safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import functools
import logging
import socket
import struct
import termios
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

from console.server.media.transport_stream import GopCache, is_aligned

logger = logging.getLogger(__name__)

_MAX_REQUEST_HEAD = 8192
_REQUEST_TIMEOUT = 10.0
_RATE_WINDOW = 2.0
_UDP_RECEIVE_BUFFER = 1 << 20


@dataclass(frozen=True)
class RelayedStream:
    """One stream: its HTTP path, the UDP port its encoder sends to, where to forward it."""

    path: str
    udp_port: int
    forward_port: int | None = None


@dataclass(frozen=True)
class RelayLimits:
    """When a viewer counts as too far behind, and when a cache is too old to serve."""

    max_lag: float = 4.0  # seconds of stream a viewer may have queued, unsent
    min_backlog: int = 64 << 10  # bytes allowed whatever the stream's rate
    stale_after: float = 2.0  # seconds without input before the cache is withheld


def kernel_send_queue(sock: socket.socket | None) -> int:
    """Bytes written to ``sock`` that its peer has not acknowledged yet (Linux SIOCOUTQ)."""
    if sock is None:
        return 0
    try:
        raw = fcntl.ioctl(sock.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
    except OSError:
        return 0
    return int(struct.unpack("i", raw)[0])


class _Stream(asyncio.DatagramProtocol):
    """One relayed stream: its cache, its viewers, its input and its forward target."""

    def __init__(self, spec: RelayedStream, host: str, limits: RelayLimits) -> None:
        self.spec = spec
        self.limits = limits
        self.cache = GopCache()
        self.viewers: set[_Viewer] = set()
        self.forward = (host, spec.forward_port) if spec.forward_port else None
        self.transport: asyncio.DatagramTransport | None = None
        self.last_input = float("-inf")
        self.rate = 0.0  # bytes per second, measured over the last window
        self._window_start = time.monotonic()
        self._window_bytes = 0
        self._misaligned = 0

    # asyncio.DatagramProtocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        if self.forward is not None and self.transport is not None:
            self.transport.sendto(data, self.forward)
        if not is_aligned(data):
            self._misaligned += 1
            if self._misaligned in (1, 100, 10000):
                logger.warning(
                    "%s: %s datagrams not made of TS packets", self.spec.path, self._misaligned
                )
            return
        now = time.monotonic()
        self.last_input = now
        self._count(len(data), now)
        self.cache.push(data)
        for viewer in list(self.viewers):
            viewer.send(data)

    def error_received(self, exc: Exception) -> None:
        # ICMP "port unreachable" from the forward target while it is not listening yet.
        logger.debug("%s: %s", self.spec.path, exc)

    # the relay's side
    def _count(self, size: int, now: float) -> None:
        self._window_bytes += size
        elapsed = now - self._window_start
        if elapsed >= _RATE_WINDOW:
            self.rate = self._window_bytes / elapsed
            self._window_start, self._window_bytes = now, 0

    def backlog_allowance(self) -> int:
        return max(self.limits.min_backlog, int(self.rate * self.limits.max_lag))

    def start_bytes(self) -> bytes:
        if time.monotonic() - self.last_input > self.limits.stale_after:
            return b""
        return self.cache.start()

    def forget(self) -> None:
        self.cache.clear()
        self.last_input = float("-inf")


class _Viewer(asyncio.Protocol):
    """One HTTP connection: reads the request, then receives its stream until it goes."""

    def __init__(self, relay: GopRelay) -> None:
        self.relay = relay
        self.transport: asyncio.Transport | None = None
        self.stream: _Stream | None = None
        self.peer = "?"
        self._socket: socket.socket | None = None
        self._head = b""
        self._allowance = 0
        self._timeout: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)
        peer = transport.get_extra_info("peername")
        self.peer = f"{peer[0]}:{peer[1]}" if peer else "?"
        sock = transport.get_extra_info("socket")
        if sock is not None:
            self._socket = sock
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._timeout = asyncio.get_running_loop().call_later(_REQUEST_TIMEOUT, transport.close)

    def data_received(self, data: bytes) -> None:
        if self.stream is not None or self.transport is None or self.transport.is_closing():
            return  # a viewer has nothing more to say once it plays
        self._head += data
        if b"\r\n\r\n" not in self._head:
            if len(self._head) > _MAX_REQUEST_HEAD:
                self._answer("431 Request Header Fields Too Large")
            return
        if self._timeout is not None:
            self._timeout.cancel()
        request_line = self._head.split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            self._answer("400 Bad Request")
            return
        method, target = parts[0], parts[1]
        stream = self.relay.stream_at(urlsplit(target).path)
        if stream is None:
            self._answer("404 Not Found")
        elif method not in ("GET", "HEAD"):
            self._answer("405 Method Not Allowed", "Allow: GET, HEAD\r\n")
        elif method == "HEAD":
            self._answer("200 OK", _STREAM_HEADERS, body=False)
        else:
            self._play(stream)

    def _answer(self, status: str, headers: str = "", *, body: bool = True) -> None:
        assert self.transport is not None
        text = status.split(" ", 1)[1] + "\n" if body and not status.startswith("200") else ""
        head = f"HTTP/1.0 {status}\r\n{headers}"
        if text:
            head += f"Content-Type: text/plain\r\nContent-Length: {len(text)}\r\n"
        self.transport.write(f"{head}Connection: close\r\n\r\n{text}".encode("latin-1"))
        self.transport.close()

    def _play(self, stream: _Stream) -> None:
        assert self.transport is not None
        start = stream.start_bytes()
        self.transport.write(f"HTTP/1.0 200 OK\r\n{_STREAM_HEADERS}\r\n".encode("latin-1"))
        self.transport.write(start)
        # The cached start may take a moment to drain; it does not count as falling behind.
        self._allowance = len(start)
        self.stream = stream
        stream.viewers.add(self)
        logger.debug("%s: viewer %s (start %s bytes)", stream.spec.path, self.peer, len(start))

    def send(self, data: bytes) -> None:
        transport, stream = self.transport, self.stream
        if transport is None or stream is None or transport.is_closing():
            return
        transport.write(data)
        backlog = transport.get_write_buffer_size() + kernel_send_queue(self._socket)
        if backlog > self._allowance + stream.backlog_allowance():
            logger.info(
                "%s: dropping viewer %s, %s bytes behind", stream.spec.path, self.peer, backlog
            )
            stream.viewers.discard(self)
            if self._socket is not None:
                # Reset rather than close: a plain close would keep the unsent backlog
                # queued in the kernel for a peer that does not read it.
                with contextlib.suppress(OSError):
                    self._socket.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
            transport.abort()
        elif backlog < self._allowance:
            self._allowance = backlog  # the cached start has drained this far

    def connection_lost(self, exc: Exception | None) -> None:
        if self._timeout is not None:
            self._timeout.cancel()
        if self.stream is not None:
            self.stream.viewers.discard(self)
        self.transport = None


_STREAM_HEADERS = (
    "Content-Type: video/mp2t\r\n"
    "Cache-Control: no-cache, no-store\r\n"
    "Pragma: no-cache\r\n"
    "Connection: close\r\n"
)


class GopRelay:
    """Serves UDP MPEG-TS streams over HTTP with a GOP cache; see the module docstring."""

    def __init__(
        self,
        host: str,
        http_port: int,
        streams: Iterable[RelayedStream],
        limits: RelayLimits | None = None,
    ) -> None:
        self.host = host
        self.http_port = http_port
        self.limits = limits or RelayLimits()
        self._streams = {s.path: _Stream(s, host, self.limits) for s in streams}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopped: asyncio.Event | None = None

    def stream_at(self, path: str) -> _Stream | None:
        return self._streams.get(path)

    def start(self, timeout: float = 10.0) -> None:
        """Bind every socket and start serving; raises if a port cannot be bound."""
        ready: Future[None] = Future()
        self._thread = threading.Thread(
            target=self._run, args=(ready,), name="gop-relay", daemon=True
        )
        self._thread.start()
        ready.result(timeout)

    def forget(self, paths: Iterable[str], timeout: float = 5.0) -> None:
        """Drop the caches of ``paths`` (their source stopped); viewers stay connected."""
        streams = [self._streams[p] for p in paths]

        def forget_all() -> None:
            for stream in streams:
                stream.forget()

        self._call(forget_all, timeout)

    def close(self, timeout: float = 5.0) -> None:
        loop, stopped = self._loop, self._stopped
        if loop is not None and stopped is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(stopped.set)
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None

    def _call(self, function: Any, timeout: float) -> Any:
        loop = self._loop
        if loop is None:
            raise RuntimeError("the relay is not running")
        done: Future[Any] = Future()

        def run() -> None:
            try:
                done.set_result(function())
            except BaseException as error:  # handed to the caller's thread
                done.set_exception(error)

        loop.call_soon_threadsafe(run)
        return done.result(timeout)

    def _run(self, ready: Future[None]) -> None:
        try:
            asyncio.run(self._serve(ready))
        except BaseException as error:
            if not ready.done():
                ready.set_exception(error)
            else:
                logger.exception("the relay stopped")

    async def _serve(self, ready: Future[None]) -> None:
        loop = asyncio.get_running_loop()
        self._loop, self._stopped = loop, asyncio.Event()
        inputs: list[asyncio.BaseTransport] = []
        server = None
        try:
            for stream in self._streams.values():
                sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _UDP_RECEIVE_BUFFER)
                sock.bind((self.host, stream.spec.udp_port))
                endpoint, _ = await loop.create_datagram_endpoint(
                    functools.partial(_same, stream), sock=sock
                )
                inputs.append(endpoint)
            server = await loop.create_server(
                lambda: _Viewer(self), self.host, self.http_port, reuse_address=True, backlog=128
            )
            ready.set_result(None)
            logger.info(
                "GOP relay on http://%s:%s (%s streams)",
                self.host,
                self.http_port,
                len(self._streams),
            )
            await self._stopped.wait()
        finally:
            if server is not None:
                server.close()
            for stream in self._streams.values():
                for viewer in list(stream.viewers):
                    if viewer.transport is not None:
                        viewer.transport.abort()
                stream.viewers.clear()
            for udp in inputs:
                udp.close()
            if server is not None:
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(server.wait_closed(), 1.0)


def _same(stream: _Stream) -> _Stream:
    """Protocol factory handing asyncio the stream object that already exists."""
    return stream
