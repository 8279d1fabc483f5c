"""The in-process cut of an H.264 file with an ``avcC`` header (MP4, MKV): no ffmpeg process.

Same frames as the concat path in ``cutting``, without starting three ffmpeg processes (their
start-up dominates a short export): the partial groups the plan names are decoded and encoded
again with libx264 through PyAV, the rest is copied packet by packet, and everything is written
into one MP4 stream. Each piece carries its own parameter sets in band (the encoder's before an
encoded piece, the source's before the copied one), so a decoder switches at the seams. Any
surprise (B-frames, another codec, timestamps going backwards) raises ``NotSuitable`` and the
caller falls back to the concat path; the copy's B-frame check is what makes copying a partial
group at the end safe (see ``plan_cut``'s ``tail_copies``).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
from av.video.frame import PictureType

from console.evidence.cutting import CutPlan, VideoLayout


class NotSuitable(Exception):
    """This file cannot be cut in process; use the concat path."""


def _avcc_parameter_sets(extradata: bytes) -> tuple[int, list[bytes]]:
    """(NAL length size, SPS and PPS units) from an ``avcC`` record."""
    if len(extradata) < 7 or extradata[0] != 1:
        raise NotSuitable("no avcC header")
    length_size = (extradata[4] & 0x03) + 1
    units: list[bytes] = []
    at = 5
    count = extradata[at] & 0x1F
    at += 1
    for group in range(2):
        for _ in range(count):
            (size,) = struct.unpack_from(">H", extradata, at)
            units.append(extradata[at + 2 : at + 2 + size])
            at += 2 + size
        if group == 0:
            count = extradata[at]
            at += 1
    return length_size, units


def _annexb_units(data: bytes) -> Iterator[bytes]:
    """The NAL units of an Annex B byte stream (start codes removed)."""
    starts: list[tuple[int, int]] = []
    i = data.find(b"\x00\x00\x01")
    while i >= 0:
        begin = i - 1 if i > 0 and data[i - 1] == 0 else i
        starts.append((begin, i + 3))
        i = data.find(b"\x00\x00\x01", i + 3)
    for n, (_, body) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(data)
        unit = data[body:end]
        if unit:
            yield unit


def _length_prefixed(units: Iterator[bytes] | list[bytes], length_size: int) -> bytes:
    return b"".join(len(u).to_bytes(length_size, "big") + u for u in units)


class _EdgeEncoder:
    """Decodes a span of the source and encodes it again, as length-prefixed packets."""

    def __init__(self, stream: av.video.stream.VideoStream, length_size: int) -> None:
        self._length_size = length_size
        self.codec = av.CodecContext.create("libx264", "w")
        self.codec.width = stream.codec_context.width
        self.codec.height = stream.codec_context.height
        self.codec.pix_fmt = "yuv420p"
        if stream.time_base is not None:
            self.codec.time_base = stream.time_base
        self.codec.framerate = stream.average_rate or Fraction(25)
        self.codec.max_b_frames = 0
        self.codec.options = {"preset": "veryfast", "crf": "16", "bf": "0"}
        self.codec.thread_count = 1

    def encode(self, frame: av.VideoFrame | None) -> list[Any]:
        made = []
        for packet in self.codec.encode(frame):
            data = _length_prefixed(list(_annexb_units(bytes(packet))), self._length_size)
            out = av.Packet(data)
            out.pts, out.dts = packet.pts, packet.pts
            out.is_keyframe = packet.is_keyframe
            made.append(out)
        return made


def cut_in_process(
    source: Path,
    out: Path,
    plan: CutPlan,
    layout: VideoLayout,
    *,
    creation_time: datetime | None = None,
) -> None:
    """Write ``plan``'s cut of ``source`` to ``out``; ``NotSuitable`` when it cannot."""
    with av.open(str(source)) as container:
        stream = container.streams.video[0]
        if stream.codec_context.name != "h264":
            raise NotSuitable("not H.264")
        length_size, parameter_sets = _avcc_parameter_sets(
            bytes(stream.codec_context.extradata or b"")
        )
        base = stream.time_base
        if base is None:
            raise NotSuitable("no time base")
        origin = round(layout.origin_s / base)
        frame_ticks = max(1, round(layout.frame_s / base))
        slack = frame_ticks // 2

        def ticks(seconds: float) -> int:
            return origin + round(seconds / base)

        start = ticks(plan.start_s)
        with av.open(str(out), "w", format="mp4", options={"movflags": "+faststart"}) as output:
            if creation_time is not None:
                output.metadata["creation_time"] = creation_time.isoformat()
            target = output.add_stream_from_template(stream)
            target.time_base = base
            last_dts = [-(2**62)]

            def write(packet: Any, pts: int, dts: int) -> None:
                if dts <= last_dts[0]:
                    raise NotSuitable("timestamps go backwards")
                last_dts[0] = dts
                packet.pts, packet.dts = pts - start, dts - start
                packet.duration = frame_ticks
                packet.time_base = base
                packet.stream = target
                output.mux(packet)

            def encode_span(span: tuple[float, float]) -> None:
                span_start, span_end = ticks(span[0]), ticks(span[1])
                keyframe = max(k for k in [ticks(0.0)] + [ticks(s) for s in layout.keyframes]
                               if k <= span_start + slack)  # fmt: skip
                encoder = _EdgeEncoder(stream, length_size)
                container.seek(keyframe, stream=stream, backward=True)
                done = False
                for packet in container.demux(stream):
                    for frame in packet.decode():
                        if frame.pts is None or frame.pts < span_start - slack:
                            continue
                        if frame.pts >= span_end - slack:
                            done = True
                            break
                        at = frame.pts
                        frame.pict_type = PictureType.NONE
                        for made in encoder.encode(frame):
                            write(made, made.pts or at, made.pts or at)
                    if done:
                        break
                for made in encoder.encode(None):
                    write(made, made.pts or 0, made.pts or 0)

            if plan.head is not None:
                encode_span(plan.head)
            if plan.copy_from_s is not None and plan.copy_to_s is not None:
                copy_from, copy_to = ticks(plan.copy_from_s), ticks(plan.copy_to_s)
                lowest, beyond = copy_from - slack, copy_to - slack
                container.seek(copy_from, stream=stream, backward=True)
                first = True
                mux = output.mux_one
                packet: Any
                # The hot loop of a long export (a packet per frame): the copied packets keep
                # their time base and duration from the source; only their times move.
                for packet in container.demux(stream):
                    pts, dts = packet.pts, packet.dts
                    if pts is None or dts is None or pts < lowest:
                        continue
                    if pts >= beyond:
                        break
                    if pts != dts:
                        raise NotSuitable("B-frames")
                    if first:
                        if not packet.is_keyframe:
                            raise NotSuitable("the copy does not start on a keyframe")
                        data = _length_prefixed(parameter_sets, length_size) + bytes(packet)
                        packet = av.Packet(data)
                        packet.is_keyframe = True
                        first = False
                        write(packet, pts, pts)
                        continue
                    if dts <= last_dts[0]:
                        raise NotSuitable("timestamps go backwards")
                    last_dts[0] = dts
                    packet.pts = packet.dts = pts - start
                    packet.stream = target
                    mux(packet)
            if plan.tail is not None:
                encode_span(plan.tail)
