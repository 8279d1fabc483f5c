"""The picture an ANPR checkpoint keeps of a pass: the car, its plate and the time, as PNG.

Made with Pillow (a declared dependency) and a CJK font when one is installed; the picture
depends only on its arguments, so a test can draw it again and compare bytes.
"""

from __future__ import annotations

import io
import logging
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from console.domain.vehicles import NEW_ENERGY_SERIAL

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 480, 300
_CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
)
_BLUE_PLATE = ((20, 60, 170), (255, 255, 255))
_GREEN_PLATE = ((110, 200, 120), (20, 20, 20))  # new-energy plates: dark text on green


@lru_cache(maxsize=4)
def _font(size: int) -> Any:
    from PIL import ImageFont

    for path in _CJK_FONTS:
        if path.exists():
            try:
                return ImageFont.truetype(str(path), size)
            except OSError:
                logger.debug("cannot load font %s", path)
    return ImageFont.load_default()


def snapshot_png(plate: str, taken_at: datetime, caption: str, *, shade: int = 0) -> bytes:
    """A checkpoint picture of ``plate`` with ``caption`` and the local time burned in.

    ``taken_at`` is printed as given (pass it in the checkpoint's local time); ``shade``
    varies the car's colour between passes.
    """
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), (58, 60, 66))
    draw = ImageDraw.Draw(image)
    for x in range(-40, WIDTH, 70):  # lane marks converging a little, as seen from a gantry
        draw.polygon(
            [(x + 20, 0), (x + 26, 0), (x + 40, HEIGHT), (x + 32, HEIGHT)], (200, 200, 190)
        )
    car = ((shade * 53) % 200 + 30, (shade * 97) % 200 + 30, (shade * 31) % 200 + 30)
    draw.rounded_rectangle([110, 40, 370, 240], radius=28, fill=car)
    draw.rectangle([140, 60, 340, 120], fill=(30, 34, 40))  # windscreen
    serial = plate.split("·")[-1]
    background, ink = _GREEN_PLATE if len(serial) == NEW_ENERGY_SERIAL else _BLUE_PLATE
    draw.rectangle([160, 170, 320, 212], fill=background, outline=(240, 240, 240), width=2)
    font = _font(26)
    left, top, right, bottom = draw.textbbox((0, 0), plate, font=font)
    draw.text((240 - (right - left) / 2 - left, 191 - (bottom - top) / 2 - top), plate, ink, font)
    draw.rectangle([0, HEIGHT - 44, WIDTH, HEIGHT], fill=(0, 0, 0))
    small = _font(16)
    draw.text((8, HEIGHT - 42), caption, (255, 255, 255), small)
    draw.text((8, HEIGHT - 22), f"{taken_at:%Y-%m-%d %H:%M:%S}  {plate}", (255, 230, 120), small)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # fast: a search may draw a hundred
    return out.getvalue()
