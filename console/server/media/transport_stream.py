"""Just enough MPEG-TS to cache a stream from its latest keyframe (ISO/IEC 13818-1).

A ``GopCache`` watches whole 188-byte packets go by. It remembers the newest PAT and PMT,
learns the video PID from the PMT and keeps every packet since the start of the newest
keyframe access unit, so a new viewer can be handed a decodable start at once.

A keyframe is a video packet that starts a PES and either carries the adaptation field's
random_access_indicator (ffmpeg's muxer sets it on IDR access units) or whose first H.264
NAL units include an IDR slice or a sequence parameter set (for muxers that do not set it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

PACKET_SIZE = 188
SYNC_BYTE = 0x47
PAT_PID = 0x0000

# PMT stream_type values of video codecs whose access units a keyframe can start.
VIDEO_STREAM_TYPES = frozenset({0x01, 0x02, 0x10, 0x1B, 0x24})
H264_STREAM_TYPE = 0x1B

NAL_IDR = 5
NAL_SPS = 7
NAL_PPS = 8


@dataclass(frozen=True)
class PacketHeader:
    """The fields of one TS packet header that a relay cares about."""

    pid: int
    payload_start: bool
    random_access: bool
    payload_offset: int  # from the packet's first byte; PACKET_SIZE when there is no payload


def header(packet: bytes | memoryview, offset: int = 0) -> PacketHeader:
    """Parse the packet starting at ``offset`` (which must hold a sync byte)."""
    b1, b3 = packet[offset + 1], packet[offset + 3]
    control = (b3 >> 4) & 0x3
    random_access = False
    payload = 4
    if control & 0x2:
        length = packet[offset + 4]
        random_access = length > 0 and bool(packet[offset + 5] & 0x40)
        payload = 5 + length
    if not control & 0x1:
        payload = PACKET_SIZE
    return PacketHeader(
        pid=((b1 & 0x1F) << 8) | packet[offset + 2],
        payload_start=bool(b1 & 0x40),
        random_access=random_access,
        payload_offset=min(payload, PACKET_SIZE),
    )


def packet_offsets(data: bytes | memoryview) -> Iterator[int]:
    """Offsets of the packets in ``data``, which must be whole, aligned packets."""
    return iter(range(0, len(data) - PACKET_SIZE + 1, PACKET_SIZE))


def is_aligned(data: bytes | memoryview) -> bool:
    """True if ``data`` is a run of whole packets, each starting with the sync byte."""
    if not data or len(data) % PACKET_SIZE:
        return False
    return all(data[offset] == SYNC_BYTE for offset in packet_offsets(data))


def _section(packet: bytes | memoryview, head: PacketHeader) -> bytes | None:
    """The PSI section starting in this packet (one-packet sections only), without its CRC."""
    if not head.payload_start or head.payload_offset >= PACKET_SIZE:
        return None
    payload = bytes(packet[head.payload_offset : PACKET_SIZE])
    start = 1 + payload[0]  # pointer_field
    if start + 3 > len(payload):
        return None
    length = ((payload[start + 1] & 0x0F) << 8) | payload[start + 2]
    end = start + 3 + length
    if end > len(payload) or length < 9:
        return None
    return payload[start : end - 4]


def pmt_pid(pat_packet: bytes | memoryview) -> int | None:
    """The PMT PID of the first program in a PAT packet."""
    section = _section(pat_packet, header(pat_packet))
    if section is None or section[0] != 0x00:
        return None
    for entry in range(8, len(section) - 3, 4):
        program = (section[entry] << 8) | section[entry + 1]
        if program != 0:  # program 0 points at the network information table
            return ((section[entry + 2] & 0x1F) << 8) | section[entry + 3]
    return None


def video_pid(pmt_packet: bytes | memoryview) -> tuple[int, int] | None:
    """``(pid, stream_type)`` of the first video elementary stream in a PMT packet."""
    section = _section(pmt_packet, header(pmt_packet))
    if section is None or section[0] != 0x02:
        return None
    info_length = ((section[10] & 0x0F) << 8) | section[11]
    entry = 12 + info_length
    while entry + 5 <= len(section):
        stream_type = section[entry]
        pid = ((section[entry + 1] & 0x1F) << 8) | section[entry + 2]
        if stream_type in VIDEO_STREAM_TYPES:
            return pid, stream_type
        entry += 5 + (((section[entry + 3] & 0x0F) << 8) | section[entry + 4])
    return None


def h264_nal_types(elementary: bytes) -> list[int]:
    """The types of the H.264 NAL units whose start codes appear in ``elementary``."""
    types = []
    at = elementary.find(b"\x00\x00\x01")
    while 0 <= at < len(elementary) - 3:
        types.append(elementary[at + 3] & 0x1F)
        at = elementary.find(b"\x00\x00\x01", at + 3)
    return types


def pes_payload(packet: bytes | memoryview, head: PacketHeader) -> bytes:
    """The elementary stream bytes after the PES header in a packet that starts a PES."""
    payload = bytes(packet[head.payload_offset : PACKET_SIZE])
    if len(payload) < 9 or payload[:3] != b"\x00\x00\x01":
        return b""
    return payload[9 + payload[8] :]


def starts_keyframe(packet: bytes | memoryview, head: PacketHeader, stream_type: int) -> bool:
    """True if this video packet begins an access unit a decoder can start from."""
    if not head.payload_start:
        return False
    if head.random_access:
        return True
    if stream_type != H264_STREAM_TYPE:
        return False
    types = h264_nal_types(pes_payload(packet, head))
    return NAL_IDR in types or NAL_SPS in types


class GopCache:
    """The newest PAT, PMT and every packet since the newest keyframe of one stream.

    ``push`` takes whole, aligned packets (a UDP datagram from ffmpeg is seven of them);
    ``start`` is what a new viewer should receive first. A cache that grows past
    ``max_bytes`` (a stream without keyframes) is dropped rather than grown further.
    """

    def __init__(self, max_bytes: int = 8 << 20) -> None:
        self.max_bytes = max_bytes
        self.pat: bytes | None = None
        self.pmt: bytes | None = None
        self.pmt_pid: int | None = None
        self.video_pid: int | None = None
        self.video_type = H264_STREAM_TYPE
        self.keyframes = 0
        self._gop: list[bytes] = []
        self._gop_bytes = 0
        # The tables as they were when the cached keyframe arrived: the copies a viewer gets
        # first are then followed by the next ones in the cache without a continuity gap.
        self._start_tables = b""

    def clear(self) -> None:
        """Forget everything (the source stopped; its next run starts afresh)."""
        self.pat = self.pmt = None
        self.pmt_pid = self.video_pid = None
        self._gop = []
        self._gop_bytes = 0
        self._start_tables = b""

    @property
    def cached_bytes(self) -> int:
        return self._gop_bytes

    def push(self, chunk: bytes) -> None:
        keyframe_at: int | None = None
        tables = (b"", b"")
        for offset in packet_offsets(chunk):
            if not chunk[offset + 1] & 0x40:
                continue  # only packets that start a section or a PES change what is cached
            packet = chunk[offset : offset + PACKET_SIZE]
            head = header(packet)
            if head.pid == PAT_PID:
                self._take_pat(packet)
            elif head.pid == self.pmt_pid:
                self._take_pmt(packet)
            elif (
                head.pid == self.video_pid
                and keyframe_at is None
                and starts_keyframe(packet, head, self.video_type)
            ):
                keyframe_at = offset
                tables = (self.pat or b"", self.pmt or b"")
        if keyframe_at is not None:
            self.keyframes += 1
            tail = chunk[keyframe_at:]
            self._gop, self._gop_bytes = [tail], len(tail)
            self._start_tables = b"".join(tables) if all(tables) else b""
        elif self._gop:
            self._gop.append(chunk)
            self._gop_bytes += len(chunk)
            if self._gop_bytes > self.max_bytes:
                self._gop, self._gop_bytes = [], 0

    def start(self) -> bytes:
        """PAT, PMT and the packets from the newest keyframe on; empty until all are known."""
        if not self._start_tables or not self._gop:
            return b""
        return b"".join((self._start_tables, *self._gop))

    def _take_pat(self, packet: bytes) -> None:
        pid = pmt_pid(packet)
        if pid is None:
            return
        self.pat = packet
        if pid != self.pmt_pid:
            self.pmt_pid, self.pmt, self.video_pid = pid, None, None

    def _take_pmt(self, packet: bytes) -> None:
        found = video_pid(packet)
        if found is None:
            return
        self.pmt = packet
        if found[0] != self.video_pid:
            self._gop, self._gop_bytes, self._start_tables = [], 0, b""
        self.video_pid, self.video_type = found
