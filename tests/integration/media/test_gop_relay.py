"""The simulator's HTTP relay: new viewers start at a keyframe; a stalled viewer hurts no one.

The MPEG-TS here is parsed by the test itself (a few header fields), not by the relay's code.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from console.server.media import CameraSimulator
from tests.integration.media.conftest import FrameGrabber

pytestmark = pytest.mark.media

PACKET = 188
TCP_ESTABLISHED = 1


@dataclass
class Packet:
    pid: int
    unit_start: bool
    random_access: bool
    counter: int
    payload: bytes


def parse_packet(raw: bytes) -> Packet:
    assert len(raw) == PACKET, "a short TS packet"
    assert raw[0] == 0x47, "lost TS packet alignment"
    control = (raw[3] >> 4) & 3
    start, random_access = 4, False
    if control & 2:
        random_access = raw[4] > 0 and bool(raw[5] & 0x40)
        start = 5 + raw[4]
    payload = raw[start:] if control & 1 else b""
    return Packet(
        ((raw[1] & 0x1F) << 8) | raw[2], bool(raw[1] & 0x40), random_access, raw[3] & 15, payload
    )


def section_body(packet: Packet) -> bytes:
    pointer = packet.payload[0]
    section = packet.payload[1 + pointer :]
    length = ((section[1] & 0x0F) << 8) | section[2]
    return section[: 3 + length - 4]


def pat_program_pid(packet: Packet) -> int:
    body = section_body(packet)
    assert body[0] == 0x00, "not a PAT"
    return ((body[10] & 0x1F) << 8) | body[11]  # first program entry


def pmt_h264_pid(packet: Packet) -> int:
    body = section_body(packet)
    assert body[0] == 0x02, "not a PMT"
    at = 12 + (((body[10] & 0x0F) << 8) | body[11])
    while at + 5 <= len(body):
        if body[at] == 0x1B:
            return ((body[at + 1] & 0x1F) << 8) | body[at + 2]
        at += 5 + (((body[at + 3] & 0x0F) << 8) | body[at + 4])
    raise AssertionError("the PMT lists no H.264 stream")


def pes_pts(payload: bytes) -> int:
    assert payload[:3] == b"\x00\x00\x01", "a video packet that starts no PES"
    assert payload[7] & 0x80, "a PES without PTS"
    b = payload[9:14]
    return ((b[0] >> 1) & 7) << 30 | b[1] << 22 | (b[2] >> 1) << 15 | b[3] << 7 | b[4] >> 1


def nal_types(elementary: bytes) -> set[int]:
    found, at = set(), elementary.find(b"\x00\x00\x01")
    while 0 <= at < len(elementary) - 3:
        found.add(elementary[at + 3] & 0x1F)
        at = elementary.find(b"\x00\x00\x01", at + 3)
    return found


class Viewer:
    """A raw HTTP-TS client: sends the request, then hands out whole packets."""

    def __init__(self, url: str, *, receive_buffer: int | None = None) -> None:
        parts = urlsplit(url)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if receive_buffer is not None:  # set before connecting so the window stays small
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self.sock.settimeout(10)
        self.sock.connect((parts.hostname, parts.port))
        self.sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
        self._pending = b""
        self.head = b""

    def read_head(self) -> bytes:
        while b"\r\n\r\n" not in self._pending:
            chunk = self.sock.recv(65536)
            assert chunk, "closed before the response head"
            self._pending += chunk
        self.head, _, self._pending = self._pending.partition(b"\r\n\r\n")
        return self.head

    def packets(self) -> Iterator[Packet]:
        if not self.head:
            self.read_head()
        while True:
            while len(self._pending) >= PACKET:
                raw, self._pending = self._pending[:PACKET], self._pending[PACKET:]
                yield parse_packet(raw)
            chunk = self.sock.recv(65536)
            if not chunk:
                return
            self._pending += chunk

    def tcp_state(self) -> int:
        return self.sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 8)[0]

    def close(self) -> None:
        self.sock.close()


@dataclass
class StartOfStream:
    """What a new viewer got first: the tables, then its first video access unit."""

    program_pid: int
    video_pid: int
    first_video: Packet
    first_pts: int
    first_nal_types: set[int]


def read_start(viewer: Viewer) -> StartOfStream:
    packets = viewer.packets()
    pat, pmt = next(packets), next(packets)
    assert pat.pid == 0, f"the stream starts with PID {pat.pid:#x}, not the PAT"
    program_pid = pat_program_pid(pat)
    assert pmt.pid == program_pid, f"the second packet is PID {pmt.pid:#x}, not the PMT"
    video_pid = pmt_h264_pid(pmt)
    first = next(p for p in packets if p.pid == video_pid)
    elementary = first.payload
    for packet in packets:  # the rest of the first access unit
        if packet.pid == video_pid:
            if packet.unit_start:
                break
            elementary += packet.payload
    header_length = first.payload[8]
    return StartOfStream(
        program_pid,
        video_pid,
        first,
        pes_pts(first.payload),
        nal_types(elementary[9 + header_length :]),
    )


@dataclass
class LiveReader:
    """Reads a viewer on a thread, keeping the newest video PTS and continuity errors."""

    viewer: Viewer
    video_pid: int = -1
    newest_pts: int = -1
    keyframes: int = 0
    packets: int = 0
    counter_gaps: int = 0
    _thread: threading.Thread | None = field(default=None, repr=False)

    def start(self) -> LiveReader:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        counters: dict[int, int] = {}
        program_pid = -1
        try:
            for packet in self.viewer.packets():
                self.packets += 1
                if packet.pid == 0 and packet.unit_start:
                    program_pid = pat_program_pid(packet)
                elif packet.pid == program_pid and packet.unit_start and self.video_pid < 0:
                    self.video_pid = pmt_h264_pid(packet)
                elif packet.pid == self.video_pid:
                    expected = counters.get(packet.pid)
                    if expected is not None and packet.counter != expected:
                        self.counter_gaps += 1
                    counters[packet.pid] = (packet.counter + 1) % 16
                    if packet.unit_start:
                        self.newest_pts = pes_pts(packet.payload)
                        self.keyframes += packet.random_access
        except OSError:
            pass


def wait_until(condition: object, timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, message
        time.sleep(0.02)


def test_a_viewer_joining_mid_gop_starts_with_pat_pmt_and_a_keyframe(
    simulator: CameraSimulator,
) -> None:
    url = simulator.feeds[0].sub.http
    reference = LiveReader(Viewer(url)).start()
    wait_until(lambda: reference.newest_pts >= 0, 10, "the reference viewer gets no video")
    started_in_the_past = 0
    try:
        for attempt in range(5):
            time.sleep(0.23 * (attempt + 1))  # join at different points of the one-second GOP
            live_pts = reference.newest_pts
            viewer = Viewer(url)
            try:
                head = viewer.read_head().decode("latin-1")
                assert head.split("\r\n")[0].split()[1] == "200", head
                assert "content-type: video/mp2t" in head.lower(), head
                start = read_start(viewer)
            finally:
                viewer.close()
            assert start.first_video.unit_start, "the video starts mid access unit"
            assert start.first_video.random_access, (
                "the first access unit is not marked random access"
            )
            assert {5, 7, 8} <= start.first_nal_types, (
                f"NAL types {start.first_nal_types}: no IDR+SPS+PPS"
            )
            # The cached keyframe was already sent live before this viewer joined.
            started_in_the_past += start.first_pts <= live_pts
    finally:
        reference.viewer.close()
    assert started_in_the_past >= 1, "no viewer got the cached start of the running GOP"


def test_a_stalled_viewer_is_dropped_and_does_not_hold_up_another(
    simulator: CameraSimulator,
) -> None:
    url = simulator.feeds[2].main.http
    stalled = Viewer(url, receive_buffer=4096)  # sends its request, then never reads
    reader = LiveReader(Viewer(url)).start()
    try:
        wait_until(lambda: reader.newest_pts >= 0, 10, "the reading viewer gets no video")
        keyframes_before, pts_before = reader.keyframes, reader.newest_pts
        wait_until(
            lambda: stalled.tcp_state() != TCP_ESTABLISHED,
            40,
            "the relay keeps a viewer that reads nothing",
        )
        # Meanwhile, and after, the reading viewer got every packet of live video.
        wait_until(lambda: reader.keyframes >= keyframes_before + 2, 10, "live video stopped")
        assert reader.newest_pts > pts_before
        assert reader.counter_gaps == 0, "the reading viewer lost packets"
    finally:
        stalled.close()
        reader.viewer.close()


def test_unknown_paths_are_not_found(simulator: CameraSimulator) -> None:
    feed_url = urlsplit(simulator.feeds[0].sub.http)
    viewer = Viewer(f"http://{feed_url.netloc}/feed99/sub.ts")
    try:
        status_line = viewer.read_head().split(b"\r\n")[0]
    finally:
        viewer.close()
    assert status_line.split()[1] == b"404"


def test_the_libvlc_served_variant_still_plays(tmp_path: Path, grabber: object) -> None:
    sim = CameraSimulator(tmp_path / "sim", ["Old Path 01"], http_relay="libvlc")
    sim.start(timeout=60)
    try:
        feed = sim.feeds[0]
        assert urlsplit(feed.sub.http).port != urlsplit(feed.main.http).port
        grab: FrameGrabber = grabber(feed.sub.http, 640, 360)  # type: ignore[operator]
        grab.wait_for_pictures(10, timeout=15)
    finally:
        sim.stop()


def test_tables_are_parsed_the_way_the_test_expects() -> None:
    """The test's own parser on a hand-built PAT, so its checks cannot pass vacuously."""
    section = bytes([0x00, 0xB0, 13, 0, 1, 0xC1, 0, 0]) + struct.pack(">HH", 1, 0xE000 | 0x1000)
    raw = bytes([0x47, 0x40, 0x00, 0x10, 0x00]) + section + b"\0\0\0\0"
    packet = parse_packet(raw.ljust(PACKET, b"\xff"))
    assert packet.unit_start
    assert packet.pid == 0
    assert pat_program_pid(packet) == 0x1000
