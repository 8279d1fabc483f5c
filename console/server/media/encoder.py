"""ffmpeg command lines: a live feed (main and sub stream to loopback UDP) and a recorded clip."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from console.server.media.problem_art import LAYER_BOX, layer_yuva420p
from console.server.media.scenes import (
    CANVAS,
    Scene,
    caption_chain,
    font_file,
    gop_frames,
    rate_text,
    scene_graph,
)

NAME_FILE = "name.txt"
CLOCK_FILE = "clock.txt"
# The transparent layer of problems standing before the camera (see ``problem_art``),
# replaced while the encoder runs.
PROBLEM_LAYER_FILE = "problems.yuva"
# drawtext expands this to the wall-clock time of each frame ("YYYY-MM-DD HH:MM:SS").
LIVE_CLOCK = "%{localtime}"
MUX_DELAY = "0.1"


@dataclass(frozen=True)
class StreamShape:
    """Size and frame rate of one encoded stream."""

    width: int
    height: int
    fps: float


def _x264(fps: float) -> list[str]:
    gop = str(gop_frames(fps))
    # ultrafast + zerolatency: cheapest encode, no B-frames, no lookahead delay. A fixed
    # one-second GOP without scene-cut keyframes bounds a new client's wait for a picture.
    return [
        "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
        "-pix_fmt", "yuv420p", "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
        "-threads", "1",
    ]  # fmt: skip


def _scaled(shape: StreamShape) -> str:
    """The filter making a scene picture ``shape``'s size. A shape of another aspect ratio
    than the scene's (CIF's 11:9, say) shows the middle of the scene at that ratio, as a
    camera's narrower sub stream does, rather than a squeezed picture."""
    if (shape.width, shape.height) == CANVAS:
        return "null"
    scale = f"scale={shape.width}:{shape.height}:flags=fast_bilinear"
    canvas_w, canvas_h = CANVAS
    if shape.width * canvas_h == shape.height * canvas_w:
        return scale
    if shape.width * canvas_h < shape.height * canvas_w:
        crop = f"crop={_even(canvas_h * shape.width / shape.height)}:{canvas_h}"
    else:
        crop = f"crop={canvas_w}:{_even(canvas_w * shape.height / shape.width)}"
    return f"{crop},{scale}"


def _even(length: float) -> int:
    return max(2, round(length / 2) * 2)


def write_caption_files(folder: Path, name: str, clock: str) -> None:
    """The texts drawtext burns in; see ``caption_chain`` for why they are files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NAME_FILE).write_text(name, encoding="utf-8")
    (folder / CLOCK_FILE).write_text(clock, encoding="utf-8")


def write_problem_layer(folder: Path, kinds: Iterable[str]) -> None:
    """Show the drawings of ``kinds`` in the feed encoded in ``folder`` (none: a clear view).

    The file is replaced in one step, so the encoder never reads half a picture.
    """
    folder.mkdir(parents=True, exist_ok=True)
    fresh = folder / (PROBLEM_LAYER_FILE + ".new")
    fresh.write_bytes(layer_yuva420p(kinds))
    os.replace(fresh, folder / PROBLEM_LAYER_FILE)


def _problem_layer_input(rate: str) -> list[str]:
    # The image demuxer opens the file again for every frame it reads, so a replaced file
    # shows within a frame or two. Without probing, ffmpeg does not buffer seconds of old
    # layers before it starts; -re keeps the reading in step with the scene. The layer is
    # raw yuva420p at the scene's rate: reading it costs a copy, where decoding and
    # converting a PNG every frame cost more than half as much again as the whole encode,
    # and a slower layer rate would hold the scene's frames back waiting for the next layer.
    _x, _y, width, height = LAYER_BOX
    return [
        "-re", "-analyzeduration", "0", "-probesize", "32",
        "-f", "image2", "-loop", "1", "-framerate", rate,
        "-c:v", "rawvideo", "-pixel_format", "yuva420p", "-video_size", f"{width}x{height}",
        "-i", PROBLEM_LAYER_FILE,
    ]  # fmt: skip


def _with_problem_layer(scene_out: str, out: str) -> str:
    x, y, _w, _h = LAYER_BOX
    return f"[{scene_out}][1:v]overlay=x={x}:y={y}[{out}]"


def live_feed_command(
    scene: Scene,
    *,
    main: StreamShape,
    sub: StreamShape,
    main_udp: int,
    sub_udp: int,
    ts_offset: float = 0.0,
    host: str = "127.0.0.1",
) -> list[str]:
    """ffmpeg encoding one scene, in real time, as a main and a sub stream (MPEG-TS over UDP).

    Run it in a folder holding the caption files and the problem layer. One process for both
    streams keeps the two pictures identical. ``ts_offset`` keeps timestamps increasing across encoder restarts.
    """
    font = font_file()
    source_fps = max(main.fps, sub.fps)
    source = scene.source.format(size=f"{CANVAS[0]}x{CANVAS[1]}", rate=rate_text(source_fps))

    def branch(shape: StreamShape, tag: str) -> str:
        return ",".join(
            (
                f"fps={rate_text(shape.fps)}",
                _scaled(shape),
                caption_chain(
                    font, height=shape.height, name_file=NAME_FILE, clock_file=CLOCK_FILE, tag=tag
                ),
            )
        )

    graph = (
        f"{scene_graph(scene, rate_text(source_fps), out='bare')};"
        f"{_with_problem_layer('bare', 'scene')};"
        f"[scene]split=2[m0][s0];"
        f"[m0]{branch(main, 'MAIN')}[main];"
        f"[s0]{branch(sub, 'SUB')}[sub]"
    )

    def output(label: str, shape: StreamShape, port: int) -> list[str]:
        return [
            "-map", f"[{label}]", *_x264(shape.fps), "-output_ts_offset", f"{ts_offset:.3f}", "-muxdelay", MUX_DELAY,
            "-f", "mpegts", f"udp://{host}:{port}?pkt_size=1316",
        ]  # fmt: skip

    return [
        "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
        "-re", "-f", "lavfi", "-i", source, *_problem_layer_input(rate_text(source_fps)),
        "-filter_complex", graph, *output("main", main, main_udp), *output("sub", sub, sub_udp),
    ]  # fmt: skip


def clip_command(
    scene: Scene, *, shape: StreamShape, seconds: int, tag: str, output: Path
) -> list[str]:
    """ffmpeg writing a recorded clip (H.264 MP4, moov first) of ``seconds`` of ``scene``.

    Run it in a folder holding the caption files; the clock file names the recording's time.
    """
    source = scene.source.format(size=f"{CANVAS[0]}x{CANVAS[1]}", rate=rate_text(shape.fps))
    caption = caption_chain(
        font_file(), height=shape.height, name_file=NAME_FILE, clock_file=CLOCK_FILE, tag=tag
    )
    graph = (
        f"{scene_graph(scene, rate_text(shape.fps), out='scene')};"
        f"[scene]{_scaled(shape)},{caption}[clip]"
    )
    return [
        "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", source, "-filter_complex", graph, "-map", "[clip]",
        "-t", str(seconds),
        *_x264(shape.fps), "-movflags", "+faststart", str(output),
    ]  # fmt: skip
