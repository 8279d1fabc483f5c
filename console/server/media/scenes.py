"""Synthetic scenes for the simulated cameras, written as ffmpeg filter chains.

Each scene is a cheap lavfi source (a flat colour or a static test chart) with one or two
blocks moving across it, so that encoding stays inexpensive (most macroblocks are skipped)
while every feed looks different and visibly moves. Positions are expressions of ``t``
(seconds since the encoder started).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

# Noto Sans CJK covers both the Chinese and the Latin parts of camera names.
FONT_CANDIDATES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
)


CANVAS = (640, 360)


@dataclass(frozen=True)
class Block:
    """A filled rectangle on the canvas; ``x`` and ``y`` may be expressions of ``t`` (seconds)."""

    x: str
    y: str
    w: int
    h: int
    color: str


@dataclass(frozen=True)
class Scene:
    """A named picture: a lavfi source (with ``{size}`` and ``{rate}``), still and moving blocks.

    Scenes are drawn on a ``CANVAS`` sized picture and scaled to each stream's size.
    """

    name: str
    source: str
    still: tuple[Block, ...] = ()
    moving: tuple[Block, ...] = ()


SCENES: tuple[Scene, ...] = (
    Scene(
        "hd-bars",
        "smptehdbars=size={size}:rate={rate}",
        moving=(Block("mod(t*120,600)", "250", 40, 40, "yellow"),),
    ),
    Scene(
        "night-street",
        "color=c=0x1c1f26:size={size}:rate={rate}",
        still=(Block("0", "200", 640, 6, "0x606060"),),
        moving=(
            Block("mod(t*160,700)-60", "165", 60, 30, "0xd03030"),
            Block("640-mod(t*95,700)", "215", 80, 34, "0xe0e0e0"),
        ),
    ),
    Scene(
        "plaza",
        "color=c=0x2f6b3a:size={size}:rate={rate}",
        still=(Block("0", "320", 640, 40, "0x8a8070"),),
        moving=(Block("290+150*cos(t)", "160+90*sin(t)", 50, 50, "0xf0c040"),),
    ),
    Scene(
        "harbour",
        "color=c=0x1d4e89:size={size}:rate={rate}",
        still=(Block("0", "0", 640, 110, "0x9cc4e4"),),
        moving=(Block("mod(t*40,760)-120", "150+6*sin(t*2)", 120, 36, "0xffffff"),),
    ),
    Scene(
        "pal-bars",
        "pal75bars=size={size}:rate={rate}",
        moving=(Block("300", "30+mod(t*90,280)", 40, 40, "white"),),
    ),
    Scene(
        "market",
        "color=c=0x6b4a2f:size={size}:rate={rate}",
        moving=(
            Block("40+mod(t*70,520)", "260", 30, 60, "0x30a0d0"),
            Block("560-mod(t*55,520)", "240", 34, 70, "0xe06080"),
        ),
    ),
    Scene(
        "sd-bars",
        "smptebars=size={size}:rate={rate}",
        moving=(Block("mod(t*150,600)", "160+120*sin(t*1.3)", 40, 40, "black"),),
    ),
    Scene(
        "crossing",
        "color=c=0x55585c:size={size}:rate={rate}",
        still=(Block("300", "0", 40, 360, "0x3a3c40"), Block("0", "160", 640, 40, "0x3a3c40")),
        moving=(
            Block("304", "mod(t*80,420)-60", 32, 50, "0x20c0a0"),
            Block("mod(t*130,700)-60", "164", 50, 32, "0xf08020"),
        ),
    ),
)


def scene_for(index: int) -> Scene:
    """The scene of feed ``index`` (cycling through the catalogue)."""
    return SCENES[index % len(SCENES)]


def font_file() -> Path:
    """The first installed font that can draw camera names."""
    for candidate in FONT_CANDIDATES:
        if candidate.exists():
            return candidate
    raise FileNotFoundError("no usable font: install fonts-noto-cjk or fonts-dejavu-core")


def rate_text(fps: float) -> str:
    """A frame rate as the exact fraction ffmpeg expects (12.5 -> ``25/2``)."""
    rate = Fraction(fps).limit_denominator(1001)
    if rate <= 0:
        raise ValueError(f"frame rate must be positive, not {fps}")
    return f"{rate.numerator}/{rate.denominator}"


def gop_frames(fps: float) -> int:
    """Frames per group of pictures: at most one second, so a keyframe comes every second."""
    return max(1, int(fps))


def _expression(text: str) -> str:
    # Quoted for the option parser, commas escaped for the filtergraph parser.
    return "'" + text.replace(",", r"\,") + "'"


def scene_graph(scene: Scene, rate: str, *, out: str) -> str:
    """Filtergraph text drawing ``scene`` from input ``[0:v]`` into the label ``[out]``.

    Still blocks are drawboxes; moving blocks are small colour sources overlaid at positions
    evaluated every frame (drawbox in FFmpeg 5 evaluates its position only once).
    """
    stills = [
        f"drawbox=x={b.x}:y={b.y}:w={b.w}:h={b.h}:color={b.color}:t=fill" for b in scene.still
    ]
    parts = [f"[0:v]{','.join(stills) or 'null'}[{out}0]"]
    for n, block in enumerate(scene.moving):
        parts.append(f"color=c={block.color}:size={block.w}x{block.h}:rate={rate}[{out}b{n}]")
        parts.append(
            f"[{out}{n}][{out}b{n}]overlay=x={_expression(block.x)}:y={_expression(block.y)}"
            f":shortest=1[{out}{n + 1}]"
        )
    parts.append(f"[{out}{len(scene.moving)}]null[{out}]")
    return ";".join(parts)


def caption_chain(font: Path, *, height: int, name_file: str, clock_file: str, tag: str) -> str:
    """drawtext filters for the camera name, the clock (both read from files) and a stream tag.

    Reading the texts from files keeps camera names and strftime formats free of
    filtergraph escaping; the files sit in the encoder's working directory.
    """
    size = max(12, height // 18)
    margin = max(6, height // 40)
    common = f"fontfile={font}:fontsize={size}:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw={margin // 2}"
    return ",".join(
        (
            f"drawtext={common}:textfile={name_file}:x={margin}:y={margin}",
            f"drawtext={common}:textfile={clock_file}:x={margin}:y={margin * 2 + size * 3 // 2}",
            f"drawtext={common}:text={tag}:x=w-tw-{margin}:y=h-th-{margin * 2}",
        )
    )
