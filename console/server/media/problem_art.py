"""Pictures of the problems standing in front of simulated cameras, and a check for them.

A problem (a street vendor's stall, smoke from a fire, debris on the road, a crowd, or any
other trouble as a warning sign) is drawn into a transparent layer that the encoder lays over
the scene (see ``encoder.live_feed_command``). Every kind of drawing has its own fixed slot on
the scene canvas, inside the middle part that every stream shape shows (a CIF sub stream shows
only the middle 11:9 of the 16:9 scene), so two problems before one camera never hide each
other and a decoded picture can be checked for one kind by comparing that slot with the
drawing.

``problem_visible(picture, category)`` is that check: it reads pixels only (numpy arrays,
Pillow images or encoded JPEG/PNG bytes) and needs neither Qt nor the simulator.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw

from console.server.media.scenes import CANVAS

STALL = "stall"
SMOKE = "smoke"
DEBRIS = "debris"
CROWD = "crowd"
MARKER = "marker"
ART_KINDS = (STALL, SMOKE, DEBRIS, CROWD, MARKER)

# Incident and alert categories with a drawing of their own; every other one gets the marker.
_CATEGORY_ART = {
    "street_vendor": STALL,
    "smoke_fire": SMOKE,
    "road_hazard": DEBRIS,
    "garbage": DEBRIS,
    "crowd": CROWD,
}

# Where the layer sits on the canvas (x, y, width, height; even, as 4:2:0 chroma wants).
LAYER_BOX = (96, 136, 448, 216)
# Each kind's slot on the canvas (x, y, width, height), inside LAYER_BOX.
SLOTS: dict[str, tuple[int, int, int, int]] = {
    MARKER: (104, 144, 160, 80),
    STALL: (104, 232, 160, 116),
    SMOKE: (272, 144, 120, 204),
    CROWD: (400, 176, 136, 112),
    DEBRIS: (400, 292, 136, 56),
}

# A decoded pixel matches the drawing when no channel is further off than this.
MATCH_TOLERANCE = 48
# A drawing counts as visible when at least this share of its sample points match.
VISIBLE_SHARE = 0.6
# Sample points stay this far inside the drawing's shapes: edges blur in 4:2:0 H.264.
_EDGE_MARGIN = 3
_SAMPLE_STEP = 2

RGB = tuple[int, int, int]


def art_for(category: str) -> str:
    """The drawing kind that shows problems of ``category`` (an incident or alert category)."""
    return _CATEGORY_ART.get(category, MARKER)


# ---------------------------------------------------------------------- drawings


def _stall(draw: ImageDraw.ImageDraw) -> None:
    red, white = (220, 30, 40), (245, 245, 245)
    for n in range(10):  # awning: red and white stripes with a scalloped edge
        colour = red if n % 2 == 0 else white
        draw.rectangle((n * 16, 0, n * 16 + 15, 29), fill=colour)
        draw.ellipse((n * 16, 22, n * 16 + 15, 37), fill=colour)
    for x in (8, 146):  # poles
        draw.rectangle((x, 30, x + 6, 115), fill=(45, 45, 45))
    goods = ((250, 150, 20), (60, 180, 60), (240, 220, 40))
    for n in range(7):  # fruit piled on the counter
        cx = 22 + n * 20
        draw.ellipse((cx - 9, 38, cx + 9, 56), fill=goods[n % 3])
    draw.rectangle((2, 56, 157, 63), fill=(200, 150, 90))  # counter top
    draw.rectangle((6, 64, 153, 105), fill=(40, 100, 210))  # blue tarpaulin front
    draw.rectangle((6, 106, 153, 115), fill=(45, 45, 45))


def _smoke(draw: ImageDraw.ImageDraw) -> None:
    light, dark = (205, 205, 205), (140, 140, 140)
    puffs = 9
    for n in range(puffs):  # a plume widening as it rises and drifts
        radius = 14 + n * 3
        cx = 50 + n * 3 + (6 if n % 2 else -6)
        cy = 160 - n * 15
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius), fill=light if n % 2 else dark
        )
    draw.polygon(((10, 203), (30, 160), (45, 185), (60, 150), (78, 185), (95, 165), (110, 203)),
                 fill=(255, 110, 0))  # fmt: skip
    draw.polygon(((30, 203), (45, 178), (60, 168), (75, 180), (90, 203)), fill=(255, 215, 0))


def _debris(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((0, 22, 40, 55), fill=(170, 115, 60))  # cardboard boxes
    draw.rectangle((10, 0, 44, 21), fill=(190, 140, 80))
    draw.ellipse((36, 14, 84, 55), fill=(35, 35, 35))  # rubbish bags
    draw.ellipse((70, 24, 104, 55), fill=(40, 125, 60))
    draw.polygon(((100, 55), (118, 2), (135, 55)), fill=(255, 100, 0))  # traffic cone
    draw.rectangle((108, 26, 127, 33), fill=(245, 245, 245))


def _crowd(draw: ImageDraw.ImageDraw) -> None:
    shirts = (
        (210, 40, 40), (40, 90, 210), (40, 170, 70), (240, 200, 30),
        (150, 60, 180), (30, 160, 170), (240, 120, 20),
    )  # fmt: skip
    people = [(8 + n * 32, 6) for n in range(4)] + [(24 + n * 32, 50) for n in range(3)]
    for n, (x, y) in enumerate(people):
        draw.ellipse((x + 2, y, x + 17, y + 15), fill=(235, 190, 150))  # head
        draw.rectangle((x, y + 16, x + 19, y + 45), fill=shirts[n % len(shirts)])  # body
        draw.rectangle((x + 2, y + 46, x + 17, y + 61), fill=(50, 50, 75))  # legs


def _marker(draw: ImageDraw.ImageDraw) -> None:
    draw.polygon(((80, 0), (159, 79), (0, 79)), fill=(230, 30, 30))  # warning triangle
    draw.polygon(((80, 18), (138, 73), (22, 73)), fill=(255, 215, 0))
    draw.rectangle((75, 32, 85, 58), fill=(20, 20, 20))
    draw.rectangle((75, 63, 85, 71), fill=(20, 20, 20))


_PAINTERS = {STALL: _stall, SMOKE: _smoke, DEBRIS: _debris, CROWD: _crowd, MARKER: _marker}


@lru_cache(maxsize=len(ART_KINDS))
def _drawing(kind: str) -> Image.Image:
    """One kind's drawing, the size of its slot, on a transparent background."""
    _x, _y, width, height = SLOTS[kind]
    picture = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    _PAINTERS[kind](ImageDraw.Draw(picture))
    return picture


def _checked(kinds: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(kinds)
    unknown = chosen - set(ART_KINDS)
    if unknown:
        raise ValueError(f"no drawing for {sorted(unknown)}")
    return chosen


def layer_image(kinds: Iterable[str]) -> Image.Image:
    """The overlay layer (``LAYER_BOX`` sized, transparent RGBA) with the given drawing kinds."""
    layer_x, layer_y, width, height = LAYER_BOX
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    for kind in sorted(_checked(kinds)):
        x, y, _w, _h = SLOTS[kind]
        layer.alpha_composite(_drawing(kind), (x - layer_x, y - layer_y))
    return layer


@lru_cache(maxsize=64)
def _layer_yuva(kinds: frozenset[str]) -> bytes:
    rgba = np.asarray(layer_image(kinds), dtype=np.float64)
    r, g, b, alpha = (rgba[:, :, n] for n in range(4))
    # ITU-R BT.601, limited range: what the encoder's scenes are in and decoders assume.
    luma = 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255
    cb = 128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255
    cr = 128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255

    def half(plane: np.ndarray) -> np.ndarray:
        # 4:2:0 chroma: each 2x2 block's colour, weighted by how opaque its pixels are.
        height, width = plane.shape
        weights = alpha.reshape(height // 2, 2, width // 2, 2).sum(axis=(1, 3))
        total = (plane * alpha).reshape(height // 2, 2, width // 2, 2).sum(axis=(1, 3))
        return np.where(weights > 0, total / np.maximum(weights, 1), 128.0)

    planes = (luma, half(cb), half(cr), alpha)
    return b"".join(np.clip(np.rint(p), 0, 255).astype(np.uint8).tobytes() for p in planes)


def layer_yuva420p(kinds: Iterable[str]) -> bytes:
    """The overlay layer as one raw yuva420p picture (``LAYER_BOX`` sized), the form the
    encoder reads every frame without converting it."""
    return _layer_yuva(_checked(kinds))


def layer_png(kinds: Iterable[str]) -> bytes:
    """The overlay layer as an RGBA PNG (to look at, or to lay over a picture in a test)."""
    out = io.BytesIO()
    layer_image(kinds).save(out, "PNG")
    return out.getvalue()


# ---------------------------------------------------------------------- seeing them


@lru_cache(maxsize=len(ART_KINDS))
def _samples(kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Canvas x, canvas y and expected RGB of the points checked for ``kind``.

    Points lie well inside the drawing's opaque shapes, on a coarse grid.
    """
    rgba = np.asarray(_drawing(kind), dtype=np.uint8)
    solid = rgba[:, :, 3] == 255
    colours = rgba[:, :, :3].astype(np.int16)
    inner = solid.copy()
    height, width = solid.shape
    # Keep a point only if every neighbour within the margin is opaque and the same colour.
    for dy in range(-_EDGE_MARGIN, _EDGE_MARGIN + 1):
        for dx in range(-_EDGE_MARGIN, _EDGE_MARGIN + 1):
            shifted_solid = np.zeros_like(solid)
            shifted_colour = np.zeros_like(colours)
            ys = slice(max(0, dy), height + min(0, dy))
            xs = slice(max(0, dx), width + min(0, dx))
            yd = slice(max(0, -dy), height + min(0, -dy))
            xd = slice(max(0, -dx), width + min(0, -dx))
            shifted_solid[yd, xd] = solid[ys, xs]
            shifted_colour[yd, xd] = colours[ys, xs]
            inner &= shifted_solid & np.all(shifted_colour == colours, axis=2)
    grid = np.zeros_like(inner)
    grid[::_SAMPLE_STEP, ::_SAMPLE_STEP] = True
    ys_, xs_ = np.nonzero(inner & grid)
    slot_x, slot_y, _w, _h = SLOTS[kind]
    return xs_ + slot_x, ys_ + slot_y, colours[ys_, xs_]


def _as_rgb(picture: object, *, bgr: bool) -> np.ndarray:
    if isinstance(picture, bytes | bytearray | memoryview):
        with Image.open(io.BytesIO(bytes(picture))) as image:
            return np.asarray(image.convert("RGB"))
    if isinstance(picture, Image.Image):
        return np.asarray(picture.convert("RGB"))
    array = np.asarray(picture)
    if array.ndim != 3 or array.shape[2] not in (3, 4):
        raise ValueError(f"a picture must be height x width x 3 or 4, not {array.shape}")
    array = array[:, :, :3]
    return array[:, :, ::-1] if bgr else array


def _shown_part(width: int, height: int) -> tuple[float, float, float, float]:
    """The part of the canvas (x, y, w, h) a picture of this size shows: all of it, or the
    middle at the picture's aspect ratio (as the encoder crops other shapes)."""
    canvas_w, canvas_h = CANVAS
    if width * canvas_h == height * canvas_w:
        return 0.0, 0.0, float(canvas_w), float(canvas_h)
    if width * canvas_h < height * canvas_w:
        shown_w = canvas_h * width / height
        return (canvas_w - shown_w) / 2, 0.0, shown_w, float(canvas_h)
    shown_h = canvas_w * height / width
    return 0.0, (canvas_h - shown_h) / 2, float(canvas_w), shown_h


def problem_score(picture: object, category: str, *, bgr: bool = False) -> float:
    """The share (0..1) of the drawing for ``category`` found in ``picture``.

    ``picture`` is a decoded frame of a simulated camera at any stream size: a numpy array
    (height x width x 3 or 4, RGB order unless ``bgr``, e.g. libvlc's RV32 or a QImage
    RGB32 buffer is B, G, R, A), a Pillow image, or JPEG/PNG bytes.
    """
    frame = _as_rgb(picture, bgr=bgr)
    height, width = frame.shape[:2]
    xs, ys, expected = _samples(art_for(category))
    left, top, shown_w, shown_h = _shown_part(width, height)
    fx = np.floor((xs + 0.5 - left) * width / shown_w).astype(np.intp)
    fy = np.floor((ys + 0.5 - top) * height / shown_h).astype(np.intp)
    inside = (fx >= 0) & (fx < width) & (fy >= 0) & (fy < height)
    if not inside.any():
        return 0.0
    seen = frame[fy[inside], fx[inside]].astype(np.int16)
    close = np.all(np.abs(seen - expected[inside]) <= MATCH_TOLERANCE, axis=1)
    return float(close.sum()) / float(len(xs))


def problem_visible(picture: object, category: str, *, bgr: bool = False) -> bool:
    """Whether ``picture`` (see ``problem_score``) shows the drawing of ``category``."""
    return problem_score(picture, category, bgr=bgr) >= VISIBLE_SHARE
