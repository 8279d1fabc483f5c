"""Small generated pictures for the field simulator: feedback photos taken on the scene.

With Pillow installed a photo is a JPEG with a caption (CJK font when one is found); without
it, a PNG written with zlib alone. Either way the picture depends only on its seed and
caption, so a test can regenerate and compare it.
"""

from __future__ import annotations

import io
import logging
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 480, 360
_CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
)


@dataclass(frozen=True, slots=True)
class Photo:
    """Encoded picture bytes and how to label them in an upload."""

    data: bytes
    content_type: str
    filename: str


def scene_photo(caption: str, seed: int) -> Photo:
    """A street-scene picture with ``caption`` along the bottom."""
    try:
        return _pillow_photo(caption, seed)
    except ImportError:
        return Photo(_plain_png(seed), "image/png", "photo.png")


def _scene_colours(seed: int) -> tuple[tuple[int, int, int], ...]:
    rng = random.Random(seed)
    return tuple(
        (rng.randrange(40, 220), rng.randrange(40, 220), rng.randrange(40, 220)) for _ in range(6)
    )


def _pillow_photo(caption: str, seed: int) -> Photo:
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon = HEIGHT * 5 // 9
    for y in range(horizon):  # sky
        shade = 150 + 90 * y // horizon
        draw.line([(0, y), (WIDTH, y)], fill=(shade - 60, shade - 20, 255))
    draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=(96, 96, 100))  # road
    for x in range(0, WIDTH, 60):  # lane marks
        draw.rectangle([x, horizon + 70, x + 30, horizon + 76], fill=(235, 235, 235))
    for colour in _scene_colours(seed):  # buildings
        left = rng.randrange(0, WIDTH - 60)
        top = rng.randrange(horizon // 3, horizon - 20)
        draw.rectangle([left, top, left + rng.randrange(40, 110), horizon], fill=colour)
    draw.rectangle([0, HEIGHT - 36, WIDTH, HEIGHT], fill=(0, 0, 0))
    draw.text((8, HEIGHT - 30), caption, fill=(255, 255, 255), font=_font(ImageFont))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return Photo(out.getvalue(), "image/jpeg", "photo.jpg")


def _font(image_font: Any) -> Any:
    for path in _CJK_FONTS:
        if path.exists():
            try:
                return image_font.truetype(str(path), 18)
            except OSError:
                logger.debug("cannot load font %s", path)
    return image_font.load_default()


def _plain_png(seed: int) -> bytes:
    """A PNG of coloured bands, encoded by hand (no imaging library needed)."""
    colours = _scene_colours(seed)
    band = HEIGHT // len(colours) + 1
    rows = bytearray()
    for y in range(HEIGHT):
        rows.append(0)  # filter type: none
        rows.extend(bytes(colours[y // band]) * WIDTH)
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 6))
        + _png_chunk(b"IEND", b"")
    )


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
