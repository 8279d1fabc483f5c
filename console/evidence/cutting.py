"""Cut a time range out of a video file into an MP4, re-encoding as little as possible.

A range rarely starts and ends on keyframes. The whole groups of pictures inside it are
copied bit for bit; only the partial groups at its two edges are decoded and encoded again
(from the exact first frame to the next keyframe, and from the last keyframe to the end).
The pieces are joined by ffmpeg's concat demuxer in one stream-copy pass, which carries each
piece's parameter sets in band, so the joined file decodes as one stream.

In a stream that never reorders frames (no B-frames, as the recorders write) a frame refers
only to frames before it, so the partial group at the end decodes on its own: the in-process
cut (``remux``) copies it too and encodes only the partial group at the start again.

Only the video stream is kept: the recorded clips have no sound.
"""

from __future__ import annotations

import bisect
import logging
import shutil
import struct
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import av

logger = logging.getLogger(__name__)

FFMPEG = "ffmpeg"
_TIMEOUT_S = 3600


class CutError(RuntimeError):
    """A cut that cannot be made (unreadable file, range outside it, ffmpeg failed)."""


@dataclass(frozen=True)
class VideoLayout:
    """What a cut needs to know of a file's video stream."""

    keyframes: list[float]  # seconds from the file's start, ascending
    duration_s: float
    frame_s: float  # one frame's duration
    timescale: int  # the stream's time base denominator (kept in the pieces)
    origin_s: float = 0.0  # the first packet's own timestamp (MPEG-TS files rarely start at 0)


@dataclass(frozen=True)
class CutPlan:
    """Which seconds of the source are encoded again (head, tail) and which are copied."""

    start_s: float
    end_s: float
    copy_from_s: float | None  # None: no whole group inside, everything is encoded again
    copy_to_s: float | None

    @property
    def head(self) -> tuple[float, float] | None:
        if self.copy_from_s is None:
            return (self.start_s, self.end_s)
        return (self.start_s, self.copy_from_s) if self.copy_from_s > self.start_s else None

    @property
    def tail(self) -> tuple[float, float] | None:
        if self.copy_to_s is None:
            return None
        return (self.copy_to_s, self.end_s) if self.end_s > self.copy_to_s else None


def read_layout(path: Path, around: tuple[float, float] | None = None) -> VideoLayout:
    """The keyframe times and frame rate of ``path``'s first video stream (reads packets only).

    With ``around`` (a range in seconds) only the keyframes near its two edges are looked
    up, by seeking, when the file states its duration; otherwise every packet is read.
    """
    if around is not None:
        try:
            near = _layout_near(path, *around)
        except (av.FFmpegError, OSError):
            near = None
        if near is not None:
            return near
    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError) as exc:
        raise CutError(f"{path.name} is not a video file this can read: {exc}") from None
    with container:
        if not container.streams.video:
            raise CutError(f"{path.name} has no video stream")
        stream = container.streams.video[0]
        base = stream.time_base or Fraction(1, 90_000)
        rate = stream.average_rate or stream.guessed_rate or Fraction(25)
        first: int | None = None
        keyframes: list[float] = []
        last_end = 0.0
        try:
            for packet in container.demux(stream):
                if packet.pts is None:
                    continue
                if first is None:
                    first = packet.pts
                at = float((packet.pts - first) * base)
                if packet.is_keyframe:
                    keyframes.append(at)
                last_end = max(last_end, at + float((packet.duration or 0) * base))
        except av.FFmpegError as exc:
            raise CutError(f"{path.name} is damaged: {exc}") from None
    if not keyframes:
        raise CutError(f"{path.name} has no keyframe")
    keyframes.sort()
    origin = float((first or 0) * base)
    return VideoLayout(keyframes, last_end, float(1 / rate), base.denominator, origin)


def _layout_near(path: Path, start_s: float, end_s: float) -> VideoLayout | None:
    """The layout with the keyframes around ``start_s`` and ``end_s`` only (None: unknown)."""
    with av.open(str(path)) as container:
        # Only containers with a sample index seek exactly (MPEG-TS seeks by guessing).
        indexed = {"mov", "mp4", "matroska"} & set(container.format.name.split(","))
        if not container.streams.video or not indexed:
            return None
        stream = container.streams.video[0]
        base = stream.time_base
        rate = stream.average_rate
        if base is None or not rate or stream.start_time is None or not stream.duration:
            return None
        origin = stream.start_time
        frame_s = float(1 / rate)
        duration_s = float(stream.duration * base)
        keyframes: set[float] = set()
        for target in (max(0.0, start_s), min(end_s, duration_s)):
            container.seek(origin + int(target / base), stream=stream, backward=True)
            beyond_key = False
            for packet in container.demux(stream):
                if packet.pts is None:
                    continue
                at = float((packet.pts - origin) * base)
                if packet.is_keyframe:
                    keyframes.add(at)
                    beyond_key = beyond_key or at >= target - frame_s / 2
                # Far enough: a keyframe at or after the edge, or past the range's end.
                if (beyond_key and at > target + frame_s) or at > end_s + frame_s:
                    break
        if not keyframes:
            return None
        return VideoLayout(
            sorted(keyframes), duration_s, frame_s, base.denominator, float(origin * base)
        )


def plan_cut(
    layout: VideoLayout, start_s: float, end_s: float, *, tail_copies: bool = False
) -> CutPlan:
    """The pieces of a cut from ``start_s`` to ``end_s`` (seconds from the file's start).

    ``tail_copies``: the stream never reorders frames (each frame refers only to frames
    before it), so the frames from the last keyframe to the end decode without the rest of
    their group and are copied as they are; only the partial group at the start is encoded
    again. Without it both partial groups are.
    """
    start_s = max(0.0, start_s)
    end_s = min(layout.duration_s, end_s)
    if end_s - start_s < layout.frame_s / 2:
        raise CutError("the range holds no frame of this file")
    # A keyframe within half a frame of an edge counts as on it (float times of rational pts).
    slack = layout.frame_s / 2
    keys = layout.keyframes
    first = bisect.bisect_left(keys, start_s - slack)
    if tail_copies:
        if first >= len(keys) or keys[first] >= end_s - slack:
            return CutPlan(start_s, end_s, None, None)
        if abs(keys[first] - start_s) <= slack:
            start_s = keys[first]
        near_end = bisect.bisect_right(keys, end_s + slack) - 1
        if abs(keys[near_end] - end_s) <= slack:
            end_s = keys[near_end]
        return CutPlan(start_s, end_s, keys[first], end_s)
    last = bisect.bisect_right(keys, end_s + slack) - 1
    if first >= len(keys) or last < first or keys[last] <= keys[first]:
        return CutPlan(start_s, end_s, None, None)
    copy_from = keys[first]
    copy_to = keys[last]
    if abs(copy_from - start_s) <= slack:
        start_s = copy_from
    if abs(copy_to - end_s) <= slack:
        end_s = copy_to
    return CutPlan(start_s, end_s, copy_from, copy_to)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, timeout=_TIMEOUT_S, check=False)
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        raise CutError("ffmpeg failed: " + (message[-1] if message else "no message"))


def _encode_piece(source: Path, span: tuple[float, float], layout: VideoLayout, out: Path) -> None:
    start, end = span
    # Seek the input to the keyframe at or before ``start`` (an exact landing in every
    # container), then drop the frames before ``start`` on the output side. A single input
    # -ss miscounts -t in MPEG-TS files that do not start at 0.
    index = bisect.bisect_right(layout.keyframes, start + layout.frame_s / 2) - 1
    keyframe = layout.keyframes[max(index, 0)]
    _run(
        [
            FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-ss", f"{keyframe:.6f}", "-i", str(source),
            "-ss", f"{start - keyframe:.6f}", "-t", f"{end - start:.6f}",
            "-map", "0:v:0", "-an", "-sn", "-dn",
            # No B-frames: the pieces join without reordering delay at the seams.
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "16", "-bf", "0",
            "-pix_fmt", "yuv420p", "-threads", "1",
            # The copied middle keeps its timestamps; the same time base lets concat join them.
            "-video_track_timescale", str(layout.timescale), "-f", "mp4", str(out),
        ]
    )  # fmt: skip


def _decode_time_s(source: Path, layout: VideoLayout, at_s: float) -> float:
    """When the keyframe at ``at_s`` is decoded, in the file's own seconds: the packets decoded
    before it are the frames before it (closed groups). Its picture time when unknown."""
    picture = layout.origin_s + at_s
    slack = layout.frame_s / 2
    try:
        with av.open(str(source)) as container:
            stream = container.streams.video[0]
            base = stream.time_base
            if base is None:
                return picture
            container.seek(round(picture / base), stream=stream, backward=True)
            for packet in container.demux(stream):
                if packet.pts is None or packet.dts is None:
                    continue
                if packet.is_keyframe and abs(float(packet.pts * base) - picture) <= slack:
                    return min(picture, float(packet.dts * base))
                if float(packet.dts * base) > picture + 1.0:
                    break
    except (av.FFmpegError, OSError):
        pass
    return picture


def _concat_line(path: Path) -> str:
    text = str(path.resolve()).replace("'", "'\\''")
    return f"file '{text}'"


def _cut_in_process(
    source: Path, out: Path, plan: CutPlan, layout: VideoLayout, creation_time: datetime | None
) -> bool:
    """Try the in-process cut (``remux``); False (and nothing written) when it does not apply."""
    from console.evidence.remux import NotSuitable, cut_in_process

    partial = out.with_name(f".{out.name}.partial")
    try:
        cut_in_process(source, partial, plan, layout, creation_time=creation_time)
    except (NotSuitable, av.FFmpegError, ValueError, IndexError, struct.error) as exc:
        logger.info("cutting %s through ffmpeg processes: %s", source.name, exc)
        partial.unlink(missing_ok=True)
        return False
    partial.replace(out)
    return True


def cut_range(
    source: Path,
    out: Path,
    start_s: float,
    end_s: float,
    *,
    creation_time: datetime | None = None,
    layout: VideoLayout | None = None,
) -> CutPlan:
    """Write the part of ``source`` from ``start_s`` to ``end_s`` (seconds) into ``out`` (MP4).

    ``creation_time`` is written into the file's metadata (the wall-clock time of its first
    frame), so a player or the review catalogue can tell when it was recorded. The file is
    written under a temporary name and renamed into place only when complete. Returns the
    plan carried out: the in-process cut copies the partial group at the end too (it refuses
    a stream that reorders frames, which then goes the concat way with both edges encoded).
    """
    source = Path(source)
    out = Path(out)
    layout = layout or read_layout(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    quick = plan_cut(layout, start_s, end_s, tail_copies=True)
    if _cut_in_process(source, out, quick, layout, creation_time):
        return quick
    plan = plan_cut(layout, start_s, end_s)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".cut-") as scratch:
        folder = Path(scratch)
        lines: list[str] = []
        jobs: list[tuple[tuple[float, float], Path]] = []
        if plan.head is not None:
            jobs.append((plan.head, folder / "head.mp4"))
            lines.append(_concat_line(folder / "head.mp4"))
        if plan.copy_from_s is not None and plan.copy_to_s is not None:
            # concat ends a file at the first packet *decoded* at or after its outpoint, so the
            # outpoint is the decode time of the keyframe ending the copy (earlier than its
            # picture time when frames are reordered); the duration keeps the next piece's
            # place on the picture clock.
            lines += [
                _concat_line(source),
                f"inpoint {layout.origin_s + plan.copy_from_s:.6f}",
                f"outpoint {_decode_time_s(source, layout, plan.copy_to_s):.6f}",
                f"duration {plan.copy_to_s - plan.copy_from_s:.6f}",
            ]
        if plan.tail is not None:
            jobs.append((plan.tail, folder / "tail.mp4"))
            lines.append(_concat_line(folder / "tail.mp4"))
        # The two edges are independent: encode them side by side.
        with ThreadPoolExecutor(max_workers=2) as pool:
            for future in [
                pool.submit(_encode_piece, source, span, layout, piece) for span, piece in jobs
            ]:
                future.result()
        listing = folder / "pieces.txt"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        partial = folder / "joined.mp4"
        metadata = []
        if creation_time is not None:
            stamp = creation_time.isoformat(timespec="microseconds").replace("+00:00", "Z")
            metadata = ["-metadata", f"creation_time={stamp}"]
        _run(
            [
                FFMPEG, "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "concat", "-safe", "0", "-i", str(listing),
                "-map", "0:v:0", "-c", "copy", *metadata,
                "-movflags", "+faststart", str(partial),
            ]
        )  # fmt: skip
        shutil.move(str(partial), str(out))
    logger.info(
        "cut %s: %.3f-%.3f s (copied %s-%s s)",
        source.name,
        plan.start_s,
        plan.end_s,
        plan.copy_from_s,
        plan.copy_to_s,
    )
    return plan
